import { describe, expect, it } from 'vitest';
import { SchedulingRecorder, simulate } from '../../../../shared/simulation';
import type { ClusterSpec } from '../../../../shared/design/types';
import { container, deployment, nodes, pod } from '../helpers';

const cluster: ClusterSpec = {
  nodes: [
    { name: 'cordoned', cpu: '4', memory: '8Gi', pods: 110, unschedulable: true },
    { name: 'tainted', cpu: '4', memory: '8Gi', pods: 110, taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' as const }] },
    { name: 'small', cpu: '1', memory: '8Gi', pods: 110 },
    { name: 'ssd', cpu: '4', memory: '8Gi', pods: 110, labels: { disk: 'ssd' } },
    { name: 'hdd', cpu: '4', memory: '8Gi', pods: 110, labels: { disk: 'hdd' } },
  ],
};
const preferSsd = { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } }] } } };

function recordOne(objects: ReturnType<typeof pod>[], name: string, c: ClusterSpec = cluster) {
  const recorder = new SchedulingRecorder((p) => p === name);
  const result = simulate({ objects, cluster: c, seed: 1 }, recorder);
  return { result, attempts: recorder.attempts(name) };
}

describe('the scheduling recorder: why this node, why not the others', () => {
  it('keeps the verdict of the plugin that turned each node down, with upstream\'s reason', () => {
    const { attempts } = recordOne([pod('web', 'default', [container('c', { requests: { cpu: '2' } })], preferSsd)], 'default/web');
    expect(attempts).toHaveLength(1);
    const failedBy = Object.fromEntries(attempts[0].filters.map((n) => [n.node, n.filters.find((f) => f.status === 'Unschedulable') ?? null]));
    expect(failedBy).toEqual({
      cordoned: { plugin: 'NodeUnschedulable', status: 'Unschedulable', reasons: ['node(s) were unschedulable'] },
      tainted: { plugin: 'TaintToleration', status: 'Unschedulable', reasons: ['node(s) had untolerated taint {dedicated: db}'] },
      small: { plugin: 'NodeResourcesFit', status: 'Unschedulable', reasons: ['Insufficient cpu'] },
      ssd: null,
      hdd: null,
    });
    // A node turned down by one plugin is not looked at by the later ones (upstream stops at the first failure).
    const cordoned = attempts[0].filters.find((n) => n.node === 'cordoned')!;
    expect(cordoned.filters.find((f) => f.plugin === 'NodeResourcesFit')?.status).toBe('NotRun');
    // A pod without host ports has nothing for NodePorts to check.
    expect(attempts[0].preFilter.find((p) => p.plugin === 'NodePorts')?.status).toBe('Skip');
  });

  it('keeps each score plugin\'s raw and normalised score, and the weighted total picks the node', () => {
    const { attempts, result } = recordOne([pod('web', 'default', [container('c', { requests: { cpu: '2' } })], preferSsd)], 'default/web');
    const a = attempts[0];
    expect(a.selected).toBe('ssd');
    expect(result.pods.find((p) => p.name === 'web')?.node).toBe('ssd');
    const byNode = Object.fromEntries(a.scores.map((s) => [s.node, s]));
    const affinity = (node: string) => byNode[node].plugins.find((p) => p.plugin === 'NodeAffinity')!;
    expect(affinity('ssd')).toEqual({ plugin: 'NodeAffinity', weight: 2, raw: 50, normalized: 100 });
    expect(affinity('hdd')).toEqual({ plugin: 'NodeAffinity', weight: 2, raw: 0, normalized: 0 });
    for (const s of a.scores) expect(s.total).toBe(s.plugins.reduce((sum, p) => sum + p.weight * p.normalized, 0));
    expect(byNode.ssd.total).toBeGreaterThan(byNode.hdd.total);
  });

  it('records every attempt of a pod that stays pending, each with the FailedScheduling message', () => {
    const { attempts, result } = recordOne([pod('huge', 'default', [container('c', { requests: { cpu: '64' } })])], 'default/huge');
    expect(attempts.length).toBeGreaterThanOrEqual(1);
    const failed = result.events.filter((e) => e.reason === 'FailedScheduling').map((e) => e.message);
    expect(attempts.at(-1)?.message).toBe(failed.at(-1));
    expect(attempts.at(-1)?.selected).toBeUndefined();
  });

  it('names the tied nodes when the seeded tie-break decided', () => {
    const { attempts } = recordOne([pod('p', 'default', [container('c')])], 'default/p', nodes(3));
    expect(attempts[0].tied).toEqual(['node-1', 'node-2', 'node-3']);
    expect(attempts[0].tied).toContain(attempts[0].selected);
  });

  it('records only the pods asked for, and does not change where pods land', () => {
    const objects = [deployment('w', 'default', 6, [container('w', { requests: { cpu: '300m' } })], {}, preferSsd)];
    const recorder = new SchedulingRecorder((p) => p.startsWith('default/w-'));
    const recorded = simulate({ objects, cluster, seed: 3 }, recorder);
    const plain = simulate({ objects, cluster, seed: 3 });
    expect(recorded.pods.map((p) => [p.name, p.node])).toEqual(plain.pods.map((p) => [p.name, p.node]));
    expect(recorder.recordedPods().sort()).toEqual(recorded.pods.map((p) => `default/${p.name}`).sort());
    expect(new SchedulingRecorder((p) => p === 'default/other').recordedPods()).toEqual([]);
  });
});
