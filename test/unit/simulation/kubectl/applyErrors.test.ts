// Golden tests: how `kubectl apply -f` / `create -f` print a refused object (cmdutil.CheckErr for one
// error, MultipleErrors for several: staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go).
import { describe, expect, it } from 'vitest';
import { cluster } from './setup';

const BAD = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  replicas: -1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: web, image: nginx}]}
`;

const GOOD = `apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data: {a: b}
`;

describe('kubectl apply -f of an invalid object', () => {
  it('prints one refusal from its details, as kubectl does (The Deployment "x" is invalid: …)', () => {
    const { kubectl } = cluster();
    const r = kubectl('apply -f -', undefined, BAD('api'));
    expect(r).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr: 'The Deployment "api" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    });
    expect(kubectl('create -f -', undefined, BAD('api')).stderr).toBe('The Deployment "api" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
  });

  it('prints the objects that went in first and the refusals after them; several refusals one per line with their file', () => {
    const { kubectl } = cluster();
    const r = kubectl('apply -f -', undefined, `${GOOD}---\n${BAD('api')}---\n${BAD('worker')}`);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('configmap/settings created\n');
    expect(r.stderr).toBe(
      'Error from server (Invalid): error when creating "STDIN": Deployment "api" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n' +
      'Error from server (Invalid): error when creating "STDIN": Deployment "worker" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
  });

  it('a refusal other than Invalid keeps the file it came from', () => {
    const { kubectl } = cluster();
    const r = kubectl('apply -f -', undefined, GOOD.replace('namespace: shop', 'namespace: nowhere'));
    expect(r.stderr).toBe('Error from server (NotFound): error when creating "STDIN": namespaces "nowhere" not found\n');
  });
});
