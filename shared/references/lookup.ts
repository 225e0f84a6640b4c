/**
 * Fast lookups the reference rules share, cached per ObjectIndex (an index never changes).
 * The rules may import shared/kinds freely: the kind modules only declare references and import
 * nothing of shared/references (docs/architecture.md, "Layers inside shared").
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../model/object';
import type { ObjectIndex, PodTemplateEntry } from '../kinds/objectIndex';
import { labelSelector } from '../model/guards';
import { selectorMatches, type Labels } from '../model/selector';
import type { Reference, ReferenceRelation } from './types';

/** The namespace of a namespaced source object (every rule's source kind is namespaced). */
export { metadataNamespace as sourceNamespace } from '../model/object';

/** An object by group, kind, namespace (`''` for cluster-scoped kinds) and name, in O(1). */
export function findObject(index: ObjectIndex, group: string, kind: string, namespace: string, name: string): KubeObject | undefined {
  return index.get(`${group}/${kind}/${namespace}/${name}`);
}

interface LabelIndex {
  /** namespace → `key=value` → pod templates carrying that label. */
  byLabel: Map<string, Map<string, PodTemplateEntry[]>>;
}

const labelIndexes = new WeakMap<ObjectIndex, LabelIndex>();

function labelIndex(index: ObjectIndex): LabelIndex {
  let li = labelIndexes.get(index);
  if (!li) {
    li = { byLabel: new Map() };
    for (const t of index.podTemplates('*')) {
      let ns = li.byLabel.get(t.namespace);
      if (!ns) li.byLabel.set(t.namespace, (ns = new Map()));
      for (const [k, v] of Object.entries(t.labels)) {
        const key = `${k}=${v}`;
        const list = ns.get(key);
        if (list) list.push(t);
        else ns.set(key, [t]);
      }
    }
    labelIndexes.set(index, li);
  }
  return li;
}

/**
 * The pod templates carrying the rarest of the required labels; undefined when none is required.
 * Not the first label: a label every app shares (`part-of: shop`) would make each lookup scan the
 * whole namespace, and the design quadratic.
 */
function rarestLabel(index: ObjectIndex, namespace: string, required: [string, unknown][]): readonly PodTemplateEntry[] | undefined {
  if (required.length === 0) return undefined;
  const byLabel = labelIndex(index).byLabel.get(namespace);
  let best: readonly PodTemplateEntry[] | undefined;
  for (const [k, v] of required) {
    const list = byLabel?.get(`${k}=${v}`) ?? [];
    if (!best || list.length < best.length) best = list;
    if (best.length === 0) break;
  }
  return best;
}

/** Pod templates in a namespace that carry every label of a plain map (Service-style; empty selects nothing). */
export function templatesWithLabels(index: ObjectIndex, namespace: string, labels: Labels): PodTemplateEntry[] {
  const entries = Object.entries(labels);
  if (entries.length === 0) return [];
  const candidates = rarestLabel(index, namespace, entries) ?? [];
  return candidates.filter((t) => entries.every(([key, value]) => t.labels[key] === value));
}

/** Pod templates in a namespace that a LabelSelector selects (`{}` selects all). */
export function templatesSelectedBy(index: ObjectIndex, namespace: string, raw: LabelSelector): readonly PodTemplateEntry[] {
  const selector = labelSelector(raw) ?? {};
  // `{}` selects the whole namespace: hand back the index's own list (callers only read it).
  if (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0) return index.podTemplates(namespace);
  const candidates = rarestLabel(index, namespace, Object.entries(selector.matchLabels ?? {})) ?? index.podTemplates(namespace);
  return candidates.filter((t) => selectorMatches(selector, t.labels));
}

/** Namespaces (named in the design) whose labels, including kubernetes.io/metadata.name, a selector selects. */
export function namespacesSelectedBy(index: ObjectIndex, raw: LabelSelector): string[] {
  const selector = labelSelector(raw) ?? {};
  const out: string[] = [];
  for (const [name, labels] of index.namespaces()) if (selectorMatches(selector, labels)) out.push(name);
  return out.sort();
}

const ownerKeyCache = new WeakMap<readonly PodTemplateEntry[], string[]>();

/** Unique object keys of pod templates, in design order (a fresh array; whole-namespace lists are cached). */
export function ownerKeys(templates: readonly PodTemplateEntry[]): string[] {
  let keys = ownerKeyCache.get(templates);
  if (!keys) {
    keys = [...new Set(templates.map((t) => t.ownerKey))];
    ownerKeyCache.set(templates, keys);
  }
  return keys.slice();
}

export interface ProblemSpec {
  severity: 'error' | 'warning';
  message: string;
  hint?: string;
}

/** Builds a Reference, leaving `problem` out when there is none. */
export function reference(
  rule: string,
  relation: ReferenceRelation,
  source: string,
  path: string,
  label: string,
  targets: string[],
  problem?: ProblemSpec,
): Reference {
  return { rule, relation, source, targets, path, label, ...(problem ? { problem } : {}) };
}

export function formatLabels(labels: Labels): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
}

export { items, labelSelector, rec, str, strings } from '../model/guards';

export { metadataName as nameOf } from '../model/object';
