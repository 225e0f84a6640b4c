/**
 * The view of the simulated cluster the live canvas draws: one small, immutable record per pod,
 * node, ResourceQuota and PersistentVolumeClaim, built from the store's objects. Records are
 * replaced, never mutated, so keyframes and frames share them.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { objectKey, type KubeObject } from '../../model/object';
import type { Cluster } from '../cluster';
import { controllerRef } from '../controllers/util';
import { nodeIP } from '../ipam';
import { podStatus } from '../report';
import { milli, podRequests, units } from '../resources';
import { nsOf } from '../store';

export interface PodRecord {
  kind: 'Pod';
  namespace: string;
  name: string;
  /** The design key (`group/Kind/namespace/name`) of the top owner: `apps/Deployment/shop/web` over its ReplicaSet; a bare pod its own key. */
  owner: string;
  /** The direct controller, `ReplicaSet/web-5d8f7c9b4`, when it is not the top owner (old and new ReplicaSets in a rollout). */
  controller?: string;
  /** `''` while unscheduled. */
  node: string;
  phase: string;
  /** The STATUS column of `kubectl get pods`. */
  status: string;
  /** `''` until the sandbox has its address (Pending pods have none). */
  ip: string;
  /** Why the pod is not (or no longer) running: Unschedulable, ContainerCreating, CrashLoopBackOff, Terminating, Evicted… */
  reason?: string;
  message?: string;
  /** Requested millicores and bytes, summed over the containers. */
  cpu: number;
  memory: number;
}

export interface NodeRecord {
  kind: 'Node';
  name: string;
  ip: string;
  podCIDR: string;
  /** Allocatable millicores, bytes and pods. */
  cpu: number;
  memory: number;
  pods: number;
  unschedulable: boolean;
  ready: boolean;
  /** `key=value:Effect` */
  taints: string[];
}

export interface QuotaRecord {
  kind: 'ResourceQuota';
  namespace: string;
  name: string;
  hard: Record<string, string>;
  used: Record<string, string>;
}

export interface ClaimRecord {
  kind: 'PersistentVolumeClaim';
  namespace: string;
  name: string;
  phase: string;
  /** The bound PersistentVolume, `''` while Pending. */
  volume: string;
  storageClass: string;
}

export type ViewRecord = PodRecord | NodeRecord | QuotaRecord | ClaimRecord;

export const VIEW_KINDS: ReadonlySet<string> = new Set(['Pod', 'Node', 'ResourceQuota', 'PersistentVolumeClaim']);

/** `Kind/namespace/name`, the store's key (cluster-scoped kinds have an empty namespace). */
export function recordKey(r: ViewRecord): string {
  return r.kind === 'Node' ? `Node//${r.name}` : `${r.kind}/${r.namespace}/${r.name}`;
}

/** The record of a store object of a VIEW_KINDS kind. */
export function toRecord(c: Cluster, o: KubeObject): ViewRecord {
  switch (o.kind) {
    case 'Pod':
      return podRecord(c, o as Pod & KubeObject);
    case 'Node':
      return nodeRecord(o);
    case 'ResourceQuota': {
      const status = (o.status ?? {}) as { hard?: Record<string, string>; used?: Record<string, string> };
      return { kind: 'ResourceQuota', namespace: nsOf(o), name: o.metadata.name, hard: status.hard ?? (o.spec as { hard?: Record<string, string> } | undefined)?.hard ?? {}, used: status.used ?? {} };
    }
    default: {
      const spec = (o.spec ?? {}) as { volumeName?: string; storageClassName?: string };
      return { kind: 'PersistentVolumeClaim', namespace: nsOf(o), name: o.metadata.name, phase: (o.status as { phase?: string } | undefined)?.phase ?? 'Pending', volume: spec.volumeName ?? '', storageClass: spec.storageClassName ?? '' };
    }
  }
}

function podRecord(c: Cluster, p: Pod & KubeObject): PodRecord {
  const namespace = nsOf(p);
  const ref = controllerRef(p);
  const top = topOwnerObject(c, p);
  const direct = ref ? `${ref.kind}/${ref.name}` : undefined;
  const owner = objectKey(top);
  const { reason, message } = whyNotRunning(p);
  const requests = podRequests(p);
  const record: PodRecord = {
    kind: 'Pod', namespace, name: p.metadata.name, owner,
    node: p.spec?.nodeName ?? '', phase: p.status?.phase ?? 'Pending', status: podStatus(p), ip: p.status?.podIP ?? '',
    cpu: requests.cpu, memory: requests.memory,
  };
  if (direct && top !== p && `${top.kind}/${top.metadata.name}` !== direct) record.controller = direct;
  if (reason) record.reason = reason;
  if (message) record.message = message;
  return record;
}

/** The object at the top of the owner chain; a missing owner stands in as a stub built from its reference. */
function topOwnerObject(c: Cluster, o: KubeObject): KubeObject {
  let cur = o;
  for (let i = 0; i < 5; i++) {
    const ref = controllerRef(cur);
    if (!ref) break;
    const next = c.store.byUid(ref.uid);
    if (!next) return { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: nsOf(o) } };
    cur = next;
  }
  return cur;
}

function whyNotRunning(p: Pod & KubeObject): { reason?: string; message?: string } {
  if (p.metadata.deletionTimestamp) return { reason: 'Terminating' };
  const s = p.status;
  if (s?.phase === 'Failed') return { reason: s.reason ?? 'Error', ...(s.message ? { message: s.message } : {}) };
  const unscheduled = s?.conditions?.find((x) => x.type === 'PodScheduled' && x.status === 'False');
  if (unscheduled) return { reason: unscheduled.reason ?? 'Unschedulable', ...(unscheduled.message ? { message: unscheduled.message } : {}) };
  for (const cs of s?.containerStatuses ?? []) {
    const w = cs.state?.waiting;
    if (w?.reason) return { reason: w.reason, ...(w.message ? { message: w.message } : {}) };
  }
  return {};
}

function nodeRecord(n: KubeObject): NodeRecord {
  const spec = (n.spec ?? {}) as { podCIDR?: string; unschedulable?: boolean; taints?: { key: string; value?: string; effect: string }[] };
  const status = (n.status ?? {}) as { allocatable?: Record<string, string>; conditions?: { type: string; status: string }[] };
  const a = status.allocatable ?? {};
  return {
    kind: 'Node', name: n.metadata.name, ip: nodeIP(n), podCIDR: spec.podCIDR ?? '',
    cpu: a.cpu ? milli(a.cpu) : 0, memory: a.memory ? units(a.memory) : 0, pods: a.pods ? Number(a.pods) : 0,
    unschedulable: spec.unschedulable === true,
    ready: status.conditions?.find((x) => x.type === 'Ready')?.status === 'True',
    taints: (spec.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
  };
}

/** Field-by-field equality of two records of the same key (maps compared entry by entry). */
export function sameRecord(a: ViewRecord, b: ViewRecord): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) {
    const u = x[k];
    const v = y[k];
    if (u === v) continue;
    if (typeof u !== 'object' || typeof v !== 'object' || u === null || v === null) return false;
    if (JSON.stringify(u) !== JSON.stringify(v)) return false;
  }
  return true;
}
