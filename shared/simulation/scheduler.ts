/**
 * The default scheduler: filters, in upstream order (NodeUnschedulable, NodeName, TaintToleration,
 * NodeAffinity, NodePorts, NodeResourcesFit, VolumeBinding, PodTopologySpread), then scores
 * (TaintToleration ×3, NodeAffinity ×2, LeastAllocated ×1, BalancedAllocation ×1, PodTopologySpread ×2).
 * Ties: upstream picks uniformly at random among the best nodes (reservoir sampling); here the
 * random draw comes from the seeded tie-break stream, one draw per tie, in scheduling order.
 */
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Node, NodeSelectorTerm, PersistentVolume, PersistentVolumeClaim, Pod, Taint, Toleration, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { selectorMatches } from '../model/selector';
import type { Cluster, Controller } from './cluster';
import { findBestVolume, isClaimBoundOrDelayed, NO_PROVISIONER, SELECTED_NODE } from './controllers/pvbinder';
import { isTerminal } from './controllers/util';
import { milli, podRequests, units, type PodRequests } from './resources';
import { eventKey, nsOf, type WatchEvent } from './store';

interface NodeInfo {
  node: Node & KubeObject;
  allocCpu: number;
  allocMemory: number;
  allocPods: number;
  cpu: number;
  memory: number;
  scoreCpu: number;
  scoreMemory: number;
  pods: number;
  ports: Set<string>;
  /** The node has a PreferNoSchedule taint (so TaintToleration scores can differ). */
  preferNoSchedule: boolean;
  /** Neither cordoned nor tainted: NodeUnschedulable and TaintToleration pass for every pod. */
  untainted: boolean;
}

const NO_TOLERATIONS: Toleration[] = [];
const NO_TAINTS: Taint[] = [];

/** What the filters read from a pod, worked out once per scheduling attempt. */
interface PodView {
  tolerations: Toleration[];
  selector: [string, string][];
  required: NodeSelectorTerm[] | undefined;
}

function podView(pod: Pod): PodView {
  return {
    tolerations: pod.spec?.tolerations ?? NO_TOLERATIONS,
    selector: Object.entries(pod.spec?.nodeSelector ?? {}),
    required: pod.spec?.affinity?.nodeAffinity?.[REQUIRED_SCHEDULING]?.nodeSelectorTerms,
  };
}

function fitsNode(view: PodView, node: Node & KubeObject): boolean {
  if (view.selector.length) {
    const labels = node.metadata.labels ?? {};
    for (const [k, v] of view.selector) if (labels[k] !== v) return false;
  }
  return !view.required || view.required.some((t) => matchTerm(t, node));
}

const REQUIRED_SCHEDULING = 'requiredDuringSchedulingIgnoredDuringExecution';
const PREFERRED_SCHEDULING = 'preferredDuringSchedulingIgnoredDuringExecution';

const UNSCHEDULABLE = ['node(s) were unschedulable'];
const NODE_NAME = ["node(s) didn't match the requested node name"];
const AFFINITY = ["node(s) didn't match Pod's node affinity/selector"];
const PORTS = ["node(s) didn't have free ports for the requested pod ports"];
const SPREAD_LABEL = ["node(s) didn't match pod topology spread constraints (missing required label)"];
/** VolumeBinding's ErrReasonBindConflict (pkg/scheduler/framework/plugins/volumebinding). */
const NO_VOLUME_TO_BIND = "node(s) didn't find available persistent volumes to bind";
const SPREAD = ["node(s) didn't match pod topology spread constraints"];

/** Reasons that preemption cannot fix (UnschedulableAndUnresolvable upstream). */
const RESOLVABLE = new Set(['Insufficient cpu', 'Insufficient memory', 'Too many pods', "node(s) didn't have free ports for the requested pod ports"]);

export class Scheduler implements Controller {
  readonly name = 'default-scheduler';
  readonly component = 'scheduler' as const;
  private readonly nodes = new Map<string, NodeInfo>();
  private readonly nodeOrder: string[] = [];
  /** NodeInfo in nodeOrder, so the filter loop indexes an array instead of a map. */
  private nodeList: NodeInfo[] = [];
  /** Pods already counted on a node, with what was counted. */
  private readonly accounted = new Map<string, { node: string; req: PodRequests; ports: string[] }>();
  private readonly unschedulable = new Set<string>();
  private nextStart = 0;
  /** Indexes of the best-scoring nodes, reused across pods (pick runs once per pod). */
  private readonly ties: number[] = [];
  /** Some node has a PreferNoSchedule taint (kept with nodeList). */
  private anyPreferNoSchedule = false;

  constructor(private readonly c: Cluster) {}

  handle(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'Node') return this.onNode(ev);
    if (o.kind === 'Pod') {
      const key = eventKey(ev);
      const nodeName = (o.spec as Pod['spec'])?.nodeName;
      const gone = ev.type === 'DELETED' || isTerminal(o);
      if (gone) {
        this.unschedulable.delete(key);
        if (this.unaccount(key)) this.retryUnschedulable();
        return;
      }
      if (nodeName) this.account(key, o, nodeName);
      else if (!o.metadata.deletionTimestamp && !this.unschedulable.has(key) && ev.type === 'ADDED') this.c.enqueue(this, key);
      return;
    }
    if ((o.kind === 'PersistentVolumeClaim' || o.kind === 'PersistentVolume') && ev.type !== 'DELETED') this.retryUnschedulable();
  }

  private onNode(ev: WatchEvent): void {
    const n = ev.object as Node & KubeObject;
    const name = n.metadata.name;
    if (ev.type === 'DELETED') {
      this.nodes.delete(name);
      this.nodeOrder.splice(this.nodeOrder.indexOf(name), 1);
      this.nodeList = this.nodeOrder.map((n) => this.nodes.get(n) as NodeInfo);
      this.anyPreferNoSchedule = this.nodeList.some((i) => i.preferNoSchedule);
      return;
    }
    const existing = this.nodes.get(name);
    const alloc = n.status?.allocatable ?? {};
    const info: NodeInfo = {
      node: n,
      allocCpu: milli(alloc.cpu ?? '0'),
      allocMemory: units(alloc.memory ?? '0'),
      allocPods: Number(alloc.pods ?? 110),
      cpu: existing?.cpu ?? 0,
      memory: existing?.memory ?? 0,
      scoreCpu: existing?.scoreCpu ?? 0,
      scoreMemory: existing?.scoreMemory ?? 0,
      pods: existing?.pods ?? 0,
      ports: existing?.ports ?? new Set(),
      preferNoSchedule: (n.spec?.taints ?? []).some((t) => t.effect === 'PreferNoSchedule'),
      untainted: !n.spec?.unschedulable && (n.spec?.taints ?? []).length === 0,
    };
    if (!existing) this.nodeOrder.push(name);
    this.nodes.set(name, info);
    this.nodeList = this.nodeOrder.map((n) => this.nodes.get(n) as NodeInfo);
    this.anyPreferNoSchedule = this.nodeList.some((i) => i.preferNoSchedule);
    this.retryUnschedulable();
  }

  private retryUnschedulable(): void {
    for (const k of this.unschedulable) this.c.enqueue(this, k);
    this.unschedulable.clear();
  }

  private account(key: string, pod: KubeObject, node: string): void {
    if (this.accounted.has(key)) return;
    const info = this.nodes.get(node);
    const req = podRequests(pod as Pod);
    const ports = hostPorts(pod as Pod);
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
  private unaccount(key: string): boolean {
    const a = this.accounted.get(key);
    if (!a) return false;
    this.accounted.delete(key);
    const info = this.nodes.get(a.node);
    if (!info) return true;
    info.cpu -= a.req.cpu;
    info.memory -= a.req.memory;
    info.scoreCpu -= a.req.scoreCpu;
    info.scoreMemory -= a.req.scoreMemory;
    info.pods -= 1;
    for (const p of a.ports) info.ports.delete(p);
    return true;
  }

  sync(key: string): void {
    const c = this.c;
    const pod = c.store.get(key) as (Pod & KubeObject) | undefined;
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) return;
    if (pod.spec?.schedulerName && pod.spec.schedulerName !== 'default-scheduler') return;
    const result = this.schedule(pod);
    if ('node' in result) {
      this.selectNodeForDelayedClaims(pod, result.node);
      const r = c.api.request({ verb: 'bind', user: 'system:kube-scheduler', component: 'scheduler', object: pod, nodeName: result.node });
      if (r.ok) c.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${nsOf(pod)}/${pod.metadata.name} to ${result.node}`, this.name);
      return;
    }
    this.unschedulable.add(key);
    c.event(pod, 'Warning', 'FailedScheduling', result.message, this.name);
    const conditions = [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: result.message }];
    if (JSON.stringify(pod.status?.conditions) !== JSON.stringify(conditions)) {
      c.api.request({ verb: 'updateStatus', user: 'system:kube-scheduler', component: 'scheduler', object: { ...pod, status: { ...pod.status, phase: 'Pending', conditions } } });
    }
  }

  /** VolumeBinding PreBind: WaitForFirstConsumer claims learn the chosen node, so they can be provisioned. */
  private selectNodeForDelayedClaims(pod: Pod & KubeObject, node: string): void {
    for (const v of pod.spec?.volumes ?? []) {
      const claimName = v.persistentVolumeClaim?.claimName;
      if (!claimName) continue;
      const pvc = this.c.store.getBy('PersistentVolumeClaim', nsOf(pod), claimName);
      if (!pvc || (pvc.status as { phase?: string } | undefined)?.phase === 'Bound' || pvc.metadata.annotations?.[SELECTED_NODE]) continue;
      this.c.api.request({ verb: 'update', user: 'system:kube-scheduler', component: 'scheduler', object: { ...pvc, metadata: { ...pvc.metadata, annotations: { ...pvc.metadata.annotations, [SELECTED_NODE]: node } } } });
    }
  }

  /** Pick a node for `pod`, or explain why none fits, in the FailedScheduling format. */
  schedule(pod: Pod & KubeObject): { node: string } | { message: string } {
    const total = this.nodeOrder.length;
    const volumeProblem = this.volumeProblem(pod);
    if (volumeProblem) {
      return { message: `0/${total} nodes are available: ${volumeProblem}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.` };
    }
    // VolumeBinding Filter: a delayed claim that nothing can provision needs an available volume now.
    if (this.delayedClaimWithoutVolume(pod)) {
      return { message: `0/${total} nodes are available: ${total} ${NO_VOLUME_TO_BIND}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.` };
    }
    const req = podRequests(pod);
    const ports = hostPorts(pod);
    const reasons = new Map<string, number>();
    const preemption = new Map<string, number>();
    const feasible: NodeInfo[] = [];
    const spread = this.spreadCounts(pod);
    // Upstream stops once it has numFeasibleNodesToFind feasible nodes, starting where the last
    // pod's search stopped (percentageOfNodesToScore, adaptive: 50% − nodes/125, at least 100 nodes).
    const want = numFeasibleNodesToFind(total);
    const view = podView(pod);
    let processed = 0;
    // A pod with no node name, selector, required affinity, host ports or hard spread can only fail
    // NodeResourcesFit on a node without taints: check that inline (same verdicts as filter).
    const plain = !pod.spec?.nodeName && view.selector.length === 0 && !view.required && ports.length === 0 && (!spread || spread.hard.length === 0);
    for (; processed < total && feasible.length < want; processed++) {
      const info = this.nodeList[(this.nextStart + processed) % total];
      if (plain && info.untainted && info.pods + 1 <= info.allocPods && !(req.cpu > 0 && info.cpu + req.cpu > info.allocCpu) && !(req.memory > 0 && info.memory + req.memory > info.allocMemory)) {
        feasible.push(info);
        continue;
      }
      const fail = this.filter(pod, view, info, req, ports, spread);
      if (fail === null) {
        feasible.push(info);
        continue;
      }
      for (const r of fail) reasons.set(r, (reasons.get(r) ?? 0) + 1);
      const p = fail.every((r) => RESOLVABLE.has(r)) ? 'No preemption victims found for incoming pod' : 'Preemption is not helpful for scheduling';
      preemption.set(p, (preemption.get(p) ?? 0) + 1);
    }
    if (total > 0) this.nextStart = (this.nextStart + processed) % total;
    if (feasible.length === 0) {
      const list = (m: Map<string, number>) => [...m].map(([r, n]) => `${n} ${r}`).sort().join(', ');
      if (total === 0) return { message: 'no nodes available to schedule pods' };
      return { message: `0/${total} nodes are available: ${list(reasons)}. preemption: 0/${total} nodes are available: ${list(preemption)}.` };
    }
    return { node: this.pick(pod, req, feasible, spread) };
  }

  private volumeProblem(pod: Pod & KubeObject): string | undefined {
    for (const v of pod.spec?.volumes ?? []) {
      const claimName = v.persistentVolumeClaim?.claimName;
      if (!claimName) continue;
      const pvc = this.c.store.getBy('PersistentVolumeClaim', nsOf(pod), claimName) as (PersistentVolumeClaim & KubeObject) | undefined;
      if (!pvc) return `persistentvolumeclaim "${claimName}" not found`;
      if (!isClaimBoundOrDelayed(this.c, pvc)) return 'pod has unbound immediate PersistentVolumeClaims';
    }
    return undefined;
  }

  /**
   * A WaitForFirstConsumer claim, still unbound, whose class cannot provision
   * (kubernetes.io/no-provisioner) and which no available PersistentVolume fits: upstream's
   * VolumeBinding filter fails every node with ErrReasonBindConflict (volume node affinity is not modelled).
   */
  private delayedClaimWithoutVolume(pod: Pod & KubeObject): boolean {
    for (const v of pod.spec?.volumes ?? []) {
      const claimName = v.persistentVolumeClaim?.claimName;
      if (!claimName) continue;
      const pvc = this.c.store.getBy('PersistentVolumeClaim', nsOf(pod), claimName) as (PersistentVolumeClaim & KubeObject) | undefined;
      if (!pvc || pvc.status?.phase === 'Bound') continue;
      const cls = this.c.store.getBy('StorageClass', '', pvc.spec?.storageClassName ?? '') as (StorageClass & KubeObject) | undefined;
      if (cls?.provisioner !== NO_PROVISIONER) continue;
      if (!findBestVolume(this.c.store.list('PersistentVolume') as (PersistentVolume & KubeObject)[], pvc)) return true;
    }
    return false;
  }

  /** The reasons a node does not fit (first failing plugin; NodeResourcesFit lists every short resource), or null. */
  private filter(pod: Pod & KubeObject, view: PodView, info: NodeInfo, req: PodRequests, ports: string[], spread: SpreadState | undefined): string[] | null {
    const node = info.node;
    const tolerations = view.tolerations;
    // NodeUnschedulable (a cordoned node; pods tolerating the unschedulable taint still fit)
    if (node.spec?.unschedulable && !tolerates(tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) return UNSCHEDULABLE;
    // NodeName
    if (pod.spec?.nodeName && pod.spec.nodeName !== node.metadata.name) return NODE_NAME;
    // TaintToleration
    for (const t of node.spec?.taints ?? NO_TAINTS) {
      if (t.effect === 'PreferNoSchedule') continue;
      if (!tolerates(tolerations, t)) return [`node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`];
    }
    // NodeAffinity / nodeSelector
    if (!fitsNode(view, node)) return AFFINITY;
    // NodePorts
    for (const p of ports) if (info.ports.has(p)) return PORTS;
    // NodeResourcesFit: every insufficient resource is reported.
    const tooMany = info.pods + 1 > info.allocPods;
    const cpu = req.cpu > 0 && info.cpu + req.cpu > info.allocCpu;
    const memory = req.memory > 0 && info.memory + req.memory > info.allocMemory;
    if (tooMany || cpu || memory) {
      const out: string[] = [];
      if (tooMany) out.push('Too many pods');
      if (cpu) out.push('Insufficient cpu');
      if (memory) out.push('Insufficient memory');
      return out;
    }
    // PodTopologySpread (DoNotSchedule)
    if (spread) {
      for (const s of spread.hard) {
        const value = node.metadata.labels?.[s.c.topologyKey];
        if (value === undefined) return SPREAD_LABEL;
        const count = s.counts.get(value) ?? 0;
        if (count + 1 - s.min > s.c.maxSkew) return SPREAD;
      }
    }
    return null;
  }

  private pick(pod: Pod & KubeObject, req: PodRequests, feasible: NodeInfo[], spread: SpreadState | undefined): string {
    if (feasible.length === 1) return feasible[0].node.metadata.name;
    const tolerations = pod.spec?.tolerations ?? NO_TOLERATIONS;
    const preferred = (pod.spec?.affinity?.nodeAffinity?.[PREFERRED_SCHEDULING]?.length ?? 0) > 0;
    const n = feasible.length;
    // Common case: no soft spread, no preferred affinity, no PreferNoSchedule taints. Then the
    // normalised TaintToleration (100), NodeAffinity (0) and PodTopologySpread (100) scores are the
    // same on every node, and only LeastAllocated + BalancedAllocation rank them.
    if (!preferred && (!spread || spread.soft.length === 0) && !this.anyPreferNoSchedule) return this.pickByAllocation(req, feasible);
    // Raw plugin values first; TaintToleration, NodeAffinity and PodTopologySpread normalise over the feasible nodes.
    const taintCounts = new Array<number>(n);
    const affinity = new Array<number>(n);
    const spreadScores = new Array<number>(n);
    let maxTaint = 0;
    let maxAffinity = 0;
    let maxSpread = -Infinity;
    let minSpread = Infinity;
    for (let i = 0; i < n; i++) {
      const node = feasible[i].node;
      let t = 0;
      for (const taint of node.spec?.taints ?? NO_TAINTS) if (taint.effect === 'PreferNoSchedule' && !tolerates(tolerations, taint)) t++;
      taintCounts[i] = t;
      if (t > maxTaint) maxTaint = t;
      const a = preferred ? preferredAffinityScore(pod, node) : 0;
      affinity[i] = a;
      if (a > maxAffinity) maxAffinity = a;
      const sp = spread ? spreadScore(spread, node) : 0;
      spreadScores[i] = sp;
      if (sp > maxSpread) maxSpread = sp;
      if (sp < minSpread) minSpread = sp;
    }
    let best = -1;
    let ties: string[] = [];
    for (let i = 0; i < n; i++) {
      const info = feasible[i];
      const cpuFrac = info.allocCpu ? (info.scoreCpu + req.scoreCpu) / info.allocCpu : 1;
      const memFrac = info.allocMemory ? (info.scoreMemory + req.scoreMemory) / info.allocMemory : 1;
      const least = Math.floor((Math.max(0, 1 - cpuFrac) * 100 + Math.max(0, 1 - memFrac) * 100) / 2);
      const balanced = Math.floor((1 - Math.abs(Math.min(cpuFrac, 1) - Math.min(memFrac, 1)) / 2) * 100);
      const taint = maxTaint === 0 ? 100 : Math.floor(100 - (taintCounts[i] * 100) / maxTaint);
      const aff = maxAffinity === 0 ? 0 : Math.floor((affinity[i] * 100) / maxAffinity);
      const spr = maxSpread === minSpread ? 100 : Math.floor(((maxSpread - spreadScores[i]) * 100) / (maxSpread - minSpread));
      const score = 3 * taint + 2 * aff + least + balanced + 2 * spr;
      if (score > best) {
        best = score;
        ties = [info.node.metadata.name];
      } else if (score === best) ties.push(info.node.metadata.name);
    }
    return ties.length === 1 ? ties[0] : ties[this.c.tieRng.int(ties.length)];
  }

  /** pick's scores when only the allocation plugins differ between nodes: same winner, same tie draw. */
  private pickByAllocation(req: PodRequests, feasible: NodeInfo[]): string {
    let best = -1;
    let first = 0;
    let count = 0;
    const ties = this.ties;
    for (let i = 0; i < feasible.length; i++) {
      const info = feasible[i];
      const cpuFrac = info.allocCpu ? (info.scoreCpu + req.scoreCpu) / info.allocCpu : 1;
      const memFrac = info.allocMemory ? (info.scoreMemory + req.scoreMemory) / info.allocMemory : 1;
      const least = Math.floor((Math.max(0, 1 - cpuFrac) * 100 + Math.max(0, 1 - memFrac) * 100) / 2);
      const balanced = Math.floor((1 - Math.abs(Math.min(cpuFrac, 1) - Math.min(memFrac, 1)) / 2) * 100);
      const score = least + balanced;
      if (score > best) {
        best = score;
        first = i;
        count = 1;
        ties[0] = i;
      } else if (score === best) ties[count++] = i;
    }
    return feasible[count === 1 ? first : ties[this.c.tieRng.int(count)]].node.metadata.name;
  }

  private spreadCounts(pod: Pod & KubeObject): SpreadState | undefined {
    const constraints = pod.spec?.topologySpreadConstraints ?? [];
    if (constraints.length === 0) return undefined;
    const peers = this.c.store.list('Pod', nsOf(pod)).filter((p) => (p.spec as Pod['spec'])?.nodeName && !isTerminal(p) && !p.metadata.deletionTimestamp);
    const state: SpreadState = { hard: [], soft: [] };
    for (const cst of constraints) {
      const counts = new Map<string, number>();
      for (const name of this.nodeOrder) {
        const v = this.nodes.get(name)?.node.metadata.labels?.[cst.topologyKey];
        if (v !== undefined && matchesNodeSelectorAndAffinity(pod, (this.nodes.get(name) as NodeInfo).node)) counts.set(v, counts.get(v) ?? 0);
      }
      for (const p of peers) {
        if (!selectorMatches(cst.labelSelector, p.metadata.labels)) continue;
        const v = this.nodes.get((p.spec as Pod['spec'])?.nodeName ?? '')?.node.metadata.labels?.[cst.topologyKey];
        if (v !== undefined && counts.has(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const min = counts.size ? Math.min(...counts.values()) : 0;
      (cst.whenUnsatisfiable === 'DoNotSchedule' ? state.hard : state.soft).push({ c: cst, counts, min });
    }
    return state;
  }
}

interface SpreadEntry {
  c: TopologySpreadConstraint;
  counts: Map<string, number>;
  min: number;
}

interface SpreadState {
  hard: SpreadEntry[];
  soft: SpreadEntry[];
}

/** numFeasibleNodesToFind (pkg/scheduler/schedule_one.go) with the default adaptive percentage. */
export function numFeasibleNodesToFind(nodes: number): number {
  if (nodes < 100) return nodes;
  const percentage = Math.max(5, 50 - Math.floor(nodes / 125));
  return Math.max(100, Math.floor((nodes * percentage) / 100));
}

function spreadScore(spread: SpreadState | undefined, node: Node & KubeObject): number {
  if (!spread) return 0;
  let s = 0;
  for (const e of spread.soft) s += e.counts.get(node.metadata.labels?.[e.c.topologyKey] ?? '') ?? 0;
  return s;
}

function hostPorts(pod: Pod): string[] {
  const out: string[] = [];
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
  return out;
}

/** v1helper.TolerationsTolerateTaint. */
export function tolerates(tolerations: Toleration[], taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.key && t.key !== taint.key) return false;
    if (!t.key && t.operator !== 'Exists') return false;
    if ((t.operator ?? 'Equal') === 'Exists') return true;
    return (t.value ?? '') === (taint.value ?? '');
  });
}

function matchTerm(term: NodeSelectorTerm, node: Node & KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const ok = (key: string, op: string, values: string[] | undefined, source: Record<string, string>) => {
    const has = key in source;
    const v = source[key];
    switch (op) {
      case 'In': return has && (values ?? []).includes(v);
      case 'NotIn': return !has || !(values ?? []).includes(v);
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
      case 'Gt': return has && Number(v) > Number(values?.[0]);
      case 'Lt': return has && Number(v) < Number(values?.[0]);
      default: return false;
    }
  };
  return exprs.every((e) => ok(e.key, e.operator, e.values, labels)) && fields.every((f) => ok(f.key, f.operator, f.values, { 'metadata.name': node.metadata.name }));
}

export function matchesNodeSelectorAndAffinity(pod: Pod, node: Node & KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.[REQUIRED_SCHEDULING];
  if (required && !(required.nodeSelectorTerms ?? []).some((t) => matchTerm(t, node))) return false;
  return true;
}

function preferredAffinityScore(pod: Pod, node: Node & KubeObject): number {
  let s = 0;
  for (const p of pod.spec?.affinity?.nodeAffinity?.[PREFERRED_SCHEDULING] ?? []) if (matchTerm(p.preference, node)) s += p.weight;
  return s;
}
