/**
 * Edge kinds and whole-namespace aggregation: how a drawing reads the reference table. A policy
 * peer that is a whole namespace (namespaceSelector alone, or with `podSelector: {}`) reaches
 * every pod there; drawn pod by pod, 200 such policies over 50 namespaces are tens of thousands of
 * lines, so the namespace is one target instead. Direction: an ingress `from` peer sends traffic
 * into the policy's pods; an egress `to` peer receives it (kubernetes.io/docs/concepts/services-networking/network-policies/).
 */
import type { Reference, ReferenceRelation } from './types';

/** What an edge means, for colours, legend and filters: relations, with policy peers split by direction. */
export type EdgeKind = Exclude<ReferenceRelation, 'policy-peer'> | 'policy-from' | 'policy-to';

export const EDGE_KINDS: readonly EdgeKind[] = ['selects', 'routes', 'mounts', 'config', 'binds', 'scales', 'policy-target', 'policy-from', 'policy-to', 'constrains', 'role-ref', 'subject'];

export function edgeKindOf(ref: Pick<Reference, 'relation' | 'direction'>): EdgeKind {
  if (ref.relation !== 'policy-peer') return ref.relation;
  return ref.direction === 'to' ? 'policy-to' : 'policy-from';
}

/**
 * True when traffic (or the reference's sense) flows from the target to the source, so the arrow
 * points at the source: an ingress peer's edge points into the policy's pods.
 */
export function pointsAtSource(kind: EdgeKind): boolean {
  return kind === 'policy-from';
}

/** The namespace part of an objectKey (`group/kind/namespace/name`; `''` for cluster-scoped objects). */
export function namespaceOfKey(key: string): string {
  const a = key.indexOf('/');
  const b = key.indexOf('/', a + 1);
  const c = key.indexOf('/', b + 1);
  return a < 0 || b < 0 || c < 0 ? '' : key.slice(b + 1, c);
}

export interface AggregatedTargets {
  /** Targets still drawn one by one (objects outside the whole namespaces). */
  targets: string[];
  /** Namespaces reached as a whole: one edge to each one's frame. */
  namespaces: string[];
}

/**
 * Split a reference's targets into whole namespaces and the rest: objects in a namespace the
 * reference reaches whole (and that Namespace object itself) fold into that namespace.
 */
export function aggregateTargets(ref: Pick<Reference, 'targets' | 'wholeNamespaces'>): AggregatedTargets {
  const whole = ref.wholeNamespaces;
  if (!whole || whole.length === 0) return { targets: ref.targets, namespaces: [] };
  const set = new Set(whole);
  const targets = ref.targets.filter((key) => {
    if (set.has(namespaceOfKey(key))) return false;
    // The Namespace object of a whole-namespace peer (`/Namespace//<name>`) is its frame.
    return !(key.startsWith('/Namespace//') && set.has(key.slice('/Namespace//'.length)));
  });
  return { targets, namespaces: whole };
}
