/**
 * The design holds real Kubernetes objects. `KubeObject` is the loose shape every object has
 * (unknown kinds included); typed views come from `kubernetes-types` where a kind is known.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta & { name: string };
  [field: string]: unknown;
}


export const DEFAULT_NAMESPACE = 'default';

/** The API group of an apiVersion (`apps/v1` → `apps`, `v1` → ``). */
export function apiGroup(apiVersion: unknown): string {
  // Imported YAML may hold anything here; a non-string apiVersion belongs to the core group.
  if (typeof apiVersion !== 'string') return '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * A stable string key for an object: `group/Kind/namespace/name` (core group and cluster-scoped
 * objects leave their part empty). Two objects with the same key are the same API object.
 */
export function objectKey(o: { apiVersion: string; kind: string; metadata?: { name?: string; namespace?: string } }, namespaced = true): string {
  const ns = namespaced ? metadataNamespace(o) : '';
  return `${apiGroup(o.apiVersion)}/${o.kind}/${ns}/${o.metadata?.name ?? ''}`;
}

/** The namespace a namespaced object is in: an unset, empty or non-text one is `default`, as kubectl applies it. */
export function metadataNamespace(o: { metadata?: unknown }): string {
  const ns = isPlainObject(o.metadata) ? o.metadata.namespace : undefined;
  return typeof ns === 'string' && ns ? ns : DEFAULT_NAMESPACE;
}

/** The name of an object, `''` when its metadata is malformed. */
export function metadataName(o: { metadata?: unknown }): string {
  const name = isPlainObject(o.metadata) ? o.metadata.name : undefined;
  return typeof name === 'string' ? name : '';
}


export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep clone of plain JSON data (objects, arrays, scalars), keeping key order. */
// Available in Node and every browser; declared here because shared/ compiles without DOM types.
declare function structuredClone<T>(value: T): T;

export function cloneJson<T>(v: T): T {
  return structuredClone(v);
}
