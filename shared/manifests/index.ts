/**
 * Kubernetes manifests in and out: parse YAML/JSON text with file and line, export in apply
 * order (shared/design turns imported objects into a laid-out design). Pure: no file system here (see main/core/inputs).
 */
export type { LoadedObject, ManifestError } from './types';
export { formatManifestError } from './types';
export { parseManifests } from './parse';
export { exportManifests, exportManifestsByNamespace, CLUSTER_FILE } from './export';
export { sortForApply } from './order';
export { MAX_FILE_BYTES, formatBytes } from './limits';
