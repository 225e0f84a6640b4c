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
import { controllerRef, isTerminal, remove } from './controllers/util';
import { allocatePodIP, nodeIPByName, rangeExhausted, releasePodIP } from './ipam';
import { eventKey, nsOf, type WatchEvent } from './store';

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

  constructor(private readonly c: Cluster) {}

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
      // An infinite run (the network snapshot's "while every Job runs") sets no timer.
      if (runFor !== undefined && Number.isFinite(runFor)) {
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
   * A container exits with an error (the scenario's `crash` step). restartPolicy Always/OnFailure:
   * restarted with the kubelet's back-off (at once the first time, then 10 s doubling to 300 s),
   * CrashLoopBackOff meanwhile; Never: the pod fails and its controller replaces it.
   */
  crash(key: string, containerName?: string): string | null {
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
    const terminated = { exitCode: 1, reason: 'Error', startedAt: prev?.state?.running?.startedAt ?? now, finishedAt: now };
    const policy = pod.spec?.restartPolicy ?? 'Always';
    if (policy === 'Never') {
      c.api.request({
        verb: 'updateStatus', user: `system:node:${node}`, component: `kubelet/${node}`,
        object: { ...pod, status: { ...pod.status, phase: 'Failed', conditions: conditions(c, pod, false), containerStatuses: statuses.map((x) => (x.name === target.name ? { ...x, ready: false, started: false, state: { terminated } } : x)) } },
      });
      return null;
    }
    const delay = restarts === 0 ? 0 : Math.min(10 * 2 ** (restarts - 1), 300);
    const waiting = statuses.map((x) => (x.name === target.name ? { ...x, ready: false, started: false, lastState: { terminated }, state: delay ? { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${delay}s restarting failed container=${target.name} pod=${pod.metadata.name}_${nsOf(pod)}(${uid})` } } : { terminated } } : x));
    c.api.request({ verb: 'updateStatus', user: `system:node:${node}`, component: `kubelet/${node}`, object: { ...pod, status: { ...pod.status, conditions: conditions(c, pod, false), containerStatuses: waiting } } });
    if (delay) c.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${target.name} in pod ${pod.metadata.name}_${nsOf(pod)}(${uid})`, 'kubelet');
    c.after(Math.max(delay, 1), 'progress', () => {
      const p = this.current(key, uid);
      if (!p || p.metadata.deletionTimestamp || isTerminal(p)) return;
      c.event(p, 'Normal', 'Pulled', `Container image "${target.image ?? ''}" already present on machine`, 'kubelet');
      c.event(p, 'Normal', 'Created', `Created container: ${target.name}`, 'kubelet');
      c.event(p, 'Normal', 'Started', `Started container ${target.name}`, 'kubelet');
      const startedAt = timestamp(c.now);
      const readyDelay = readinessDelay([target], c.options.readinessDelaySeconds);
      const restarted = (ready: boolean) => (p.status?.containerStatuses ?? []).map((x) => (x.name === target.name ? { ...x, ready, started: true, restartCount: restarts + 1, lastState: { terminated }, state: { running: { startedAt } } } : x));
      const allReady = (ready: boolean) => ready && (p.status?.containerStatuses ?? []).every((x) => x.name === target.name || x.ready);
      c.api.request({ verb: 'updateStatus', user: `system:node:${node}`, component: `kubelet/${node}`, object: { ...p, status: { ...p.status, conditions: conditions(c, p, allReady(readyDelay === 0)), containerStatuses: restarted(readyDelay === 0) } } });
      if (readyDelay > 0) {
        c.after(readyDelay, 'progress', () => {
          const q = this.current(key, uid);
          if (!q || q.metadata.deletionTimestamp || isTerminal(q)) return;
          c.api.request({ verb: 'updateStatus', user: `system:node:${node}`, component: `kubelet/${node}`, object: { ...q, status: { ...q.status, conditions: conditions(c, q, allReady(true)), containerStatuses: restarted(true) } } });
        });
      }
    });
    return null;
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
