import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/model/object';
import { keyOf, make, refs } from './helpers';

/** A Deployment in `shop` whose single container (and pod spec) carry the given extra fields. */
function deployWith(container: Record<string, unknown>, podSpec: Record<string, unknown> = {}): KubeObject {
  const d = make('Deployment', 'web', 'shop');
  const spec = (d.spec as { template: { spec: { containers: Record<string, unknown>[] } & Record<string, unknown> } }).template.spec;
  Object.assign(spec, podSpec);
  Object.assign(spec.containers[0], container);
  return d;
}

const cm = make('ConfigMap', 'settings', 'shop', { data: { LOG_LEVEL: 'debug' } });
const secret = make('Secret', 'db', 'shop', { stringData: undefined, data: { PASSWORD: 'cGFzcw==' } });

describe('workload → ConfigMap and Secret', () => {
  it('reaches a ConfigMap and a Secret by env valueFrom keys', () => {
    const d = deployWith({
      env: [
        { name: 'LOG_LEVEL', valueFrom: { configMapKeyRef: { name: 'settings', key: 'LOG_LEVEL' } } },
        { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'PASSWORD' } } },
      ],
    });
    const r = refs('pod-config', [cm, secret, d]);
    expect(r.map((x) => [x.path, x.targets, x.problem])).toEqual([
      ['spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef', [keyOf(cm)], undefined],
      ['spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef', [keyOf(secret)], undefined],
    ]);
  });

  it('reaches whole ConfigMaps and Secrets by envFrom and by volume', () => {
    const d = deployWith(
      { envFrom: [{ configMapRef: { name: 'settings' } }, { secretRef: { name: 'db' } }] },
      { volumes: [{ name: 'cfg', configMap: { name: 'settings' } }, { name: 'creds', secret: { secretName: 'db' } }] },
    );
    const r = refs('pod-config', [cm, secret, d]);
    expect(r.every((x) => x.problem === undefined)).toBe(true);
    expect(r.map((x) => x.path).sort()).toEqual([
      'spec.template.spec.containers[0].envFrom[0].configMapRef',
      'spec.template.spec.containers[0].envFrom[1].secretRef',
      'spec.template.spec.volumes[0].configMap.name',
      'spec.template.spec.volumes[1].secret.secretName',
    ]);
  });

  it('reports a missing ConfigMap in the kubelet\'s words', () => {
    const [r] = refs('pod-config', [deployWith({ envFrom: [{ configMapRef: { name: 'absent' } }] })]);
    expect(r.targets).toEqual([]);
    expect(r.problem).toMatchObject({ severity: 'error', message: 'Deployment "web" container "web" envFrom: configmap "absent" not found' });
  });

  it('reports a missing Secret volume as MountVolume.SetUp failed', () => {
    const [r] = refs('pod-config', [deployWith({}, { volumes: [{ name: 'creds', secret: { secretName: 'nope' } }] })]);
    expect(r.problem?.message).toBe('Deployment "web" MountVolume.SetUp failed for volume "creds": secret "nope" not found');
  });

  it('reports a key the ConfigMap or Secret does not hold', () => {
    const d = deployWith({ env: [
      { name: 'X', valueFrom: { configMapKeyRef: { name: 'settings', key: 'MISSING' } } },
      { name: 'Y', valueFrom: { secretKeyRef: { name: 'db', key: 'USER' } } },
    ] });
    const r = refs('pod-config', [cm, secret, d]);
    expect(r.map((x) => x.problem?.message)).toEqual([
      'Deployment "web" container "web" env X: couldn\'t find key MISSING in ConfigMap shop/settings',
      'Deployment "web" container "web" env Y: couldn\'t find key USER in Secret shop/db',
    ]);
    expect(r.map((x) => x.targets)).toEqual([[keyOf(cm)], [keyOf(secret)]]);
  });

  it('finds keys of a Secret written as stringData and of a ConfigMap written as binaryData', () => {
    const s = make('Secret', 'api', 'shop');
    const bin = make('ConfigMap', 'blob', 'shop', { data: undefined, binaryData: { 'logo.png': 'iVBORw0=' } });
    const d = deployWith({ env: [
      { name: 'P', valueFrom: { secretKeyRef: { name: 'api', key: 'PASSWORD' } } },
      { name: 'L', valueFrom: { configMapKeyRef: { name: 'blob', key: 'logo.png' } } },
    ] });
    expect(refs('pod-config', [s, bin, d]).map((x) => x.problem)).toEqual([undefined, undefined]);
  });

  it('optional: true references are no problem when the object or key is absent', () => {
    const d = deployWith(
      {
        env: [
          { name: 'A', valueFrom: { configMapKeyRef: { name: 'absent', key: 'A', optional: true } } },
          { name: 'B', valueFrom: { configMapKeyRef: { name: 'settings', key: 'B', optional: true } } },
          { name: 'C', valueFrom: { secretKeyRef: { name: 'absent', key: 'C', optional: true } } },
        ],
        envFrom: [{ configMapRef: { name: 'absent', optional: true } }, { secretRef: { name: 'absent', optional: true } }],
      },
      { volumes: [{ name: 'v', configMap: { name: 'absent', optional: true } }, { name: 's', secret: { secretName: 'absent', optional: true } }] },
    );
    const r = refs('pod-config', [cm, d]);
    expect(r).toHaveLength(7);
    expect(r.filter((x) => x.problem)).toEqual([]);
  });

  it('looks in init containers and projected volumes too', () => {
    const d = deployWith({}, {
      initContainers: [{ name: 'migrate', image: 'busybox', envFrom: [{ secretRef: { name: 'db' } }] }],
      volumes: [{ name: 'all', projected: { sources: [{ configMap: { name: 'settings' } }, { secret: { name: 'gone' } }] } }],
    });
    const r = refs('pod-config', [cm, secret, d]);
    expect(r.map((x) => [x.path, x.problem?.severity])).toEqual([
      ['spec.template.spec.volumes[0].projected.sources[0].configMap.name', undefined],
      ['spec.template.spec.volumes[0].projected.sources[1].secret.name', 'error'],
      ['spec.template.spec.initContainers[0].envFrom[0].secretRef', undefined],
    ]);
  });

  it('a missing image pull Secret is only a warning', () => {
    const [r] = refs('pod-config', [deployWith({}, { imagePullSecrets: [{ name: 'registry' }] })]);
    expect(r.problem).toMatchObject({ severity: 'warning', message: 'Deployment "web" image pull secret: secret "registry" not found' });
  });

  it('never reaches a ConfigMap of another namespace', () => {
    const d = deployWith({ envFrom: [{ configMapRef: { name: 'settings' } }] });
    const [r] = refs('pod-config', [make('ConfigMap', 'settings', 'blog'), d]);
    expect(r.targets).toEqual([]);
    expect(r.problem?.severity).toBe('error');
  });
});

describe('workload/Pod → PersistentVolumeClaim by volume', () => {
  it('reaches the claim a volume names', () => {
    const pvc = make('PersistentVolumeClaim', 'data', 'shop');
    const d = deployWith({}, { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] });
    const [r] = refs('pod-volume-claim', [pvc, d]);
    expect(r).toMatchObject({ relation: 'mounts', targets: [keyOf(pvc)], path: 'spec.template.spec.volumes[0].persistentVolumeClaim.claimName' });
    expect(r.problem).toBeUndefined();
  });

  it('reports a missing claim as the scheduler does', () => {
    const [r] = refs('pod-volume-claim', [deployWith({}, { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] })]);
    expect(r.problem).toMatchObject({ severity: 'error', message: 'Deployment "web" volume "data": persistentvolumeclaim "data" not found' });
  });

  it('reads a bare Pod\'s own spec, and a CronJob\'s job template', () => {
    const pvc = make('PersistentVolumeClaim', 'data', 'shop');
    const volumes = [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }];
    const pod = make('Pod', 'p', 'shop', { spec: { volumes } });
    const cj = make('CronJob', 'c', 'shop');
    (cj.spec as { jobTemplate: { spec: { template: { spec: Record<string, unknown> } } } }).jobTemplate.spec.template.spec.volumes = volumes;
    const r = refs('pod-volume-claim', [pvc, pod, cj]);
    expect(r.map((x) => [x.path, x.targets])).toEqual([
      ['spec.volumes[0].persistentVolumeClaim.claimName', [keyOf(pvc)]],
      ['spec.jobTemplate.spec.template.spec.volumes[0].persistentVolumeClaim.claimName', [keyOf(pvc)]],
    ]);
  });

  it.each(['StatefulSet', 'DaemonSet', 'Job'])('%s volumes reach their claims too', (kind) => {
    const pvc = make('PersistentVolumeClaim', 'data', 'shop');
    const w = make(kind, 'w', 'shop');
    (w.spec as { template: { spec: Record<string, unknown> } }).template.spec.volumes = [{ name: 'x', persistentVolumeClaim: { claimName: 'data' } }];
    expect(refs('pod-volume-claim', [pvc, w]).map((x) => x.targets)).toEqual([[keyOf(pvc)]]);
  });
});
