/** Builds the result summaries (pods, quotas, claims, deployments, endpoints, nodes) from the store. */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { EPOCH_MS } from './apiserver';
import type { Cluster } from './cluster';
import { controllerRef, isReady } from './controllers/util';
import { formatBytes, formatMilli, podRequests } from './resources';
import { isClusterScoped, nsOf } from './store';
import type { ClaimSummary, ConditionSummary, DeploymentSummary, ReplicaSetSummary, EndpointSummary, NodeSummary, PodSummary, QuotaSummary, TickState, VolumeSummary } from './types';

const byNsName = <T extends { namespace: string; name: string }>(a: T, b: T) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * `Kind/name` of the object at the top of the pod's owner chain (Deployment over ReplicaSet, CronJob
 * over Job), following each controller ownerReference to the owner in the store (by uid, else by
 * kind and name in the namespace: a dump's pods name owners whose uids the apply did not keep).
 * An owner that is not in the store is the top (`ReplicaSet/web-5d9c…` for a pod of a `kubectl get
 * pods` dump). A Node is no workload: the mirror pod of a static pod, which the kubelet makes the
 * Node's dependent, is its own top owner.
 */
export function topOwner(c: Cluster, o: KubeObject): string {
  let cur = o;
  for (let i = 0; i < 5; i++) {
    const ref = controllerRef(cur);
    if (!ref || ref.kind === 'Node') break;
    const next = c.store.byUid(ref.uid) ?? (isClusterScoped(ref.kind) ? undefined : c.store.getBy(ref.kind, nsOf(cur), ref.name));
    if (!next) return `${ref.kind}/${ref.name}`;
    cur = next;
  }
  return `${cur.kind}/${cur.metadata.name}`;
}

/** The STATUS column of `kubectl get pods`. */
export function podStatus(p: Pod & KubeObject): string {
  if (p.metadata.deletionTimestamp) return 'Terminating';
  const phase = p.status?.phase ?? 'Pending';
  if (phase === 'Succeeded') return 'Completed';
  if (phase === 'Failed') return p.status?.reason ?? 'Error';
  // kubectl's printPod (pkg/printers/internalversion/printers.go): the first container waiting or
  // terminated with a reason names the STATUS (`CrashLoopBackOff`, `Error`, `Completed`); a
  // `Completed` beside a container still running reads Running.
  let hasRunning = false;
  for (const cs of p.status?.containerStatuses ?? []) if (cs.ready && cs.state?.running) hasRunning = true;
  for (const cs of p.status?.containerStatuses ?? []) {
    if (cs.state?.waiting?.reason) return cs.state.waiting.reason;
    const terminated = cs.state?.terminated?.reason;
    if (terminated) return terminated === 'Completed' && hasRunning ? phase : terminated;
  }
  return phase;
}

export function podSummaries(c: Cluster): PodSummary[] {
  const out: PodSummary[] = [];
  for (const o of c.store.list('Pod')) {
    const p = o as Pod & KubeObject;
    const cs = p.status?.containerStatuses ?? [];
    const summary: PodSummary = {
      namespace: nsOf(p),
      name: p.metadata.name,
      owner: topOwner(c, p),
      phase: p.status?.phase ?? 'Pending',
      status: podStatus(p),
      ready: `${cs.filter((x) => x.ready).length}/${p.spec?.containers?.length ?? 0}`,
      restarts: cs.reduce((s, x) => s + (x.restartCount ?? 0), 0),
      node: p.spec?.nodeName ?? '',
      ip: p.status?.podIP ?? '',
      age: c.now - ageStart(p),
    };
    // kubectl's RESTARTS `6 (12s ago)`: the last container termination (printers.go).
    let last = '';
    for (const x of cs) {
      const f = x.lastState?.terminated?.finishedAt;
      if (f && f > last) last = f;
    }
    if (summary.restarts > 0 && last) summary.lastRestartAge = c.now - Math.round((Date.parse(last) - EPOCH_MS) / 1000);
    out.push(summary);
  }
  return out.sort(byNsName);
}

function ageStart(o: KubeObject): number {
  const t = o.metadata.creationTimestamp;
  return t ? Math.round((Date.parse(t) - Date.UTC(2026, 0, 1)) / 1000) : 0;
}

export function quotaSummaries(c: Cluster): QuotaSummary[] {
  return c.store.list('ResourceQuota').map((o) => {
    const status = (o.status ?? {}) as { hard?: Record<string, string>; used?: Record<string, string> };
    const hard = status.hard ?? ((o.spec as { hard?: Record<string, string> } | undefined)?.hard ?? {});
    return { namespace: nsOf(o), name: o.metadata.name, hard, used: status.used ?? {} };
  }).sort(byNsName);
}

export function claimSummaries(c: Cluster): ClaimSummary[] {
  return c.store.list('PersistentVolumeClaim').map((o) => {
    const spec = (o.spec ?? {}) as { volumeName?: string; storageClassName?: string };
    const status = (o.status ?? {}) as { phase?: string; capacity?: { storage?: string } };
    return { namespace: nsOf(o), name: o.metadata.name, phase: status.phase ?? 'Pending', volume: spec.volumeName ?? '', capacity: status.capacity?.storage ?? '', storageClass: spec.storageClassName ?? '' };
  }).sort(byNsName);
}

export function volumeSummaries(c: Cluster): VolumeSummary[] {
  return c.store.list('PersistentVolume').map((o) => {
    const spec = (o.spec ?? {}) as { claimRef?: { namespace?: string; name?: string }; capacity?: { storage?: string }; storageClassName?: string };
    return {
      name: o.metadata.name,
      phase: (o.status as { phase?: string } | undefined)?.phase ?? 'Available',
      claim: spec.claimRef?.name ? `${spec.claimRef.namespace}/${spec.claimRef.name}` : '',
      capacity: spec.capacity?.storage ?? '',
      storageClass: spec.storageClassName ?? '',
    };
  }).sort((a, b) => a.name.localeCompare(b.name));
}

export function deploymentSummaries(c: Cluster): DeploymentSummary[] {
  return c.store.list('Deployment').map((o) => {
    const s = (o.status ?? {}) as { readyReplicas?: number; updatedReplicas?: number; availableReplicas?: number };
    return {
      namespace: nsOf(o), name: o.metadata.name,
      replicas: (o.spec as { replicas?: number } | undefined)?.replicas ?? 1,
      ready: s.readyReplicas ?? 0, upToDate: s.updatedReplicas ?? 0, available: s.availableReplicas ?? 0,
      revision: o.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '',
      conditions: conditionsOf(o),
    };
  }).sort(byNsName);
}

function conditionsOf(o: KubeObject): ConditionSummary[] {
  const list = (o.status as { conditions?: { type?: string; status?: string; reason?: string; message?: string }[] } | undefined)?.conditions ?? [];
  return list.map((x) => ({ type: x.type ?? '', status: x.status ?? '', ...(x.reason ? { reason: x.reason } : {}), ...(x.message ? { message: x.message } : {}) }));
}

export function replicaSetSummaries(c: Cluster): ReplicaSetSummary[] {
  return c.store.list('ReplicaSet').map((o) => {
    const s = (o.status ?? {}) as { readyReplicas?: number; availableReplicas?: number };
    return {
      namespace: nsOf(o), name: o.metadata.name,
      owner: o.metadata.ownerReferences?.find((r) => r.kind === 'Deployment')?.name ?? '',
      replicas: (o.spec as { replicas?: number } | undefined)?.replicas ?? 1,
      ready: s.readyReplicas ?? 0, available: s.availableReplicas ?? 0,
      conditions: conditionsOf(o),
    };
  }).sort(byNsName);
}

interface SliceShape {
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean } }[];
  ports?: { port: number }[];
}

export function endpointSummaries(c: Cluster): EndpointSummary[] {
  const out: EndpointSummary[] = [];
  for (const svc of c.store.list('Service')) {
    const ns = nsOf(svc);
    const list: string[] = [];
    for (const s of c.store.list('EndpointSlice', ns)) {
      if (s.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
      const slice = s as unknown as SliceShape;
      for (const e of slice.endpoints ?? []) {
        if (!e.conditions?.ready) continue;
        for (const p of slice.ports ?? []) list.push(`${e.addresses[0]}:${p.port}`);
      }
    }
    out.push({ namespace: ns, service: svc.metadata.name, endpoints: list.sort() });
  }
  return out.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.service.localeCompare(b.service));
}

export function nodeSummaries(c: Cluster): NodeSummary[] {
  return c.store.list('Node').map((n) => {
    const pods = c.store.podsOnNode(n.metadata.name).filter((p) => !['Succeeded', 'Failed'].includes((p.status as { phase?: string } | undefined)?.phase ?? ''));
    let cpu = 0;
    let mem = 0;
    for (const p of pods) {
      const r = podRequests(p as Pod);
      cpu += r.cpu;
      mem += r.memory;
    }
    const unschedulable = (n.spec as { unschedulable?: boolean } | undefined)?.unschedulable;
    return { name: n.metadata.name, status: unschedulable ? 'Ready,SchedulingDisabled' : 'Ready', pods: pods.length, cpuRequests: formatMilli(cpu), memoryRequests: formatBytes(mem) };
  });
}

export function tickState(c: Cluster): TickState {
  const pods: [string, string, string, string][] = [];
  for (const o of c.store.list('Pod')) pods.push([nsOf(o), o.metadata.name, podStatus(o as Pod & KubeObject), (o.spec as { nodeName?: string }).nodeName ?? '']);
  pods.sort((a, b) => (a[0] + '/' + a[1] < b[0] + '/' + b[1] ? -1 : 1));
  return {
    time: c.now,
    pods,
    quotas: quotaSummaries(c).map((q) => ({ namespace: q.namespace, name: q.name, used: q.used })),
    persistentVolumeClaims: claimSummaries(c).map((p) => [p.namespace, p.name, p.phase]),
    endpoints: endpointSummaries(c).map((e) => ({ namespace: e.namespace, service: e.service, ready: e.endpoints.length })),
  };
}

export { isReady };
