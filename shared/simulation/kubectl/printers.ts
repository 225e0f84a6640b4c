/**
 * kubectl's printers: the table columns per kind (k8s.io/kubernetes pkg/printers/internalversion
 * printers.go), `-o wide`, `-o yaml|json|name`.
 */
import { dump } from 'js-yaml';
import type { Pod } from 'kubernetes-types/core/v1';
import { formatSelector } from '../../model/selector';
import type { KubeObject } from '../../model/object';
import type { Cluster } from '../cluster';
import { revisionOf } from '../controllers/deployment';
import { humanDuration, table } from '../format';
import { podStatus } from '../report';
import { isClusterScoped, nsOf } from '../store';
import { EPOCH_MS } from '../apiserver';
import { objectName } from './resources';

type Row = (o: KubeObject, c: Cluster) => string[];

interface Columns {
  headers: string[];
  row: Row;
  wideHeaders?: string[];
  wide?: Row;
}

/** Seconds since the object was created. */
export function ageOf(o: KubeObject, c: Cluster): string {
  const t = o.metadata.creationTimestamp;
  return humanDuration(t ? c.now - Math.round((Date.parse(t) - EPOCH_MS) / 1000) : c.now);
}

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const none = (v: string) => v || '<none>';
type Spec = Record<string, unknown>;
const specOf = (o: KubeObject) => (o.spec ?? {}) as Spec;
const statusOf = (o: KubeObject) => (o.status ?? {}) as Spec;

interface ContainerLike { name: string; image?: string }
function templateContainers(o: KubeObject): ContainerLike[] {
  const spec = specOf(o);
  const job = (spec.jobTemplate as { spec?: Spec } | undefined)?.spec;
  const tpl = (spec.template ?? job?.template) as { spec?: { containers?: ContainerLike[] } } | undefined;
  return tpl?.spec?.containers ?? [];
}
const containersCol = (o: KubeObject) => templateContainers(o).map((x) => x.name).join(',');
const imagesCol = (o: KubeObject) => templateContainers(o).map((x) => x.image ?? '').join(',');
const selectorCol = (o: KubeObject) => none(formatSelector(specOf(o).selector as never));

/** READY of a pod: ready containers / containers. */
function podReady(p: Pod & KubeObject): string {
  const cs = p.status?.containerStatuses ?? [];
  return `${cs.filter((x) => x.ready).length}/${p.spec?.containers?.length ?? 0}`;
}

function podRestarts(p: Pod & KubeObject, c: Cluster): string {
  const cs = p.status?.containerStatuses ?? [];
  const n = cs.reduce((sum, x) => sum + (x.restartCount ?? 0), 0);
  // printers.go: `3 (10s ago)` with the last container termination.
  const last = cs.map((x) => x.lastState?.terminated?.finishedAt).filter((x): x is string => !!x).sort().at(-1);
  return n > 0 && last ? `${n} (${humanDuration(c.now - Math.round((Date.parse(last) - EPOCH_MS) / 1000))} ago)` : String(n);
}

function servicePorts(o: KubeObject): string {
  const ports = (specOf(o).ports ?? []) as { port: number; nodePort?: number; protocol?: string }[];
  return none(ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(','));
}

function externalIp(o: KubeObject): string {
  const spec = specOf(o);
  const ingress = ((statusOf(o).loadBalancer as Spec | undefined)?.ingress ?? []) as { ip?: string; hostname?: string }[];
  const external = (spec.externalIPs ?? []) as string[];
  switch (spec.type) {
    case 'LoadBalancer': {
      const all = [...ingress.map((i) => i.ip ?? i.hostname ?? ''), ...external].filter(Boolean);
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return s(spec.externalName);
    default:
      return external.length ? external.join(',') : '<none>';
  }
}

export function nodeStatus(o: KubeObject): string {
  const conds = (statusOf(o).conditions ?? []) as { type: string; status: string }[];
  const ready = conds.find((x) => x.type === 'Ready');
  let st = ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown';
  if (specOf(o).unschedulable) st += ',SchedulingDisabled';
  return st;
}

function nodeRoles(o: KubeObject): string {
  const roles = Object.keys(o.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.slice('node-role.kubernetes.io/'.length));
  return none(roles.sort().join(','));
}

export function nodeAddress(o: KubeObject, type: string): string {
  const list = (statusOf(o).addresses ?? []) as { type: string; address: string }[];
  return list.find((a) => a.type === type)?.address ?? '';
}

function createdAt(o: KubeObject): string {
  return o.metadata.creationTimestamp ?? '';
}

function bindingSubjects(o: KubeObject, kind: string): string {
  const subjects = ((o as { subjects?: { kind?: string; name?: string; namespace?: string }[] }).subjects ?? []).filter((x) => x.kind === kind);
  return subjects.map((x) => (kind === 'ServiceAccount' ? `${x.namespace ?? ''}/${x.name ?? ''}` : x.name ?? '')).join(', ');
}

const COLUMNS: Record<string, Columns> = {
  Pod: {
    headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    row: (o, c) => [o.metadata.name, podReady(o as Pod & KubeObject), podStatus(o as Pod & KubeObject), podRestarts(o as Pod & KubeObject, c), ageOf(o, c)],
    wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    wide: (o) => [none(s((o as Pod).status?.podIP)), none(s((o as Pod).spec?.nodeName)), '<none>', '<none>'],
  },
  Deployment: {
    headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    row: (o, c) => {
      const st = statusOf(o);
      return [o.metadata.name, `${s(st.readyReplicas ?? 0)}/${s(specOf(o).replicas ?? 1)}`, s(st.updatedReplicas ?? 0), s(st.availableReplicas ?? 0), ageOf(o, c)];
    },
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    wide: (o) => [containersCol(o), imagesCol(o), selectorCol(o)],
  },
  ReplicaSet: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    row: (o, c) => [o.metadata.name, s(specOf(o).replicas ?? 1), s(statusOf(o).replicas ?? 0), s(statusOf(o).readyReplicas ?? 0), ageOf(o, c)],
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    wide: (o) => [containersCol(o), imagesCol(o), selectorCol(o)],
  },
  StatefulSet: {
    headers: ['NAME', 'READY', 'AGE'],
    row: (o, c) => [o.metadata.name, `${s(statusOf(o).readyReplicas ?? 0)}/${s(specOf(o).replicas ?? 1)}`, ageOf(o, c)],
    wideHeaders: ['CONTAINERS', 'IMAGES'],
    wide: (o) => [containersCol(o), imagesCol(o)],
  },
  DaemonSet: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    row: (o, c) => {
      const st = statusOf(o);
      const sel = ((specOf(o).template as { spec?: { nodeSelector?: Record<string, string> } } | undefined)?.spec?.nodeSelector ?? {});
      return [o.metadata.name, s(st.desiredNumberScheduled ?? 0), s(st.currentNumberScheduled ?? 0), s(st.numberReady ?? 0), s(st.updatedNumberScheduled ?? 0), s(st.numberAvailable ?? 0), none(Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(',')), ageOf(o, c)];
    },
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    wide: (o) => [containersCol(o), imagesCol(o), selectorCol(o)],
  },
  Job: {
    headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    row: (o, c) => {
      const st = statusOf(o);
      const conds = (st.conditions ?? []) as { type: string; status: string }[];
      const status = conds.some((x) => x.type === 'Complete' && x.status === 'True') ? 'Complete' : conds.some((x) => x.type === 'Failed' && x.status === 'True') ? 'Failed' : 'Running';
      const start = typeof st.startTime === 'string' ? Date.parse(st.startTime) : NaN;
      const end = typeof st.completionTime === 'string' ? Date.parse(st.completionTime) : EPOCH_MS + c.now * 1000;
      return [o.metadata.name, status, `${s(st.succeeded ?? 0)}/${s(specOf(o).completions ?? 1)}`, Number.isNaN(start) ? '' : humanDuration((end - start) / 1000), ageOf(o, c)];
    },
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    wide: (o) => [containersCol(o), imagesCol(o), selectorCol(o)],
  },
  CronJob: {
    headers: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    row: (o, c) => {
      const st = statusOf(o);
      const last = typeof st.lastScheduleTime === 'string' ? humanDuration(c.now - (Date.parse(st.lastScheduleTime) - EPOCH_MS) / 1000) : '<none>';
      return [o.metadata.name, s(specOf(o).schedule), none(s(specOf(o).timeZone)), specOf(o).suspend ? 'True' : 'False', s(((st.active ?? []) as unknown[]).length), last, ageOf(o, c)];
    },
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    wide: (o) => [containersCol(o), imagesCol(o), '<none>'],
  },
  Service: {
    headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    row: (o, c) => [o.metadata.name, s(specOf(o).type ?? 'ClusterIP'), none(s(specOf(o).clusterIP)), externalIp(o), servicePorts(o), ageOf(o, c)],
    wideHeaders: ['SELECTOR'],
    wide: (o) => [none(Object.entries((specOf(o).selector ?? {}) as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(','))],
  },
  Node: {
    headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    row: (o, c) => [o.metadata.name, nodeStatus(o), nodeRoles(o), ageOf(o, c), s((statusOf(o).nodeInfo as Spec | undefined)?.kubeletVersion)],
    wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    wide: (o) => {
      const info = (statusOf(o).nodeInfo ?? {}) as Spec;
      return [none(nodeAddress(o, 'InternalIP')), none(nodeAddress(o, 'ExternalIP')), s(info.osImage ?? '<unknown>'), s(info.kernelVersion ?? '<unknown>'), s(info.containerRuntimeVersion)];
    },
  },
  Namespace: { headers: ['NAME', 'STATUS', 'AGE'], row: (o, c) => [o.metadata.name, s(statusOf(o).phase ?? 'Active'), ageOf(o, c)] },
  ConfigMap: { headers: ['NAME', 'DATA', 'AGE'], row: (o, c) => [o.metadata.name, s(Object.keys((o as { data?: object }).data ?? {}).length + Object.keys((o as { binaryData?: object }).binaryData ?? {}).length), ageOf(o, c)] },
  Secret: { headers: ['NAME', 'TYPE', 'DATA', 'AGE'], row: (o, c) => [o.metadata.name, s((o as { type?: string }).type ?? 'Opaque'), s(Object.keys((o as { data?: object }).data ?? {}).length + Object.keys((o as { stringData?: object }).stringData ?? {}).length), ageOf(o, c)] },
  ServiceAccount: { headers: ['NAME', 'SECRETS', 'AGE'], row: (o, c) => [o.metadata.name, s(((o as { secrets?: unknown[] }).secrets ?? []).length), ageOf(o, c)] },
  Ingress: {
    headers: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
    row: (o, c) => {
      const spec = specOf(o);
      const hosts = ((spec.rules ?? []) as { host?: string }[]).map((r) => r.host ?? '*');
      return [o.metadata.name, none(s(spec.ingressClassName)), hosts.length ? hosts.join(',') : '*', '', (spec.tls as unknown[] | undefined)?.length ? '80, 443' : '80', ageOf(o, c)];
    },
  },
  NetworkPolicy: { headers: ['NAME', 'POD-SELECTOR', 'AGE'], row: (o, c) => [o.metadata.name, none(formatSelector(specOf(o).podSelector as never)), ageOf(o, c)] },
  PersistentVolumeClaim: {
    headers: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
    row: (o, c) => {
      const spec = specOf(o);
      const st = statusOf(o);
      const modes = ((st.accessModes ?? spec.accessModes ?? []) as string[]).map((m) => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' })[m] ?? m).join(',');
      const bound = st.phase === 'Bound';
      return [o.metadata.name, s(st.phase ?? 'Pending'), s(spec.volumeName), bound ? s((st.capacity as Spec | undefined)?.storage) : '', bound ? modes : '', none(s(spec.storageClassName)), '<unset>', ageOf(o, c)];
    },
  },
  HorizontalPodAutoscaler: {
    headers: ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
    row: (o, c) => {
      const spec = specOf(o);
      const ref = (spec.scaleTargetRef ?? {}) as { kind?: string; name?: string };
      const metrics = (spec.metrics ?? []) as { resource?: { name?: string; target?: { averageUtilization?: number } } }[];
      const current = (statusOf(o).currentMetrics ?? []) as { resource?: { current?: { averageUtilization?: number } } }[];
      const targets = metrics.map((m, i) => `${m.resource?.name ?? 'cpu'}: ${current[i]?.resource?.current?.averageUtilization !== undefined ? `${current[i].resource?.current?.averageUtilization}%` : '<unknown>'}/${m.resource?.target?.averageUtilization ?? 0}%`);
      return [o.metadata.name, `${ref.kind ?? ''}/${ref.name ?? ''}`, none(targets.join(', ')), s(spec.minReplicas ?? 1), s(spec.maxReplicas), s(statusOf(o).currentReplicas ?? 0), ageOf(o, c)];
    },
  },
  Role: { headers: ['NAME', 'CREATED AT'], row: (o) => [o.metadata.name, createdAt(o)] },
  ClusterRole: { headers: ['NAME', 'CREATED AT'], row: (o) => [o.metadata.name, createdAt(o)] },
  RoleBinding: {
    headers: ['NAME', 'ROLE', 'AGE'],
    row: (o, c) => {
      const ref = ((o as { roleRef?: { kind?: string; name?: string } }).roleRef ?? {});
      return [o.metadata.name, `${ref.kind ?? ''}/${ref.name ?? ''}`, ageOf(o, c)];
    },
    wideHeaders: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
    wide: (o) => [bindingSubjects(o, 'User'), bindingSubjects(o, 'Group'), bindingSubjects(o, 'ServiceAccount')],
  },
  EndpointSlice: {
    headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    row: (o, c) => {
      const sl = o as unknown as { addressType?: string; ports?: { port?: number }[]; endpoints?: { addresses: string[] }[] };
      const addrs = (sl.endpoints ?? []).flatMap((e) => e.addresses);
      return [o.metadata.name, s(sl.addressType), none((sl.ports ?? []).map((p) => s(p.port)).join(',')), addrs.length ? addrs.slice(0, 3).join(',') + (addrs.length > 3 ? ` + ${addrs.length - 3} more...` : '') : '<unset>', ageOf(o, c)];
    },
  },
  ResourceQuota: {
    headers: ['NAME', 'AGE', 'REQUEST', 'LIMIT'],
    row: (o, c) => {
      const st = statusOf(o) as { hard?: Record<string, string>; used?: Record<string, string> };
      const hard = st.hard ?? ((specOf(o).hard ?? {}) as Record<string, string>);
      const pair = (k: string) => `${k}: ${st.used?.[k] ?? '0'}/${hard[k]}`;
      const keys = Object.keys(hard).sort();
      return [o.metadata.name, ageOf(o, c), keys.filter((k) => !k.startsWith('limits.')).map(pair).join(', '), keys.filter((k) => k.startsWith('limits.')).map(pair).join(', ')];
    },
  },
};
COLUMNS.ClusterRoleBinding = COLUMNS.RoleBinding;

const GENERIC: Columns = { headers: ['NAME', 'AGE'], row: (o, c) => [o.metadata.name, ageOf(o, c)] };

export interface TableOptions {
  wide: boolean;
  /** `-A`: a NAMESPACE column first. */
  withNamespace: boolean;
  /** Several types at once: names as `pod/web-1`. */
  withKind: boolean;
  noHeaders?: boolean;
  showLabels?: boolean;
}

/** One kind's objects as kubectl's table. */
export function printTable(kind: string, objects: readonly KubeObject[], c: Cluster, opts: TableOptions): string {
  const cols = COLUMNS[kind] ?? GENERIC;
  const header = [...(opts.withNamespace && !isClusterScoped(kind) ? ['NAMESPACE'] : []), ...cols.headers, ...(opts.wide && cols.wideHeaders ? cols.wideHeaders : []), ...(opts.showLabels ? ['LABELS'] : [])];
  const rows = opts.noHeaders ? [] : [header];
  for (const o of objects) {
    const row = cols.row(o, c);
    if (opts.withKind) row[0] = objectName(kind, row[0]);
    rows.push([
      ...(opts.withNamespace && !isClusterScoped(kind) ? [nsOf(o)] : []),
      ...row,
      ...(opts.wide && cols.wide ? cols.wide(o, c) : []),
      ...(opts.showLabels ? [none(Object.entries(o.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(','))] : []),
    ]);
  }
  return table(rows);
}

/** The object as the API server returns it (`-o yaml`/`json`): apiVersion, kind, metadata, spec, status first. */
function served(o: KubeObject): Record<string, unknown> {
  const { apiVersion, kind, metadata, ...rest } = o;
  return { apiVersion, kind, metadata, ...rest };
}

/** `-o yaml`: keys sorted as kubectl (sigs.k8s.io/yaml marshals through JSON maps) prints them. */
export function printYaml(objects: readonly KubeObject[], single: boolean): string {
  const value = single ? served(objects[0]) : { apiVersion: 'v1', items: objects.map(served), kind: 'List', metadata: { resourceVersion: '' } };
  return dump(value, { sortKeys: true, lineWidth: -1, noRefs: true });
}

/** `-o json`: four-space indent, as kubectl's JSON printer. */
export function printJson(objects: readonly KubeObject[], single: boolean): string {
  const value = single ? served(objects[0]) : { apiVersion: 'v1', items: objects.map(served), kind: 'List', metadata: { resourceVersion: '' } };
  return JSON.stringify(value, null, 4) + '\n';
}

export { revisionOf };
