/**
 * Apply order: what `kubectl apply -f` needs to exist first, one order for export and the simulator
 * (the ranks are the kind modules' `applyOrder`, see shared/kinds/defaults.ts APPLY_ORDER); unknown
 * kinds after the known ones; stable within a rank.
 */
import { APPLY_ORDER } from '../kinds/defaults';
import { getKindInfo, getKindModule, isNamespaced } from '../kinds/registry';
import { DEFAULT_NAMESPACE, type KubeObject } from '../model/object';

/** Rank of kinds Kubeplan does not know: after every known kind. */
export const UNKNOWN_KIND_RANK = APPLY_ORDER.Unranked;

export function applyRank(o: Pick<KubeObject, 'kind' | 'apiVersion'>): number {
  return getKindInfo(o.kind)?.applyOrder ?? UNKNOWN_KIND_RANK;
}

/** The objects in apply order (a new array; ties keep their input order). */
export function sortForApply<T extends Pick<KubeObject, 'kind' | 'apiVersion'>>(objects: readonly T[], rankOf = applyRank): T[] {
  const ranked = objects.map((o, i) => ({ o, i, rank: rankOf(o) }));
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  return ranked.map((r) => r.o);
}

/**
 * The namespace an object lands in when applied: `''` for cluster-scoped kinds, `default` when
 * unset. A kind Kubeplan does not know is taken as namespaced when it names a namespace (as the
 * registry assumes) and as cluster-scoped when it does not (a ClusterIssuer, a ClusterPolicy…).
 */
export function targetNamespace(o: KubeObject): string {
  const module = getKindModule(o.kind, o.apiVersion);
  if (module) return module.namespaced ? o.metadata?.namespace || DEFAULT_NAMESPACE : '';
  if (getKindInfo(o.kind)?.namespaced === false || !isNamespaced(o.kind, o.apiVersion)) return '';
  return o.metadata?.namespace || '';
}
