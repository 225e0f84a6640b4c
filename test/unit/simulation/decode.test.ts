/**
 * The simulated API server refuses what the real decoder cannot turn into Go structs, with its
 * message, instead of letting a controller trip over it (k8s.io/apimachinery's JSON serializer;
 * a `null` list item decodes to the zero struct, which validation then refuses).
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/model/object';
import { run } from './helpers';

const deployment = (podSpec: unknown, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: podSpec }, ...extra },
});

const refusal = (objects: KubeObject[]) => {
  const r = run(objects);
  return r.applied.filter((a) => a.result === 'failed').map((a) => a.message);
};

describe('the simulated API server decodes bodies as the real one does', () => {
  it('refuses containers given as a string, naming the Go struct field and type', () => {
    expect(refusal([deployment({ containers: 'nginx' })])).toEqual([
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    ]);
  });

  it('refuses a container port list of the wrong type, and a selector that is a list', () => {
    expect(refusal([deployment({ containers: [{ name: 'c', image: 'nginx', ports: { containerPort: 80 } }] })])[0]).toMatch(
      /cannot unmarshal object into Go struct field PodSpec\.spec\.template\.spec\.containers\.ports of type \[\]v1\.ContainerPort$/,
    );
    expect(refusal([deployment({ containers: [{ name: 'c', image: 'nginx' }] }, { selector: ['app=web'] })])[0]).toMatch(
      /cannot unmarshal array into Go struct field DeploymentSpec\.spec\.selector of type v1\.LabelSelector$/,
    );
  });

  it('a null container is the zero Container: name and image are required', () => {
    expect(refusal([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [null] } }])).toEqual([
      'The Pod "p" is invalid: \n* spec.containers[0].name: Required value\n* spec.containers[0].image: Required value',
    ]);
  });

  it('a null Service port is the zero ServicePort: port 0 is out of range', () => {
    const service: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [null] } };
    expect(refusal([service])).toEqual(['The Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']);
  });

  it('well-formed objects are untouched: the Deployment runs its pods', () => {
    const r = run([deployment({ containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] })]);
    expect(r.applied.map((a) => a.result)).toEqual(['created']);
    expect(r.pods.filter((p) => p.phase === 'Running')).toHaveLength(2);
  });
});
