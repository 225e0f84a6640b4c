/**
 * What happens to each container, recorded as it happens: an informer on the simulated cluster
 * (a `Controller` that never queues work, like the session's view watcher) that turns the pod
 * status the kubelet writes into container lifecycles — each instance's start, readiness and end
 * (a crash with its exit code, completion, or the SIGTERM of a deleted pod) — plus the pods'
 * labels and containers, the Services' selectors, the scenario's CPU load and the
 * HorizontalPodAutoscaler's scaling decisions. Logs (./logs.ts) and metrics (./metrics.ts) are
 * derived from it; nothing here changes the simulation.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../model/object';
import type { Cluster, Controller } from '../cluster';
import { controllerRef } from '../controllers/util';
import { topOwner } from '../report';
import { milli, units } from '../resources';
import { nsOf, type WatchEvent } from '../store';
import { analyseCommand } from '../containerCommand';
import { envLookup } from '../containerEnv';

export interface ContainerSpecInfo {
  name: string;
  image: string;
  /** Declared container ports. */
  ports: number[];
  /** Millicores and bytes; 0 when not set. */
  cpuRequest: number;
  memoryRequest: number;
  cpuLimit: number;
  memoryLimit: number;
  /** Has a readiness probe (its log says when it starts passing). */
  readinessProbe: boolean;
  /**
   * What its command writes when the command exits by itself (shared/simulation/containerCommand.ts):
   * the image's own start-up does not run, so this is its whole log. Undefined for a command that runs on.
   */
  commandOutput?: string[];
  /** What a command that runs on writes before the program it starts (its first log lines). */
  prelude?: string[];
}

/** One run of a container: instance `n` is the run after `n` restarts (restartCount n). */
export interface ContainerRun {
  container: string;
  instance: number;
  start: number;
  /** When the pod reported the container ready (undefined: never). */
  ready?: number;
  end?: number;
  /** Why it ended: `Error` (a crash, exit code 1), `Completed` (exit 0), `Killed` (the pod was deleted: SIGTERM). */
  endReason?: 'Error' | 'Completed' | 'Killed';
  exitCode?: number;
  /** When the kubelet put the container in CrashLoopBackOff after this run, and the back-off it announced. */
  backOff?: { time: number; message: string };
}

/** One pod object (a pod recreated under the same name, a StatefulSet's, is a new PodLife). */
export interface PodLife {
  namespace: string;
  name: string;
  uid: string;
  created: number;
  /** `Deployment/web` (kubectl's top owner), `Pod/<name>` for a bare pod. */
  owner: string;
  labels: Record<string, string>;
  containers: ContainerSpecInfo[];
  restartPolicy: string;
  node: string;
  scheduledAt?: number;
  ip: string;
  /** Pod Ready=True intervals, [from, to) — `to` undefined while still ready. */
  ready: [number, number | undefined][];
  runs: ContainerRun[];
  /** Graceful deletion began (SIGTERM). */
  terminatingAt?: number;
  /** Gone from the API server. */
  deletedAt?: number;
}

export interface ServiceInfo {
  namespace: string;
  name: string;
  selector: Record<string, string>;
  created: number;
  deletedAt?: number;
}

/** A HorizontalPodAutoscaler decision that changed the replica count. */
export interface HpaDecision {
  time: number;
  namespace: string;
  hpa: string;
  /** `Deployment/web` */
  target: string;
  from: number;
  to: number;
  /** The SuccessfulRescale event's message. */
  message: string;
}

export interface LoadChange {
  time: number;
  /** `Kind/namespace/name` of the workload, as the scenario's `setLoad` names it. */
  workload: string;
  /** Total millicores asked of the workload. */
  cpu: number;
}

type PodObj = Pod & KubeObject;

export class ObservationRecorder implements Controller {
  readonly name = 'observation';
  readonly component = 'controller-manager' as const;
  /** Every pod ever seen, in creation order. */
  readonly pods: PodLife[] = [];
  /** The latest PodLife of each `namespace/name`. */
  readonly byName = new Map<string, PodLife>();
  readonly services = new Map<string, ServiceInfo>();
  readonly hpaDecisions: HpaDecision[] = [];
  readonly loads: LoadChange[] = [];
  /** Bumped on every change, so derived caches know when to rebuild. */
  revision = 0;
  private readonly byUid = new Map<string, PodLife>();

  constructor(private readonly c: Cluster) {}

  handle(ev: WatchEvent): void {
    const o = ev.object;
    switch (o.kind) {
      case 'Pod':
        this.pod(ev.type, o as PodObj);
        return;
      case 'Service': {
        const key = `${nsOf(o)}/${o.metadata.name}`;
        if (ev.type === 'DELETED') {
          const s = this.services.get(key);
          if (s) s.deletedAt = this.c.now;
        } else {
          const selector = ((o.spec ?? {}) as { selector?: Record<string, string> }).selector ?? {};
          const prev = this.services.get(key);
          this.services.set(key, { namespace: nsOf(o), name: o.metadata.name, selector: { ...selector }, created: prev && prev.deletedAt === undefined ? prev.created : this.c.now });
        }
        this.revision++;
        return;
      }
      case 'HorizontalPodAutoscaler':
        if (ev.type !== 'DELETED') this.hpa(o);
        return;
      case 'Load': {
        const workload = this.loadKey(o);
        if (workload) {
          this.loads.push({ time: this.c.now, workload, cpu: this.c.load.get(workload) ?? 0 });
          this.revision++;
        }
        return;
      }
      default:
        return;
    }
  }

  sync(): void {}

  /** The load key of a `Load` watch event: the one entry of `cluster.load` in its namespace and name that changed. */
  private loadKey(o: KubeObject): string | undefined {
    const ns = nsOf(o);
    for (const key of this.c.load.keys()) {
      const [, kns, ...rest] = key.split('/');
      if (kns === ns && rest.join('/') === o.metadata.name) {
        const last = [...this.loads].reverse().find((l) => l.workload === key);
        if (!last || last.cpu !== this.c.load.get(key)) return key;
      }
    }
    return undefined;
  }

  private hpa(o: KubeObject): void {
    const status = (o.status ?? {}) as { currentReplicas?: number; desiredReplicas?: number };
    const spec = (o.spec ?? {}) as { scaleTargetRef?: { kind: string; name: string } };
    if (status.currentReplicas === undefined || status.desiredReplicas === undefined || status.currentReplicas === status.desiredReplicas) return;
    const from = status.currentReplicas;
    const to = status.desiredReplicas;
    const last = this.hpaDecisions[this.hpaDecisions.length - 1];
    if (last && last.time === this.c.now && last.hpa === o.metadata.name && last.namespace === nsOf(o)) return;
    this.hpaDecisions.push({
      time: this.c.now, namespace: nsOf(o), hpa: o.metadata.name, target: `${spec.scaleTargetRef?.kind ?? 'Deployment'}/${spec.scaleTargetRef?.name ?? ''}`, from, to,
      // The same words as the controller's SuccessfulRescale event (shared/simulation/controllers/hpa.ts).
      message: `New size: ${to}; reason: ${to > from ? 'cpu resource utilization (percentage of request) above target' : 'All metrics below target'}`,
    });
    this.revision++;
  }

  private pod(type: WatchEvent['type'], p: PodObj): void {
    const now = this.c.now;
    const uid = p.metadata.uid ?? `${nsOf(p)}/${p.metadata.name}`;
    let life = this.byUid.get(uid);
    if (!life) {
      if (type === 'DELETED') return;
      life = {
        namespace: nsOf(p), name: p.metadata.name, uid, created: now, owner: ownerOf(this.c, p),
        labels: { ...(p.metadata.labels ?? {}) }, containers: (p.spec?.containers ?? []).map((ct) => containerInfo(ct, ct.command?.length ? analyseCommand(ct.command, ct.args, envLookup(this.c, p, ct)) : undefined)),
        restartPolicy: p.spec?.restartPolicy ?? 'Always', node: '', ip: '', ready: [], runs: [],
      };
      this.byUid.set(uid, life);
      this.byName.set(`${life.namespace}/${life.name}`, life);
      this.pods.push(life);
    }
    this.revision++;
    if (type === 'DELETED') {
      life.deletedAt = now;
      this.endAll(life, now, 'Killed', 143);
      this.setReady(life, false, now);
      this.byUid.delete(uid);
      return;
    }
    const node = p.spec?.nodeName ?? '';
    if (node && !life.node) {
      life.node = node;
      life.scheduledAt = now;
    }
    if (p.status?.podIP) life.ip = p.status.podIP;
    if (p.metadata.deletionTimestamp && life.terminatingAt === undefined) {
      life.terminatingAt = now;
      this.endAll(life, now, 'Killed', 143);
    }
    for (const cs of p.status?.containerStatuses ?? []) this.container(life, cs, now);
    const ready = p.status?.conditions?.find((x) => x.type === 'Ready')?.status === 'True';
    this.setReady(life, ready && life.terminatingAt === undefined, now);
  }

  private container(life: PodLife, cs: ContainerStatus, now: number): void {
    const runs = life.runs;
    let cur: ContainerRun | undefined;
    for (let i = runs.length - 1; i >= 0; i--) if (runs[i].container === cs.name) { cur = runs[i]; break; }
    const instance = cs.restartCount ?? 0;
    const state = cs.state ?? {};
    if (state.running) {
      if (!cur || cur.instance !== instance || cur.end !== undefined) {
        if (cur && cur.end === undefined) this.end(cur, now, 'Error', 1);
        if (life.terminatingAt !== undefined) return;
        cur = { container: cs.name, instance, start: now };
        runs.push(cur);
      }
      if (cs.ready && cur.ready === undefined) cur.ready = now;
      return;
    }
    if (!cur || cur.end !== undefined) {
      if (cur && state.waiting?.reason === 'CrashLoopBackOff' && !cur.backOff) cur.backOff = { time: now, message: state.waiting.message ?? '' };
      return;
    }
    const terminated = state.terminated ?? cs.lastState?.terminated;
    if (state.terminated || state.waiting) {
      const code = terminated?.exitCode ?? 1;
      this.end(cur, now, code === 0 ? 'Completed' : 'Error', code);
      if (state.waiting?.reason === 'CrashLoopBackOff') cur.backOff = { time: now, message: state.waiting.message ?? '' };
    }
  }

  private end(run: ContainerRun, now: number, reason: ContainerRun['endReason'], exitCode: number): void {
    if (run.end !== undefined) return;
    run.end = now;
    run.endReason = reason;
    run.exitCode = exitCode;
  }

  private endAll(life: PodLife, now: number, reason: ContainerRun['endReason'], exitCode: number): void {
    for (const r of life.runs) if (r.end === undefined) this.end(r, now, reason, exitCode);
  }

  private setReady(life: PodLife, ready: boolean, now: number): void {
    const last = life.ready[life.ready.length - 1];
    const open = last !== undefined && last[1] === undefined;
    if (ready && !open) life.ready.push([now, undefined]);
    else if (!ready && open) last[1] = now;
  }
}

function ownerOf(c: Cluster, p: PodObj): string {
  return controllerRef(p) ? topOwner(c, p) : `Pod/${p.metadata.name}`;
}

function containerInfo(ct: NonNullable<Pod['spec']>['containers'][number], command: ReturnType<typeof analyseCommand>): ContainerSpecInfo {
  const r = ct.resources ?? {};
  return {
    name: ct.name, image: ct.image ?? '',
    ports: (ct.ports ?? []).map((x) => x.containerPort),
    cpuRequest: r.requests?.cpu !== undefined ? milli(r.requests.cpu) : 0,
    memoryRequest: r.requests?.memory !== undefined ? units(r.requests.memory) : 0,
    cpuLimit: r.limits?.cpu !== undefined ? milli(r.limits.cpu) : 0,
    memoryLimit: r.limits?.memory !== undefined ? units(r.limits.memory) : 0,
    readinessProbe: ct.readinessProbe !== undefined,
    ...(command?.exit ? { commandOutput: command.exit.output.map((o) => o.text) } : {}),
    ...(command && !command.exit && command.output.length ? { prelude: command.output.map((o) => o.text) } : {}),
  };
}
