/**
 * The scheduling cycle (pkg/scheduler/schedule_one.go) over a registry of plugins: PreFilter,
 * Filter on nodes starting where the last pod stopped until enough fit (numFeasibleNodesToFind),
 * then Score, NormalizeScore and weights; ties are broken by the caller's seeded draw. The
 * messages are the default scheduler's FailedScheduling messages. A recorder, when attached,
 * keeps every verdict and score; when none is attached the cycle does no recording work.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../model/object';
import { milli, podRequests, units, type PodRequests } from '../resources';
import { nsOf } from '../store';
import { REQUIRED_SCHEDULING } from './plugins/nodeaffinity';
import { hostPorts } from './plugins/nodeports';
import type { FilterVerdict, NodeScores, SchedulingRecord, SchedulingRecorder } from './recorder';
import { DEFAULT_PROFILE } from './registry';
import type { ClusterReader, CycleState, FilterPlugin, NodeInfo, Profile, SchedulerHandle } from './types';

export type ScheduleResult = { node: string } | { message: string };

const NO_TOLERATIONS: never[] = [];
const NO_RESOLVABLE_VICTIMS = 'No preemption victims found for incoming pod';
const NOT_HELPFUL = 'Preemption is not helpful for scheduling';

/** numFeasibleNodesToFind (pkg/scheduler/schedule_one.go) with the default adaptive percentage. */
export function numFeasibleNodesToFind(nodes: number): number {
  if (nodes < 100) return nodes;
  const percentage = Math.max(5, 50 - Math.floor(nodes / 125));
  return Math.max(100, Math.floor((nodes * percentage) / 100));
}

export class Framework implements SchedulerHandle {
  readonly nodes: NodeInfo[] = [];
  readonly counts = { cordoned: 0, hardTainted: 0, preferTainted: 0 };
  recorder?: SchedulingRecorder;
  private readonly byName = new Map<string, NodeInfo>();
  /** Pods already counted on a node, with what was counted. */
  private readonly accounted = new Map<string, { node: string; req: PodRequests; ports: string[] }>();
  private nextStart = 0;
  /** The last scheduling cycle's state, until its pod is accounted (see `account`). */
  private lastCycle: CycleState | undefined;
  /** Score buffers reused across pods: [0] totals, [k + 1] score plugin k. */
  private readonly buffers: Float64Array[] = [];
  private ties = new Int32Array(64);

  /** `tieBreak(n)` draws a whole number in [0, n) from the caller's seeded stream. */
  constructor(readonly cluster: ClusterReader, private readonly tieBreak: (n: number) => number, readonly profile: Profile = DEFAULT_PROFILE) {}

  nodeInfo(name: string): NodeInfo | undefined {
    return this.byName.get(name);
  }

  /** A node joined or changed: allocatable, taints and cordon are read again; what its pods request is kept. */
  setNode(n: Node & KubeObject): void {
    const name = n.metadata.name;
    const existing = this.byName.get(name);
    const alloc = n.status?.allocatable ?? {};
    const taints = n.spec?.taints ?? [];
    const info: NodeInfo = {
      node: n,
      name,
      allocCpu: milli(alloc.cpu ?? '0'),
      allocMemory: units(alloc.memory ?? '0'),
      allocPods: Number(alloc.pods ?? 110),
      cpu: existing?.cpu ?? 0,
      memory: existing?.memory ?? 0,
      scoreCpu: existing?.scoreCpu ?? 0,
      scoreMemory: existing?.scoreMemory ?? 0,
      pods: existing?.pods ?? 0,
      ports: existing?.ports ?? new Set(),
      cordoned: n.spec?.unschedulable === true,
      hardTaints: taints.filter((t) => t.effect !== 'PreferNoSchedule'),
      preferTaints: taints.filter((t) => t.effect === 'PreferNoSchedule'),
    };
    if (existing) {
      this.nodes[this.nodes.indexOf(existing)] = info;
      this.count(existing, -1);
    } else this.nodes.push(info);
    this.byName.set(name, info);
    this.count(info, 1);
  }

  removeNode(name: string): void {
    const info = this.byName.get(name);
    if (!info) return;
    this.byName.delete(name);
    this.nodes.splice(this.nodes.indexOf(info), 1);
    this.count(info, -1);
  }

  private count(info: NodeInfo, sign: 1 | -1): void {
    if (info.cordoned) this.counts.cordoned += sign;
    if (info.hardTaints.length) this.counts.hardTainted += sign;
    if (info.preferTaints.length) this.counts.preferTainted += sign;
  }

  /** Count a pod's requests and host ports on its node (once per key). */
  account(key: string, pod: Pod, node: string): void {
    if (this.accounted.has(key)) return;
    const info = this.byName.get(node);
    // The pod just scheduled is bound at once: its cycle already worked out what it requests.
    const last = this.lastCycle;
    const fromCycle = last !== undefined && last.pod.metadata.uid !== undefined && last.pod.metadata.uid === (pod as KubeObject).metadata?.uid && last.pod.spec?.containers === pod.spec?.containers && last.pod.spec?.initContainers === pod.spec?.initContainers;
    const req = fromCycle ? last.req : podRequests(pod);
    const ports = fromCycle ? last.ports : hostPorts(pod);
    this.lastCycle = undefined;
    this.accounted.set(key, { node, req, ports });
    if (!info) return;
    info.cpu += req.cpu;
    info.memory += req.memory;
    info.scoreCpu += req.scoreCpu;
    info.scoreMemory += req.scoreMemory;
    info.pods += 1;
    for (const p of ports) info.ports.add(p);
  }

  /** Release a pod's resources; true when it had been counted on a node. */
  unaccount(key: string): boolean {
    const a = this.accounted.get(key);
    if (!a) return false;
    this.accounted.delete(key);
    const info = this.byName.get(a.node);
    if (!info) return true;
    info.cpu -= a.req.cpu;
    info.memory -= a.req.memory;
    info.scoreCpu -= a.req.scoreCpu;
    info.scoreMemory -= a.req.scoreMemory;
    info.pods -= 1;
    for (const p of a.ports) info.ports.delete(p);
    return true;
  }

  /** Pick a node for `pod`, or explain why none fits, in the FailedScheduling format. */
  schedule(pod: Pod & KubeObject): ScheduleResult {
    const total = this.nodes.length;
    const rec = this.recorder ? this.begin(this.recorder, pod, total) : undefined;
    const state: CycleState = {
      pod,
      req: podRequests(pod),
      ports: hostPorts(pod),
      tolerations: pod.spec?.tolerations ?? NO_TOLERATIONS,
      nodeSelector: Object.entries(pod.spec?.nodeSelector ?? {}),
      requiredTerms: pod.spec?.affinity?.nodeAffinity?.[REQUIRED_SCHEDULING]?.nodeSelectorTerms,
      spread: undefined,
      podAffinity: undefined,
      podAffinityScores: undefined,
    };
    this.lastCycle = state;
    const active: FilterPlugin[] = [];
    for (const plugin of this.profile.filters) {
      const r = plugin.preFilter ? plugin.preFilter(state, this) : 'run';
      if (r === 'run' || r === 'skip') {
        if (r === 'run') active.push(plugin);
        rec?.preFilter.push({ plugin: plugin.name, status: r === 'run' ? 'Success' : 'Skip' });
        continue;
      }
      const reason = 'unresolvable' in r ? r.unresolvable : `${total} ${r.everyNode}`;
      rec?.preFilter.push({ plugin: plugin.name, status: 'Unschedulable', reason: 'unresolvable' in r ? r.unresolvable : r.everyNode });
      return this.finish(rec, { message: `0/${total} nodes are available: ${reason}. preemption: 0/${total} nodes are available: ${total} ${NOT_HELPFUL}..` });
    }

    const reasons = new Map<string, number>();
    const preemption = new Map<string, number>();
    const feasible: NodeInfo[] = [];
    // Upstream stops once it has numFeasibleNodesToFind feasible nodes, starting where the last
    // pod's search stopped (percentageOfNodesToScore, adaptive: 50% − nodes/125, at least 100 nodes).
    const want = numFeasibleNodesToFind(total);
    const nodes = this.nodes;
    const n = active.length;
    const only = active[0];
    let processed = 0;
    for (; processed < total && feasible.length < want; processed++) {
      const info = nodes[(this.nextStart + processed) % total];
      let fail: readonly string[] | null = null;
      let failedAt = 0;
      if (n === 1) {
        // Most pods have one active filter (NodeResourcesFit): a call site of its own stays monomorphic.
        fail = only.filter(state, info);
      } else {
        for (; failedAt < n; failedAt++) {
          fail = active[failedAt].filter(state, info);
          if (fail !== null) break;
        }
      }
      if (rec) rec.filters.push({ node: info.name, feasible: fail === null, filters: this.verdicts(active, failedAt, fail) });
      if (fail === null) {
        feasible.push(info);
        continue;
      }
      for (const r of fail) reasons.set(r, (reasons.get(r) ?? 0) + 1);
      const failed = active[failedAt];
      const p = (failed.preemptibleReason ? failed.preemptibleReason(fail[0]) : failed.preemptible) ? NO_RESOLVABLE_VICTIMS : NOT_HELPFUL;
      preemption.set(p, (preemption.get(p) ?? 0) + 1);
    }
    if (total > 0) this.nextStart = (this.nextStart + processed) % total;
    if (rec) rec.notEvaluated = total - processed;
    if (feasible.length === 0) {
      if (total === 0) return this.finish(rec, { message: 'no nodes available to schedule pods' });
      const list = (m: Map<string, number>) => [...m].map(([r, k]) => `${k} ${r}`).sort().join(', ');
      // framework.FitError.Error() appends the PostFilter message as " %v." after the preemption
      // FitError's own "…: %v." — hence upstream's double period (`…for incoming pod..`).
      return this.finish(rec, { message: `0/${total} nodes are available: ${list(reasons)}. preemption: 0/${total} nodes are available: ${list(preemption)}..` });
    }
    // One feasible node needs no ranking (upstream returns it without running Score).
    return this.finish(rec, { node: feasible.length === 1 ? feasible[0].name : this.pick(state, feasible, rec) });
  }

  /** Score, normalise and weigh; the best total wins, ties by the seeded draw (upstream selectHost). */
  private pick(state: CycleState, feasible: NodeInfo[], rec: SchedulingRecord | undefined): string {
    const n = feasible.length;
    const totals = this.buffer(0, n);
    let first = true;
    const scores = this.profile.scores;
    const perNode: NodeScores[] | undefined = rec ? feasible.map((info) => ({ node: info.name, plugins: [], total: 0 })) : undefined;
    for (let k = 0; k < scores.length; k++) {
      const { plugin, weight } = scores[k];
      // A plugin that scores every node alike cannot change the ranking; the recorder still shows it.
      if (!perNode && plugin.preScore && !plugin.preScore(state, this)) continue;
      const buf = this.buffer(k + 1, n);
      plugin.score(state, feasible, buf);
      const raw = perNode ? buf.slice(0, n) : undefined;
      plugin.normalize?.(buf, n);
      if (first) for (let i = 0; i < n; i++) totals[i] = weight * buf[i];
      else for (let i = 0; i < n; i++) totals[i] += weight * buf[i];
      first = false;
      if (perNode && raw) for (let i = 0; i < n; i++) perNode[i].plugins.push({ plugin: plugin.name, weight, raw: raw[i], normalized: buf[i] });
    }
    if (first) totals.fill(0, 0, n);
    if (this.ties.length < n) this.ties = new Int32Array(n);
    const ties = this.ties;
    let best = -Infinity;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (totals[i] > best) {
        best = totals[i];
        count = 1;
        ties[0] = i;
      } else if (totals[i] === best) ties[count++] = i;
    }
    const chosen = feasible[count === 1 ? ties[0] : ties[this.tieBreak(count)]].name;
    if (rec && perNode) {
      for (let i = 0; i < n; i++) perNode[i].total = totals[i];
      rec.scores = perNode;
      if (count > 1) rec.tied = Array.from(ties.subarray(0, count), (i) => feasible[i].name);
    }
    return chosen;
  }

  private buffer(i: number, n: number): Float64Array {
    let b = this.buffers[i];
    if (!b || b.length < n) b = this.buffers[i] = new Float64Array(Math.max(n, 64));
    return b;
  }

  /** Every Filter plugin's verdict on one node, in profile order (for the recorder). */
  private verdicts(active: FilterPlugin[], failedAt: number, fail: readonly string[] | null): FilterVerdict[] {
    return this.profile.filters.map((p) => {
      const i = active.indexOf(p);
      if (i < 0) return { plugin: p.name, status: 'Skip' };
      if (fail === null || i < failedAt) return { plugin: p.name, status: 'Success' };
      if (i === failedAt) return { plugin: p.name, status: 'Unschedulable', reasons: [...fail] };
      return { plugin: p.name, status: 'NotRun' };
    });
  }

  private begin(recorder: SchedulingRecorder, pod: Pod & KubeObject, total: number): SchedulingRecord | undefined {
    const name = `${nsOf(pod)}/${pod.metadata.name}`;
    return recorder.wants(name) ? recorder.begin(name, total) : undefined;
  }

  private finish(rec: SchedulingRecord | undefined, result: ScheduleResult): ScheduleResult {
    if (rec) {
      if ('node' in result) rec.selected = result.node;
      else rec.message = result.message;
      this.recorder?.add(rec);
    }
    return result;
  }
}
