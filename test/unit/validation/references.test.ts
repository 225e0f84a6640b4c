import { describe, expect, it } from 'vitest';
import { validateObjects } from '../../../shared/validation';
import { container, deployment, object, service } from './helpers';

/** Broken references come from the reference table; validation reports each once, at its field. */
describe('broken references as problems', () => {
  const ingress = (backend: Record<string, unknown>) =>
    object('networking.k8s.io/v1', 'Ingress', 'shop', 'shop', {
      spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: backend } }] } }] },
    });

  it('an Ingress backend naming a missing Service is an error', () => {
    const problems = validateObjects([deployment('web'), service('web'), ingress({ name: 'frontend', port: { number: 80 } })]);
    expect(problems.map((p) => [p.severity, p.rule, p.kind, p.path])).toEqual([
      ['error', 'ingress-backend', 'Ingress', 'spec.rules[0].http.paths[0].backend.service.name'],
    ]);
    expect(problems[0].message).toContain('"frontend"');
  });

  it('an Ingress backend naming a port the Service does not have is an error', () => {
    const problems = validateObjects([deployment('web'), service('web'), ingress({ name: 'web', port: { number: 8080 } })]);
    expect(problems.map((p) => [p.severity, p.rule, p.path])).toEqual([['error', 'ingress-backend', 'spec.rules[0].http.paths[0].backend.service.port']]);
  });

  it('a ConfigMap or Secret referenced but absent is an error, unless optional', () => {
    const d = deployment('web', 'shop', {
      containers: [
        container('web', {
          envFrom: [{ configMapRef: { name: 'web-config' } }, { secretRef: { name: 'maybe', optional: true } }],
          env: [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db-secret', key: 'password' } } }],
        }),
      ],
    });
    const problems = validateObjects([d, service('web')]);
    expect(problems.map((p) => [p.severity, p.rule, p.path])).toEqual([
      ['error', 'pod-config', 'spec.template.spec.containers[0].envFrom[0].configMapRef'],
      ['error', 'pod-config', 'spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef'],
    ]);
    const fixed = validateObjects([
      d,
      service('web'),
      object('v1', 'ConfigMap', 'web-config', 'shop', { data: {} }),
      object('v1', 'Secret', 'db-secret', 'shop', { stringData: { password: 'x' } }),
    ]);
    expect(fixed).toEqual([]);
  });

  it('a PVC that no PV or StorageClass can satisfy is reported on the claim', () => {
    const pvc = object('v1', 'PersistentVolumeClaim', 'data', 'shop', {
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
    });
    const problems = validateObjects([pvc]);
    expect(problems.map((p) => [p.rule, p.kind, p.name])).toEqual([['pvc-binding', 'PersistentVolumeClaim', 'data']]);
    expect(problems[0].message).toContain('no persistent volumes available for this claim and no storage class is set');
    const pv = object('v1', 'PersistentVolume', 'pv-1', undefined, {
      spec: { capacity: { storage: '20Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } },
    });
    expect(validateObjects([pvc, pv])).toEqual([]);
  });

  it('a workload mounting a missing claim is an error', () => {
    const d = deployment('db');
    const spec = (d.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    spec.volumes = [{ name: 'data', persistentVolumeClaim: { claimName: 'db-data' } }];
    const problems = validateObjects([d]);
    expect(problems.map((p) => [p.severity, p.rule, p.path])).toEqual([['error', 'pod-volume-claim', 'spec.template.spec.volumes[0].persistentVolumeClaim.claimName']]);
  });
});
