/**
 * Dragging a connection writes the real field (DESIGN.md decision 2): a Service's selector, an
 * Ingress backend, a volume and its mount, envFrom, a claim's volumeName, a policy's podSelector
 * or peer, an HPA's scaleTargetRef. Inputs are never mutated: changed objects come back as clones.
 * Connecting twice changes nothing the second time.
 */
import type { Container, PersistentVolume, PersistentVolumeClaim, PodSpec, PodTemplateSpec, Service } from 'kubernetes-types/core/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Ingress, IngressServiceBackend, NetworkPolicy, NetworkPolicyPeer } from 'kubernetes-types/networking/v1';
import { getKindModule } from '../kinds/registry';
import { cloneJson, type KubeObject } from '../model/object';
import { namespaceOf, type ObjectIndex } from '../model/objectIndex';
import { pvClassOf, volumeMismatch } from './storage';

export type ConnectResult = { ok: true; changed: KubeObject[] } | { ok: false; message: string };

const POD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'];
const SCALABLE = ['Deployment', 'StatefulSet'];

type Connector = (source: KubeObject, target: KubeObject, index: ObjectIndex) => ConnectResult;

const CONNECTORS = new Map<string, Connector>();
const on = (sources: string[], targets: string[], connector: Connector) => {
  for (const s of sources) for (const t of targets) CONNECTORS.set(`${s}->${t}`, connector);
};
on(['Service'], POD_KINDS, serviceSelects);
on(['Ingress'], ['Service'], ingressRoutes);
on(POD_KINDS, ['PersistentVolumeClaim'], workloadMounts);
on(POD_KINDS, ['ConfigMap', 'Secret'], workloadImports);
on(['PersistentVolumeClaim'], ['PersistentVolume'], claimBindsVolume);
on(['PersistentVolumeClaim'], ['StorageClass'], claimUsesClass);
on(['NetworkPolicy'], POD_KINDS, policySelects);
on(POD_KINDS, ['NetworkPolicy'], workloadAllowedByPolicy);
on(['HorizontalPodAutoscaler'], SCALABLE, autoscalerScales);

/** Whether a connection can be drawn from an object of `sourceKind` to one of `targetKind`. */
export function canConnect(sourceKind: string, targetKind: string): boolean {
  return CONNECTORS.has(`${sourceKind}->${targetKind}`);
}

/** Writes the field that makes `source` refer to `target`; returns the new versions of changed objects. */
export function connect(source: KubeObject, target: KubeObject, index: ObjectIndex): ConnectResult {
  const connector = CONNECTORS.get(`${source.kind}->${target.kind}`);
  if (!connector) return fail(`A ${source.kind} cannot be connected to a ${target.kind}.`);
  return connector(source, target, index);
}

// --- Service → pods ---------------------------------------------------------------------------

function serviceSelects(source: KubeObject, target: KubeObject): ConnectResult {
  const sameNs = requireSameNamespace(source, target, 'A Service selects pods in its own namespace only');
  if (sameNs) return sameNs;
  const labels = templateLabels(target);
  if (!labels) return noLabels(target, 'a Service selects pods by their labels');
  return edit(source, (svc: Service) => {
    svc.spec ??= {};
    svc.spec.selector = { ...labels };
  });
}

// --- Ingress → Service ------------------------------------------------------------------------

function ingressRoutes(source: KubeObject, target: KubeObject): ConnectResult {
  const sameNs = requireSameNamespace(source, target, 'An Ingress routes to Services in its own namespace only');
  if (sameNs) return sameNs;
  const port = (target as Service).spec?.ports?.[0];
  if (!port) return fail(`Service "${target.metadata.name}" has no ports: give it a port before routing an Ingress to it.`);
  const name = target.metadata.name;
  const backend: IngressServiceBackend = { name, port: port.name ? { name: port.name } : { number: port.port } };
  return edit(source, (ing: Ingress) => {
    ing.spec ??= {};
    const already = ing.spec.defaultBackend?.service?.name === name ||
      (ing.spec.rules ?? []).some((r) => (r.http?.paths ?? []).some((p) => p.backend?.service?.name === name));
    if (already) return;
    ing.spec.rules ??= [];
    let rule = ing.spec.rules.find((r) => r.http);
    if (!rule) ing.spec.rules.push((rule = { http: { paths: [] } }));
    const paths = rule.http!.paths;
    // `/` for the first Service; a second Service in the same rule gets its own prefix.
    const path = paths.some((p) => (p.path ?? '/') === '/') ? `/${name}` : '/';
    paths.push({ path, pathType: 'Prefix', backend: { service: backend } });
  });
}

// --- workload → PVC, ConfigMap, Secret -------------------------------------------------------

function workloadMounts(source: KubeObject, target: KubeObject): ConnectResult {
  const sameNs = requireSameNamespace(source, target, 'Pods mount claims from their own namespace only');
  if (sameNs) return sameNs;
  const claimName = target.metadata.name;
  return editPodSpec(source, (spec, container) => {
    spec.volumes ??= [];
    if (spec.volumes.some((v) => v.persistentVolumeClaim?.claimName === claimName)) return;
    const volumeName = unique(volumeNameFor(claimName), new Set(spec.volumes.map((v) => v.name)), (base, n) => `${base}-${n}`);
    spec.volumes.push({ name: volumeName, persistentVolumeClaim: { claimName } });
    container.volumeMounts ??= [];
    const mountPath = unique('/data', new Set(container.volumeMounts.map((m) => m.mountPath)), (base, n) => `${base}-${n}`);
    container.volumeMounts.push({ name: volumeName, mountPath });
  });
}

function workloadImports(source: KubeObject, target: KubeObject): ConnectResult {
  const sameNs = requireSameNamespace(source, target, `Pods read ${target.kind}s from their own namespace only`);
  if (sameNs) return sameNs;
  const name = target.metadata.name;
  const isSecret = target.kind === 'Secret';
  return editPodSpec(source, (_spec, container) => {
    container.envFrom ??= [];
    if (container.envFrom.some((e) => (isSecret ? e.secretRef?.name : e.configMapRef?.name) === name)) return;
    container.envFrom.push(isSecret ? { secretRef: { name } } : { configMapRef: { name } });
  });
}

// --- PVC → PV, StorageClass -------------------------------------------------------------------

function claimBindsVolume(source: KubeObject, target: KubeObject): ConnectResult {
  const pvClass = pvClassOf(target);
  const ref = (target as PersistentVolume).spec?.claimRef;
  const ns = namespaceOf(source);
  if (ref?.name && (ref.name !== source.metadata.name || (ref.namespace || 'default') !== ns)) {
    return fail(`PersistentVolume "${target.metadata.name}" is reserved for claim ${ref.namespace || 'default'}/${ref.name} (its claimRef).`);
  }
  const reason = volumeMismatch(target, (source as PersistentVolumeClaim).spec, pvClass);
  if (reason) return fail(`Cannot bind to requested volume "${target.metadata.name}": ${reason}`);
  return edit(source, (pvc: PersistentVolumeClaim) => {
    pvc.spec ??= {};
    pvc.spec.volumeName = target.metadata.name;
    // The claim must ask for the volume's class ("" for a class-less volume, or the default class would be set).
    pvc.spec.storageClassName = pvClass;
  });
}

function claimUsesClass(source: KubeObject, target: KubeObject): ConnectResult {
  return edit(source, (pvc: PersistentVolumeClaim) => {
    pvc.spec ??= {};
    if (pvc.spec.storageClassName === target.metadata.name) return;
    pvc.spec.storageClassName = target.metadata.name;
    // A volumeName of another class could never bind now: let the class provision instead.
    delete pvc.spec.volumeName;
  });
}

// --- NetworkPolicy ----------------------------------------------------------------------------

function policySelects(source: KubeObject, target: KubeObject): ConnectResult {
  const sameNs = requireSameNamespace(source, target, 'A NetworkPolicy selects pods in its own namespace only');
  if (sameNs) return sameNs;
  const labels = templateLabels(target);
  if (!labels) return noLabels(target, 'a NetworkPolicy selects pods by their labels');
  return edit(source, (np: NetworkPolicy) => {
    np.spec ??= { podSelector: {} };
    np.spec.podSelector = { matchLabels: { ...labels } };
  });
}

function workloadAllowedByPolicy(source: KubeObject, target: KubeObject): ConnectResult {
  const labels = templateLabels(source);
  if (!labels) return noLabels(source, 'a NetworkPolicy peer matches pods by their labels');
  const sourceNs = namespaceOf(source);
  const peer: NetworkPolicyPeer = { podSelector: { matchLabels: { ...labels } } };
  // A podSelector alone means the policy's namespace; pods elsewhere need their namespace too (AND, one item).
  if (sourceNs !== namespaceOf(target)) peer.namespaceSelector = { matchLabels: { 'kubernetes.io/metadata.name': sourceNs } };
  return edit(target, (np: NetworkPolicy) => {
    np.spec ??= { podSelector: {} };
    np.spec.ingress ??= [];
    const same = JSON.stringify(peer);
    if (np.spec.ingress.some((r) => (r.from ?? []).some((p) => JSON.stringify(normalPeer(p)) === same))) return;
    np.spec.ingress.push({ from: [peer] });
    // An ingress rule only counts when the policy governs ingress.
    if (np.spec.policyTypes && !np.spec.policyTypes.includes('Ingress')) np.spec.policyTypes = ['Ingress', ...np.spec.policyTypes];
  });
}

/** A peer with its keys in the order connect writes them, for the duplicate check. */
function normalPeer(p: NetworkPolicyPeer): NetworkPolicyPeer {
  return { ...(p.podSelector ? { podSelector: p.podSelector } : {}), ...(p.namespaceSelector ? { namespaceSelector: p.namespaceSelector } : {}), ...(p.ipBlock ? { ipBlock: p.ipBlock } : {}) };
}

// --- HPA → workload ---------------------------------------------------------------------------

function autoscalerScales(source: KubeObject, target: KubeObject): ConnectResult {
  const sameNs = requireSameNamespace(source, target, 'An autoscaler scales workloads in its own namespace only');
  if (sameNs) return sameNs;
  return edit(source, (hpa: HorizontalPodAutoscaler) => {
    hpa.spec ??= { maxReplicas: 10, scaleTargetRef: { kind: target.kind, name: target.metadata.name } };
    hpa.spec.scaleTargetRef = { apiVersion: target.apiVersion, kind: target.kind, name: target.metadata.name };
  });
}

// --- helpers ----------------------------------------------------------------------------------

function fail(message: string): ConnectResult {
  return { ok: false, message };
}

/** Clones `o`, applies `change`, and reports the clone as changed only when it differs. */
function edit<T>(o: KubeObject, change: (clone: T) => void): ConnectResult {
  const clone = cloneJson(o);
  change(clone as unknown as T);
  return { ok: true, changed: JSON.stringify(clone) === JSON.stringify(o) ? [] : [clone] };
}

function editPodSpec(o: KubeObject, change: (spec: PodSpec, firstContainer: Container) => void): ConnectResult {
  let problem: string | undefined;
  const result = edit(o, (clone: KubeObject) => {
    const spec = podTemplateOf(clone)?.spec;
    const container = spec?.containers?.[0];
    if (!spec || !container) {
      problem = `${o.kind} "${o.metadata.name}" has no container to give it to: add a container first.`;
      return;
    }
    change(spec, container);
  });
  return problem ? fail(problem) : result;
}

function podTemplateOf(o: KubeObject): PodTemplateSpec | undefined {
  return getKindModule(o.kind, o.apiVersion)?.podTemplate?.(o);
}

function templateLabels(o: KubeObject): Record<string, string> | undefined {
  const labels = podTemplateOf(o)?.metadata?.labels;
  return labels && Object.keys(labels).length > 0 ? labels : undefined;
}

function noLabels(o: KubeObject, why: string): ConnectResult {
  const where = o.kind === 'Pod' ? 'the Pod' : 'its pod template';
  return fail(`${o.kind} "${o.metadata.name}" has no pod labels to select: ${why}. Add a label to ${where} (e.g. app: ${o.metadata.name}) first.`);
}

function requireSameNamespace(source: KubeObject, target: KubeObject, rule: string): ConnectResult | undefined {
  const a = namespaceOf(source);
  const b = namespaceOf(target);
  if (a === b) return undefined;
  return fail(`${rule}: ${source.kind} "${source.metadata.name}" is in namespace "${a}", ${target.kind} "${target.metadata.name}" in "${b}".`);
}

/** Volume names are DNS labels (no dots, ≤ 63 characters) while claim names may be longer subdomains. */
function volumeNameFor(claimName: string): string {
  return claimName.replace(/\./g, '-').slice(0, 56).replace(/-+$/, '') || 'data';
}

/** `base` if free, else `base-2`, `base-3`… */
function unique(base: string, taken: ReadonlySet<string | undefined>, make: (base: string, n: number) => string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(make(base, n))) return make(base, n);
}
