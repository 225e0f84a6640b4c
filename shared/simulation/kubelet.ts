/**
 * The kubelets: for every pod bound to a node, Pending → ContainerCreating → Running, Ready after
 * the readiness delay, Job pods to Succeeded, graceful termination; node registration with its
 * conditions; cordon and drain.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ClusterNode } from '../design/types';
import type { KubeObject } from '../model/object';
import { timestamp } from './apiserver';
import type { Cluster, Controller } from './cluster';
import type { CrashLoopNote } from './types';
import { controllerRef, isTerminal, remove } from './controllers/util';
import { allocatePodIP, nodeIPByName, rangeExhausted, releasePodIP } from './ipam';
import { eventKey, nsOf, type WatchEvent } from './store';
import { commandExit, type CommandExit } from './containerCommand';
import { envLookup } from './containerEnv';

type PodObj = Pod & KubeObject;

export const RUN_SECONDS = 'kubeplan.io/run-seconds';

export function nodeObject(n: ClusterNode): KubeObject {
  const resources = { cpu: n.cpu, memory: n.memory, pods: String(n.pods) };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels: {
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        ...(n.zone ? { 'topology.kubernetes.io/zone': n.zone } : {}),
        ...(n.labels ?? {}),
      },
    },
    spec: {
      ...(n.unschedulable ? { unschedulable: true } : {}),
      ...((n.taints?.length ?? 0) > 0 || n.unschedulable ? { taints: [...(n.taints ?? []), ...(n.unschedulable ? [UNSCHEDULABLE_TAINT] : [])] } : {}),
    },
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      nodeInfo: { kubeletVersion: 'v1.34.0', containerRuntimeVersion: 'containerd://2.1.0', operatingSystem: 'linux', architecture: 'amd64' },
      ...(n.address ? { addresses: [{ type: 'InternalIP', address: n.address }] } : {}),
    },
  };
}

export const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };

export class Kubelet implements Controller {
  readonly name = 'kubelet';
  readonly component = 'kubelet' as const;
  /** Pods whose lifecycle timers are set, by key → uid (a recreated pod of the same name is new). */
  private readonly started = new Map<string, string>();
  private readonly terminating = new Set<string>();
  /** Pods (keys) whose containers wait for a PersistentVolumeClaim to be bound (the volume manager's mount wait). */
  private readonly waitingForVolumes = new Set<string>();
  /** Pod addresses given at sandbox creation (CNI ADD), by pod key, until the pod is deleted. */
  private readonly ips = new Map<string, { node: string; ip: string }>();
  /**
   * The restart back-off of each container, by `podUid/container` (the kubelet's flowcontrol.Backoff
   * entry): the current back-off and when the container was last restarted.
   */
  private readonly backoffs = new Map<string, { backoff: number; lastUpdate: number }>();

  constructor(private readonly c: Cluster) {
    c.killContainer = (key, container, exitCode) => this.exit(key, container, exitCode, exitCode === 0 ? 'Completed' : 'Error');
  }

  handle(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'PersistentVolumeClaim') {
      if (this.waitingForVolumes.size > 0 && (o.status as { phase?: string } | undefined)?.phase === 'Bound') {
        for (const k of this.waitingForVolumes) this.c.enqueue(this, k);
      }
      return;
    }
    if (o.kind !== 'Pod' || ev.type === 'DELETED') {
      if (o.kind === 'Pod') {
        const key = eventKey(ev);
        this.started.delete(key);
        this.terminating.delete(key);
        for (const ct of (o.spec as Pod['spec'])?.containers ?? []) this.backoffs.delete(`${o.metadata.uid ?? ''}/${ct.name}`);
        this.waitingForVolumes.delete(key);
        const given = this.ips.get(key);
        if (given) releasePodIP(this.c, given.node, given.ip);
        this.ips.delete(key);
      }
      return;
    }
    if ((o.spec as Pod['spec'])?.nodeName) this.c.enqueue(this, eventKey(ev));
  }

  sync(key: string): void {
    const c = this.c;
    const pod = c.store.get(key) as PodObj | undefined;
    if (!pod?.spec?.nodeName) return;
    const uid = pod.metadata.uid ?? '';
    if (pod.metadata.deletionTimestamp) return this.terminate(key, pod);
    if (this.started.get(key) === uid || isTerminal(pod)) return;
    const node = pod.spec.nodeName;
    const creating = containerStatuses(pod, () => ({ waiting: { reason: 'ContainerCreating' } }), false);
    // The volume manager mounts every volume before containers start: an unbound claim keeps the pod ContainerCreating.
    if (hasUnboundClaim(c, pod)) {
      if (!this.waitingForVolumes.has(key)) {
        this.waitingForVolumes.add(key);
        c.api.request({ verb: 'updateStatus', user: `system:node:${node}`, component: `kubelet/${node}`, object: Object.assign({}, pod, { status: Object.assign({}, pod.status, { phase: 'Pending', hostIP: hostIp(c, node), containerStatuses: creating }) }) });
      }
      return;
    }
    this.waitingForVolumes.delete(key);
    // The sandbox gets its address from the node's pod range; hostNetwork pods use the node's own.
    const ip = pod.spec.hostNetwork ? hostIp(c, node) : pod.status?.podIP ?? this.ips.get(key)?.ip ?? allocatePodIP(c, node);
    if (!ip) {
      c.event(pod, 'Warning', 'FailedCreatePodSandBox', rangeExhausted(c, node), 'kubelet');
      c.after(10, 'retry', () => c.enqueue(this, key));
      return;
    }
    if (!pod.spec.hostNetwork) this.ips.set(key, { node, ip });
    this.started.set(key, uid);
    const source = `kubelet`;
    c.api.request({ verb: 'updateStatus', user: `system:node:${node}`, component: `kubelet/${node}`, object: Object.assign({}, pod, { status: Object.assign({}, pod.status, { phase: 'Pending', hostIP: hostIp(c, node), containerStatuses: creating }) }) });
    c.after(c.options.containerStartSeconds, 'progress', () => {
      const cur = this.current(key, uid);
      if (!cur || cur.metadata.deletionTimestamp) return;
      for (const ct of cur.spec?.containers ?? []) {
        c.event(cur, 'Normal', 'Pulled', `Container image "${ct.image ?? ''}" already present on machine`, source);
        c.event(cur, 'Normal', 'Created', `Created container: ${ct.name}`, source);
        c.event(cur, 'Normal', 'Started', `Started container ${ct.name}`, source);
      }
      const startedAt = timestamp(c.now);
      const delay = readinessDelay(cur.spec?.containers ?? [], c.options.readinessDelaySeconds);
      const ready = delay === 0;
      c.api.request({ verb: 'updateStatus', user: `system:node:${node}`, component: `kubelet/${node}`, object: Object.assign({}, cur, { status: runningStatus(c, cur, ip, startedAt, ready) }) });
      if (!ready) {
        c.after(delay, 'progress', () => {
          const p = this.current(key, uid);
          if (!p || p.metadata.deletionTimestamp || isTerminal(p)) return;
          c.api.request({ verb: 'updateStatus', user: `system:node:${node}`, component: `kubelet/${node}`, object: Object.assign({}, p, { status: runningStatus(c, p, ip, startedAt, true) }) });
        });
      }
      const runFor = runSeconds(cur, c.options.jobRunSeconds);
      // Containers whose command exits (docs/simulator.md, "Crash loops"): a failing one ends a Job pod's run too.
      let failing = false;
      for (const ct of cur.spec?.containers ?? []) {
        this.scheduleLiveness(key, uid, cur, ct, 0);
        const exit = this.designExit(cur, ct, runFor !== undefined);
        if (!exit) continue;
        failing ||= exit.exitCode !== 0;
        this.scheduleExit(key, uid, ct.name, 0, exit);
      }
      // An infinite run (the network snapshot's "while every Job runs") sets no timer.
      if (runFor !== undefined && Number.isFinite(runFor) && !failing) {
        c.after(runFor, 'progress', () => {
          const p = this.current(key, uid);
          if (!p || p.metadata.deletionTimestamp) return;
          const finished = timestamp(c.now);
          c.api.request({
            verb: 'updateStatus', user: `system:node:${node}`, component: `kubelet/${node}`,
            object: {
              ...p,
              status: {
                ...p.status, phase: 'Succeeded',
                conditions: conditions(c, p, false),
                containerStatuses: containerStatuses(p, () => ({ terminated: { exitCode: 0, reason: 'Completed', startedAt, finishedAt: finished } }), false),
              },
            },
          });
        });
      }
    });
  }

  /**
   * A container exits with an error (the scenario's `crash` step): exit code 1. See `exit`.
   */
  crash(key: string, containerName?: string): string | null {
    return this.exit(key, containerName, 1, 'Error');
  }

  /**
   * A container's process exits with `exitCode` (the scenario's `crash`, `kubectl exec -- kill 1`,
   * or its own command: docs/simulator.md, "Crash loops"). restartPolicy Always, or OnFailure with a
   * non-zero code: restarted with the kubelet's back-off (at once the first time, then 10 s
   * doubling to 300 s, counted from the last restart), CrashLoopBackOff meanwhile; otherwise the pod ends —
   * Failed (its controller replaces it) or, exit 0, Succeeded. Returns an error line, or null.
   */
  exit(key: string, containerName: string | undefined, exitCode: number, reason: 'Error' | 'Completed'): string | null {
    const c = this.c;
    const pod = c.store.get(key) as PodObj | undefined;
    if (!pod || pod.status?.phase !== 'Running' || pod.metadata.deletionTimestamp) return `pod ${key.split('/').slice(1).join('/')} is not running`;
    const containers = pod.spec?.containers ?? [];
    const target = containerName ? containers.find((x) => x.name === containerName) : containers[0];
    if (!target) return `container ${containerName} not found in pod ${pod.metadata.name}`;
    const node = pod.spec?.nodeName ?? '';
    const uid = pod.metadata.uid ?? '';
    const now = timestamp(c.now);
    const statuses = pod.status?.containerStatuses ?? [];
    const prev = statuses.find((x) => x.name === target.name);
    const restarts = prev?.restartCount ?? 0;
    // A container waiting to (re)start has no process to end.
    if (!prev?.state?.running) return `container ${target.name} in pod ${pod.metadata.name} is not running${prev?.state?.waiting?.reason ? ` (${prev.state.waiting.reason})` : ''}`;
    const terminated = { exitCode, reason, startedAt: prev?.state?.running?.startedAt ?? now, finishedAt: now };
    const policy = pod.spec?.restartPolicy ?? 'Always';
    if (policy === 'Never' || (policy === 'OnFailure' && exitCode === 0)) {
      // The pod ends when its last container has ended (a container that already finished stays so).
      const others = statuses.filter((x) => x.name !== target.name);
      const allDone = others.every((x) => x.state?.terminated);
      const failed = exitCode !== 0 || others.some((x) => (x.state?.terminated?.exitCode ?? 0) !== 0);
      c.api.request({
        verb: 'updateStatus', user: `system:node:${node}`, component: `kubelet/${node}`,
        object: { ...pod, status: { ...pod.status, ...(allDone ? { phase: failed ? 'Failed' : 'Succeeded' } : {}), conditions: conditions(c, pod, false), containerStatuses: statuses.map((x) => (x.name === target.name ? { ...x, ready: false, started: false, state: { terminated } } : x)) } },
      });
      return null;
    }
    // The kubelet's back-off (pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff, client-go
    // flowcontrol.Backoff): a container that exits within its current back-off of its last restart
    // waits until that back-off has passed; one that ran longer restarts at once; an entry untouched
    // for twice the cap (10 minutes) is forgotten, so the next failure starts again at 10 s.
    const bk = `${uid}/${target.name}`;
    const entry = this.backoffs.get(bk);
    const live = entry && c.now - entry.lastUpdate <= 2 * MAX_BACKOFF_SECONDS ? entry : undefined;
    const delay = live && c.now - live.lastUpdate < live.backoff ? live.lastUpdate + live.backoff - c.now : 0;
    const waiting = statuses.map((x) => (x.name === target.name ? { ...x, ready: false, started: false, lastState: { terminated }, state: delay && live ? { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${formatBackOff(live.backoff)} restarting failed container=${target.name} pod=${pod.metadata.name}_${nsOf(pod)}(${uid})` } } : { terminated } } : x));
    c.api.request({ verb: 'updateStatus', user: `system:node:${node}`, component: `kubelet/${node}`, object: { ...pod, status: { ...pod.status, conditions: conditions(c, pod, false), containerStatuses: waiting } } });
    if (delay) c.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${target.name} in pod ${pod.metadata.name}_${nsOf(pod)}(${uid})`, 'kubelet');
    // Once the back-off is at its cap the loop only repeats: its timers no longer keep the cluster from steady state.
    const kind = delay > 0 && live && live.backoff >= MAX_BACKOFF_SECONDS ? 'periodic' : 'progress';
    c.after(Math.max(delay, 1), kind, () => {
      const p = this.current(key, uid);
      if (!p || p.metadata.deletionTimestamp || isTerminal(p)) return;
      const cs = (p.status?.containerStatuses ?? []).find((x) => x.name === target.name);
      // Restarted already (a second exit while waiting): this timer is stale.
      if (cs && (cs.restartCount ?? 0) !== restarts) return;
      // Backoff.Next: a new (or forgotten) entry starts at 10 s, a live one doubles up to the cap.
      const was = this.backoffs.get(bk);
      const fresh = !was || c.now - was.lastUpdate > 2 * MAX_BACKOFF_SECONDS;
      this.backoffs.set(bk, { backoff: fresh ? INITIAL_BACKOFF_SECONDS : Math.min(was.backoff * 2, MAX_BACKOFF_SECONDS), lastUpdate: c.now });
      c.event(p, 'Normal', 'Pulled', `Container image "${target.image ?? ''}" already present on machine`, 'kubelet');
      c.event(p, 'Normal', 'Created', `Created container: ${target.name}`, 'kubelet');
      c.event(p, 'Normal', 'Started', `Started container ${target.name}`, 'kubelet');
      const startedAt = timestamp(c.now);
      const readyDelay = readinessDelay([target], c.options.readinessDelaySeconds);
      const restarted = (q: PodObj, ready: boolean) => (q.status?.containerStatuses ?? []).map((x) => (x.name === target.name ? { ...x, ready, started: true, restartCount: restarts + 1, lastState: { terminated }, state: { running: { startedAt } } } : x));
      const allReady = (q: PodObj, ready: boolean) => ready && (q.status?.containerStatuses ?? []).every((x) => x.name === target.name || x.ready);
      c.api.request({ verb: 'updateStatus', user: `system:node:${node}`, component: `kubelet/${node}`, object: { ...p, status: { ...p.status, conditions: conditions(c, p, allReady(p, readyDelay === 0)), containerStatuses: restarted(p, readyDelay === 0) } } });
      if (readyDelay > 0) {
        c.after(readyDelay, kind, () => {
          const q = this.current(key, uid);
          if (!q || q.metadata.deletionTimestamp || isTerminal(q)) return;
          const cs = (q.status?.containerStatuses ?? []).find((x) => x.name === target.name);
          if (!cs?.state?.running || (cs.restartCount ?? 0) !== restarts + 1) return;
          c.api.request({ verb: 'updateStatus', user: `system:node:${node}`, component: `kubelet/${node}`, object: { ...q, status: { ...q.status, conditions: conditions(c, q, allReady(q, true)), containerStatuses: restarted(q, true) } } });
        });
      }
      const exit = this.designExit(p, target, runSeconds(p, c.options.jobRunSeconds) !== undefined);
      // The exit that follows a restart at the cap only repeats the cycle too.
      if (exit) this.scheduleExit(key, uid, target.name, restarts + 1, exit, kind);
      this.scheduleLiveness(key, uid, p, target, restarts + 1, kind);
    });
    return null;
  }

  /**
   * How a container's own command ends, when it does (./containerCommand.ts). A Job's pod (or a
   * pod with a run time) that exits 0 is left to the Job run, which completes it.
   */
  private designExit(pod: PodObj, ct: Container, hasRun: boolean): CommandExit | undefined {
    if (!ct.command?.length) return undefined;
    const exit = commandExit(ct.command, ct.args, envLookup(this.c, pod, ct));
    if (!exit || (hasRun && exit.exitCode === 0)) return undefined;
    return exit;
  }

  /** The container instance `instance` (its restartCount) exits as its command says, unless it was restarted or stopped first. */
  private scheduleExit(key: string, uid: string, container: string, instance: number, exit: CommandExit, kind: 'progress' | 'periodic' = 'progress'): void {
    const c = this.c;
    // The simulated clock counts whole seconds: a command that exits at once is seen running for its first second.
    c.after(Math.max(1, Math.ceil(exit.seconds)), kind, () => {
      const p = this.current(key, uid);
      if (!p || p.metadata.deletionTimestamp || isTerminal(p)) return;
      const cs = (p.status?.containerStatuses ?? []).find((x) => x.name === container);
      if (!cs?.state?.running || (cs.restartCount ?? 0) !== instance) return;
      this.exit(key, container, exit.exitCode, exit.exitCode === 0 ? 'Completed' : 'Error');
    });
  }

  /**
   * A liveness probe whose `exec` command the simulator can read and that fails (./containerCommand.ts):
   * the kubelet probes after `initialDelaySeconds`, every `periodSeconds` (10), records
   * `Liveness probe failed: <output>` each time, and after `failureThreshold` (3) failures kills
   * the container (`Container web failed liveness probe, will be restarted`), which then restarts
   * with back-off (pkg/kubelet/prober/worker.go, pkg/kubelet/kuberuntime/kuberuntime_manager.go).
   * HTTP, TCP and gRPC probes, and commands it cannot read, always pass.
   */
  private scheduleLiveness(key: string, uid: string, pod: PodObj, ct: Container, instance: number, kind: 'progress' | 'periodic' = 'progress'): void {
    const probe = ct.livenessProbe;
    const cmd = probe?.exec?.command;
    if (!cmd?.length) return;
    const result = commandExit(cmd, undefined, envLookup(this.c, pod, ct));
    if (!result || result.exitCode === 0) return;
    const c = this.c;
    const initial = Math.max(0, probe?.initialDelaySeconds ?? 0);
    const period = Math.max(1, probe?.periodSeconds ?? 10);
    const threshold = Math.max(1, probe?.failureThreshold ?? 3);
    const output = result.output.map((o) => o.text).join('\n');
    for (let n = 1; n <= threshold; n++) {
      // The prober's worker probes once the initial delay has passed, then every period.
      c.after(Math.max(1, initial) + (n - 1) * period, kind, () => {
        const p = this.current(key, uid);
        if (!p || p.metadata.deletionTimestamp || isTerminal(p)) return;
        const cs = (p.status?.containerStatuses ?? []).find((x) => x.name === ct.name);
        if (!cs?.state?.running || (cs.restartCount ?? 0) !== instance) return;
        c.event(p, 'Warning', 'Unhealthy', `Liveness probe failed: ${output}`, 'kubelet');
        if (n < threshold) return;
        c.event(p, 'Normal', 'Killing', `Container ${ct.name} failed liveness probe, will be restarted`, 'kubelet');
        // SIGTERM, then SIGKILL when the grace period runs out: a shell as PID 1 ignores SIGTERM.
        this.exit(key, ct.name, 137, 'Error');
      });
    }
  }

  /**
   * The containers waiting in CrashLoopBackOff, for a run that ended steady: what is left of the
   * run is their restarts, each their back-off apart (`kubeplan simulate` prints them after the pods).
   */
  crashLoopNotes(): CrashLoopNote[] {
    const out: CrashLoopNote[] = [];
    for (const p of this.c.store.list('Pod') as PodObj[]) {
      if (p.metadata.deletionTimestamp || isTerminal(p)) continue;
      for (const cs of p.status?.containerStatuses ?? []) {
        if (cs.state?.waiting?.reason !== 'CrashLoopBackOff') continue;
        const restarts = cs.restartCount ?? 0;
        const wait = this.backoffs.get(`${p.metadata.uid ?? ''}/${cs.name}`)?.backoff ?? MAX_BACKOFF_SECONDS;
        out.push({
          namespace: nsOf(p), pod: p.metadata.name, container: cs.name, restarts, backOffSeconds: wait,
          message: `Pod ${nsOf(p)}/${p.metadata.name}: container ${cs.name} in CrashLoopBackOff (${restarts} restart${restarts === 1 ? '' : 's'}), restarting every ${formatBackOff(wait)}`,
        });
      }
    }
    return out.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.pod.localeCompare(b.pod) || a.container.localeCompare(b.container));
  }

  private current(key: string, uid: string): PodObj | undefined {
    const p = this.c.store.get(key) as PodObj | undefined;
    return p && p.metadata.uid === uid ? p : undefined;
  }

  /** Graceful termination: SIGTERM, wait (bounded by the grace period), then delete for good. */
  private terminate(key: string, pod: PodObj): void {
    if (this.terminating.has(key)) return;
    this.terminating.add(key);
    const c = this.c;
    const node = pod.spec?.nodeName ?? '';
    for (const ct of pod.spec?.containers ?? []) c.event(pod, 'Normal', 'Killing', `Stopping container ${ct.name}`, 'kubelet');
    const grace = pod.metadata.deletionGracePeriodSeconds ?? 30;
    const uid = pod.metadata.uid ?? '';
    c.after(Math.min(grace, c.options.terminationSeconds), 'progress', () => {
      const p = this.current(key, uid);
      if (p) remove(c, `system:node:${node}`, `kubelet/${node}`, p, 0);
    });
  }
}

/** The kubelet's crash back-off (pkg/kubelet/kubelet.go: backOffPeriod 10 s, MaxContainerBackOff 300 s). */
export const INITIAL_BACKOFF_SECONDS = 10;
export const MAX_BACKOFF_SECONDS = 300;

/** A back-off as Go's time.Duration prints it in the kubelet's message: `10s`, `2m40s`, `5m0s`. */
export function formatBackOff(seconds: number): string {
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}

/** The node's InternalIP (see ipam.ts). */
function hostIp(c: Cluster, node: string): string {
  return nodeIPByName(c, node);
}

function readinessDelay(containers: Container[], fallback: number): number {
  let d = 0;
  for (const ct of containers) {
    if (!ct.readinessProbe) continue;
    d = Math.max(d, ct.readinessProbe.initialDelaySeconds ?? fallback);
  }
  return d;
}

/** Job pods (and pods annotated with a run time) finish; everything else runs until stopped. */
function runSeconds(pod: PodObj, jobDefault: number): number | undefined {
  const a = pod.metadata.annotations?.[RUN_SECONDS];
  if (a !== undefined && Number.isFinite(Number(a))) return Number(a);
  if (controllerRef(pod)?.kind === 'Job') return jobDefault;
  return undefined;
}

function containerStatuses(pod: PodObj, state: (ct: Container) => object, ready: boolean): object[] {
  return (pod.spec?.containers ?? []).map((ct) => ({
    name: ct.name, image: ct.image ?? '', ready, restartCount: 0, started: false, state: state(ct),
  }));
}

function hasUnboundClaim(c: Cluster, pod: PodObj): boolean {
  for (const v of pod.spec?.volumes ?? []) {
    const claimName = v.persistentVolumeClaim?.claimName;
    if (!claimName) continue;
    const pvc = c.store.getBy('PersistentVolumeClaim', nsOf(pod), claimName);
    if ((pvc?.status as { phase?: string } | undefined)?.phase !== 'Bound') return true;
  }
  return false;
}

function conditions(c: Cluster, pod: PodObj, ready: boolean): object[] {
  const t = timestamp(c.now);
  return [
    { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: t },
    { type: 'Initialized', status: 'True', lastTransitionTime: t },
    { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: t, ...(ready ? {} : { reason: 'ContainersNotReady', message: `containers with unready status: [${(pod.spec?.containers ?? []).map((x) => x.name).join(' ')}]` }) },
    { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: t },
    { type: 'PodScheduled', status: 'True', lastTransitionTime: t },
  ];
}

function runningStatus(c: Cluster, pod: PodObj, givenIp: string, startedAt: string, ready: boolean): object {
  const ip = pod.status?.podIP ?? givenIp;
  // Object.assign, not spread: spread-plus-new-keys objects become slow dictionaries in V8.
  return Object.assign({}, pod.status, {
    phase: 'Running',
    podIP: ip,
    podIPs: [{ ip }],
    startTime: pod.status?.startTime ?? startedAt,
    conditions: conditions(c, pod, ready),
    containerStatuses: (pod.spec?.containers ?? []).map((ct) => ({ name: ct.name, image: ct.image ?? '', ready, restartCount: 0, started: true, state: { running: { startedAt } } })),
  });
}

/** `kubectl cordon`: mark the node unschedulable (the node controller adds the matching taint). */
export function cordon(c: Cluster, nodeName: string, on: boolean): string | null {
  const node = c.store.getBy('Node', '', nodeName);
  if (!node) return `nodes "${nodeName}" not found`;
  const spec = (node.spec ?? {}) as { unschedulable?: boolean; taints?: { key: string; effect: string }[] };
  const taints = (spec.taints ?? []).filter((t) => t.key !== UNSCHEDULABLE_TAINT.key);
  if (on) taints.push(UNSCHEDULABLE_TAINT);
  const next = { ...node, spec: { ...spec, unschedulable: on || undefined, taints: taints.length ? taints : undefined } };
  c.api.request({ verb: 'update', user: 'kubectl', component: 'kubectl', object: next });
  c.event(node, 'Normal', on ? 'NodeNotSchedulable' : 'NodeSchedulable', `Node ${nodeName} status is now: ${on ? 'NodeNotSchedulable' : 'NodeSchedulable'}`, 'kubelet');
  return null;
}

/** `kubectl drain --ignore-daemonsets`: cordon, then evict every pod not owned by a DaemonSet. */
export function drain(c: Cluster, nodeName: string): string | null {
  const err = cordon(c, nodeName, true);
  if (err) return err;
  for (const p of c.store.podsOnNode(nodeName)) {
    if (controllerRef(p)?.kind === 'DaemonSet' || isTerminal(p) || p.metadata.deletionTimestamp) continue;
    c.message('kubectl', 'apiserver', 'evict', `Pod/${nsOf(p)}/${p.metadata.name}`);
    remove(c, 'kubectl', 'kubectl', p);
  }
  return null;
}
