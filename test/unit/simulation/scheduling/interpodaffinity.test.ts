// InterPodAffinity as the default scheduler runs it (k8s.io/kubernetes v1.30
// pkg/scheduler/framework/plugins/interpodaffinity): each row quotes the upstream line it follows.
import { describe, expect, it } from 'vitest';
import type { ClusterSpec } from '../../../../shared/design/types';
import type { KubeObject } from '../../../../shared/model/object';
import { SchedulingRecorder } from '../../../../shared/simulation/scheduling/recorder';
import { simulate } from '../../../../shared/simulation';
import { container, deployment, eventsOf, ns, pod, run } from '../helpers';

/** 4 nodes in 2 zones: node-1, node-2 in zone-a; node-3, node-4 in zone-b. */
const zones: ClusterSpec = {
  nodes: [1, 2, 3, 4].map((i) => ({ name: `node-${i}`, cpu: '4', memory: '8Gi', pods: 110, zone: i <= 2 ? 'zone-a' : 'zone-b' })),
};
const HOST = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';
const term = (app: string, topologyKey: string, extra: Record<string, unknown> = {}) => ({ labelSelector: { matchLabels: { app } }, topologyKey, ...extra });
const required = (kind: 'podAffinity' | 'podAntiAffinity', ...terms: unknown[]) => ({ affinity: { [kind]: { requiredDuringSchedulingIgnoredDuringExecution: terms } } });
const preferred = (kind: 'podAffinity' | 'podAntiAffinity', weight: number, t: unknown) => ({ affinity: { [kind]: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight, podAffinityTerm: t }] } } });
const on = (node: string) => ({ nodeName: node });
const nodeOf = (r: ReturnType<typeof run>, name: string) => r.pods.find((p) => p.name === name)?.node;
const failed = (r: ReturnType<typeof run>) => eventsOf(r, 'FailedScheduling');

describe('InterPodAffinity: required terms filter nodes, in upstream\'s words', () => {
  // filtering.go satisfyPodAffinity: `if state.affinityCounts[tp] <= 0 { podsExist = false }` per
  // term; Filter: `return framework.NewStatus(framework.UnschedulableAndUnresolvable, ErrReasonAffinityRulesNotMatch)`.
  it('affinity by hostname: the pod joins the node of the pod it asks for', () => {
    const r = run([pod('cache', 'default', [container('c')], on('node-3'), { app: 'cache' }), pod('web', 'default', [container('w')], required('podAffinity', term('cache', HOST)), { app: 'web' })], { cluster: zones });
    expect(nodeOf(r, 'web')).toBe('node-3');
  });

  it('affinity by zone: any node of the zone of the matching pod', () => {
    const r = run([pod('cache', 'default', [container('c')], on('node-3'), { app: 'cache' }), deployment('web', 'default', 4, [container('w')], {}, required('podAffinity', term('cache', ZONE)))], { cluster: zones });
    const placed = r.pods.filter((p) => p.name.startsWith('web-')).map((p) => p.node);
    expect(placed).toHaveLength(4);
    for (const n of placed) expect(['node-3', 'node-4']).toContain(n);
  });

  // ErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules"; UnschedulableAndUnresolvable,
  // so preemption says "Preemption is not helpful for scheduling".
  it('no pod to join: every node fails with the affinity reason, preemption not helpful', () => {
    const r = run([pod('web', 'default', [container('w')], required('podAffinity', term('cache', HOST)), { app: 'web' })], { cluster: zones });
    expect(failed(r)).toEqual(["0/4 nodes are available: 4 node(s) didn't match pod affinity rules. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.."]);
  });

  // satisfyPodAffinity: `if len(state.affinityCounts) == 0 && podMatchesAllAffinityTerms(state.podInfo.RequiredAffinityTerms, state.podInfo.Pod) { return true }`.
  it('a group whose affinity matches itself can start: the first pod goes anywhere, the rest follow it', () => {
    const r = run([deployment('web', 'default', 3, [container('w')], {}, required('podAffinity', term('web', HOST)))], { cluster: zones });
    const placed = new Set(r.pods.map((p) => p.node));
    expect(placed.size).toBe(1);
    expect([...placed][0]).toMatch(/^node-\d$/);
  });

  // filtering.go satisfyPodAntiAffinity; ErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules",
  // Unschedulable: preemption could evict the pods in the way ("No preemption victims found for incoming pod").
  it('anti-affinity by hostname spreads replicas one per node; the fifth of four nodes waits', () => {
    const r = run([deployment('web', 'default', 5, [container('w')], {}, required('podAntiAffinity', term('web', HOST)))], { cluster: zones });
    const nodesUsed = r.pods.filter((p) => p.node).map((p) => p.node);
    expect(new Set(nodesUsed).size).toBe(4);
    expect(nodesUsed).toHaveLength(4);
    expect(new Set(failed(r))).toEqual(new Set(["0/4 nodes are available: 4 node(s) didn't match pod anti-affinity rules. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.."]));
  });

  it('anti-affinity by zone: one replica per zone', () => {
    const r = run([deployment('web', 'default', 3, [container('w')], {}, required('podAntiAffinity', term('web', ZONE)))], { cluster: zones });
    const placed = r.pods.filter((p) => p.node).map((p) => p.node!);
    expect(placed).toHaveLength(2);
    expect(new Set(placed.map((n) => (n <= 'node-2' ? 'a' : 'b'))).size).toBe(2);
  });

  // satisfyExistingPodsAntiAffinity: ErrReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules".
  it('an existing pod\'s anti-affinity keeps matching pods out of its domain', () => {
    const loner = pod('loner', 'default', [container('l')], { ...on('node-1'), ...required('podAntiAffinity', term('web', ZONE)) }, { app: 'loner' });
    const r = run([loner, pod('web', 'default', [container('w')], { nodeSelector: { [ZONE]: 'zone-a' } }, { app: 'web' })], { cluster: zones });
    expect(failed(r)).toEqual(["0/4 nodes are available: 2 node(s) didn't match Pod's node affinity/selector, 2 node(s) didn't satisfy existing pods anti-affinity rules. preemption: 0/4 nodes are available: 2 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.."]);
  });

  // framework.newAffinityTerm: `if len(term.Namespaces) == 0 && term.NamespaceSelector == nil { namespaces = {pod.Namespace} }`.
  it('a term looks in the pod\'s own namespace unless it names namespaces', () => {
    const cache = pod('cache', 'other', [container('c')], on('node-2'), { app: 'cache' });
    const other = ns('other');
    const own = run([other, cache, pod('web', 'default', [container('w')], required('podAffinity', term('cache', HOST)), { app: 'web' })], { cluster: zones });
    expect(nodeOf(own, 'web')).toBe('');
    const named = run([other, cache, pod('web', 'default', [container('w')], required('podAffinity', term('cache', HOST, { namespaces: ['other'] })), { app: 'web' })], { cluster: zones });
    expect(nodeOf(named, 'web')).toBe('node-2');
    const selected = run([other, cache, pod('web', 'default', [container('w')], required('podAffinity', term('cache', HOST, { namespaceSelector: {} })), { app: 'web' })], { cluster: zones });
    expect(nodeOf(selected, 'web')).toBe('node-2');
  });
});

describe('InterPodAffinity: preferred terms score nodes (weight 2 in the default profile)', () => {
  // scoring.go processTerm: `m.add(term.TopologyKey, tpValue, int64(weight*multiplier))` per matching
  // existing pod; NormalizeScore: `fScore = float64(framework.MaxNodeScore) * (float64(scores[i].Score-minCount) / float64(maxMinDiff))`.
  it('preferred affinity draws the pod to the node of its match, and the recorder shows the score', () => {
    const objects: KubeObject[] = [pod('cache', 'default', [container('c')], on('node-4'), { app: 'cache' }), pod('web', 'default', [container('w')], preferred('podAffinity', 100, term('cache', HOST)), { app: 'web' })];
    const recorder = new SchedulingRecorder();
    const r = simulate({ objects, cluster: zones, seed: 1 }, recorder);
    expect(r.pods.find((p) => p.name === 'web')?.node).toBe('node-4');
    const rec = recorder.attempts('default/web')[0];
    const scoreOf = (node: string) => rec.scores?.find((s) => s.node === node)?.plugins.find((p) => p.plugin === 'InterPodAffinity');
    expect(scoreOf('node-4')).toMatchObject({ weight: 2, raw: 100, normalized: 100 });
    expect(scoreOf('node-1')).toMatchObject({ raw: 0, normalized: 0 });
  });

  it('preferred anti-affinity pushes replicas apart while leaving every replica schedulable', () => {
    const r = run([deployment('web', 'default', 6, [container('w')], {}, preferred('podAntiAffinity', 100, term('web', ZONE)))], { cluster: zones });
    expect(r.pods.filter((p) => p.node)).toHaveLength(6);
    expect(failed(r)).toEqual([]);
  });
});

describe('pods without pod affinity pay nothing for the plugin', () => {
  it('PreFilter skips and the node is chosen as before', () => {
    const recorder = new SchedulingRecorder();
    simulate({ objects: [pod('p', 'default', [container('c')])], cluster: zones, seed: 1 }, recorder);
    const rec = recorder.attempts('default/p')[0];
    expect(rec.preFilter.find((p) => p.plugin === 'InterPodAffinity')).toEqual({ plugin: 'InterPodAffinity', status: 'Skip' });
  });
});

describe('PodTopologySpread: a skew failure counts as one preemption could resolve', () => {
  // podtopologyspread/filtering.go: `return framework.NewStatus(framework.Unschedulable, ErrReasonConstraintsNotMatch)`;
  // a missing label is UnschedulableAndUnresolvable (ErrReasonNodeLabelNotMatch).
  it('maxSkew exceeded: "No preemption victims found for incoming pod"', () => {
    const spread = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] };
    const tainted: ClusterSpec = { nodes: zones.nodes.map((n) => (n.zone === 'zone-b' ? { ...n, taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' as const }] } : n)) };
    const r = run([pod('a', 'default', [container('c')], on('node-1'), { app: 'web' }), pod('b', 'default', [container('c')], spread, { app: 'web' })], { cluster: tainted });
    expect(failed(r)).toEqual(["0/4 nodes are available: 2 node(s) didn't match pod topology spread constraints, 2 node(s) had untolerated taint {dedicated: x}. preemption: 0/4 nodes are available: 2 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.."]);
  });
});
