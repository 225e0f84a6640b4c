import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../shared/model/object';
import { defaultedItem, validatePodLimits } from '../../../shared/simulation/admission/limitrange';
import { checkQuotas } from '../../../shared/simulation/admission/quota';
import { container, deployment, eventsOf, limitRange, ns, pod, pvc, quota, run } from './helpers';

const lr = (items: unknown[]) => limitRange('limits', 'app', items) as KubeObject;
const podWith = (...containers: ReturnType<typeof container>[]) => pod('p', 'app', containers) as Pod & KubeObject;

describe('LimitRange validation gives upstream LimitRanger messages', () => {
  it.each([
    ['a limit above the Container max', [{ type: 'Container', max: { cpu: '800m' } }], { limits: { cpu: '1500m' }, requests: { cpu: '500m' } }, ['maximum cpu usage per Container is 800m, but limit is 1500m']],
    ['a request below the Container min', [{ type: 'Container', min: { memory: '500Mi' } }], { requests: { memory: '100Mi' } }, ['minimum memory usage per Container is 500Mi, but request is 100Mi']],
    ['no limit against a max', [{ type: 'Container', max: { cpu: '1' }, default: {} }], { requests: { cpu: '100m' } }, ['maximum cpu usage per Container is 1.  No limit is specified']],
    ['a ratio above maxLimitRequestRatio', [{ type: 'Container', maxLimitRequestRatio: { cpu: '2' } }], { requests: { cpu: '100m' }, limits: { cpu: '500m' } }, ['cpu max limit to request ratio per Container is 2, but provided ratio is 5.000000']],
    ['a ratio without a request', [{ type: 'Container', maxLimitRequestRatio: { memory: '2' } }], { limits: { memory: '1Gi' } }, ['memory max limit to request ratio per Container is 2, but no request is specified or request is 0']],
    ['a Pod max over the sum of containers', [{ type: 'Pod', max: { cpu: '1' } }], { limits: { cpu: '600m' } }, ['maximum cpu usage per Pod is 1, but limit is 1200m']],
  ])('%s', (_name, items, resources, expected) => {
    const p = podWith(container('a', resources as never), ...(items[0].type === 'Pod' ? [container('b', resources as never)] : []));
    expect(validatePodLimits(p, [lr(items)])).toEqual(expected);
  });

  it('reports a missing request against a min in the "No request is specified" form', () => {
    expect(validatePodLimits(podWith(container('a')), [lr([{ type: 'Container', min: { cpu: '100m' }, defaultRequest: {} }])]))
      .toEqual(['minimum cpu usage per Container is 100m.  No request is specified']);
    const item = { type: 'Container' as const, min: { cpu: '100m' } };
    expect(defaultedItem(item).defaultRequest).toEqual({ cpu: '100m' });
  });

  it('defaults a LimitRange item as upstream: default ← max, defaultRequest ← default, else ← min', () => {
    expect(defaultedItem({ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' } })).toMatchObject({ default: { cpu: '2' }, defaultRequest: { cpu: '2', memory: '64Mi' } });
    expect(defaultedItem({ type: 'Container', default: { cpu: '500m' }, min: { cpu: '100m' } }).defaultRequest).toEqual({ cpu: '500m' });
  });

  it('joins several errors as [a, b] behind pods "<name>" is forbidden', () => {
    const r = run([ns('app'), lr([{ type: 'Container', max: { cpu: '800m', memory: '1Gi' } }]), pod('big', 'app', [container('c', { limits: { cpu: '1500m', memory: '2Gi' } })])]);
    const failed = r.applied.find((a) => a.kind === 'Pod');
    expect(failed?.result).toBe('failed');
    expect(failed?.message).toBe('Error from server (Forbidden): error when creating "STDIN": pods "big" is forbidden: [maximum cpu usage per Container is 800m, but limit is 1500m, maximum memory usage per Container is 1Gi, but limit is 2Gi]');
  });
});

describe('LimitRange defaulting fills missing requests and limits', () => {
  it('gives a container without resources the default limit and defaultRequest', () => {
    const r = run([ns('app'), lr([{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }]), deployment('web', 'app', 1, [container('web')])], { options: { record: false } });
    expect(r.pods).toHaveLength(1);
    expect(r.nodes.map((n) => n.cpuRequests).sort()).toEqual(['0', '0', '100m']);
  });

  it('sets request = limit when only a limit is given, before the LimitRange applies its defaultRequest', () => {
    const r = run([ns('app'), quota('q', 'app', { 'requests.cpu': '10', 'limits.cpu': '10' }), lr([{ type: 'Container', defaultRequest: { cpu: '50m' }, default: { cpu: '1' } }]), deployment('web', 'app', 1, [container('web', { limits: { cpu: '700m' } })])]);
    expect(r.quotas[0].used).toEqual({ 'limits.cpu': '700m', 'requests.cpu': '700m' });
  });
});

describe('ResourceQuota admission', () => {
  const q = (hard: Record<string, string>, used: Record<string, string> = {}) => ({ ...quota('compute', 'app', hard), status: { hard, used } }) as KubeObject;

  it('names only the exceeded resources, keys sorted, canonical values', () => {
    const p = podWith(container('a', { requests: { cpu: '1500m', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } }));
    const r = checkQuotas(p, [q({ 'requests.cpu': '2', 'requests.memory': '4Gi', 'limits.cpu': '2500m', pods: '5' }, { 'requests.cpu': '1', 'requests.memory': '1Gi', 'limits.cpu': '1', pods: '1' })]);
    expect(r).toEqual({ error: 'exceeded quota: compute, requested: limits.cpu=2,requests.cpu=1500m, used: limits.cpu=1,requests.cpu=1, limited: limits.cpu=2500m,requests.cpu=2' });
  });

  it('requires requests/limits for every cpu/memory resource the quota tracks (the must specify form)', () => {
    const p = podWith(container('c1', { requests: { memory: '64Mi' } }), container('c2'));
    expect(checkQuotas(p, [q({ 'limits.cpu': '2', 'requests.memory': '1Gi' })])).toEqual({ error: 'failed quota: compute: must specify limits.cpu for: c1,c2; requests.memory for: c2' });
  });

  it('counts services, NodePorts, load balancers, configmaps, claims per class and count/<resource>', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'app' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }, { port: 443 }] } } as KubeObject;
    expect(checkQuotas(svc, [q({ 'services.nodeports': '1' })])).toEqual({ error: 'exceeded quota: compute, requested: services.nodeports=2, used: services.nodeports=0, limited: services.nodeports=1' });
    expect(checkQuotas(svc, [q({ 'services.loadbalancers': '0' })])).toMatchObject({ error: expect.stringContaining('requested: services.loadbalancers=1') });
    const claim = { ...pvc('data', 'app', '5Gi'), spec: { resources: { requests: { storage: '5Gi' } }, storageClassName: 'fast' } } as KubeObject;
    expect(checkQuotas(claim, [q({ 'fast.storageclass.storage.k8s.io/requests.storage': '4Gi' })])).toMatchObject({ error: expect.stringContaining('requested: fast.storageclass.storage.k8s.io/requests.storage=5Gi') });
    expect(checkQuotas(deployment('d', 'app', 1, []), [q({ 'count/deployments.apps': '0' })])).toMatchObject({ error: expect.stringContaining('requested: count/deployments.apps=1') });
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'app' } } as KubeObject;
    expect(checkQuotas(cm, [q({ configmaps: '1' }, { configmaps: '1' })])).toMatchObject({ error: expect.stringContaining('requested: configmaps=1, used: configmaps=1, limited: configmaps=1') });
  });

  it('lets a Deployment in, then its ReplicaSet fails to create pods: FailedCreate and ReplicaFailure', () => {
    const r = run([ns('app'), quota('compute', 'app', { pods: '2' }), deployment('web', 'app', 3, [container('web')])]);
    expect(r.applied.every((a) => a.result === 'created')).toBe(true);
    expect(r.pods).toHaveLength(2);
    const failed = eventsOf(r, 'FailedCreate');
    expect(failed[0]).toMatch(/^Error creating: pods "web-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2$/);
    expect(r.events.find((e) => e.reason === 'FailedCreate')?.object).toMatch(/^ReplicaSet\/web-/);
    expect(r.quotas[0].used).toEqual({ pods: '2' });
    // The result (simulate --json) carries the conditions kubectl get -o yaml shows: the ReplicaSet's
    // ReplicaFailure (replica_set.go: reason FailedCreate) and the Deployment's, with Available (2 of 3 is below the minimum) and Progressing.
    expect(r.replicaSets?.[0]).toMatchObject({ namespace: 'app', owner: 'web', replicas: 3, ready: 2 });
    expect(r.replicaSets?.[0].conditions).toEqual([expect.objectContaining({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: expect.stringMatching(/exceeded quota: compute/) })]);
    expect(r.deployments[0].conditions?.map((c) => `${c.type}=${c.status}`).sort()).toEqual(['Available=False', 'Progressing=True', 'ReplicaFailure=True']);
  });

  it('charges on pod create and releases when the pods go away', () => {
    const objects = [ns('app'), quota('compute', 'app', { 'requests.cpu': '4', 'requests.memory': '4Gi', pods: '10' }), deployment('web', 'app', 3, [container('web', { requests: { cpu: '250m', memory: '256Mi' } })])];
    const r = run(objects, { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'scale', kind: 'Deployment', namespace: 'app', name: 'web', replicas: 1 }, { action: 'wait', seconds: 10 }] } });
    const atThree = r.ticks.find((t) => t.quotas[0]?.used.pods === '3');
    expect(atThree?.quotas[0].used).toEqual({ pods: '3', 'requests.cpu': '750m', 'requests.memory': '768Mi' });
    expect(r.quotas[0].used).toEqual({ pods: '1', 'requests.cpu': '250m', 'requests.memory': '256Mi' });
  });

  it('releases everything when the Deployment is deleted (garbage collection of ReplicaSet and pods)', () => {
    const r = run([ns('app'), quota('compute', 'app', { pods: '10' }), deployment('web', 'app', 2, [container('web')])], { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'delete', kind: 'Deployment', namespace: 'app', name: 'web' }] } });
    expect(r.pods).toEqual([]);
    expect(r.quotas[0].used).toEqual({ pods: '0' });
  });
});

describe('event aggregation, as client-go records events', () => {
  // client-go tools/record/events_cache.go EventAggregator: `record.localKeys.Insert(eventKey)` then
  // `if uint(record.localKeys.Len()) < e.maxEvents { return newEvent, eventKey }` with maxEvents 10.
  it('folds from the 10th distinct FailedCreate message of a ReplicaSet into one combined event that counts up', () => {
    const r = run([ns('app'), quota('compute', 'app', { pods: '1' }), deployment('web', 'app', 2, [container('web')])], { scenario: { steps: [{ action: 'wait', seconds: 600 }] } });
    const failed = r.events.filter((e) => e.reason === 'FailedCreate');
    expect(failed.slice(0, 9).every((e) => e.count === 1 && e.message.startsWith('Error creating: pods "web-'))).toBe(true);
    expect(failed).toHaveLength(10);
    expect(failed[9].message).toMatch(/^\(combined from similar events\): Error creating: pods "web-/);
    expect(failed[9].count).toBeGreaterThan(1);
  });
});

describe('field validation', () => {
  it('refuses an unparsable quantity with its field path, and a ReplicaSet reports it as FailedCreate', () => {
    const bad = deployment('web', 'app', 1, [container('web', { requests: { cpu: 'lots' } })]);
    const r = run([ns('app'), bad, quota('q', 'app', { pods: 'ten' })]);
    expect(r.applied.find((a) => a.kind === 'ResourceQuota')?.message).toBe(`The ResourceQuota "q" is invalid: spec.hard[pods]: Invalid value: "ten": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
    expect(eventsOf(r, 'FailedCreate')[0]).toMatch(/^Error creating: Pod "web-\S+" is invalid: spec\.containers\[0\]\.resources\.requests\[cpu\]: Invalid value: "lots": quantities must match/);
    expect(r.pods).toEqual([]);
  });
});
