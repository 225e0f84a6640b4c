import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../shared/model/object';
import { simulate } from '../../../../shared/simulation';
import { SimulationSession, type ClusterView } from '../../../../shared/simulation/session';
import type { ScenarioStep, SimulationInput } from '../../../../shared/simulation/types';
import { container, deployment, nodes, ns, pod, quota } from '../helpers';

const shop = (): KubeObject[] => [
  ns('shop'),
  quota('compute', 'shop', { pods: '6' }),
  deployment('web', 'shop', 4, [container('web', { requests: { cpu: '300m' } })]),
  deployment('api', 'shop', 3, [container('api', { requests: { cpu: '100m' } })]),
  { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'shop' }, spec: { replicas: 1, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [container('db')] } } } },
];

const scenario = {
  steps: [
    { action: 'wait', steady: true },
    { action: 'scale', kind: 'Deployment', namespace: 'shop', name: 'web', replicas: 2 },
    { action: 'wait', seconds: 10 },
    { action: 'drain', node: 'node-1' },
  ] satisfies ScenarioStep[],
};

const input = (): SimulationInput => ({ objects: shop(), cluster: nodes(3), scenario, seed: 7 });

/** What a view shows, without where on the timeline it was taken. */
const state = (v: ClusterView) => ({ pods: v.pods, nodes: v.nodes, quotas: v.quotas, claims: v.claims });

describe('a simulation session steps one event at a time', () => {
  it('starts with the booted nodes, then applies the inputs, then plays the scenario to steady state', () => {
    const s = new SimulationSession(input());
    expect(s.frames).toHaveLength(1);
    expect(s.frames[0].cause).toEqual({ type: 'boot' });
    expect(s.view().nodes.map((n) => n.name)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(s.view().pods).toEqual([]);
    const apply = s.step();
    expect(apply?.cause).toEqual({ type: 'apply' });
    expect(apply?.time).toBe(0);
    const frames = s.runToEnd();
    expect(s.done).toBe(true);
    expect(s.step()).toBeUndefined();
    expect(frames.map((f) => f.cause.type)).toContain('tick');
    expect(frames.filter((f) => f.cause.type === 'step').map((f) => (f.cause as { action: string }).action)).toEqual(['scale', 'drain']);
    const times = s.frames.map((f) => f.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(s.frames.map((f) => f.seq)).toEqual(s.frames.map((_, i) => i));
  });

  it('runUntil(t) runs every event up to t and none after', () => {
    const s = new SimulationSession(input());
    const frames = s.runUntil(3);
    expect(frames.length).toBeGreaterThan(2);
    expect(frames.every((f) => f.time <= 3)).toBe(true);
    const next = s.step();
    expect(next && next.time).toBeGreaterThan(3);
  });

  it('ends where simulate() ends: the same pods, nodes and IPs', () => {
    const s = new SimulationSession(input());
    s.runToEnd();
    const whole = simulate({ ...input(), options: { record: false } });
    expect(s.result().pods).toEqual(whole.pods);
    expect(s.result().steady).toBe(whole.steady);
    expect(s.view().pods.map((p) => [p.namespace, p.name, p.node, p.phase, p.ip])).toEqual(whole.pods.map((p) => [p.namespace, p.name, p.node, p.phase, p.ip]));
  });

  it('gives the same frames for the same input and seed, and other names for another seed', () => {
    const run = (seed: number) => {
      const s = new SimulationSession({ ...input(), seed });
      s.runToEnd();
      return JSON.stringify(s.frames);
    };
    expect(run(7)).toBe(run(7));
    expect(run(8)).not.toBe(run(7));
  });

  it('records carry the top owner as the design keys it, the node, phase, IP and why a pod is not running', () => {
    const s = new SimulationSession({ objects: [...shop().filter((o) => o.kind !== 'ResourceQuota'), pod('debug', 'shop', [container('sh')]), deployment('huge', 'shop', 1, [container('huge', { requests: { cpu: '64' } })])], cluster: nodes(2), seed: 1 });
    s.runToEnd();
    const pods = s.view().pods;
    const web = pods.find((p) => p.name.startsWith('web-'));
    expect(web).toMatchObject({ owner: 'apps/Deployment/shop/web', controller: expect.stringMatching(/^ReplicaSet\/web-/), phase: 'Running', status: 'Running', cpu: 300 });
    expect(pods.find((p) => p.name === 'db-0')).toMatchObject({ owner: 'apps/StatefulSet/shop/db' });
    expect(pods.find((p) => p.name === 'db-0')?.controller).toBeUndefined();
    expect(pods.find((p) => p.name === 'debug')).toMatchObject({ owner: '/Pod/shop/debug' });
    const huge = pods.find((p) => p.name.startsWith('huge-'));
    expect(huge).toMatchObject({ phase: 'Pending', node: '', ip: '', reason: 'Unschedulable', message: expect.stringContaining('Insufficient cpu') });
  });

  it('a pod the ResourceQuota refuses shows up in the frames as the ReplicaSet\'s FailedCreate event', () => {
    const s = new SimulationSession(input());
    s.runToEnd();
    const events = s.frames.flatMap((f) => f.events);
    expect(events.some((e) => e.reason === 'FailedCreate' && e.message.includes('exceeded quota: compute'))).toBe(true);
    expect(s.view().quotas).toEqual([expect.objectContaining({ name: 'compute', hard: { pods: '6' } })]);
  });
});

describe('pod IPs come from each node\'s pod range', () => {
  const inRange = (ip: string, cidr: string) => {
    const [base] = cidr.split('/');
    return ip.split('.').slice(0, 3).join('.') === base.split('.').slice(0, 3).join('.');
  };

  it('node i gets 10.244.i.0/24; every running pod has a unique address inside its node\'s range; pending pods have none', () => {
    const objects = [ns('a'), deployment('web', 'a', 40, [container('web', { requests: { cpu: '100m' } })]), deployment('big', 'a', 2, [container('big', { requests: { cpu: '10' } })])];
    const s = new SimulationSession({ objects, cluster: nodes(4), seed: 3 });
    s.runToEnd();
    const view = s.view();
    expect(view.nodes.map((n) => [n.name, n.podCIDR, n.ip])).toEqual([
      ['node-1', '10.244.0.0/24', '192.168.49.2'], ['node-2', '10.244.1.0/24', '192.168.49.3'], ['node-3', '10.244.2.0/24', '192.168.49.4'], ['node-4', '10.244.3.0/24', '192.168.49.5'],
    ]);
    const cidr = new Map(view.nodes.map((n) => [n.name, n.podCIDR]));
    const running = view.pods.filter((p) => p.phase === 'Running');
    expect(running).toHaveLength(40);
    for (const p of running) expect(inRange(p.ip, cidr.get(p.node) ?? ''), `${p.name} ${p.ip} on ${p.node}`).toBe(true);
    expect(new Set(running.map((p) => p.ip)).size).toBe(running.length);
    const pending = view.pods.filter((p) => p.phase === 'Pending');
    expect(pending).toHaveLength(2);
    expect(pending.every((p) => p.ip === '')).toBe(true);
  });

  it('a node whose range is used up leaves the next pod ContainerCreating with host-local\'s message', () => {
    const objects = [ns('a'), deployment('web', 'a', 255, [container('web')])];
    const s = new SimulationSession({ objects, cluster: nodes(1, { pods: 300, cpu: '64', memory: '256Gi' }), seed: 1 });
    s.runToEnd();
    const pods = s.view().pods;
    expect(pods.filter((p) => p.phase === 'Running')).toHaveLength(253);
    expect(new Set(pods.map((p) => p.ip).filter(Boolean)).size).toBe(253);
    const events = s.result().events.filter((e) => e.reason === 'FailedCreatePodSandBox');
    expect(events).toHaveLength(2);
    expect(events[0].message).toContain('no IP addresses available in range set: 10.244.0.2-10.244.0.254');
  });
});

describe('snapshotAt(t) equals the state a fresh run reaches at t', () => {
  const step = fc.oneof(
    fc.record({ action: fc.constant('wait' as const), seconds: fc.integer({ min: 0, max: 8 }) }),
    fc.record({ action: fc.constant('wait' as const), steady: fc.constant(true) }),
    fc.record({ action: fc.constant('scale' as const), kind: fc.constant('Deployment'), namespace: fc.constant('app'), name: fc.constantFrom('d0', 'd1'), replicas: fc.integer({ min: 0, max: 6 }) }),
    fc.record({ action: fc.constant('drain' as const), node: fc.constantFrom('node-1', 'node-2') }),
    fc.record({ action: fc.constant('deletePod' as const), namespace: fc.constant('app'), owner: fc.constantFrom('Deployment/d0', 'Deployment/d1') }),
    fc.record({ action: fc.constant('setImage' as const), kind: fc.constant('Deployment'), namespace: fc.constant('app'), name: fc.constantFrom('d0', 'd1'), image: fc.constantFrom('nginx:1.28', 'nginx:1.29') }),
  );
  const design = fc.record({
    replicas: fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })),
    cpu: fc.constantFrom('100m', '500m', '1500m'),
    quotaPods: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    nodes: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer({ min: 1, max: 1000 }),
    steps: fc.array(step, { maxLength: 6 }),
    keyframeEvery: fc.integer({ min: 1, max: 8 }),
    at: fc.array(fc.integer({ min: -1, max: 40 }), { minLength: 1, maxLength: 4 }),
  });

  it('for random designs, scenarios, seeds and times', () => {
    fc.assert(
      fc.property(design, (d) => {
        const objects: KubeObject[] = [ns('app'), ...d.replicas.map((r, i) => deployment(`d${i}`, 'app', r, [container('c', { requests: { cpu: d.cpu } })]))];
        if (d.quotaPods !== undefined) objects.push(quota('q', 'app', { pods: String(d.quotaPods) }));
        const make = () => new SimulationSession({ objects, cluster: nodes(d.nodes, { cpu: '2' }), seed: d.seed, scenario: { steps: d.steps } }, { keyframeEvery: d.keyframeEvery });
        const whole = make();
        whole.runToEnd();
        for (const t of d.at) {
          const fresh = make();
          fresh.runUntil(t);
          expect(state(whole.snapshotAt(t))).toEqual(state(fresh.view()));
        }
        // And stepping back frame by frame replays the head exactly.
        expect(state(whole.snapshotAtFrame(whole.frames.length - 1))).toEqual(state(whole.view()));
      }),
      { numRuns: 40 },
    );
  });
});
