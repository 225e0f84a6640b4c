import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { resolveFenceposts } from '../../../shared/simulation/controllers/deployment';
import { isActive, isReady } from '../../../shared/simulation/controllers/util';
import { Simulation } from '../../../shared/simulation/simulate';
import { defaultCluster } from '../../../shared/design/types';
import { container, deployment, eventsOf, ns, run } from './helpers';

describe('maxSurge rounds up, maxUnavailable rounds down (25% defaults)', () => {
  it.each([
    [1, 1, 0], [3, 1, 0], [4, 1, 1], [10, 3, 2],
  ])('%i replicas → surge %i, unavailable %i', (replicas, surge, unavailable) => {
    expect(resolveFenceposts(replicas, undefined)).toEqual({ maxSurge: surge, maxUnavailable: unavailable });
  });

  it('makes unavailable 1 when both come out 0', () => {
    expect(resolveFenceposts(3, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '10%' } })).toEqual({ maxSurge: 0, maxUnavailable: 1 });
    expect(resolveFenceposts(5, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '50%', maxUnavailable: 2 } })).toEqual({ maxSurge: 3, maxUnavailable: 2 });
  });
});

function rollout(replicas: number, readinessDelaySeconds = 2) {
  const web = deployment('web', 'app', replicas, [container('web', { requests: { cpu: '10m' } }, { readinessProbe: { httpGet: { path: '/', port: 80 } } })]);
  const sim = new Simulation({ objects: [ns('app'), web], cluster: defaultCluster(), seed: 3, options: { readinessDelaySeconds } });
  sim.apply([ns('app'), web]);
  sim.cluster.runToSteady(() => sim.tick());
  return sim;
}

describe('a rolling update keeps within surge and unavailability at every tick', () => {
  it.each([1, 3, 4, 10])('%i replicas', (replicas) => {
    const sim = rollout(replicas);
    const c = sim.cluster;
    const { maxSurge, maxUnavailable } = resolveFenceposts(replicas, undefined);
    const check = () => {
      const pods = c.store.list('Pod', 'app').filter(isActive);
      expect(pods.length).toBeLessThanOrEqual(replicas + maxSurge);
      expect(pods.filter(isReady).length).toBeGreaterThanOrEqual(replicas - maxUnavailable);
    };
    check();
    expect(sim.run({ action: 'setImage', kind: 'Deployment', namespace: 'app', name: 'web', image: 'nginx:1.28' })).toBeNull();
    check();
    let ticks = 0;
    c.runToSteady(() => {
      ticks++;
      check();
    });
    expect(ticks).toBeGreaterThan(1);
    const pods = c.store.list('Pod', 'app').filter(isActive);
    expect(pods).toHaveLength(replicas);
    expect(pods.every((p) => (p as Pod).spec?.containers[0].image === 'nginx:1.28' && isReady(p))).toBe(true);
    const r = sim.result(true);
    expect(r.deployments[0]).toMatchObject({ replicas, ready: replicas, upToDate: replicas, available: replicas, revision: '2' });
  });
});

describe('revisions and rollback', () => {
  const steps = [
    { action: 'wait' as const, steady: true },
    { action: 'setImage' as const, kind: 'Deployment', namespace: 'app', name: 'web', image: 'nginx:1.28' },
    { action: 'wait' as const, steady: true },
    { action: 'scale' as const, kind: 'Deployment', namespace: 'app', name: 'web', replicas: 3 },
    { action: 'wait' as const, steady: true },
  ];
  const objects = [ns('app'), deployment('web', 'app', 2, [container('web')])];

  it('a template change makes a new revision; scaling does not', () => {
    const r = run(objects, { scenario: { steps } });
    expect(r.deployments[0].revision).toBe('2');
    expect(new Set(r.pods.map((p) => p.name.split('-').slice(0, 2).join('-'))).size).toBe(1);
  });

  it('rollback copies the old template back and that ReplicaSet takes the next revision', () => {
    const r = run(objects, { scenario: { steps: [...steps, { action: 'rollback', kind: 'Deployment', namespace: 'app', name: 'web' }] } });
    expect(r.deployments[0].revision).toBe('3');
    const scaled = eventsOf(r, 'ScalingReplicaSet');
    const firstRs = /replica set (\S+) from 0 to 2/.exec(scaled[0])?.[1];
    expect(r.pods.every((p) => p.name.startsWith(`${firstRs}-`))).toBe(true);
    expect(r.pods).toHaveLength(3);
  });

  it('rollback to a revision that does not exist says so', () => {
    const r = run(objects, { scenario: { steps: [{ action: 'rollback', kind: 'Deployment', namespace: 'app', name: 'web', toRevision: 7 }] } });
    expect(r.stepErrors).toEqual([{ step: 1, message: 'error: unable to find specified revision 7 in history' }]);
  });

  it('Recreate scales the old ReplicaSet to zero before the new one starts', () => {
    const recreate = [ns('app'), deployment('web', 'app', 3, [container('web')], { strategy: { type: 'Recreate' } })];
    const r = run(recreate, { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'setImage', kind: 'Deployment', namespace: 'app', name: 'web', image: 'nginx:1.28' }] } });
    const scaled = eventsOf(r, 'ScalingReplicaSet');
    expect(scaled[1]).toMatch(/^Scaled down replica set web-\S+ from 3 to 0$/);
    expect(scaled[2]).toMatch(/^Scaled up replica set web-\S+ from 0 to 3$/);
    const downAt = r.events.find((e) => e.message === scaled[1])?.firstTime ?? -1;
    const upAt = r.events.find((e) => e.message === scaled[2])?.firstTime ?? -1;
    expect(upAt).toBeGreaterThan(downAt);
    expect(r.pods).toHaveLength(3);
  });

  it('replaces a deleted pod (self-healing)', () => {
    const r = run(objects, { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'deletePod', namespace: 'app', owner: 'Deployment/web' }] } });
    expect(r.pods.filter((p) => p.status === 'Running')).toHaveLength(2);
    expect(eventsOf(r, 'SuccessfulCreate')).toHaveLength(3);
    expect(eventsOf(r, 'Killing')).toHaveLength(1);
  });
});
