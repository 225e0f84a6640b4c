import { describe, expect, it } from 'vitest';
import { container, deployment, eventsOf, nodes, ns, pod, pvc, run } from './helpers';

const failed = (r: ReturnType<typeof run>) => eventsOf(r, 'FailedScheduling');
const noVictims = (n: number, reason: string) => `0/3 nodes are available: ${reason}. preemption: 0/3 nodes are available: ${n} No preemption victims found for incoming pod..`;
const notHelpful = (reason: string) => `0/3 nodes are available: ${reason}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..`;

describe('FailedScheduling messages are the default scheduler\'s', () => {
  it.each([
    ['insufficient cpu', pod('big', 'default', [container('c', { requests: { cpu: '5' } })]), undefined, noVictims(3, '3 Insufficient cpu')],
    ['insufficient memory', pod('big', 'default', [container('c', { requests: { memory: '9Gi' } })]), undefined, noVictims(3, '3 Insufficient memory')],
    ['both, counted per reason', pod('big', 'default', [container('c', { requests: { cpu: '5', memory: '9Gi' } })]), undefined, noVictims(3, '3 Insufficient cpu, 3 Insufficient memory')],
    ['a nodeSelector nothing matches', pod('p', 'default', [container('c')], { nodeSelector: { disk: 'ssd' } }), undefined, notHelpful("3 node(s) didn't match Pod's node affinity/selector")],
    ['a required node affinity nothing matches', pod('p', 'default', [container('c')], { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }] } } } }), undefined, notHelpful("3 node(s) didn't match Pod's node affinity/selector")],
    ['an untolerated taint', pod('p', 'default', [container('c')]), { nodes: nodes(3, { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }).nodes }, notHelpful('3 node(s) had untolerated taint {dedicated: db}')],
    ['unschedulable nodes', pod('p', 'default', [container('c')]), { nodes: nodes(3, { unschedulable: true }).nodes }, notHelpful('3 node(s) were unschedulable')],
    ['too many pods', pod('p', 'default', [container('c')]), { nodes: nodes(3, { pods: 0 }).nodes }, noVictims(3, '3 Too many pods')],
    ['an unbound immediate claim', pod('p', 'default', [container('c')], { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] }), undefined, notHelpful('pod has unbound immediate PersistentVolumeClaims')],
  ])('%s', (_name, p, cluster, message) => {
    const objects = [p, ...(String(message).includes('PersistentVolumeClaims') ? [pvc('data', 'default', '1Gi')] : [])];
    const r = run(objects, { cluster: cluster ?? nodes(3) });
    expect(failed(r)).toEqual([message]);
    expect(r.pods[0]).toMatchObject({ phase: 'Pending', node: '' });
  });

  it('mixes reasons across nodes, sorted as strings', () => {
    const cluster = { nodes: [...nodes(2).nodes, { name: 'node-3', cpu: '4', memory: '8Gi', pods: 110, taints: [{ key: 'a', value: 'b', effect: 'NoSchedule' as const }] }] };
    const r = run([pod('big', 'default', [container('c', { requests: { cpu: '5' } })])], { cluster });
    expect(failed(r)).toEqual(['0/3 nodes are available: 1 node(s) had untolerated taint {a: b}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..']);
  });
});

describe('the scheduler\'s choices', () => {
  it('fills nodes by requests: the fourth 1.5-CPU pod on 2 × 4-CPU nodes fits, the sixth does not', () => {
    const r = run([deployment('w', 'default', 6, [container('w', { requests: { cpu: '1500m' } })])], { cluster: nodes(2) });
    expect(r.pods.filter((p) => p.node).length).toBe(4);
    expect(r.pods.filter((p) => !p.node).length).toBe(2);
    expect(new Set(failed(r))).toEqual(new Set([noVictims(2, '2 Insufficient cpu').replace(/0\/3/g, '0/2')]));
  });

  it('spreads replicas over the least allocated nodes', () => {
    const r = run([deployment('w', 'default', 3, [container('w', { requests: { cpu: '1', memory: '1Gi' } })])]);
    expect(r.pods.map((p) => p.node).sort()).toEqual(['node-1', 'node-2', 'node-3']);
  });

  it('follows the preferred node affinity, and tolerations open tainted nodes', () => {
    const cluster = { nodes: [{ name: 'a', cpu: '4', memory: '8Gi', pods: 110 }, { name: 'b', cpu: '4', memory: '8Gi', pods: 110, labels: { disk: 'ssd' } }, { name: 'c', cpu: '4', memory: '8Gi', pods: 110, taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' as const }] }] };
    const preferred = { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } }] } } };
    const tolerant = { tolerations: [{ key: 'gpu', operator: 'Equal', value: 'yes', effect: 'NoSchedule' }], nodeSelector: { 'kubernetes.io/hostname': 'c' } };
    const r = run([pod('fast', 'default', [container('c')], preferred), pod('gpu', 'default', [container('c')], tolerant)], { cluster });
    expect(Object.fromEntries(r.pods.map((p) => [p.name, p.node]))).toEqual({ fast: 'b', gpu: 'c' });
  });

  it('breaks ties with the seeded stream: same seed same node, and every seed a valid node', () => {
    const place = (seed: number) => run([pod('p', 'default', [container('c')])], { seed }).pods[0].node;
    expect(place(7)).toBe(place(7));
    const seen = new Set(Array.from({ length: 12 }, (_, i) => place(i)));
    expect(seen.size).toBeGreaterThan(1);
    for (const n of seen) expect(['node-1', 'node-2', 'node-3']).toContain(n);
  });

  it('schedules pending pods when a node is added, and reschedules a drained node\'s pods', () => {
    const r = run([ns('app'), deployment('w', 'app', 2, [container('w', { requests: { cpu: '3' } })])], {
      cluster: nodes(1),
      scenario: { steps: [{ action: 'wait', steady: true }, { action: 'addNode', node: { name: 'node-2', cpu: '4', memory: '8Gi', pods: 110 } }, { action: 'wait', steady: true }, { action: 'addNode', node: { name: 'node-3', cpu: '4', memory: '8Gi', pods: 110 } }, { action: 'drain', node: 'node-1' }] },
    });
    expect(r.pods.map((p) => p.node).sort()).toEqual(['node-2', 'node-3']);
    expect(r.pods.every((p) => p.status === 'Running')).toBe(true);
    expect(r.nodes.find((n) => n.name === 'node-1')?.status).toBe('Ready,SchedulingDisabled');
  });
});
