/**
 * The reference table: the references every kind module declares, each with its resolver, resolved
 * against a set of objects.
 */
import { allKindModules, catalogueGeneration, getKindModule } from '../kinds/registry';
import type { KubeObject } from '../model/object';
import { ObjectIndex } from '../kinds/objectIndex';
import { podSpecRules } from './rules/podSpec';
import { RULES } from './rules';
import type { Reference, ReferenceRule } from './types';

export type { Reference, ReferenceRule, ReferenceRelation } from './types';

let rulesByKind: Map<string, ReferenceRule[]> | undefined;
let rulesGeneration = -1;

export function referenceRules(): ReadonlyMap<string, ReferenceRule[]> {
  if (!rulesByKind || rulesGeneration !== catalogueGeneration()) {
    rulesByKind = new Map();
    rulesGeneration = catalogueGeneration();
    const byId = new Map(RULES.map((r) => [`${r.from}/${r.id}`, r]));
    for (const m of allKindModules()) {
      const podRules = m.podTemplatePath !== undefined && m.podTemplate ? podSpecRules(m.kind, m.podTemplatePath, m.podTemplate) : [];
      for (const d of m.references) {
        const r = byId.get(`${d.from}/${d.id}`) ?? podRules.find((p) => p.id === d.id);
        if (!r) throw new Error(`Kind ${m.kind} declares reference "${d.id}" but shared/references has no rule that resolves it.`);
        const list = rulesByKind.get(r.from) ?? [];
        list.push(r);
        rulesByKind.set(r.from, list);
      }
    }
  }
  return rulesByKind;
}

/** Resolve every reference every object makes. */
export function resolveReferences(objects: readonly KubeObject[] | ObjectIndex): Reference[] {
  const index = objects instanceof ObjectIndex ? objects : new ObjectIndex(objects);
  const rules = referenceRules();
  const out: Reference[] = [];
  for (const o of index.objects) {
    const kindRules = rules.get(o.kind);
    // Same kind, other group (a Knative `Service`, an old `extensions` Ingress): not ours to read.
    if (!kindRules || !getKindModule(o.kind, o.apiVersion)) continue;
    for (const rule of kindRules) {
      try {
        out.push(...rule.resolve(o, index));
      } catch {
        // A malformed object (a list where a map belongs, …) cannot be followed; schema
        // validation reports the malformed field, and one bad object must not hide the rest.
      }
    }
  }
  return out;
}

export { aggregateTargets, EDGE_KINDS, edgeKindOf, namespaceOfKey, pointsAtSource, type AggregatedTargets, type EdgeKind } from './aggregate';
