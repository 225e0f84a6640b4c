import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObjectIndex } from '../../../shared/kinds/objectIndex';
import { compareProblems, validateObjects } from '../../../shared/validation';
import { comparePaths } from '../../../shared/validation/problem';
import { deployment, loose, object, service } from './helpers';

function brokenShop() {
  const web = deployment('web', 'shop', { selector: { matchLabels: { app: 'web' } }, labels: { app: 'webx' } });
  loose(web).spec.replicas = 'two';
  return [
    object('v1', 'Namespace', 'shop', undefined),
    web,
    service('web', 'shop', { app: 'web' }),
    service('api', 'shop', { app: 'api' }, [{ port: 80, targetPort: 'grpc' }]),
    deployment('api'),
    object('v1', 'ConfigMap', 'Bad_Name', 'shop'),
    object('v1', 'ConfigMap', 'cfg', 'other'),
    object('v1', 'ConfigMap', 'cfg', 'other'),
    object('v1', 'ResourceQuota', 'q', 'shop', { spec: { hard: { 'limits.cpu': '1' } } }),
    deployment('bare', 'shop', { containers: [{ name: 'bare', image: 'x' }] }),
  ];
}

describe('validateObjects', () => {
  it('a Service selecting no pods comes from the reference table as a warning', () => {
    const problems = validateObjects([service('web', 'shop', { app: 'nothing' })]);
    expect(problems).toEqual([
      {
        severity: 'warning',
        rule: 'service-selector',
        objectKey: '/Service/shop/web',
        kind: 'Service',
        namespace: 'shop',
        name: 'web',
        path: 'spec.selector',
        message: 'Service "web" selects no pods: nothing in namespace "shop" has labels app=nothing',
        hint: "Change the selector to match a workload's pod template labels, or connect the Service to a workload.",
      },
    ]);
  });

  it('a valid little app has no problems', () => {
    expect(validateObjects([object('v1', 'Namespace', 'shop', undefined), deployment('web'), service('web')])).toEqual([]);
  });

  it('lists problems sorted by namespace, kind, name and path, cluster-scoped objects first', () => {
    const problems = validateObjects([...brokenShop(), object('v1', 'Namespace', 'Bad.NS', undefined)]);
    expect(problems.map((p) => `${p.namespace ?? '-'} ${p.kind}/${p.name} ${p.path} ${p.rule}`)).toEqual([
      '- Namespace/Bad.NS metadata.name name',
      'other ConfigMap/cfg metadata.name duplicate',
      'shop ConfigMap/Bad_Name metadata.name name',
      'shop Deployment/bare spec.template.spec.containers[0].resources quota-requires-resources',
      'shop Deployment/web spec.replicas schema',
      'shop Deployment/web spec.template.metadata.labels selector-mismatch',
      'shop Service/api spec.ports[0].targetPort service-target-port',
      'shop Service/web spec.selector service-selector',
    ]);
    expect([...problems].sort(compareProblems)).toEqual(problems);
  });

  it('gives the same problems in the same order whatever the order of the objects', () => {
    const objects = brokenShop();
    const expected = validateObjects(objects);
    fc.assert(
      fc.property(fc.shuffledSubarray(objects, { minLength: objects.length, maxLength: objects.length }), (shuffled) => {
        const got = validateObjects(shuffled);
        // Which copy of a duplicate is "the later one" follows the input order; everything else is identical.
        expect(got.filter((p) => p.rule !== 'duplicate')).toEqual(expected.filter((p) => p.rule !== 'duplicate'));
        expect(got.filter((p) => p.rule === 'duplicate')).toHaveLength(1);
      }),
      { numRuns: 30 },
    );
  });

  it('accepts an ObjectIndex as well as an array', () => {
    const objects = brokenShop();
    expect(validateObjects(new ObjectIndex(objects))).toEqual(validateObjects(objects));
  });

  it('every problem says how bad, which object, which field and what is wrong', () => {
    for (const p of validateObjects(brokenShop())) {
      expect(['error', 'warning']).toContain(p.severity);
      expect(p.rule && p.objectKey && p.kind && p.name && p.path && p.message).toBeTruthy();
      expect(p.message).not.toContain('\n');
    }
  });

  it('an object without metadata needs a name, and breaks nothing else', () => {
    const problems = validateObjects([{ apiVersion: 'v1', kind: 'Namespace' }, { apiVersion: 'v1', kind: 'Service', metadata: null, spec: { selector: { app: 'x' } } }] as never[]);
    expect(problems.filter((p) => p.rule === 'name').map((p) => `${p.kind} ${p.path}: ${p.message}`)).toEqual([
      'Namespace metadata.name: Required value: name or generateName is required',
      'Service metadata.name: Required value: name or generateName is required',
    ]);
  });

  it('survives objects with missing or malformed parts', () => {
    const weird = [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: 'nope' },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'y' }, spec: { template: { spec: { containers: 'no' } } } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'z' }, spec: { selector: { app: 'y' }, ports: 'no' } },
      { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: 'no' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: 'no' },
    ] as never[];
    const problems = validateObjects(weird);
    expect(problems.filter((p) => p.rule === 'schema').map((p) => `${p.name} ${p.path}: ${p.message}`)).toEqual([
      ' metadata: Invalid value: "no": must be of type object',
      'x spec: Invalid value: "nope": must be of type object',
      'y spec.selector: Required value',
      'y spec.template.spec.containers: Invalid value: "no": must be of type array',
      'q spec.hard: Invalid value: "no": must be of type object',
      'z spec.ports: Invalid value: "no": must be of type array',
    ]);
  });
});

describe('fields of the wrong type at the top', () => {
  it('says a number for apiVersion or kind is not a string, as decoding the manifest would', () => {
    const problems = validateObjects([{ apiVersion: 7, kind: 'Namespace', metadata: { name: 'a' } }, { apiVersion: 'v1', kind: ['Pod'], metadata: { name: 'b' } }] as never[]);
    expect(problems.filter((p) => p.rule === 'api-version').map((p) => `${p.name} ${p.path}: ${p.message}`)).toEqual([
      'a apiVersion: Invalid value: 7: must be of type string',
      'b kind: Invalid value: ["Pod"]: must be of type string',
    ]);
  });
});

describe('problem order', () => {
  it('compares indexes in field paths as numbers', () => {
    const paths = ['spec.ports[10].name', 'spec.ports[2].name', 'spec.ports[2]', 'spec.ports[1].port', 'metadata.name'];
    expect([...paths].sort(comparePaths)).toEqual(['metadata.name', 'spec.ports[1].port', 'spec.ports[2]', 'spec.ports[2].name', 'spec.ports[10].name']);
  });
});

describe('validation loaded on demand', () => {
  it('loadValidateObjects gives the same validation, loaded once', async () => {
    const { loadValidateObjects } = await import('../../../shared/validation/lazy');
    const first = loadValidateObjects();
    expect(loadValidateObjects()).toBe(first);
    const validate = await first;
    expect(validate(brokenShop())).toEqual(validateObjects(brokenShop()));
  });
});
