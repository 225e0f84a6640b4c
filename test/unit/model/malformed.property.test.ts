// Imported YAML can hold anything anywhere: none of the pure entry points may throw on it.
// Connectivity is built from the simulated steady state (shared/simulation/session/network.ts); what
// keeps malformed objects out of it is the loader and networkInputProblems (cli/commands/connectivity.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../../../shared/model/object';
import { ObjectIndex } from '../../../shared/kinds/objectIndex';
import { resolveReferences } from '../../../shared/references';
import { connect } from '../../../shared/references/connect';
import { validateObjects } from '../../../shared/validation';
import { malformedObject } from './malformedObjects';

const objectsArb = fc.array(malformedObject, { minLength: 1, maxLength: 10 });

describe('malformed objects never throw out of the pure entry points', () => {
  it('resolveReferences', () => {
    fc.assert(fc.property(objectsArb, (objects) => { expect(Array.isArray(resolveReferences(objects))).toBe(true); }), { numRuns: 300 });
  });

  it('validateObjects', () => {
    fc.assert(fc.property(objectsArb, (objects) => { expect(Array.isArray(validateObjects(objects))).toBe(true); }), { numRuns: 150 });
  });

  // connect: test/unit/references/malformed.test.ts, over the same objects.
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
    it(`${what}: references, validation and connect all answer`, () => {
      expect(Array.isArray(resolveReferences(objects))).toBe(true);
      expect(validateObjects(objects).length).toBeGreaterThan(0);
      expect(typeof connect(objects[0], objects[objects.length - 1], new ObjectIndex(objects)).ok).toBe('boolean');
    });
  }
});

describe('selectors of the wrong shape', () => {
  const deployment = (selector: unknown) => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
    spec: { selector, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  }) as unknown as KubeObject;

  it.each([
    ['a number for matchExpressions', { matchExpressions: 5 }],
    ['a null requirement', { matchExpressions: [null] }],
    ['a string for matchLabels', { matchLabels: 'app=web' }],
    ['a number for a requirement values list', { matchExpressions: [{ key: 'app', operator: 'In', values: 5 }] }],
  ])('%s: validation reports it, nothing throws', (_what, selector) => {
    const objects = [deployment(selector)];
    expect(validateObjects(objects).length).toBeGreaterThan(0);
    expect(Array.isArray(resolveReferences(objects))).toBe(true);
  });
});
