/**
 * The catalogue of kinds Kubeplan knows. Anything else is kept as a generic resource.
 */
import { apiGroup } from '../model/object';
import type { AnyKindModule } from './types';
import { ALL_KINDS } from './all';

const byKind = new Map<string, AnyKindModule>();
for (const m of ALL_KINDS) byKind.set(m.kind, m as AnyKindModule);

/**
 * The module for a kind, or undefined for kinds Kubeplan does not know. When `apiVersion` is given
 * it must be the module's group (any version of the group is accepted: `autoscaling/v2` only today).
 */
export function getKindModule(kind: string, apiVersion?: string): AnyKindModule | undefined {
  const m = byKind.get(kind);
  if (!m) return undefined;
  if (apiVersion !== undefined && apiGroup(apiVersion) !== apiGroup(m.apiVersion)) return undefined;
  return m;
}

export function allKindModules(): readonly AnyKindModule[] {
  return ALL_KINDS as readonly AnyKindModule[];
}

/**
 * Whether objects of a kind live in a namespace. Unknown kinds are assumed namespaced when they
 * carry a namespace (most custom resources are); the exporter keeps whatever the object says.
 */
export function isNamespaced(kind: string, apiVersion?: string): boolean {
  const m = getKindModule(kind, apiVersion);
  return m ? m.namespaced : !CLUSTER_SCOPED_UNKNOWN.has(kind);
}

/** Well-known cluster-scoped kinds that have no module of their own. */
const CLUSTER_SCOPED_UNKNOWN = new Set([
  'Node', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PriorityClass',
  'IngressClass', 'RuntimeClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
  'APIService', 'CSIDriver', 'VolumeAttachment',
]);
