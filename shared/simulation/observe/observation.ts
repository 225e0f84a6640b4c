/**
 * The observation of a simulated run: what a metrics pipeline (metrics-server, a Prometheus) would
 * have measured, derived from what the recorder saw — deterministic, plausible, not measured.
 *
 * - CPU and memory of a running container: the one model the HorizontalPodAutoscaler controller
 *   reads too (../usage.ts) — idle floor, start-up burst, its share of the scenario's `setLoad`,
 *   the requests it is delivered — with a little per-second noise.
 * - A node: its running pods plus the system's own use (kubelet, container runtime).
 * - A Service: the requests per second of its flows, the share that fail (dropped by the network,
 *   or refused with 503 by a CPU-throttled pod), and a latency that grows with its pods' CPU
 *   utilisation.
 *
 * docs/observability.md says what is plausible and what is real.
 */
import { fnv1a } from '../network/hash';
import { containerCpu, containerMemory, MI } from '../usage';
import type { TrafficEdgeAggregate } from '../types';
import type { ContainerRun, HpaDecision, LoadChange, ObservationRecorder, PodLife, ServiceInfo } from './recorder';
import { aggregateSeconds, type TrafficSecond } from './traffic';

export { MI } from '../usage';
/** metrics-server's default scrape interval (`--metric-resolution=15s`): `kubectl top` shows the last scrape. */
export const METRIC_RESOLUTION = 15;
/**
 * After its last event the run stands in its steady state; the observation runs on for this long
 * past it (the present of a live cluster is some time after the last thing that happened), so a
 * chart has a steady stretch to show, `kubectl top` has scrapes to read and logs have requests.
 */
export const STEADY_TAIL = 120;
/** The most samples one series holds; longer runs are sampled every few seconds. */
export const MAX_SAMPLES = 600;
const NODE_CPU = 80;
const NODE_MEMORY = 600 * MI;

export interface NodeInfo {
  name: string;
  /** Allocatable millicores and bytes. */
  cpu: number;
  memory: number;
}

export interface Usage {
  /** Millicores. */
  cpu: number;
  /** Bytes. */
  memory: number;
}

export interface PodUsage extends Usage {
  containers: ({ name: string } & Usage)[];
  /** Share of this second's requests refused because the pod is throttled at its CPU limit (0…1). */
  throttled: number;
}

export interface ServiceStats {
  /** Requests per second. */
  rate: number;
  /** Failed requests per second. */
  errors: number;
  /** 95th percentile latency, milliseconds (0 with no requests). */
  latency: number;
}

export type MetricTarget = { kind: 'pod'; namespace: string; name: string } | { kind: 'node'; name: string } | { kind: 'service'; namespace: string; name: string };

/** One chart's data: sample times and one array per metric, `null` where there is nothing to measure. */
export interface MetricSeries {
  target: MetricTarget;
  times: number[];
  /** pod/node: cpu (millicores), memory (bytes); service: rate, errorRate (%), latency (ms). */
  values: Record<string, (number | null)[]>;
  /** HPA decisions on the target's workload (pods), its pods' workloads (Service) or all (node). */
  markers: HpaDecision[];
}

export interface ObservationSource {
  recorder: ObservationRecorder;
  /** The run's end (the head of the timeline). */
  now: number;
  /** The flows are still sending at the end (they go on through the steady tail). */
  trafficActive?: boolean;
  /** The flows' next second as they would send it over the cluster at the end (the steady tail's traffic). */
  upcoming?: readonly TrafficEdgeAggregate[];
  nodes: NodeInfo[];
  /** The run's traffic (the design's flows and the scenario's), as the traffic engine aggregated it. */
  aggregates: readonly TrafficEdgeAggregate[];
  /** Each flow's target (`http://host/path`…), for the request paths in access logs. */
  flowTargets?: ReadonlyMap<string, string>;
}

interface PodMeta {
  /** `namespace/name` */
  key: string;
  /** `Kind/namespace/name` of the top owner, as the scenario's load names it. */
  workload: string;
  seed: number;
  services?: string[];
}

/** A second's requests to one pod or Service: served and refused. */
interface Count {
  ok: number;
  failed: number;
}

/** A small integer hash → [-0.5, 0.5). */
function noise(seed: number, t: number): number {
  let h = (seed ^ Math.imul(t | 0, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296 - 0.5;
}

export class Observation {
  /** The last event of the run (the head of the timeline). */
  readonly now: number;
  /** The present: `now` plus the steady tail (STEADY_TAIL). Defaults of `kubectl logs`/`top` and the charts' end. */
  readonly end: number;
  readonly nodes: NodeInfo[];
  readonly hpaDecisions: readonly HpaDecision[];
  private readonly recorder: ObservationRecorder;
  private readonly seconds: TrafficSecond[];
  /** Per pod, what the hot paths need again and again: its key, workload, noise seed, Services. */
  private readonly meta = new Map<PodLife, PodMeta>();
  private perPod?: Map<string, Map<number, Count>>;
  private perService?: Map<string, Map<number, Count>>;
  private readonly workloadPods = new Map<string, PodLife[]>();
  private readonly loadsBy = new Map<string, LoadChange[]>();
  /** Ready pods of a loaded workload at a second, `workload@t`. */
  private readonly readyCounts = new Map<string, number>();
  private podsOfService?: Map<string, PodLife[]>;
  private byNode?: Map<string, PodLife[]>;

  constructor(src: ObservationSource) {
    this.recorder = src.recorder;
    this.now = src.now;
    this.end = src.now + STEADY_TAIL;
    this.nodes = src.nodes;
    this.hpaDecisions = src.recorder.hpaDecisions;
    this.seconds = aggregateSeconds(src.aggregates, src.flowTargets);
    if (src.trafficActive) {
      // The flows still running send on through the tail as they would send now, over the cluster
      // as it stands at the end (else as in their last second).
      const last = this.seconds.length ? this.seconds[this.seconds.length - 1].time : src.now - 1;
      const next = aggregateSeconds(src.upcoming ?? [], src.flowTargets);
      const template = next.length ? next : this.seconds.filter((s) => s.time === last);
      for (let t = Math.max(last + 1, 0); t <= this.end; t++) for (const s of template) this.seconds.push({ ...s, time: t });
    }
    for (const p of this.recorder.pods) {
      const m = this.metaOf(p);
      const list = this.workloadPods.get(m.workload);
      if (list) list.push(p);
      else this.workloadPods.set(m.workload, [p]);
    }
    for (const l of this.recorder.loads) {
      const list = this.loadsBy.get(l.workload);
      if (list) list.push(l);
      else this.loadsBy.set(l.workload, [l]);
    }
  }

  /** Every pod ever seen, in creation order. */
  get pods(): readonly PodLife[] {
    return this.recorder.pods;
  }

  get services(): ServiceInfo[] {
    return [...this.recorder.services.values()];
  }

  /** The pod of that name at time `t`: the one that existed then (a recreated pod is a new one). */
  podAt(namespace: string, name: string, t = this.end): PodLife | undefined {
    const latest = this.recorder.byName.get(`${namespace}/${name}`);
    if (latest && exists(latest, t)) return latest;
    for (let i = this.recorder.pods.length - 1; i >= 0; i--) {
      const p = this.recorder.pods[i];
      if (p.name === name && p.namespace === namespace && exists(p, t)) return p;
    }
    return undefined;
  }

  /** Pods that exist at `t`. */
  podsAt(t = this.end, namespace?: string): PodLife[] {
    return this.recorder.pods.filter((p) => exists(p, t) && (namespace === undefined || p.namespace === namespace));
  }

  private metaOf(p: PodLife): PodMeta {
    let m = this.meta.get(p);
    if (!m) {
      const slash = p.owner.indexOf('/');
      m = { key: `${p.namespace}/${p.name}`, workload: `${p.owner.slice(0, slash)}/${p.namespace}/${p.owner.slice(slash + 1)}`, seed: fnv1a(p.uid) };
      this.meta.set(p, m);
    }
    return m;
  }

  /** The Services that select the pod (in its namespace), `namespace/name`. */
  servicesOf(p: PodLife): string[] {
    const m = this.metaOf(p);
    if (!m.services) {
      const s: string[] = [];
      for (const svc of this.recorder.services.values()) {
        if (svc.namespace !== p.namespace) continue;
        const sel = Object.entries(svc.selector);
        if (sel.length > 0 && sel.every(([k, v]) => p.labels[k] === v)) s.push(`${svc.namespace}/${svc.name}`);
      }
      m.services = s;
    }
    return m.services;
  }

  /** Every pod ever bound to a node. */
  private podsOnNode(node: string): PodLife[] {
    if (!this.byNode) {
      this.byNode = new Map();
      for (const p of this.recorder.pods) {
        if (!p.node) continue;
        const list = this.byNode.get(p.node);
        if (list) list.push(p);
        else this.byNode.set(p.node, [p]);
      }
    }
    return this.byNode.get(node) ?? [];
  }

  /** Every pod a Service ever selected. */
  private servicePods(key: string): PodLife[] {
    if (!this.podsOfService) {
      const map = new Map<string, PodLife[]>();
      for (const p of this.recorder.pods) {
        for (const s of this.servicesOf(p)) {
          const list = map.get(s);
          if (list) list.push(p);
          else map.set(s, [p]);
        }
      }
      this.podsOfService = map;
    }
    return this.podsOfService.get(key) ?? [];
  }

  /** Requests the pod received in second `t` (served, refused), before throttling. */
  podRequests(p: PodLife, t: number): Count {
    this.index();
    const key = this.metaOf(p).key;
    const c = this.perPod!.get(key)?.get(Math.floor(t));
    return { ok: c?.ok ?? 0, failed: c?.failed ?? 0 };
  }

  /** The scenario's per-second traffic to a pod (for log lines). */
  secondsTo(p: PodLife): TrafficSecond[] {
    const key = `${p.namespace}/${p.name}`;
    return this.seconds.filter((s) => s.pod === key && s.time >= p.created && (p.deletedAt === undefined || s.time < p.deletedAt));
  }

  /** A running pod's usage at `t`; undefined when no container runs then. */
  podUsage(p: PodLife, t: number): PodUsage | undefined {
    if (!exists(p, t) || !p.node) return undefined;
    const seed = this.metaOf(p).seed;
    const ready = isReady(p, t);
    // Only delivered requests cost CPU: one a NetworkPolicy drops never reaches the pod.
    const served = ready ? this.podRequests(p, t).ok : 0;
    const load = ready ? this.loadShare(p, t) : 0;
    const containers: PodUsage['containers'] = [];
    let cpu = 0;
    let memory = 0;
    let throttled = 0;
    for (let i = 0; i < p.containers.length; i++) {
      const spec = p.containers[i];
      const run = runAt(p, spec.name, t);
      if (!run) continue;
      const age = t - run.start;
      // The one model the HPA controller reads too (../usage.ts), with this second's noise.
      const first = i === 0;
      const c = containerCpu({
        cpuRequest: spec.cpuRequest, cpuLimit: spec.cpuLimit, age, load: first ? load : 0, served: first ? served : 0,
        idleNoise: noise(seed + i, t), workNoise: first ? noise(seed ^ 0x55, t) : 0,
      });
      if (first) throttled = c.throttled;
      const m = containerMemory({ memoryRequest: spec.memoryRequest, memoryLimit: spec.memoryLimit, age, served: first ? served : 0, noise: noise(seed + 17 + i, Math.floor(t / 5)) });
      containers.push({ name: spec.name, cpu: c.cpu, memory: m });
      cpu += c.cpu;
      memory += m;
    }
    if (containers.length === 0) return undefined;
    return { cpu, memory, containers, throttled };
  }

  /** A node's usage at `t`: its running pods and the system's own. */
  nodeUsage(node: string, t: number): Usage {
    const seed = fnv1a(node);
    let cpu = NODE_CPU * (1 + 0.3 * noise(seed, t));
    let memory = NODE_MEMORY * (1 + 0.02 * noise(seed + 1, Math.floor(t / 5)));
    for (const p of this.podsOnNode(node)) {
      const u = this.podUsage(p, t);
      if (u) {
        cpu += u.cpu;
        memory += u.memory;
      }
    }
    return { cpu: Math.round(cpu), memory: Math.round(memory) };
  }

  /** A Service's requests, failures and latency in second `t`. */
  serviceStats(namespace: string, name: string, t: number): ServiceStats {
    this.index();
    const key = `${namespace}/${name}`;
    const sec = Math.floor(t);
    const c = this.perService!.get(key)?.get(sec);
    // Every request sent to it, served or not; the failed ones are its errors.
    const rate = (c?.ok ?? 0) + (c?.failed ?? 0);
    let errors = c?.failed ?? 0;
    let utilisation = 0;
    let serving = 0;
    let throttled = 0;
    for (const p of this.servicePods(key)) {
      if (!exists(p, t) || !isReady(p, t)) continue;
      const u = this.podUsage(p, t);
      if (!u) continue;
      const req = this.podRequests(p, t);
      const refused = (req.ok) * u.throttled;
      errors += refused;
      throttled = Math.max(throttled, u.throttled);
      const request = p.containers.reduce((s, x) => s + (x.cpuRequest || 100), 0);
      utilisation += u.cpu / request;
      serving++;
    }
    if (rate === 0) return { rate: 0, errors: 0, latency: 0 };
    const u = serving ? Math.min(utilisation / serving, 1.5) : 0;
    const base = 4 + (fnv1a(key) % 8);
    const latency = base * (1 + 3 * u * u) * (1 + 0.1 * noise(fnv1a(key), sec)) + 400 * throttled;
    return { rate: round2(rate), errors: round2(Math.min(errors, rate)), latency: round2(latency) };
  }

  /** The scenario's CPU load on the pod's workload at `t`, shared by its ready pods. */
  loadShare(p: PodLife, t: number): number {
    if (this.loadsBy.size === 0) return 0;
    const workload = this.metaOf(p).workload;
    const loads = this.loadsBy.get(workload);
    if (!loads) return 0;
    let total = 0;
    for (const l of loads) if (l.time <= t) total = l.cpu;
    if (!total) return 0;
    const at = `${workload}@${t}`;
    let ready = this.readyCounts.get(at);
    if (ready === undefined) {
      ready = 0;
      for (const q of this.workloadPods.get(workload) ?? []) if (isReady(q, t)) ready++;
      this.readyCounts.set(at, ready);
    }
    return ready ? total / ready : 0;
  }

  /** Sample times for a series: every second up to MAX_SAMPLES, then evenly spaced. */
  sampleTimes(from = 0, to = this.end): number[] {
    const span = Math.max(0, to - from);
    const step = Math.max(1, Math.ceil(span / MAX_SAMPLES));
    const out: number[] = [];
    for (let t = from; t <= to; t += step) out.push(t);
    if (out[out.length - 1] !== to) out.push(to);
    return out;
  }

  /** A chart's series for one pod, node or Service. */
  series(target: MetricTarget, times = this.sampleTimes()): MetricSeries {
    if (target.kind === 'service') {
      const rate: (number | null)[] = [];
      const errorRate: (number | null)[] = [];
      const latency: (number | null)[] = [];
      for (const t of times) {
        const s = this.serviceStats(target.namespace, target.name, t);
        rate.push(s.rate);
        errorRate.push(s.rate ? round2((100 * s.errors) / s.rate) : null);
        latency.push(s.rate ? s.latency : null);
      }
      const workloads = new Set(this.podsAt(this.end, target.namespace).filter((p) => this.servicesOf(p).includes(`${target.namespace}/${target.name}`)).map((p) => `${target.namespace}/${p.owner}`));
      for (const p of this.recorder.pods) if (p.namespace === target.namespace && this.servicesOf(p).includes(`${target.namespace}/${target.name}`)) workloads.add(`${p.namespace}/${p.owner}`);
      return { target, times, values: { rate, errorRate, latency }, markers: this.hpaDecisions.filter((d) => workloads.has(`${d.namespace}/${d.target}`)) };
    }
    const cpu: (number | null)[] = [];
    const memory: (number | null)[] = [];
    if (target.kind === 'node') {
      for (const t of times) {
        const u = this.nodeUsage(target.name, t);
        cpu.push(u.cpu);
        memory.push(u.memory);
      }
      return { target, times, values: { cpu, memory }, markers: [...this.hpaDecisions] };
    }
    const pod = this.podAt(target.namespace, target.name);
    for (const t of times) {
      const u = pod ? this.podUsage(pod, t) : undefined;
      cpu.push(u ? u.cpu : null);
      memory.push(u ? u.memory : null);
    }
    return { target, times, values: { cpu, memory }, markers: pod ? this.hpaDecisions.filter((d) => d.namespace === pod.namespace && d.target === pod.owner) : [] };
  }

  /** Every node's series in one pass over the pods (what a node dashboard needs). */
  nodeSeries(times = this.sampleTimes()): MetricSeries[] {
    const acc = new Map<string, { cpu: number[]; memory: number[] }>();
    for (const n of this.nodes) {
      const seed = fnv1a(n.name);
      acc.set(n.name, {
        cpu: times.map((t) => NODE_CPU * (1 + 0.3 * noise(seed, t))),
        memory: times.map((t) => NODE_MEMORY * (1 + 0.02 * noise(seed + 1, Math.floor(t / 5)))),
      });
    }
    for (const p of this.recorder.pods) {
      const a = acc.get(p.node);
      if (!a) continue;
      const end = p.deletedAt ?? Infinity;
      for (let i = 0; i < times.length; i++) {
        const t = times[i];
        if (t < p.created || t >= end) continue;
        const u = this.podUsage(p, t);
        if (!u) continue;
        a.cpu[i] += u.cpu;
        a.memory[i] += u.memory;
      }
    }
    return this.nodes.map((n) => {
      const a = acc.get(n.name)!;
      return { target: { kind: 'node' as const, name: n.name }, times, values: { cpu: a.cpu.map(Math.round), memory: a.memory.map(Math.round) }, markers: [...this.hpaDecisions] };
    });
  }

  private podServices(key: string): string[] {
    const [ns, name] = key.split('/');
    const p = this.recorder.byName.get(`${ns}/${name}`);
    return p ? this.servicesOf(p) : [];
  }


  /** Per pod and per Service, each second's scenario requests. */
  private index(): void {
    if (this.perPod) return;
    const perPod = new Map<string, Map<number, Count>>();
    const perService = new Map<string, Map<number, Count>>();
    const add = (m: Map<string, Map<number, Count>>, key: string, t: number, delivered: boolean, n: number) => {
      let byT = m.get(key);
      if (!byT) m.set(key, (byT = new Map()));
      let c = byT.get(t);
      if (!c) byT.set(t, (c = { ok: 0, failed: 0 }));
      if (delivered) c.ok += n;
      else c.failed += n;
    };
    for (const s of this.seconds) {
      const t = Math.floor(s.time);
      const services = new Set(s.services);
      if (s.pod) {
        add(perPod, s.pod, t, s.delivered, s.requests);
        for (const svc of this.podServices(s.pod)) services.add(svc);
      }
      for (const svc of services) add(perService, svc, t, s.delivered, s.requests);
    }
    this.perPod = perPod;
    this.perService = perService;
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function exists(p: PodLife, t: number): boolean {
  return p.created <= t && (p.deletedAt === undefined || t < p.deletedAt);
}

export function isReady(p: PodLife, t: number): boolean {
  for (const [from, to] of p.ready) if (from <= t && (to === undefined || t < to)) return true;
  return false;
}

/** The container's run at `t` (running then), if any. */
export function runAt(p: PodLife, container: string, t: number): ContainerRun | undefined {
  for (let i = p.runs.length - 1; i >= 0; i--) {
    const r = p.runs[i];
    if (r.container !== container) continue;
    if (r.start <= t && (r.end === undefined || t < r.end)) return r;
    if (r.start <= t) return undefined;
  }
  return undefined;
}
