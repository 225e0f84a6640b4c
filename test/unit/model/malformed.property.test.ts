// Imported YAML can hold anything anywhere: none of the pure entry points may throw on it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultCluster } from '../../../shared/design/types';
import { allKindModules } from '../../../shared/kinds/registry';
import type { KubeObject } from '../../../shared/model/object';
import { ObjectIndex } from '../../../shared/model/objectIndex';
import { resolveReferences } from '../../../shared/references';
import { connect } from '../../../shared/references/connect';
import { computeConnectivity, snapshotFromObjects } from '../../../shared/simulation/network';
import { validateObjects } from '../../../shared/validation';

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
const malformedObject = fc
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

const objectsArb = fc.array(malformedObject, { minLength: 1, maxLength: 10 });

describe('malformed objects never throw out of the pure entry points', () => {
  it('resolveReferences', () => {
    fc.assert(fc.property(objectsArb, (objects) => { expect(Array.isArray(resolveReferences(objects))).toBe(true); }), { numRuns: 300 });
  });

  it('validateObjects', () => {
    fc.assert(fc.property(objectsArb, (objects) => { expect(Array.isArray(validateObjects(objects))).toBe(true); }), { numRuns: 150 });
  });

  it('snapshotFromObjects and computeConnectivity', () => {
    fc.assert(
      fc.property(objectsArb, (objects) => {
        const snapshot = snapshotFromObjects(objects, defaultCluster());
        expect(Array.isArray(computeConnectivity(snapshot))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('connect', () => {
    fc.assert(
      fc.property(malformedObject, malformedObject, (a, b) => {
        expect(typeof connect(a, b, new ObjectIndex([a, b])).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('malformed objects found by the properties above, kept as fixed cases', () => {
  const cases = {
    'metadata: null': [{ apiVersion: 'v1', kind: 'Service', metadata: null, spec: { selector: { app: 'web' } } }],
    'a number for apiVersion': [{ apiVersion: 7, kind: 'Namespace', metadata: { name: 'web' } }],
    'a boolean for a LimitRange limits list': [
      { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { 'requests.cpu': '1' } } },
      { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'lr' }, spec: { limits: true } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    ],
    'a boolean for a CronJob containers list': [
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { containers: true } } } } } },
    ],
    'strings where NetworkPolicy lists belong': [
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np' }, spec: { podSelector: 'all', policyTypes: 'Ingress', ingress: 'any', egress: [{ to: 'x', ports: [7] }] } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 3 } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: 'http' }] } },
    ],
  } as unknown as Record<string, KubeObject[]>;

  for (const [what, objects] of Object.entries(cases)) {
    it(`${what}: references, validation, connectivity and connect all answer`, () => {
      expect(Array.isArray(resolveReferences(objects))).toBe(true);
      expect(validateObjects(objects).length).toBeGreaterThan(0);
      expect(Array.isArray(computeConnectivity(snapshotFromObjects(objects, defaultCluster())))).toBe(true);
      expect(typeof connect(objects[0], objects[objects.length - 1], new ObjectIndex(objects)).ok).toBe('boolean');
    });
  }
});
