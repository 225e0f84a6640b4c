/**
 * `kubectl describe` output (k8s.io/kubectl pkg/describe/describe.go): Pod, Deployment, Service
 * and Node describers, a generic one for other kinds, and the object's Events at the bottom.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { formatSelector } from '../../model/selector';
import type { KubeObject } from '../../model/object';
import { EPOCH_MS } from '../apiserver';
import type { Cluster } from '../cluster';
import { controllerRef } from '../controllers/util';
import { humanDuration } from '../format';
import { podStatus } from '../report';
import { isClusterScoped, nsOf } from '../store';
import type { EventRecord } from '../types';
import { describeBinding, describeRole } from './describeRbac';
import { nodeAddress, nodeStatus } from './printers';
import { DescribeWriter } from './tabwriter';

type Spec = Record<string, unknown>;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 1123 with numeric zone, as describe prints times: `Thu, 01 Jan 2026 00:00:00 +0000`. */
export function rfc1123(iso: string | undefined): string {
  if (!iso) return '<unset>';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** Labels or annotations: first on the label line, the rest on their own lines. */
function mapLines(w: DescribeWriter, title: string, m: Record<string, string> | undefined, sep = '='): void {
  const entries = Object.entries(m ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return w.line(0, `${title}:`, '<none>');
  entries.forEach(([k, v], i) => w.line(0, i === 0 ? `${title}:` : '', `${k}${sep}${v}`));
}

/** The Events section for one object. */
export function eventsSection(w: DescribeWriter, c: Cluster, o: KubeObject, level = 0): void {
  const object = `${o.kind}/${o.metadata.name}`;
  const ns = nsOf(o) || 'default';
  const events = c.events.filter((e) => e.object === object && e.namespace === ns).sort((a, b) => a.firstTime - b.firstTime);
  if (events.length === 0) return w.line(level, 'Events:', '<none>');
  w.line(level, 'Events:');
  w.line(level + 1, 'Type', 'Reason', 'Age', 'From', 'Message');
  w.line(level + 1, '----', '------', '----', '----', '-------');
  for (const e of events) w.line(level + 1, e.type, e.reason, eventAge(e, c.now), e.source, e.message);
}

function eventAge(e: EventRecord, now: number): string {
  // describe.go: `3m (x5 over 10m)` for repeated events.
  return e.count > 1 ? `${humanDuration(now - e.lastTime)} (x${e.count} over ${humanDuration(now - e.firstTime)})` : humanDuration(now - e.firstTime);
}

function containerLines(w: DescribeWriter, cs: Container[], status: Pod['status'], level: number, template = false): void {
  for (const ct of cs) {
    const st = status?.containerStatuses?.find((x) => x.name === ct.name);
    // describe.go describeContainers: a template's containers are written with a one-space prefix at LEVEL_1.
    if (template) w.indented('   ', `${ct.name}:`);
    else w.line(level, `${ct.name}:`);
    if (st?.containerID) w.line(level + 1, 'Container ID:', st.containerID);
    w.line(level + 1, 'Image:', ct.image ?? '');
    if (status) w.line(level + 1, 'Image ID:', st?.imageID ?? '');
    const ports = ct.ports ?? [];
    if (ports.length === 0) w.line(level + 1, 'Port:', '<none>');
    else w.line(level + 1, ports.length > 1 ? 'Ports:' : 'Port:', ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', '));
    w.line(level + 1, ports.length > 1 ? 'Host Ports:' : 'Host Port:', ports.length ? ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>');
    if (status) {
      const state = st?.state;
      if (state?.running) {
        w.line(level + 1, 'State:', 'Running');
        w.line(level + 2, 'Started:', rfc1123(state.running.startedAt));
      } else if (state?.waiting) {
        w.line(level + 1, 'State:', 'Waiting');
        w.line(level + 2, 'Reason:', state.waiting.reason ?? '');
      } else if (state?.terminated) {
        w.line(level + 1, 'State:', 'Terminated');
        w.line(level + 2, 'Reason:', state.terminated.reason ?? '');
        w.line(level + 2, 'Exit Code:', String(state.terminated.exitCode ?? 0));
      } else w.line(level + 1, 'State:', 'Waiting');
      const last = st?.lastState?.terminated;
      if (last) {
        w.line(level + 1, 'Last State:', 'Terminated');
        w.line(level + 2, 'Reason:', last.reason ?? 'Error');
        w.line(level + 2, 'Exit Code:', String(last.exitCode ?? 1));
        if (last.startedAt) w.line(level + 2, 'Started:', rfc1123(last.startedAt));
        if (last.finishedAt) w.line(level + 2, 'Finished:', rfc1123(last.finishedAt));
      }
      w.line(level + 1, 'Ready:', st?.ready ? 'True' : 'False');
      w.line(level + 1, 'Restart Count:', String(st?.restartCount ?? 0));
    }
    for (const [title, m] of [['Limits', ct.resources?.limits], ['Requests', ct.resources?.requests]] as const) {
      const entries = Object.entries(m ?? {});
      if (entries.length === 0) continue;
      w.line(level + 1, `${title}:`);
      for (const [k, v] of entries.sort()) w.line(level + 2, `${k}:`, String(v));
    }
    if (ct.readinessProbe) w.line(level + 1, 'Readiness:', probeText(ct.readinessProbe));
    if (ct.livenessProbe) w.line(level + 1, 'Liveness:', probeText(ct.livenessProbe));
    const env = ct.env ?? [];
    const envFrom = ct.envFrom ?? [];
    if (env.length === 0 && envFrom.length === 0) w.line(level + 1, 'Environment:', '<none>');
    else {
      if (envFrom.length) {
        w.line(level + 1, 'Environment Variables from:');
        for (const f of envFrom) {
          if (f.configMapRef) w.line(level + 2, f.configMapRef.name ?? '', `ConfigMap  Optional: ${f.configMapRef.optional ? 'true' : 'false'}`);
          if (f.secretRef) w.line(level + 2, f.secretRef.name ?? '', `Secret  Optional: ${f.secretRef.optional ? 'true' : 'false'}`);
        }
      }
      if (env.length) {
        w.line(level + 1, 'Environment:');
        for (const e of env) {
          const from = e.valueFrom;
          const value = e.value ?? (from?.secretKeyRef ? `<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name}'>  Optional: false`
            : from?.configMapKeyRef ? `<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name}'>  Optional: false`
            : from?.fieldRef ? ` (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})` : '');
          w.line(level + 2, `${e.name}:`, value);
        }
      }
    }
    const mounts = ct.volumeMounts ?? [];
    if (mounts.length === 0) w.line(level + 1, 'Mounts:', '<none>');
    else {
      w.line(level + 1, 'Mounts:');
      for (const m of mounts) w.line(level + 2, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`);
    }
  }
}

function probeText(p: NonNullable<Container['readinessProbe']>): string {
  const kind = p.httpGet ? `http-get ${p.httpGet.scheme === 'HTTPS' ? 'https' : 'http'}://:${String(p.httpGet.port)}${p.httpGet.path ?? '/'}`
    : p.tcpSocket ? `tcp-socket :${String(p.tcpSocket.port)}` : p.exec ? `exec [${(p.exec.command ?? []).join(' ')}]` : 'unknown';
  return `${kind} delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
}

function describePod(c: Cluster, o: KubeObject): string {
  const p = o as Pod & KubeObject;
  const w = new DescribeWriter();
  const node = p.spec?.nodeName;
  w.line(0, 'Name:', p.metadata.name);
  w.line(0, 'Namespace:', nsOf(p));
  w.line(0, 'Priority:', String(p.spec?.priority ?? 0));
  w.line(0, 'Service Account:', p.spec?.serviceAccountName ?? 'default');
  w.line(0, 'Node:', node ? `${node}/${p.status?.hostIP ?? ''}` : '<none>');
  if (p.status?.startTime) w.line(0, 'Start Time:', rfc1123(p.status.startTime));
  mapLines(w, 'Labels', p.metadata.labels);
  mapLines(w, 'Annotations', p.metadata.annotations, ': ');
  w.line(0, 'Status:', p.metadata.deletionTimestamp ? 'Terminating' : p.status?.phase ?? 'Pending');
  if (p.status?.reason) w.line(0, 'Reason:', p.status.reason);
  if (p.status?.message) w.line(0, 'Message:', p.status.message);
  w.line(0, 'IP:', p.status?.podIP ?? '');
  const ips = p.status?.podIPs ?? (p.status?.podIP ? [{ ip: p.status.podIP }] : []);
  if (ips.length === 0) w.line(0, 'IPs:', '<none>');
  else {
    w.line(0, 'IPs:');
    for (const ip of ips) w.line(1, 'IP:', ip.ip ?? '');
  }
  const ref = controllerRef(p);
  if (ref) w.line(0, 'Controlled By:', `${ref.kind}/${ref.name}`);
  w.line(0, 'Containers:');
  containerLines(w, p.spec?.containers ?? [], p.status ?? {}, 1);
  const conds = p.status?.conditions ?? [];
  if (conds.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type', 'Status');
    for (const cd of conds) w.line(1, cd.type, cd.status);
  }
  const volumes = p.spec?.volumes ?? [];
  if (volumes.length === 0) w.line(0, 'Volumes:', '<none>');
  else {
    w.line(0, 'Volumes:');
    for (const v of volumes) {
      w.line(1, `${v.name}:`);
      if (v.configMap) {
        w.line(2, 'Type:', 'ConfigMap (a volume populated by a ConfigMap)');
        w.line(2, 'Name:', v.configMap.name ?? '');
        w.line(2, 'Optional:', v.configMap.optional ? 'true' : 'false');
      } else if (v.secret) {
        w.line(2, 'Type:', 'Secret (a volume populated by a Secret)');
        w.line(2, 'SecretName:', v.secret.secretName ?? '');
        w.line(2, 'Optional:', v.secret.optional ? 'true' : 'false');
      } else if (v.persistentVolumeClaim) {
        w.line(2, 'Type:', 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)');
        w.line(2, 'ClaimName:', v.persistentVolumeClaim.claimName);
        w.line(2, 'ReadOnly:', v.persistentVolumeClaim.readOnly ? 'true' : 'false');
      } else if (v.emptyDir) {
        w.line(2, 'Type:', 'EmptyDir (a temporary directory that shares a pod\'s lifetime)');
        w.line(2, 'Medium:', v.emptyDir.medium ?? '');
      } else w.line(2, 'Type:', Object.keys(v).find((k) => k !== 'name') ?? '<unknown>');
    }
  }
  w.line(0, 'QoS Class:', p.status?.qosClass ?? 'BestEffort');
  const sel = Object.entries(p.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`);
  w.line(0, 'Node-Selectors:', sel.length ? sel.join('\n') : '<none>');
  const tol = (p.spec?.tolerations ?? []).map((t) => `${t.key ?? ''}${t.operator === 'Exists' ? '' : t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}${t.operator === 'Exists' && !t.key ? '' : t.operator === 'Exists' ? ' op=Exists' : ''}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`);
  tol.forEach((t, i) => w.line(0, i === 0 ? 'Tolerations:' : '', t));
  if (tol.length === 0) w.line(0, 'Tolerations:', '<none>');
  eventsSection(w, c, p);
  return w.toString();
}

function describeDeployment(c: Cluster, o: KubeObject): string {
  const w = new DescribeWriter();
  const spec = (o.spec ?? {}) as Spec & { strategy?: { type?: string; rollingUpdate?: { maxSurge?: string | number; maxUnavailable?: string | number } }; template?: { metadata?: { labels?: Record<string, string> }; spec?: Pod['spec'] } };
  const st = (o.status ?? {}) as Spec & { conditions?: { type: string; status: string; reason?: string }[] };
  w.line(0, 'Name:', o.metadata.name);
  w.line(0, 'Namespace:', nsOf(o));
  w.line(0, 'CreationTimestamp:', rfc1123(o.metadata.creationTimestamp));
  mapLines(w, 'Labels', o.metadata.labels);
  mapLines(w, 'Annotations', o.metadata.annotations, ': ');
  w.line(0, 'Selector:', formatSelector(spec.selector as never) || '<none>');
  const desired = (spec.replicas as number | undefined) ?? 1;
  const total = (st.replicas as number | undefined) ?? 0;
  const available = (st.availableReplicas as number | undefined) ?? 0;
  w.line(0, 'Replicas:', `${desired} desired | ${(st.updatedReplicas as number | undefined) ?? 0} updated | ${total} total | ${available} available | ${(st.unavailableReplicas as number | undefined) ?? Math.max(0, total - available)} unavailable`);
  const type = spec.strategy?.type ?? 'RollingUpdate';
  w.line(0, 'StrategyType:', type);
  w.line(0, 'MinReadySeconds:', String(spec.minReadySeconds ?? 0));
  if (type === 'RollingUpdate') w.line(0, 'RollingUpdateStrategy:', `${String(spec.strategy?.rollingUpdate?.maxUnavailable ?? '25%')} max unavailable, ${String(spec.strategy?.rollingUpdate?.maxSurge ?? '25%')} max surge`);
  w.line(0, 'Pod Template:');
  const labels = Object.entries(spec.template?.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`);
  labels.forEach((l, i) => w.line(1, i === 0 ? 'Labels:' : '', l));
  if (labels.length === 0) w.line(1, 'Labels:', '<none>');
  w.line(1, 'Containers:');
  containerLines(w, spec.template?.spec?.containers ?? [], undefined, 1, true);
  const vols = spec.template?.spec?.volumes ?? [];
  w.line(1, 'Volumes:', vols.length ? vols.map((v) => v.name).join(', ') : '<none>');
  w.line(1, 'Node-Selectors:', Object.entries(spec.template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>');
  w.line(1, 'Tolerations:', (spec.template?.spec?.tolerations ?? []).length ? (spec.template?.spec?.tolerations ?? []).map((t) => `${t.key ?? ''}:${t.effect ?? ''}`).join(', ') : '<none>');
  if (st.conditions?.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type', 'Status', 'Reason');
    w.line(1, '----', '------', '------');
    for (const cd of st.conditions) w.line(1, cd.type, cd.status, cd.reason ?? '');
  }
  const rss = c.store.list('ReplicaSet', nsOf(o)).filter((rs) => controllerRef(rs)?.uid === o.metadata.uid);
  const current = o.metadata.annotations?.['deployment.kubernetes.io/revision'];
  const isNew = (rs: KubeObject) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === current;
  const rsText = (rs: KubeObject) => `${rs.metadata.name} (${String((rs.status as Spec | undefined)?.replicas ?? 0)}/${String((rs.spec as Spec | undefined)?.replicas ?? 0)} replicas created)`;
  const old = rss.filter((rs) => !isNew(rs) && ((rs.spec as Spec | undefined)?.replicas as number | undefined ?? 0) > 0);
  w.line(0, 'OldReplicaSets:', old.length ? old.map(rsText).join(', ') : '<none>');
  const fresh = rss.find(isNew);
  w.line(0, 'NewReplicaSet:', fresh ? rsText(fresh) : '<none>');
  eventsSection(w, c, o);
  return w.toString();
}

function describeService(c: Cluster, o: KubeObject): string {
  const w = new DescribeWriter();
  const spec = (o.spec ?? {}) as Spec & { ports?: { name?: string; port: number; targetPort?: number | string; nodePort?: number; protocol?: string }[]; selector?: Record<string, string> };
  w.line(0, 'Name:', o.metadata.name);
  w.line(0, 'Namespace:', nsOf(o));
  mapLines(w, 'Labels', o.metadata.labels);
  mapLines(w, 'Annotations', o.metadata.annotations, ': ');
  w.line(0, 'Selector:', Object.entries(spec.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>');
  w.line(0, 'Type:', String(spec.type ?? 'ClusterIP'));
  w.line(0, 'IP Family Policy:', 'SingleStack');
  w.line(0, 'IP Families:', 'IPv4');
  w.line(0, 'IP:', String(spec.clusterIP ?? ''));
  w.line(0, 'IPs:', String(spec.clusterIP ?? ''));
  const slices = c.store.list('EndpointSlice', nsOf(o)).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === o.metadata.name);
  for (const port of spec.ports ?? []) {
    const name = port.name || '<unset>';
    w.line(0, 'Port:', name, `${port.port}/${port.protocol ?? 'TCP'}`);
    w.line(0, 'TargetPort:', `${String(port.targetPort ?? port.port)}/${port.protocol ?? 'TCP'}`);
    if (port.nodePort) w.line(0, 'NodePort:', name, `${port.nodePort}/${port.protocol ?? 'TCP'}`);
    const eps = slices.flatMap((s) => {
      const sl = s as unknown as { ports?: { name?: string; port?: number }[]; endpoints?: { addresses: string[]; conditions?: { ready?: boolean } }[] };
      const sp = (sl.ports ?? []).find((x) => (x.name ?? '') === (port.name ?? ''));
      return sp ? (sl.endpoints ?? []).filter((e) => e.conditions?.ready).map((e) => `${e.addresses[0]}:${sp.port}`) : [];
    });
    w.line(0, 'Endpoints:', eps.length ? eps.join(',') : '');
  }
  w.line(0, 'Session Affinity:', String(spec.sessionAffinity ?? 'None'));
  w.line(0, 'Internal Traffic Policy:', String(spec.internalTrafficPolicy ?? 'Cluster'));
  eventsSection(w, c, o);
  return w.toString();
}

function describeNode(c: Cluster, o: KubeObject): string {
  const w = new DescribeWriter();
  const spec = (o.spec ?? {}) as Spec & { taints?: { key: string; value?: string; effect: string }[]; unschedulable?: boolean };
  const st = (o.status ?? {}) as Spec & { capacity?: Record<string, string>; allocatable?: Record<string, string>; conditions?: { type: string; status: string; reason?: string; message?: string }[]; nodeInfo?: Record<string, string> };
  w.line(0, 'Name:', o.metadata.name);
  w.line(0, 'Roles:', '<none>');
  mapLines(w, 'Labels', o.metadata.labels);
  mapLines(w, 'Annotations', o.metadata.annotations, ': ');
  w.line(0, 'CreationTimestamp:', rfc1123(o.metadata.creationTimestamp));
  const taints = (spec.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  taints.forEach((t, i) => w.line(0, i === 0 ? 'Taints:' : '', t));
  if (taints.length === 0) w.line(0, 'Taints:', '<none>');
  w.line(0, 'Unschedulable:', spec.unschedulable ? 'true' : 'false');
  w.line(0, 'Conditions:');
  w.line(1, 'Type', 'Status', 'Reason', 'Message');
  w.line(1, '----', '------', '------', '-------');
  for (const cd of st.conditions ?? []) w.line(1, cd.type, cd.status, cd.reason ?? '', cd.message ?? '');
  w.line(0, 'Addresses:');
  w.line(1, 'InternalIP:', nodeAddress(o, 'InternalIP'));
  w.line(1, 'Hostname:', o.metadata.name);
  for (const [title, m] of [['Capacity', st.capacity], ['Allocatable', st.allocatable]] as const) {
    w.line(0, `${title}:`);
    for (const [k, v] of Object.entries(m ?? {})) w.line(1, `${k}:`, String(v));
  }
  w.line(0, 'System Info:');
  w.line(1, 'Kubelet Version:', st.nodeInfo?.kubeletVersion ?? '');
  w.line(1, 'Container Runtime Version:', st.nodeInfo?.containerRuntimeVersion ?? '');
  w.line(1, 'Operating System:', st.nodeInfo?.operatingSystem ?? '');
  w.line(1, 'Architecture:', st.nodeInfo?.architecture ?? '');
  const pods = c.store.podsOnNode(o.metadata.name).filter((p) => !p.metadata.deletionTimestamp);
  w.line(0, 'Non-terminated Pods:', `(${pods.length} in total)`);
  w.line(1, 'Namespace', 'Name', 'CPU Requests', 'Memory Requests', 'Age');
  w.line(1, '---------', '----', '------------', '---------------', '---');
  for (const p of pods) {
    const req = ((p.spec as Pod['spec'])?.containers ?? []).map((x) => x.resources?.requests ?? {});
    const cpu = req.map((r) => r.cpu).filter(Boolean).join('+') || '0 (0%)';
    const mem = req.map((r) => r.memory).filter(Boolean).join('+') || '0 (0%)';
    w.line(1, nsOf(p), p.metadata.name, String(cpu), String(mem), podAge(c, p));
  }
  w.line(0, 'Status:', nodeStatus(o));
  eventsSection(w, c, o);
  return w.toString();
}

function podAge(c: Cluster, o: KubeObject): string {
  const t = o.metadata.creationTimestamp;
  return humanDuration(t ? c.now - (Date.parse(t) - EPOCH_MS) / 1000 : c.now);
}

/** describe.go smartLabelFor: `creationTimestamp` → `Creation Timestamp`. */
function smartLabel(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, (ch) => ch.toUpperCase());
}

function genericValue(w: DescribeWriter, key: string, v: unknown, level: number): void {
  if (Array.isArray(v)) {
    w.line(level, `${smartLabel(key)}:`);
    for (const item of v) {
      if (item && typeof item === 'object') {
        const entries = Object.entries(item as object);
        entries.forEach(([k, x], i) => genericValue(w, (i === 0 ? '' : '') + k, x, level + 1));
      } else w.line(level + 1, String(item));
    }
  } else if (v && typeof v === 'object') {
    w.line(level, `${smartLabel(key)}:`);
    for (const [k, x] of Object.entries(v as object)) genericValue(w, k, x, level + 1);
  } else w.line(level, `${smartLabel(key)}:`, String(v));
}

/** describe.go GenericDescriberFor: the object's fields with title-case labels. */
function describeGeneric(c: Cluster, o: KubeObject): string {
  const w = new DescribeWriter();
  w.line(0, 'Name:', o.metadata.name);
  if (!isClusterScoped(o.kind)) w.line(0, 'Namespace:', nsOf(o));
  mapLines(w, 'Labels', o.metadata.labels);
  mapLines(w, 'Annotations', o.metadata.annotations, ': ');
  const { apiVersion, kind, metadata: _metadata, ...rest } = o;
  void _metadata;
  w.line(0, 'API Version:', String(apiVersion));
  if (o.kind === 'ConfigMap' || o.kind === 'Secret') return describeData(c, o);
  w.line(0, 'Kind:', String(kind));
  for (const [k, v] of Object.entries(rest)) genericValue(w, k, v, 0);
  eventsSection(w, c, o);
  return w.toString();
}

/** ConfigMap and Secret: the data keys (a Secret's values as byte counts, never the values). */
function describeData(c: Cluster, o: KubeObject): string {
  const w = new DescribeWriter();
  w.line(0, 'Name:', o.metadata.name);
  w.line(0, 'Namespace:', nsOf(o));
  mapLines(w, 'Labels', o.metadata.labels);
  mapLines(w, 'Annotations', o.metadata.annotations, ': ');
  const data = { ...((o as { data?: Record<string, string> }).data ?? {}), ...((o as { stringData?: Record<string, string> }).stringData ?? {}) };
  if (o.kind === 'Secret') {
    w.line(0, '');
    w.line(0, 'Type:', (o as { type?: string }).type ?? 'Opaque');
    w.line(0, '');
    w.line(0, 'Data');
    w.line(0, '====');
    const raw = (o as { data?: Record<string, string> }).data ?? {};
    for (const [k, v] of Object.entries(data)) w.line(0, `${k}:`, `${k in raw ? Math.floor((v.replace(/=+$/, '').length * 3) / 4) : v.length} bytes`);
  } else {
    w.line(0, '');
    w.line(0, 'Data');
    w.line(0, '====');
    for (const [k, v] of Object.entries(data)) {
      w.line(0, `${k}:`);
      w.line(0, '----');
      w.line(0, v);
      w.line(0, '');
    }
    w.line(0, '');
    w.line(0, 'BinaryData');
    w.line(0, '====');
    w.line(0, '');
  }
  eventsSection(w, c, o);
  return w.toString();
}

/**
 * kubectl's HorizontalPodAutoscalerDescriber (staging/src/k8s.io/kubectl/pkg/describe/describe.go,
 * autoscaling/v2): the target, each metric as `current / target`, the replica bounds, the target's
 * pods, then the events. Conditions are printed when the status has them (the simulated controller
 * writes none). Without `spec.metrics` the API server's default applies: cpu at 80 % of request.
 */
function describeHPA(c: Cluster, o: KubeObject): string {
  type Target = { type?: string; averageUtilization?: number; averageValue?: string };
  type Metric = { type: string; resource?: { name: string; target?: Target; current?: { averageUtilization?: number; averageValue?: string } } };
  const spec = (o.spec ?? {}) as { scaleTargetRef?: { kind?: string; name?: string }; metrics?: Metric[]; minReplicas?: number; maxReplicas?: number };
  const st = (o.status ?? {}) as { currentMetrics?: Metric[]; currentReplicas?: number; desiredReplicas?: number; conditions?: { type: string; status: string; reason?: string; message?: string }[] };
  const w = new DescribeWriter();
  w.line(0, 'Name:', o.metadata.name);
  w.line(0, 'Namespace:', nsOf(o));
  mapLines(w, 'Labels', o.metadata.labels);
  mapLines(w, 'Annotations', o.metadata.annotations, ': ');
  w.line(0, 'CreationTimestamp:', rfc1123(o.metadata.creationTimestamp));
  const kind = spec.scaleTargetRef?.kind ?? '';
  w.line(0, 'Reference:', `${kind}/${spec.scaleTargetRef?.name ?? ''}`);
  w.line(0, 'Metrics:', '( current / target )');
  const metrics = spec.metrics?.length ? spec.metrics : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  metrics.forEach((m, i) => {
    if (m.type !== 'Resource' || !m.resource) {
      w.line(1, `"${m.type}" (unsupported by the simulator):`, '<unknown> / <unknown>');
      return;
    }
    const current = st.currentMetrics?.[i]?.resource?.current;
    const target = m.resource.target ?? {};
    if (target.averageValue !== undefined) {
      w.line(1, `resource ${m.resource.name} on pods:`, `${current?.averageValue ?? '<unknown>'} / ${target.averageValue}`);
    } else {
      const now = current?.averageUtilization !== undefined ? `${current.averageUtilization}% (${current.averageValue ?? '0'})` : '<unknown>';
      w.line(1, `resource ${m.resource.name} on pods  (as a percentage of request):`, `${now} / ${target.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>'}`);
    }
  });
  w.line(0, 'Min replicas:', spec.minReplicas !== undefined ? String(spec.minReplicas) : '<unset>');
  w.line(0, 'Max replicas:', String(spec.maxReplicas ?? 0));
  w.line(0, `${kind} pods:`, `${st.currentReplicas ?? 0} current / ${st.desiredReplicas ?? 0} desired`);
  if (st.conditions?.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type', 'Status', 'Reason', 'Message');
    w.line(1, '----', '------', '------', '-------');
    for (const cd of st.conditions) w.line(1, cd.type, cd.status, cd.reason ?? '', cd.message ?? '');
  }
  eventsSection(w, c, o);
  return w.toString();
}

const DESCRIBERS: Record<string, (c: Cluster, o: KubeObject) => string> = {
  Pod: describePod,
  Deployment: describeDeployment,
  Service: describeService,
  Node: describeNode,
  HorizontalPodAutoscaler: describeHPA,
  Role: (_c, o) => describeRole(o, mapLines),
  ClusterRole: (_c, o) => describeRole(o, mapLines),
  RoleBinding: (_c, o) => describeBinding(o, mapLines),
  ClusterRoleBinding: (_c, o) => describeBinding(o, mapLines),
};

export function describeObject(c: Cluster, o: KubeObject): string {
  return (DESCRIBERS[o.kind] ?? describeGeneric)(c, o);
}

export { podStatus };
