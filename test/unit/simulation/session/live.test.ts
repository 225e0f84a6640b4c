import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../shared/model/object';
import { LiveSessions, SimulationSession, type ClusterView, type SessionFrame } from '../../../../shared/simulation/session';
import type { SimulationInput } from '../../../../shared/simulation/types';
import { container, deployment, nodes, ns, quota } from '../helpers';

const shop = (webReplicas = 3): KubeObject[] => [
  ns('shop'),
  deployment('web', 'shop', webReplicas, [container('web', { requests: { cpu: '100m' } })]),
  deployment('api', 'shop', 2, [container('api', { requests: { cpu: '100m' } })]),
];

const input = (objects = shop()): SimulationInput => ({ objects, cluster: nodes(3), seed: 3 });

/** A session played to its end, ready for live actions. */
function ended(objects?: KubeObject[]): SimulationSession {
  const s = new SimulationSession(input(objects));
  s.runToEnd();
  expect(s.done).toBe(true);
  return s;
}

const running = (v: ClusterView, owner?: string) => v.pods.filter((p) => p.phase === 'Running' && (!owner || p.owner.endsWith(owner)));
const reasons = (frames: SessionFrame[]) => frames.flatMap((f) => f.events.map((e) => e.reason));

describe('live actions on a session that reached its end', () => {
  it('refuses to act before the run has ended', () => {
    const s = new SimulationSession(input());
    expect(() => s.act({ action: 'cordon', node: 'node-1' })).toThrow(/not reached its end/);
  });

  it('scale: one step frame naming the action and its target, then the frames to steady state, continuing the timeline', () => {
    const s = ended();
    const before = s.frames.length;
    const r = s.act({ action: 'scale', kind: 'Deployment', namespace: 'shop', name: 'web', replicas: 5 });
    expect(r.error).toBeUndefined();
    expect(r.frames[0]!.seq).toBe(before);
    expect(r.frames.map((f) => f.seq)).toEqual(r.frames.map((_, i) => before + i));
    expect(r.frames[0]!.cause).toEqual({ type: 'step', step: 1, action: 'scale', target: 'Deployment/shop/web' });
    expect(r.frames.slice(1).every((f) => f.cause.type === 'tick')).toBe(true);
    expect(running(s.view(), 'Deployment/shop/web')).toHaveLength(5);
    expect(reasons(r.frames)).toContain('ScalingReplicaSet');
    expect(s.done).toBe(true);
    // A second action numbers on.
    const down = s.act({ action: 'scale', kind: 'Deployment', namespace: 'shop', name: 'web', replicas: 1 });
    expect(down.frames[0]!.cause).toMatchObject({ step: 2, action: 'scale' });
    expect(running(s.view(), 'Deployment/shop/web')).toHaveLength(1);
  });

  it('set image: a rolling update shows old and new ReplicaSets side by side, then only the new one; rollback brings the old one back', () => {
    const s = ended();
    const oldRs = new Set(running(s.view(), 'Deployment/shop/web').map((p) => p.controller));
    expect(oldRs.size).toBe(1);
    const r = s.act({ action: 'setImage', kind: 'Deployment', namespace: 'shop', name: 'web', image: 'nginx:1.28' });
    expect(r.error).toBeUndefined();
    // Some frame of the rollout has pods of both ReplicaSets.
    let both = false;
    for (const f of r.frames) {
      const v = s.snapshotAtFrame(f.seq);
      if (new Set(v.pods.filter((p) => p.owner.endsWith('Deployment/shop/web')).map((p) => p.controller)).size === 2) both = true;
    }
    expect(both).toBe(true);
    const newRs = new Set(running(s.view(), 'Deployment/shop/web').map((p) => p.controller));
    expect(newRs.size).toBe(1);
    expect([...newRs][0]).not.toBe([...oldRs][0]);
    expect(running(s.view(), 'Deployment/shop/web')).toHaveLength(3);

    const back = s.act({ action: 'rollback', kind: 'Deployment', namespace: 'shop', name: 'web' });
    expect(back.error).toBeUndefined();
    expect(back.frames[0]!.cause).toMatchObject({ action: 'rollback', target: 'Deployment/shop/web' });
    expect(new Set(running(s.view(), 'Deployment/shop/web').map((p) => p.controller))).toEqual(oldRs);
  });

  it('delete pod: the ReplicaSet replaces it (self-healing)', () => {
    const s = ended();
    const victim = running(s.view(), 'Deployment/shop/web')[0]!;
    const r = s.act({ action: 'deletePod', namespace: 'shop', name: victim.name });
    expect(r.error).toBeUndefined();
    expect(r.frames[0]!.cause).toMatchObject({ action: 'deletePod', target: `Pod/shop/${victim.name}` });
    const after = running(s.view(), 'Deployment/shop/web');
    expect(after).toHaveLength(3);
    expect(after.map((p) => p.name)).not.toContain(victim.name);
    expect(reasons(r.frames)).toContain('SuccessfulCreate');
  });

  it('a step that cannot run reports kubectl\'s message and changes nothing', () => {
    const s = ended();
    const r = s.act({ action: 'scale', kind: 'Deployment', namespace: 'shop', name: 'nope', replicas: 2 });
    expect(r.error).toMatch(/"nope" not found/);
    expect(r.frames[0]!.cause).toMatchObject({ action: 'scale', error: r.error });
  });

  it('cordon: the node turns unschedulable and new pods go elsewhere', () => {
    const s = ended();
    const r = s.act({ action: 'cordon', node: 'node-2' });
    expect(r.frames[0]!.cause).toMatchObject({ action: 'cordon', target: 'Node/node-2' });
    expect(s.view().nodes.find((n) => n.name === 'node-2')!.unschedulable).toBe(true);
    expect(reasons(r.frames)).toContain('NodeNotSchedulable');
    const onNode2 = running(s.view()).filter((p) => p.node === 'node-2').length;
    s.act({ action: 'scale', kind: 'Deployment', namespace: 'shop', name: 'web', replicas: 9 });
    expect(running(s.view()).filter((p) => p.node === 'node-2')).toHaveLength(onNode2);
    expect(running(s.view(), 'Deployment/shop/web')).toHaveLength(9);
  });

  it('drain: the node\'s pods are evicted and come back on other nodes', () => {
    const s = ended();
    const drained = running(s.view()).filter((p) => p.node === 'node-1');
    expect(drained.length).toBeGreaterThan(0);
    const r = s.act({ action: 'drain', node: 'node-1' });
    expect(r.error).toBeUndefined();
    const v = s.view();
    expect(v.pods.filter((p) => p.node === 'node-1')).toEqual([]);
    expect(running(v)).toHaveLength(5);
    expect(v.nodes.find((n) => n.name === 'node-1')!.unschedulable).toBe(true);
    // Somewhere in the frames each drained pod was removed.
    const removed = new Set(r.frames.flatMap((f) => f.removed));
    for (const p of drained) expect(removed.has(`Pod/shop/${p.name}`)).toBe(true);
  });

  it('apply again: every object is unchanged and nothing moves', () => {
    const s = ended();
    const pods = s.view().pods;
    const r = s.act({ action: 'applyAgain' });
    expect(r.applied.map((a) => `${a.kind}/${a.name} ${a.result}`).sort()).toEqual(['Deployment/api unchanged', 'Deployment/web unchanged', 'Namespace/shop unchanged']);
    expect(r.frames[0]!.cause).toMatchObject({ action: 'applyAgain' });
    expect(s.view().pods).toEqual(pods);
  });

  it('edit & re-apply: changed objects are configured, the rest unchanged, and a later apply again applies the edited design', () => {
    const s = ended();
    const r = s.act({ action: 'apply', objects: shop(4) });
    expect(r.applied.map((a) => `${a.kind}/${a.name} ${a.result}`).sort()).toEqual(['Deployment/api unchanged', 'Deployment/web configured', 'Namespace/shop unchanged']);
    expect(running(s.view(), 'Deployment/shop/web')).toHaveLength(4);
    const again = s.act({ action: 'applyAgain' });
    expect(again.applied.every((a) => a.result === 'unchanged')).toBe(true);
    expect(running(s.view(), 'Deployment/shop/web')).toHaveLength(4);
  });

  it('a Deployment over its namespace quota: the ReplicaSet reports FailedCreate exceeded quota', () => {
    const s = ended([...shop(), quota('compute', 'shop', { pods: '5' })]);
    const r = s.act({ action: 'scale', kind: 'Deployment', namespace: 'shop', name: 'web', replicas: 6 });
    const failed = r.frames.flatMap((f) => f.events).filter((e) => e.reason === 'FailedCreate');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.message).toMatch(/exceeded quota: compute/);
  });
});

describe('a ReplicaSet held back by its quota', () => {
  it('replaces a deleted pod at once, as upstream\'s deletePod handler enqueues it ahead of the retry backoff', () => {
    const s = ended([...shop(5), quota('compute', 'shop', { pods: '4' })]);
    const web = () => s.view().pods.filter((p) => p.owner === 'apps/Deployment/shop/web');
    // The two Deployments share four pods: web runs fewer than five and keeps failing for the rest.
    const before = web().length;
    expect(before).toBeLessThan(5);
    expect(s.view().pods).toHaveLength(4);
    const victim = web()[0]!;
    const r = s.act({ action: 'deletePod', namespace: 'shop', name: victim.name });
    expect(web()).toHaveLength(before);
    expect(web().map((p) => p.name)).not.toContain(victim.name);
    expect(r.frames.at(-1)!.time - r.frames[0]!.time).toBeLessThan(10);
  });
});

describe('the live-session registry', () => {
  it('keeps a bounded number of sessions, oldest dropped first, and acts by run id', () => {
    const live = new LiveSessions(2);
    const a = ended();
    live.keep('a', a);
    live.keep('b', ended());
    live.keep('c', ended());
    expect(live.size).toBe(2);
    expect(live.liveSession('a')).toBeUndefined();
    expect(() => live.act('a', { action: 'applyAgain' })).toThrow(/not live any more/);
    expect(live.act('c', { action: 'applyAgain' }).applied.length).toBe(3);
    expect(live.drop('b')).toBe(true);
    live.dropAllBut('c');
    expect(live.size).toBe(1);
  });
});
