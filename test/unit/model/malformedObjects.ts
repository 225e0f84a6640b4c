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

/** Field names the rules read: junk is also added under these, where the default object has none. */
const FIELDS = [
  'matchLabels', 'matchExpressions', 'values', 'operator', 'ports', 'env', 'envFrom', 'valueFrom', 'volumes', 'from', 'to',
  'ingress', 'egress', 'policyTypes', 'podSelector', 'namespaceSelector', 'ipBlock', 'except', 'rules', 'http', 'paths',
  'backend', 'defaultBackend', 'service', 'port', 'targetPort', 'protocol', 'selector', 'labels', 'annotations', 'namespace',
  'limits', 'hard', 'containers', 'initContainers', 'template', 'accessModes', 'resources', 'volumeName', 'claimRef',
  'scaleTargetRef', 'metrics', 'volumeClaimTemplates', 'imagePullSecrets', 'projected', 'sources', 'configMap', 'secret',
];

/** Every object node of a JSON tree. */
function objectNodes(root: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') { out.push(v as Record<string, unknown>); Object.values(v).forEach(walk); }
  };
  walk(root);
  return out;
}

/** A default object of any kind with a few fields (at any depth, metadata and kind included) replaced or added as junk. */
export const malformedObject = fc
  .record({
    module: fc.constantFrom(...kinds),
    ns: fc.constantFrom(undefined, 'shop', 'blog'),
    name: fc.constantFrom('web', 'db', 'x'),
    picks: fc.array(fc.tuple(fc.nat(), junk, fc.option(fc.constantFrom(...FIELDS), { nil: undefined })), { minLength: 0, maxLength: 4 }),
  })
  .map(({ module, ns, name, picks }) => {
    const o = module.create(name, ns) as unknown as Record<string, unknown>;
    for (const [n, value, field] of picks) {
      if (field !== undefined) {
        const nodes = objectNodes(o);
        nodes[n % nodes.length][field] = structuredClone(value);
        continue;
      }
      const all = slots(o);
      if (all.length === 0) break;
      const [parent, key] = all[n % all.length];
      parent[key] = structuredClone(value);
    }
    return o as unknown as KubeObject;
  });
