/**
 * Session frames cross IPC typed: the zod schemas in shared/ipc/session.ts are the contract, their
 * inferred types equal the engine's, and every real frame and view parses unchanged.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { clusterViewSchema, sessionFrameSchema } from '../../../../shared/ipc/session';
import { SimulationSession, type ClusterView, type SessionFrame } from '../../../../shared/simulation/session';
import { container, deployment, nodes, ns, pvc, quota, storageClass } from '../helpers';

/** True only when each type is assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('session frames match their IPC schemas', () => {
  it('the schemas infer exactly the engine\'s frame and view types (checked by the type checker)', () => {
    const frames: Same<z.infer<typeof sessionFrameSchema>, SessionFrame> = true;
    const views: Same<z.infer<typeof clusterViewSchema>, ClusterView> = true;
    expect(frames && views).toBe(true);
  });

  it('every frame of a run with pods, a quota, claims, a failing step and a drain parses unchanged', () => {
    const objects = [
      ns('shop'), quota('compute', 'shop', { pods: '4' }), storageClass('standard', 'rancher.io/local-path', {}, true), pvc('data', 'shop', '1Gi'),
      deployment('web', 'shop', 5, [container('web', { requests: { cpu: '100m', memory: '64Mi' } })]),
    ];
    const steps = [{ action: 'wait' as const, steady: true }, { action: 'scale' as const, kind: 'Deployment', namespace: 'shop', name: 'missing', replicas: 1 }, { action: 'cordon' as const, node: 'node-2' }, { action: 'drain' as const, node: 'node-1' }];
    const s = new SimulationSession({ objects, cluster: nodes(2), seed: 1, scenario: { steps } }, { keyframeEvery: 2 });
    s.runToEnd();
    const kinds = new Set(s.frames.flatMap((f) => f.set.map((r) => r.kind)));
    expect([...kinds].sort()).toEqual(['Node', 'PersistentVolumeClaim', 'Pod', 'ResourceQuota']);
    expect(s.frames.some((f) => f.cause.type === 'step' && f.cause.error)).toBe(true);
    for (const f of s.frames) expect(sessionFrameSchema.parse(f)).toEqual(f);
    for (const t of [0, 1, 5, s.now]) expect(clusterViewSchema.parse(s.snapshotAt(t))).toEqual(s.snapshotAt(t));
  });
});
