/**
 * Edges, derived from the reference table, are computed, never stored. They depend only on the
 * objects, so they are memoised on the design's `resources` array, which every action replaces
 * exactly when an object changes (moving cards within a namespace keeps it, so a drag never
 * re-resolves references). Problems are validated off the editing path: see analysis.ts.
 */
import { cardGroups } from '../../shared/design/cardGroups';
import type { Design } from '../../shared/design/types';
import { keyOf, ObjectIndex } from '../../shared/kinds/objectIndex';
import { aggregateTargets, edgeKindOf, resolveReferences, type EdgeKind, type Reference, type ReferenceRelation } from '../../shared/references';
import type { KubeplanState } from './store';

export interface DesignEdge {
  /** Stable for React keys and hit tests: `<rule>:<sourceId>:<targetId|missing>:<n>`. */
  id: string;
  rule: string;
  relation: ReferenceRelation;
  /** The relation, with policy peers split into ingress (`policy-from`) and egress (`policy-to`). */
  kind: EdgeKind;
  sourceId: string;
  /** Undefined when the reference is broken (nothing matches) or reaches a whole namespace. */
  targetId?: string;
  /** A whole namespace the reference reaches (every pod in it): one edge to its frame. */
  targetFrame?: string;
  label: string;
  problem?: Reference['problem'];
}

export interface DesignIndex {
  index: ObjectIndex;
  /** Resource id by objectKey. */
  idByKey: Map<string, string>;
  references: Reference[];
  edges: DesignEdge[];
}

/** Memoise a function of the design's objects on the identity of its resources array. */
function memoOnResources<T>(compute: (d: Design) => T): (d: Design) => T {
  let lastResources: Design['resources'] | undefined;
  let last: T;
  return (d) => {
    if (d.resources !== lastResources) {
      last = compute(d);
      lastResources = d.resources;
    }
    return last;
  };
}

export const designIndex = memoOnResources((d: Design): DesignIndex => {
  performance.mark('kubeplan:resolve-references'); // counted by the canvas benchmark
  const objects = d.resources.map((r) => r.object);
  const index = new ObjectIndex(objects);
  const idByKey = new Map<string, string>();
  const namespaceIds = new Set<string>();
  for (const r of d.resources) {
    idByKey.set(keyOf(r.object), r.id);
    if (r.object.kind === 'Namespace') namespaceIds.add(r.id);
  }
  const references = resolveReferences(index);
  const edges: DesignEdge[] = [];
  // A pod drawn on its workload's card: its edges end at that card, once per reference.
  const { memberOf } = cardGroups(d.resources);
  const cardOf = (id: string | undefined) => (id === undefined ? undefined : (memberOf.get(id) ?? id));
  const seen = memberOf.size > 0 ? new Set<string>() : undefined;
  for (const ref of references) {
    const sourceId = cardOf(idByKey.get(ref.source));
    if (!sourceId) continue;
    const base = `${ref.rule}:${sourceId}:${ref.path}`;
    const kind = edgeKindOf(ref);
    if (ref.targets.length === 0) {
      if (seen) {
        if (seen.has(`${base}:missing`)) continue;
        seen.add(`${base}:missing`);
      }
      edges.push({ id: `${base}:missing`, rule: ref.rule, relation: ref.relation, kind, sourceId, label: ref.label, problem: ref.problem });
      continue;
    }
    // A whole-namespace peer is one edge to the namespace's frame, not one per workload in it.
    const { targets, namespaces } = aggregateTargets(ref);
    for (const ns of namespaces) {
      if (seen) {
        if (seen.has(`${base}:ns:${ns}`)) continue;
        seen.add(`${base}:ns:${ns}`);
      }
      edges.push({ id: `${base}:ns:${ns}`, rule: ref.rule, relation: ref.relation, kind, sourceId, targetFrame: ns, label: ref.label });
    }
    for (const target of targets) {
      const targetId = cardOf(idByKey.get(target));
      // A Namespace is drawn as the frame around its objects: containment already shows the link.
      if (!targetId || namespaceIds.has(targetId)) continue;
      const id = `${base}:${targetId}`;
      if (seen) {
        if (targetId === sourceId || seen.has(id)) continue;
        seen.add(id);
      }
      edges.push({ id, rule: ref.rule, relation: ref.relation, kind, sourceId, targetId, label: ref.label });
    }
  }
  return { index, idByKey, references, edges };
});

export const selectDesign = (s: KubeplanState) => s.design;
export const selectEdges = (s: KubeplanState) => designIndex(s.design).edges;
export const selectSelection = (s: KubeplanState) => s.selection;
export const selectViewport = (s: KubeplanState) => s.viewport;
export const selectDirty = (s: KubeplanState) => s.file.dirty;
export const selectFilePath = (s: KubeplanState) => s.file.path;
export const selectResourceCount = (s: KubeplanState) => s.design.resources.length;

/** The resource with an id (atomic: re-renders only when that resource changes). */
export const selectResource = (id: string) => (s: KubeplanState) => s.design.resources.find((r) => r.id === id);

/** The resource id of the object with this objectKey (problems list → canvas). */
export function resourceIdForKey(d: Design, key: string): string | undefined {
  return designIndex(d).idByKey.get(key);
}
