import { describe, expect, it } from 'vitest';
import { getKindModule } from '../../../shared/kinds/registry';

const create = (kind: string, name = 'web', ns?: string) => getKindModule(kind)!.create(name, ns) as unknown as Record<string, never>;

describe('the objects a user gets for a new resource', () => {
  it('a Deployment selects its own template labels and serves pods with readiness and liveness probes', () => {
    const d = create('Deployment');
    expect(d.spec).toMatchObject({ selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } } } });
    const c = (d.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers[0];
    expect(c.readinessProbe).toBeDefined();
    expect(c.livenessProbe).toBeDefined();
  });

  it('a StatefulSet names its governing Service and claims 1Gi per pod, mounted at /data', () => {
    const s = create('StatefulSet', 'db');
    expect(s.spec).toMatchObject({
      serviceName: 'db',
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      template: { spec: { containers: [{ volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } },
    });
  });

  it('a Job and a CronJob never restart pods Always, which the API server would refuse', () => {
    expect(create('Job').spec).toMatchObject({ template: { spec: { restartPolicy: 'Never' } } });
    expect(create('CronJob').spec).toMatchObject({ schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure' } } } } });
  });

  it('a Service exposes port 80 to the container port named http', () => {
    expect(create('Service').spec).toMatchObject({ type: 'ClusterIP', ports: [{ port: 80, targetPort: 'http' }] });
  });

  it('an Ingress routes nowhere until connected, rather than to a Service that does not exist', () => {
    expect(create('Ingress', 'shop').spec).toEqual({});
  });

  it('a PersistentVolumeClaim asks for 1Gi ReadWriteOnce', () => {
    expect(create('PersistentVolumeClaim').spec).toMatchObject({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
  });

  it('a PersistentVolume offers 10Gi ReadWriteOnce on the node disk and keeps its data when released', () => {
    expect(create('PersistentVolume', 'disk').spec).toMatchObject({
      capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/mnt/data/disk' },
    });
  });

  it('a StorageClass has a provisioner and is not silently made the default class', () => {
    const sc = create('StorageClass');
    expect(sc.provisioner).toBeTruthy();
    expect((sc.metadata as { annotations?: object }).annotations).toBeUndefined();
  });

  it('a NetworkPolicy isolates the namespace for ingress yet lets its own pods talk', () => {
    expect(create('NetworkPolicy').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }] }] });
  });

  it('a ResourceQuota caps cpu, memory, pods and storage', () => {
    const hard = (create('ResourceQuota').spec as { hard: Record<string, string> }).hard;
    for (const key of ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'pods', 'persistentvolumeclaims']) expect(hard[key]).toBeTruthy();
  });

  it('a LimitRange gives containers default limits and default requests', () => {
    expect(create('LimitRange').spec).toMatchObject({
      limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }],
    });
  });

  it('a HorizontalPodAutoscaler scales a Deployment on CPU, which one left for the user to connect', () => {
    expect(create('HorizontalPodAutoscaler', 'api').spec).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: '' }, minReplicas: 2, maxReplicas: 10,
    });
  });

  it('a ConfigMap and a Secret hold keys that envFrom can import as variables', () => {
    for (const keys of [Object.keys(create('ConfigMap').data), Object.keys(create('Secret').stringData)]) {
      for (const k of keys) expect(k).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    }
  });
});
