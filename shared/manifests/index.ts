/**
 * Kubernetes manifests in and out: parse YAML/JSON text with file and line, export in apply
 * order (shared/design turns imported objects into a laid-out design). Pure: no file system here (see main/core/inputs).
 */
export type { LoadedObject, ManifestError, ObjectSource } from './types';
export { formatManifestError } from './types';
export { parseManifests, type ParseResult } from './parse';
export { exportManifests, exportManifestsByNamespace, dumpObject, CLUSTER_FILE } from './export';
export { sortForApply, applyRank, targetNamespace, UNKNOWN_KIND_RANK } from './order';
export { MAX_FILE_BYTES, MAX_DEPTH, MAX_ALIASES, MAX_EXPANDED_NODES, formatBytes } from './limits';
