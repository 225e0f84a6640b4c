import { describe, expect, it } from 'vitest';
import { allKindModules } from '../../../shared/kinds/registry';
import { validateObjects } from '../../../shared/validation';
import { deployment, lines, loose, object, service } from './helpers';

describe('schema validation against the Kubernetes OpenAPI schemas', () => {
  it('reports wrong types, unsupported enum values and missing required fields with their field paths', () => {
    const d = deployment('web');
    const spec = loose(d).spec;
    spec.replicas = 'three';
    spec.strategy = { type: 'BlueGreen' };
    spec.template.spec.containers[0].ports[0].containerPort = '80';
    delete spec.template.spec.containers[0].name;
    const problems = validateObjects([d]).filter((p) => p.rule === 'schema');
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['spec.replicas', 'Invalid value: "three": must be of type integer'],
      ['spec.strategy.type', 'Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate"'],
      ['spec.template.spec.containers[0].name', 'Required value'],
      ['spec.template.spec.containers[0].ports[0].containerPort', 'Invalid value: "80": must be of type integer'],
    ]);
    expect(problems.every((p) => p.severity === 'error' && p.kind === 'Deployment' && p.namespace === 'shop' && p.name === 'web')).toBe(true);
    expect(problems.find((p) => p.path.endsWith('.name'))?.hint).toBe('Add spec.template.spec.containers[0].name.');
  });

  it('explains a malformed quantity once, in the API server\'s words', () => {
    const d = deployment('web');
    loose(d).spec.template.spec.containers[0].resources.limits.cpu = 'lots';
    expect(lines(validateObjects([d]), 'schema')).toEqual([
      "Deployment web spec.template.spec.containers[0].resources.limits.cpu: Invalid value: \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ]);
  });

  it('accepts a targetPort that is a number or a name, and rejects one that is neither', () => {
    const ok = service('web', 'shop', { app: 'web' }, [{ port: 80, targetPort: 8080 }, { port: 81, targetPort: 'http' }]);
    expect(lines(validateObjects([ok]), 'schema')).toEqual([]);
    const bad = service('web', 'shop', { app: 'web' }, [{ port: 80, targetPort: true }]);
    expect(lines(validateObjects([bad]), 'schema')).toEqual(['Service web spec.ports[0].targetPort: Invalid value: true: must be of type integer or string']);
  });

  it('treats null as an unset field, as the API server does', () => {
    const d = deployment('web');
    loose(d).metadata.labels = null;
    loose(d).spec.strategy = null;
    expect(lines(validateObjects([d]), 'schema')).toEqual([]);
  });

  it('keys that are not identifiers are shown in brackets', () => {
    const d = deployment('web');
    loose(d).metadata.annotations = { 'example.com/owner': 42 };
    expect(lines(validateObjects([d]), 'schema')).toEqual(['Deployment web metadata.annotations[example.com/owner]: Invalid value: 42: must be of type string']);
  });

  it('gives unknown kinds and custom resources no schema problems', () => {
    const widget = object('example.com/v1', 'Widget', 'w1', 'shop', { spec: { anything: [1, 'two'] } });
    const knative = object('serving.knative.dev/v1', 'Service', 'hello', 'shop', { spec: { template: {} } });
    expect(validateObjects([widget, knative])).toEqual([]);
  });

  it('reports a built-in kind at a version no cluster serves, as kubectl does', () => {
    const old = object('extensions/v1beta1', 'Deployment', 'legacy', 'shop', { spec: {} });
    const problems = validateObjects([old]);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'api-version',
        path: 'apiVersion',
        message: 'no matches for kind "Deployment" in version "extensions/v1beta1"',
        hint: 'Use apiVersion: apps/v1.',
      }),
    ]);
  });

  it('reports a misspelt kind in a stable built-in version, with the kind it probably meant', () => {
    const typo = object('apps/v1', 'Deploymnet', 'web', 'shop', { spec: {} });
    const lower = object('v1', 'configmap', 'cfg', 'shop');
    const problems = validateObjects([typo, lower]).map((p) => [p.rule, p.path, p.message, p.hint]);
    expect(problems).toEqual([
      ['api-version', 'kind', 'no matches for kind "Deploymnet" in version "apps/v1"', 'Did you mean kind: Deployment (apiVersion: apps/v1)?'],
      ['api-version', 'kind', 'no matches for kind "configmap" in version "v1"', 'Did you mean kind: ConfigMap (apiVersion: v1)?'],
    ]);
  });

  it('everything in the removed extensions group is refused; other groups may serve kinds we do not know', () => {
    const psp = object('extensions/v1beta1', 'PodSecurityPolicy', 'restricted', undefined, { spec: {} });
    expect(validateObjects([psp]).map((p) => p.message)).toEqual(['no matches for kind "PodSecurityPolicy" in version "extensions/v1beta1"']);
    const slice = object('discovery.k8s.io/v1', 'EndpointSlice', 'web-abc', 'shop', { addressType: 'IPv4', endpoints: [] });
    const node = object('v1', 'Node', 'node-1', undefined, { spec: {} });
    expect(validateObjects([slice, node])).toEqual([]);
  });

  it('finds nothing wrong in the default object of every kind module', () => {
    const objects = allKindModules().map((m) => m.create(`new-${m.kind.toLowerCase()}`, m.namespaced ? 'shop' : undefined));
    expect(lines(validateObjects(objects), 'schema')).toEqual([]);
  });
});

describe('hints for the usual YAML slips', () => {
  it('a number or boolean where text is wanted should be quoted; a quoted number should not', () => {
    const d = deployment('web');
    loose(d).metadata.labels = { enabled: true };
    loose(d).spec.template.spec.containers[0].env = [{ name: 'PORT', value: 8080 }];
    loose(d).spec.template.spec.containers[0].ports[0].containerPort = '80';
    const hints = validateObjects([d]).filter((p) => p.rule === 'schema').map((p) => [p.path, p.hint]);
    expect(hints).toEqual([
      ['metadata.labels.enabled', 'Quote it, "true", so YAML reads it as text.'],
      ['spec.template.spec.containers[0].env[0].value', 'Quote it, "8080", so YAML reads it as text.'],
      ['spec.template.spec.containers[0].ports[0].containerPort', 'Write 80 without quotes.'],
    ]);
  });
});
