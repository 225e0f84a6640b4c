// Objects the cluster writes by itself, which a real dump of pods refers to without holding them.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/model/object';
import { make, refs } from './helpers';

function podWith(podSpec: Record<string, unknown>): KubeObject {
  const d = make('Deployment', 'web', 'shop');
  Object.assign((d.spec as { template: { spec: Record<string, unknown> } }).template.spec, podSpec);
  return d;
}

/** What `kubectl get pod -o yaml` shows for the ServiceAccount admission plugin's volume (v1.22+). */
const kubeApiAccess = {
  name: 'kube-api-access-x7k2p',
  projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }, { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }, { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } }] },
};

describe('references the cluster satisfies by itself are no problem', () => {
  it.each([
    {
      rule: 'root-ca-cert-publisher (pkg/controller/certificates/rootcacertpublisher) writes ConfigMap kube-root-ca.crt into every namespace',
      spec: { volumes: [kubeApiAccess] },
    },
    {
      rule: 'tokens_controller.go: GenerateName(fmt.Sprintf("%s-token-", serviceAccount.Name)) — the default ServiceAccount\'s legacy token',
      spec: { volumes: [{ name: 'default-token-q8x9z', secret: { secretName: 'default-token-q8x9z', defaultMode: 420 } }] },
    },
    {
      rule: 'the legacy token of the pod\'s own serviceAccountName',
      spec: { serviceAccountName: 'build-robot', volumes: [{ name: 't', secret: { secretName: 'build-robot-token-7xk2b' } }] },
    },
  ])('$rule', ({ spec }) => {
    const r = refs('pod-config', [podWith(spec)]);
    expect(r.length).toBeGreaterThan(0);
    expect(r.map((x) => x.problem)).toEqual(r.map(() => undefined));
  });

  it.each([
    ['a token Secret of another ServiceAccount', { serviceAccountName: 'api', volumes: [{ name: 't', secret: { secretName: 'default-token-q8x9z' } }] }, 'secret "default-token-q8x9z" not found'],
    ['a name that only looks like a token (vowels never appear in the suffix)', { volumes: [{ name: 't', secret: { secretName: 'default-token-abcde' } }] }, 'secret "default-token-abcde" not found'],
    ['another ConfigMap', { volumes: [{ name: 'c', configMap: { name: 'kube-root-ca' } }] }, 'configmap "kube-root-ca" not found'],
  ])('still reported: %s', (_name, spec, message) => {
    const r = refs('pod-config', [podWith(spec)]);
    expect(r[0].problem?.message).toContain(message);
  });
});
