/** Small builders for reference tests: objects from the kind modules' defaults, tweaked per test. */
import { getKindModule } from '../../../shared/kinds/registry';
import type { KubeObject } from '../../../shared/model/object';
import { ObjectIndex } from '../../../shared/kinds/objectIndex';
import { resolveReferences, type Reference } from '../../../shared/references';

/** A new object of `kind` as the palette creates it, with `patch` applied (deep-merged into it). */
export function make(kind: string, name: string, namespace?: string, patch: Record<string, unknown> = {}): KubeObject {
  const o = getKindModule(kind)!.create(name, namespace);
  return merge(o, patch) as KubeObject;
}

function merge(base: unknown, patch: unknown): unknown {
  if (!isObj(base) || !isObj(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = v === undefined ? undefined : merge(base[k], v);
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The references one rule produces for the whole design. */
export function refs(rule: string, objects: KubeObject[]): Reference[] {
  return resolveReferences(objects).filter((r) => r.rule === rule);
}

/** The single reference a rule produces from `source` (fails the test when there is not exactly one). */
export function onlyRef(rule: string, objects: KubeObject[], source: KubeObject): Reference {
  const index = new ObjectIndex(objects);
  const key = index.keyOf(source);
  const found = resolveReferences(index).filter((r) => r.rule === rule && r.source === key);
  if (found.length !== 1) throw new Error(`expected one ${rule} reference from ${key}, got ${found.length}: ${JSON.stringify(found)}`);
  return found[0];
}

export function keyOf(o: KubeObject): string {
  return new ObjectIndex([o]).keyOf(o);
}
