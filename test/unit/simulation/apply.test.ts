import { describe, expect, it } from 'vitest';
import { defaultCluster } from '../../../shared/design/types';
import { Simulation } from '../../../shared/simulation/simulate';
import { container, deployment, ns, quota, run } from './helpers';

const objects = () => [
  ns('shop', { team: 'a' }),
  quota('compute', 'shop', { pods: '10' }),
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' }, data: { a: '1' } },
  deployment('web', 'shop', 2, [container('web')]),
];

describe('kubectl apply is idempotent', () => {
  it('reports created, then unchanged for every object, and changes nothing', () => {
    const r = run(objects(), { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'applyAgain' }] } });
    const first = r.applied.filter((a) => a.step === 0);
    const again = r.applied.filter((a) => a.step === 2);
    expect(first.map((a) => a.result)).toEqual(['created', 'created', 'created', 'created', 'created']);
    expect(again.map((a) => `${a.kind}/${a.name} ${a.result}`)).toEqual(['Namespace/shop unchanged', 'ResourceQuota/compute unchanged', 'ConfigMap/cfg unchanged', 'Service/web unchanged', 'Deployment/web unchanged']);
    expect(r.pods).toHaveLength(2);
  });

  it('does not bump resourceVersion or generation on an unchanged apply', () => {
    const sim = new Simulation({ objects: objects(), cluster: defaultCluster(), seed: 1 });
    sim.apply(objects());
    sim.cluster.runToSteady(() => sim.tick());
    const before = sim.cluster.store.getBy('Deployment', 'shop', 'web');
    const rv = sim.cluster.store.resourceVersion;
    sim.apply(objects());
    expect(sim.cluster.store.resourceVersion).toBe(rv);
    expect(sim.cluster.store.getBy('Deployment', 'shop', 'web')).toBe(before);
  });

  it('reports configured for a changed field, bumps generation for a spec change, and keeps allocated fields', () => {
    const changed = objects();
    (changed[4].spec as { replicas: number }).replicas = 3;
    (changed[3] as unknown as { data: Record<string, string> }).data.a = '2';
    const sim = new Simulation({ objects: objects(), cluster: defaultCluster(), seed: 1 });
    sim.apply(objects());
    const svc = sim.cluster.store.getBy('Service', 'shop', 'web');
    sim.apply(changed);
    expect(sim.applied.slice(5).map((a) => `${a.kind} ${a.result}`)).toEqual(['Namespace unchanged', 'ResourceQuota unchanged', 'ConfigMap configured', 'Service unchanged', 'Deployment configured']);
    expect(sim.cluster.store.getBy('Deployment', 'shop', 'web')?.metadata.generation).toBe(2);
    expect(sim.cluster.store.getBy('Service', 'shop', 'web')?.spec).toEqual(svc?.spec);
  });

  it('reports configured when a field the previous apply set is dropped', () => {
    const sim = new Simulation({ objects: [], cluster: defaultCluster(), seed: 1 });
    sim.apply([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', labels: { a: '1' } }, data: { a: '1', b: '2' } }]);
    sim.apply([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', labels: { a: '1' } }, data: { a: '1' } }]);
    expect(sim.applied.map((a) => a.result)).toEqual(['created', 'configured']);
    expect(sim.cluster.store.getBy('ConfigMap', 'default', 'cfg')?.data).toEqual({ a: '1' });
  });

  it('fails an object whose namespace does not exist, as the API server does', () => {
    const r = run([deployment('web', 'nowhere', 1, [container('web')])]);
    expect(r.applied[0]).toMatchObject({ result: 'failed', message: 'Error from server (NotFound): error when creating "STDIN": namespaces "nowhere" not found' });
  });
});

describe('object metadata', () => {
  it('assigns uid from the seed, resourceVersion in write order, generation 1 on create, and the namespace name label', () => {
    const a = new Simulation({ objects: [], cluster: defaultCluster(), seed: 5 });
    a.apply([ns('x')]);
    const b = new Simulation({ objects: [], cluster: defaultCluster(), seed: 5 });
    b.apply([ns('x')]);
    const na = a.cluster.store.getBy('Namespace', '', 'x');
    expect(na?.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(na?.metadata.uid).toBe(b.cluster.store.getBy('Namespace', '', 'x')?.metadata.uid);
    expect(na?.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'x' });
    a.apply([deployment('d', 'x', 1, [container('d')])]);
    expect(a.cluster.store.getBy('Deployment', 'x', 'd')?.metadata.generation).toBe(1);
  });
});

describe('the control-plane walkthrough', () => {
  it('records kubectl → apiserver → etcd → controller-manager → scheduler → kubelet for an apply', () => {
    const r = run([ns('shop'), deployment('web', 'shop', 1, [container('web')])]);
    const path = r.timeline.flatMap((f) => f.messages).map((m) => `${m.from}>${m.to}:${m.action}:${m.object.split('/')[0]}`);
    const order = ['kubectl>apiserver:apply:Deployment', 'apiserver>etcd:write:Deployment', 'apiserver>controller-manager:watch ADDED:Deployment', 'controller-manager>apiserver:create:ReplicaSet', 'controller-manager>apiserver:create:Pod', 'apiserver>scheduler:watch ADDED:Pod', 'scheduler>apiserver:bind:Pod', 'apiserver>kubelet/', 'kubelet/'];
    expect(r.timeline.flatMap((f) => f.messages).every((m) => m.step === 0)).toBe(true);
    let at = 0;
    for (const step of order) {
      const i = path.findIndex((p, k) => k >= at && p.startsWith(step));
      expect(i, step).toBeGreaterThanOrEqual(0);
      at = i;
    }
  });
});
