/**
 * Apply order: what `kubectl apply -f` needs to exist first. Namespaces, StorageClasses, PVs,
 * ResourceQuotas and LimitRanges, ConfigMaps and Secrets, PVCs, workloads, Services, Ingress,
 * NetworkPolicies, HPAs; unknown kinds after the known ones; stable within a rank.
 */
import { getKindModule, isNamespaced } from '../kinds/registry';
import { DEFAULT_NAMESPACE, type KubeObject } from '../model/object';

/**
 * Ranks on the kind modules' `applyOrder` scale, for kinds whose module is not (yet) in the
 * registry and for well-known kinds Kubeplan keeps as generic resources. A module's own
 * `applyOrder` always wins. CRDs go right after Namespaces so their custom resources can apply.
 */
const FALLBACK_ORDER: Record<string, number> = {
  Namespace: 0,
  CustomResourceDefinition: 2,
  PriorityClass: 4,
  ClusterRole: 6,
  ClusterRoleBinding: 7,
  StorageClass: 10,
  PersistentVolume: 20,
  ResourceQuota: 30,
  LimitRange: 30,
  ServiceAccount: 35,
  Role: 36,
  RoleBinding: 37,
  ConfigMap: 40,
  Secret: 40,
  PersistentVolumeClaim: 50,
  Deployment: 60,
  StatefulSet: 60,
  DaemonSet: 60,
  ReplicaSet: 60,
  Job: 60,
  CronJob: 60,
  Pod: 60,
  Service: 70,
  IngressClass: 75,
  Ingress: 80,
  NetworkPolicy: 90,
  PodDisruptionBudget: 95,
  HorizontalPodAutoscaler: 100,
};

/** Rank of kinds Kubeplan does not know: after every known kind. */
export const UNKNOWN_KIND_RANK = 1000;

export function applyRank(o: Pick<KubeObject, 'kind' | 'apiVersion'>): number {
  return getKindModule(o.kind, o.apiVersion)?.applyOrder ?? FALLBACK_ORDER[o.kind] ?? UNKNOWN_KIND_RANK;
}

/** The objects in apply order (a new array; ties keep their input order). */
export function sortForApply<T extends Pick<KubeObject, 'kind' | 'apiVersion'>>(objects: readonly T[]): T[] {
  const ranked = objects.map((o, i) => ({ o, i, rank: applyRank(o) }));
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  return ranked.map((r) => r.o);
}

/** Cluster-scoped built-in kinds, for when their module is not in the registry. */
const CLUSTER_SCOPED = new Set(['Namespace', 'StorageClass', 'PersistentVolume']);

/**
 * The namespace an object lands in when applied: `''` for cluster-scoped kinds, `default` when
 * unset. A kind Kubeplan does not know is taken as namespaced when it names a namespace (as the
 * registry assumes) and as cluster-scoped when it does not (a ClusterIssuer, a ClusterPolicy…).
 */
export function targetNamespace(o: KubeObject): string {
  const module = getKindModule(o.kind, o.apiVersion);
  if (module) return module.namespaced ? o.metadata?.namespace || DEFAULT_NAMESPACE : '';
  if (CLUSTER_SCOPED.has(o.kind) || !isNamespaced(o.kind, o.apiVersion)) return '';
  return o.metadata?.namespace || '';
}
