/**
 * Export: design objects → Kubernetes YAML that `kubectl apply -f` accepts unchanged, in apply
 * order. Objects are written exactly as held (key order and unknown fields kept); the design's
 * layout and ids live beside the objects and so never reach the output.
 */
import { dump } from 'js-yaml';
import type { KubeObject } from '../model/object';
import { sortForApply, targetNamespace } from './order';

/** File name for cluster-scoped objects in a per-namespace export ('_' is never in a namespace name). */
export const CLUSTER_FILE = '_cluster.yaml';

// lineWidth -1: never fold long strings (folding changes nothing semantically but hurts diffs);
// noRefs: never emit anchors, kubectl users expect plain objects.
const DUMP_OPTIONS = { lineWidth: -1, noRefs: true } as const;

export function dumpObject(o: KubeObject): string {
  return dump(o, DUMP_OPTIONS);
}

/** One multi-document YAML text, in apply order. Empty input gives an empty string. */
export function exportManifests(objects: readonly KubeObject[]): string {
  return joinDocuments(sortForApply(objects).map(dumpObject));
}

/**
 * One file per namespace (`<namespace>.yaml`) plus `_cluster.yaml` for cluster-scoped objects
 * (Namespaces among them), each in apply order. Map order: `_cluster.yaml` first, then namespaces
 * by name.
 */
export function exportManifestsByNamespace(objects: readonly KubeObject[]): Map<string, string> {
  const groups = new Map<string, KubeObject[]>();
  for (const o of sortForApply(objects)) {
    const ns = targetNamespace(o);
    const file = ns ? namespaceFileName(ns) : CLUSTER_FILE;
    const list = groups.get(file);
    if (list) list.push(o);
    else groups.set(file, [o]);
  }
  const names = [...groups.keys()].sort((a, b) => (a === CLUSTER_FILE ? -1 : b === CLUSTER_FILE ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return new Map(names.map((name) => [name, joinDocuments(groups.get(name)!.map(dumpObject))]));
}

/**
 * `<namespace>.yaml`. A namespace that is not a DNS-1123 label (validation reports it) still gets
 * a safe file name, never a path: `../x` must not write outside the export folder.
 */
export function namespaceFileName(ns: string): string {
  if (/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(ns) && ns.length <= 63) return `${ns}.yaml`;
  return `_invalid-${ns.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 80)}.yaml`;
}

function joinDocuments(docs: string[]): string {
  return docs.join('---\n');
}
