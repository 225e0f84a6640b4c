// Objects as imported YAML can hold them: a default object of any kind with junk anywhere.
import fc from 'fast-check';
import { allKindModules } from '../../../shared/kinds/registry';
import type { KubeObject } from '../../../shared/model/object';

const kinds = allKindModules();

const junk = fc.oneof(
  fc.constant(null),
  fc.constant('no'),
  fc.constant(7),
  fc.constant(-1),
  fc.constant(1e12),
  fc.constant(true),
  fc.constant([]),
  fc.constant({}),
  fc.constant([null, 'x', 3]),
  fc.constant([{}]),
  fc.constant({ app: 3 }),
);

/** Every (container, key) slot of a JSON tree, top-level ones included. */
function slots(root: unknown): [Record<string | number, unknown>, string | number][] {
  const out: [Record<string | number, unknown>, string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => { out.push([v as never, i]); walk(x); });
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.push([v as Record<string, unknown>, k]); walk(x); }
  };
  walk(root);
  return out;
}

/** A default object of any kind with a few fields (at any depth, metadata and kind included) replaced by junk. */
export const malformedObject = fc
  .record({
    module: fc.constantFrom(...kinds),
    ns: fc.constantFrom(undefined, 'shop', 'blog'),
    name: fc.constantFrom('web', 'db', 'x'),
    picks: fc.array(fc.tuple(fc.nat(), junk), { minLength: 0, maxLength: 4 }),
  })
  .map(({ module, ns, name, picks }) => {
    const o = module.create(name, ns) as unknown as Record<string, unknown>;
    for (const [n, value] of picks) {
      const all = slots(o);
      if (all.length === 0) break;
      const [parent, key] = all[n % all.length];
      parent[key] = structuredClone(value);
    }
    return o as unknown as KubeObject;
  });

