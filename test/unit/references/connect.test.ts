import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/model/object';
import { ObjectIndex } from '../../../shared/kinds/objectIndex';
import { resolveReferences } from '../../../shared/references';
import { canConnect, connect, type ConnectResult } from '../../../shared/references/connect';
import { keyOf, make } from './helpers';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Connects, checks the inputs were left alone, and returns the one changed object. */
function wire(source: KubeObject, target: KubeObject, others: KubeObject[] = []): Any {
  const before = JSON.stringify([source, target]);
  const result = connect(source, target, new ObjectIndex([source, target, ...others]));
  expect(JSON.stringify([source, target]), 'inputs are never mutated').toBe(before);
  if (!result.ok) throw new Error(result.message);
  expect(result.changed).toHaveLength(1);
  return result.changed[0] as Any;
}

/** Connecting the already-connected objects again changes nothing. */
function expectIdempotent(source: KubeObject, target: KubeObject, changed: KubeObject): void {
  const isSource = keyOf(changed) === keyOf(source);
  const again = connect(isSource ? changed : source, isSource ? target : changed, new ObjectIndex([changed, isSource ? target : source]));
  expect(again).toEqual({ ok: true, changed: [] });
}

function failure(result: ConnectResult): string {
  if (result.ok) throw new Error('expected the connection to be refused');
  return result.message;
}

/** The references `rule` makes from `source` in a design holding `objects`. */
function reaches(rule: string, objects: KubeObject[], source: KubeObject): string[] {
  return resolveReferences(objects).filter((r) => r.rule === rule && r.source === keyOf(source)).flatMap((r) => r.targets);
}

describe('canConnect', () => {
  it.each([
    ['Service', 'Deployment'], ['Service', 'CronJob'], ['Service', 'Pod'], ['Ingress', 'Service'], ['StatefulSet', 'PersistentVolumeClaim'],
    ['Job', 'ConfigMap'], ['Pod', 'Secret'], ['PersistentVolumeClaim', 'PersistentVolume'], ['NetworkPolicy', 'DaemonSet'],
    ['Deployment', 'NetworkPolicy'], ['HorizontalPodAutoscaler', 'Deployment'], ['HorizontalPodAutoscaler', 'StatefulSet'],
  ])('%s → %s can be drawn', (a, b) => expect(canConnect(a, b)).toBe(true));

  it.each([
    ['HorizontalPodAutoscaler', 'DaemonSet'], ['ConfigMap', 'Secret'], ['Namespace', 'Pod'], ['Service', 'Service'], ['Ingress', 'Deployment'],
  ])('%s → %s cannot', (a, b) => expect(canConnect(a, b)).toBe(false));

  it('refuses an impossible pair with a sentence', () => {
    expect(failure(connect(make('ConfigMap', 'a'), make('Secret', 'b'), new ObjectIndex([])))).toBe('A ConfigMap cannot be connected to a Secret.');
  });

  it('a drag the other way writes the same field (Deployment → Service sets the Service selector)', () => {
    const svc = make('Service', 'front', 'shop');
    const d = make('Deployment', 'web', 'shop');
    const result = connect(d, svc, new ObjectIndex([d, svc]));
    expect(result.ok && (result.changed[0].spec as { selector: unknown }).selector).toEqual({ app: 'web' });
    for (const [a, b] of [['Service', 'Ingress'], ['ConfigMap', 'Job'], ['PersistentVolume', 'PersistentVolumeClaim'], ['StatefulSet', 'HorizontalPodAutoscaler']]) {
      expect(canConnect(a, b), `${a} → ${b}`).toBe(true);
    }
  });

  it('workload → NetworkPolicy and NetworkPolicy → workload keep their own meanings', () => {
    const d = make('Deployment', 'web', 'shop');
    const np = make('NetworkPolicy', 'p', 'shop');
    const asPeer = connect(d, np, new ObjectIndex([d, np]));
    const asTarget = connect(np, d, new ObjectIndex([d, np]));
    expect(asPeer.ok && (asPeer.changed[0].spec as { ingress: unknown[] }).ingress).toHaveLength(2);
    expect(asTarget.ok && (asTarget.changed[0].spec as { podSelector: unknown }).podSelector).toEqual({ matchLabels: { app: 'web' } });
  });
});

describe('Service → workload sets the selector to the pod template labels', () => {
  it.each(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'])('for a %s, and the Service then selects it', (kind) => {
    const svc = make('Service', 'front', 'shop');
    const w = make(kind, 'web', 'shop');
    const next = wire(svc, w);
    expect(next.spec.selector).toEqual({ app: 'web' });
    expect(reaches('service-selector', [next as KubeObject, w], next as KubeObject)).toEqual([keyOf(w)]);
    expectIdempotent(svc, w, next as KubeObject);
  });

  it('refuses a workload whose template has no labels, saying why', () => {
    const d = make('Deployment', 'web', 'shop', { spec: { template: { metadata: { labels: undefined } } } });
    expect(failure(connect(make('Service', 's', 'shop'), d, new ObjectIndex([d])))).toMatch(/has no pod labels to select: a Service selects pods by their labels/);
  });

  it('refuses a workload of another namespace', () => {
    expect(failure(connect(make('Service', 's', 'shop'), make('Deployment', 'web', 'blog'), new ObjectIndex([])))).toMatch(/own namespace only/);
  });
});

describe('Ingress → Service adds a / Prefix path to the Service\'s first port', () => {
  it('by port name when the port has one', () => {
    const ing = make('Ingress', 'edge', 'shop', { spec: { rules: undefined } });
    const svc = make('Service', 'web', 'shop');
    const next = wire(ing, svc);
    expect(next.spec.rules).toEqual([{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }] } }]);
    expect(reaches('ingress-backend', [next as KubeObject, svc], next as KubeObject)).toEqual([keyOf(svc)]);
    expectIdempotent(ing, svc, next as KubeObject);
  });

  it('by port number when the port is unnamed, and under /<service> when / is taken', () => {
    const web = make('Service', 'web', 'shop');
    const ing = wire(make('Ingress', 'edge', 'shop'), web) as KubeObject; // routes / to Service web
    const svc = make('Service', 'api', 'shop', { spec: { ports: [{ port: 8080 }] } });
    const paths = wire(ing, svc, [web]).spec.rules[0].http.paths;
    expect(paths).toHaveLength(2);
    expect(paths[1]).toEqual({ path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } });
  });

  it('a new Ingress gets one rule from its first Service, a second Service adds a path to that rule', () => {
    const web = make('Service', 'web', 'shop');
    const api = make('Service', 'api', 'shop');
    const once = wire(make('Ingress', 'edge', 'shop'), web) as KubeObject;
    const twice = wire(once, api, [web]);
    expect(twice.spec.rules).toHaveLength(1);
    expect(twice.spec.rules[0].http.paths.map((p: Any) => [p.path, p.backend.service.name])).toEqual([['/', 'web'], ['/api', 'api']]);
    expect(reaches('ingress-backend', [twice as KubeObject, web, api], twice as KubeObject)).toEqual([keyOf(web), keyOf(api)]);
  });

  it('a backend naming a Service that does not exist is a placeholder: connecting replaces it, keeping host and path', () => {
    const placeholder = { service: { name: 'edge', port: { name: 'http' } } };
    const ing = make('Ingress', 'edge', 'shop', { spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: placeholder }] } }] } });
    const svc = make('Service', 'api', 'shop', { spec: { ports: [{ port: 8080 }] } });
    const next = wire(ing, svc);
    expect(next.spec.rules).toEqual([{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } }] } }]);
    expect(resolveReferences([next as KubeObject, svc]).filter((r) => r.rule === 'ingress-backend').map((r) => [r.targets, r.problem])).toEqual([[[keyOf(svc)], undefined]]);
    expectIdempotent(ing, svc, next as KubeObject);
  });

  it('a defaultBackend naming a missing Service is replaced too; backends to existing Services are kept', () => {
    const web = make('Service', 'web', 'shop');
    const ing = make('Ingress', 'edge', 'shop', {
      spec: { defaultBackend: { service: { name: 'gone', port: { number: 80 } } }, rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }] } }] },
    });
    const api = make('Service', 'api', 'shop');
    const next = wire(ing, api, [web]);
    expect(next.spec.defaultBackend).toEqual({ service: { name: 'api', port: { name: 'http' } } });
    expect(next.spec.rules[0].http.paths).toHaveLength(1);
    expect(next.spec.rules[0].http.paths[0].backend.service.name).toBe('web');
  });

  it('refuses a Service without ports', () => {
    const svc = make('Service', 'bare', 'shop', { spec: { ports: undefined } });
    expect(failure(connect(make('Ingress', 'edge', 'shop'), svc, new ObjectIndex([svc])))).toMatch(/has no ports/);
  });
});

describe('workload → PVC adds a volume and a mount in the first container', () => {
  it.each(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'])('for a %s, and then mounts the claim', (kind) => {
    const w = make(kind, 'web', 'shop');
    const pvc = make('PersistentVolumeClaim', 'uploads', 'shop');
    const next = wire(w, pvc) as KubeObject;
    expect(reaches('pod-volume-claim', [next, pvc], next)).toEqual([keyOf(pvc)]);
    expectIdempotent(w, pvc, next);
  });

  it('picks unique volume names and mount paths /data, /data-2…', () => {
    const d = make('Deployment', 'web', 'shop');
    const a = make('PersistentVolumeClaim', 'a', 'shop');
    const b = make('PersistentVolumeClaim', 'b', 'shop');
    const once = wire(d, a) as KubeObject;
    const twice = wire(once, b);
    const spec = twice.spec.template.spec;
    expect(spec.volumes).toEqual([{ name: 'a', persistentVolumeClaim: { claimName: 'a' } }, { name: 'b', persistentVolumeClaim: { claimName: 'b' } }]);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'a', mountPath: '/data' }, { name: 'b', mountPath: '/data-2' }]);
  });

  it('keeps a volume name unique when one with the claim\'s name exists, and turns dots into dashes', () => {
    const d = make('Deployment', 'web', 'shop', { spec: { template: { spec: { volumes: [{ name: 'cache', emptyDir: {} }] } } } });
    const spec = wire(d, make('PersistentVolumeClaim', 'cache', 'shop')).spec.template.spec;
    expect(spec.volumes[1].name).toBe('cache-2');
    const dotted = wire(make('Deployment', 'x', 'shop'), make('PersistentVolumeClaim', 'db.data', 'shop')).spec.template.spec;
    expect(dotted.volumes[0]).toEqual({ name: 'db-data', persistentVolumeClaim: { claimName: 'db.data' } });
  });

  it('refuses a workload without containers', () => {
    const d = make('Deployment', 'web', 'shop', { spec: { template: { spec: { containers: [] } } } });
    expect(failure(connect(d, make('PersistentVolumeClaim', 'a', 'shop'), new ObjectIndex([])))).toMatch(/has no container/);
  });
});

describe('workload → ConfigMap / Secret adds envFrom', () => {
  it.each([['ConfigMap', 'configMapRef'], ['Secret', 'secretRef']])('%s becomes envFrom %s of the first container', (kind, field) => {
    const d = make('Deployment', 'web', 'shop');
    const cfg = make(kind, 'settings', 'shop');
    const next = wire(d, cfg);
    expect(next.spec.template.spec.containers[0].envFrom).toEqual([{ [field]: { name: 'settings' } }]);
    const refs = resolveReferences([next as KubeObject, cfg]).filter((r) => r.rule === 'pod-config');
    expect(refs.map((r) => [r.targets, r.problem])).toEqual([[[keyOf(cfg)], undefined]]);
    expectIdempotent(d, cfg, next as KubeObject);
  });

  it('a ConfigMap and a Secret of the same name are two entries', () => {
    const once = wire(make('Pod', 'p', 'shop'), make('ConfigMap', 'app', 'shop')) as KubeObject;
    expect(wire(once, make('Secret', 'app', 'shop')).spec.containers[0].envFrom).toEqual([{ configMapRef: { name: 'app' } }, { secretRef: { name: 'app' } }]);
  });
});

describe('PVC → PV sets volumeName and the volume\'s class', () => {
  it('for a class-less volume the claim asks for class "" and the volume keeps no claimRef', () => {
    const pvc = make('PersistentVolumeClaim', 'data', 'shop');
    const pv = make('PersistentVolume', 'disk');
    const next = wire(pvc, pv);
    expect(next.spec).toMatchObject({ volumeName: 'disk', storageClassName: '' });
    expect((pv.spec as Any).claimRef).toBeUndefined();
    expect(reaches('pvc-binding', [next as KubeObject, pv], next as KubeObject)).toEqual([keyOf(pv)]);
    expectIdempotent(pvc, pv, next as KubeObject);
  });

  it('takes the volume\'s class name', () => {
    const next = wire(make('PersistentVolumeClaim', 'data', 'shop'), make('PersistentVolume', 'disk', undefined, { spec: { storageClassName: 'manual' } }));
    expect(next.spec.storageClassName).toBe('manual');
  });

  it('refuses a volume too small or reserved for another claim, in upstream\'s words', () => {
    const pvc = make('PersistentVolumeClaim', 'data', 'shop', { spec: { resources: { requests: { storage: '50Gi' } } } });
    expect(failure(connect(pvc, make('PersistentVolume', 'disk'), new ObjectIndex([])))).toBe('Cannot bind to requested volume "disk": requested PV is too small');
    const reserved = make('PersistentVolume', 'r', undefined, { spec: { claimRef: { namespace: 'blog', name: 'data' } } });
    expect(failure(connect(make('PersistentVolumeClaim', 'data', 'shop'), reserved, new ObjectIndex([])))).toMatch(/reserved for claim blog\/data/);
  });

  it('PVC → StorageClass names the class', () => {
    const sc = make('StorageClass', 'fast');
    const next = wire(make('PersistentVolumeClaim', 'data', 'shop', { spec: { volumeName: 'old' } }), sc);
    expect(next.spec.storageClassName).toBe('fast');
    expect(next.spec.volumeName).toBeUndefined();
  });
});

describe('NetworkPolicy ↔ workload', () => {
  it.each(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'])('policy → %s sets podSelector.matchLabels to its labels', (kind) => {
    const np = make('NetworkPolicy', 'lock', 'shop');
    const w = make(kind, 'web', 'shop');
    const next = wire(np, w);
    expect(next.spec.podSelector).toEqual({ matchLabels: { app: 'web' } });
    expect(reaches('networkpolicy-target', [next as KubeObject, w, make('Deployment', 'other', 'shop')], next as KubeObject)).toEqual([keyOf(w)]);
    expectIdempotent(np, w, next as KubeObject);
  });

  it('workload → policy of the same namespace adds an ingress rule from its pods', () => {
    const w = make('Deployment', 'front', 'shop');
    const np = make('NetworkPolicy', 'api-in', 'shop', { spec: { podSelector: { matchLabels: { app: 'api' } }, ingress: [] } });
    const next = wire(w, np);
    expect(next.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'front' } } }] }]);
    expect(reaches('networkpolicy-peer', [next as KubeObject, w], next as KubeObject)).toEqual([keyOf(w)]);
    expectIdempotent(w, np, next as KubeObject);
  });

  it('workload of another namespace → policy adds podSelector AND namespaceSelector in one peer', () => {
    const w = make('Deployment', 'prometheus', 'monitoring');
    const np = make('NetworkPolicy', 'api-in', 'shop', { spec: { ingress: undefined } });
    const next = wire(w, np);
    expect(next.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'prometheus' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }] }]);
    expect(reaches('networkpolicy-peer', [next as KubeObject, w, make('Deployment', 'prometheus', 'shop')], next as KubeObject)).toEqual([keyOf(w)]);
    expectIdempotent(w, np, next as KubeObject);
  });

  it('an egress-only policy also starts governing ingress, or the new rule would do nothing', () => {
    const np = make('NetworkPolicy', 'out', 'shop', { spec: { policyTypes: ['Egress'], ingress: undefined, egress: [] } });
    expect(wire(make('Deployment', 'web', 'shop'), np).spec.policyTypes).toEqual(['Ingress', 'Egress']);
  });
});

describe('HPA → workload sets scaleTargetRef', () => {
  it.each(['Deployment', 'StatefulSet'])('to a %s', (kind) => {
    const hpa = make('HorizontalPodAutoscaler', 'auto', 'shop');
    const w = make(kind, 'web', 'shop');
    const next = wire(hpa, w);
    expect(next.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind, name: 'web' });
    expect(reaches('hpa-target', [next as KubeObject, w], next as KubeObject)).toEqual([keyOf(w)]);
    expectIdempotent(hpa, w, next as KubeObject);
  });
});
