import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allKindModules } from '../../../shared/kinds/registry';
import type { KubeObject } from '../../../shared/model/object';
import { ObjectIndex } from '../../../shared/model/objectIndex';
import { referenceRules } from '../../../shared/references';
import { connect } from '../../../shared/references/connect';

const kinds = allKindModules();

/** A value that is sometimes right-shaped and often not: imported YAML can hold anything. */
const junk = fc.oneof(fc.constant(null), fc.constant('no'), fc.constant(7), fc.constant([]), fc.constant({}), fc.constant([null, 'x', 3]), fc.constant([{}]));

/** A default object with a few of its fields (at any depth) replaced by junk. */
const malformedObject = fc
  .record({
    module: fc.constantFrom(...kinds),
    ns: fc.constantFrom(undefined, 'shop', 'blog'),
    name: fc.constantFrom('web', 'db', 'x'),
    picks: fc.array(fc.tuple(fc.nat(), junk), { minLength: 1, maxLength: 4 }),
  })
  .map(({ module, ns, name, picks }) => {
    const o = module.create(name, ns) as unknown as Record<string, unknown>;
    for (const [n, value] of picks) {
      const slots = paths(o);
      const [parent, key] = slots[n % slots.length];
      parent[key] = structuredClone(value);
    }
    return o as unknown as KubeObject;
  });

/** Every (container, key) slot of a JSON tree except apiVersion/kind/metadata.name, which the index needs. */
function paths(root: unknown): [Record<string | number, unknown>, string | number][] {
  const out: [Record<string | number, unknown>, string | number][] = [];
  const walk = (v: unknown, top: boolean) => {
    if (Array.isArray(v)) v.forEach((x, i) => { out.push([v as never, i]); walk(x, false); });
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (top && (k === 'apiVersion' || k === 'kind')) continue;
        if (k === 'name' && out.length === 1) continue;
        out.push([v as Record<string, unknown>, k]);
        walk(x, false);
      }
    }
  };
  walk(root, true);
  return out;
}

describe('references of malformed objects', () => {
  it('resolve without throwing, whatever sits where a field should be', () => {
    fc.assert(
      fc.property(fc.array(malformedObject, { minLength: 1, maxLength: 12 }), (objects) => {
        // Each rule on its own: resolveReferences would also swallow a throw, losing that object's edges.
        const index = new ObjectIndex(objects);
        for (const o of index.objects) for (const rule of referenceRules().get(o.kind) ?? []) rule.resolve(o, index);
      }),
      { numRuns: 400 },
    );
  });

  it('connect never throws either: it writes the field or says why not', () => {
    fc.assert(
      fc.property(malformedObject, malformedObject, (a, b) => {
        const result = connect(a, b, new ObjectIndex([a, b]));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 400 },
    );
  });
});
