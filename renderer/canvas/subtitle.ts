/**
 * The short last line of a card (the kind is drawn above the name): what a person most wants to know about the object without
 * opening it (replicas, Service type and port, storage size…). Unknown kinds show their kind.
 */
import type { KubeObject } from '../../shared/model/object';

type Spec = Record<string, unknown>;

const spec = (o: KubeObject): Spec => (o.spec && typeof o.spec === 'object' ? (o.spec as Spec) : {});
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function accessModes(v: unknown): string {
  const short: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
  return arr(v).map((m) => short[String(m)] ?? String(m)).join(',');
}

function replicas(o: KubeObject): string {
  const n = num(spec(o).replicas) ?? 1;
  return `${n} ${n === 1 ? 'replica' : 'replicas'}`;
}

const SUMMARIES: Record<string, (o: KubeObject) => string> = {
  Deployment: replicas,
  StatefulSet: replicas,
  ReplicaSet: replicas,
  DaemonSet: () => 'one pod per node',
  Pod: (o) => str((arr(spec(o).containers)[0] as Spec | undefined)?.image) ?? 'Pod',
  Job: (o) => `${num(spec(o).completions) ?? 1} completions`,
  CronJob: (o) => str(spec(o).schedule) ?? 'CronJob',
  Service: (o) => {
    const s = spec(o);
    const ports = arr(s.ports).map((p) => num((p as Spec).port)).filter((p) => p !== undefined);
    return [str(s.type) ?? 'ClusterIP', ports.length ? `:${ports.join(',')}` : ''].filter(Boolean).join(' ');
  },
  Ingress: (o) => {
    const rules = arr(spec(o).rules);
    const host = str((rules[0] as Spec | undefined)?.host);
    return host ?? `${rules.length} ${rules.length === 1 ? 'rule' : 'rules'}`;
  },
  PersistentVolumeClaim: (o) => {
    const s = spec(o);
    const size = str(((s.resources as Spec | undefined)?.requests as Spec | undefined)?.storage);
    return [size, accessModes(s.accessModes)].filter(Boolean).join(' ');
  },
  PersistentVolume: (o) => {
    const s = spec(o);
    return [str((s.capacity as Spec | undefined)?.storage), accessModes(s.accessModes)].filter(Boolean).join(' ');
  },
  StorageClass: (o) => str(o.provisioner) ?? 'StorageClass',
  ConfigMap: (o) => `${Object.keys((o.data as Spec | undefined) ?? {}).length} keys`,
  Secret: (o) => `${str(o.type) ?? 'Opaque'} · ${Object.keys({ ...((o.data as Spec) ?? {}), ...((o.stringData as Spec) ?? {}) }).length} keys`,
  NetworkPolicy: (o) => arr(spec(o).policyTypes).join(' + ') || 'Ingress',
  ResourceQuota: (o) => `${Object.keys((spec(o).hard as Spec | undefined) ?? {}).length} limits`,
  LimitRange: (o) => `${arr(spec(o).limits).length} items`,
  HorizontalPodAutoscaler: (o) => `${num(spec(o).minReplicas) ?? 1}–${num(spec(o).maxReplicas) ?? '?'} replicas`,
};

export function resourceSubtitle(o: KubeObject): string {
  return SUMMARIES[o.kind]?.(o) || (o.metadata.namespace ? `namespace ${o.metadata.namespace}` : '');
}
