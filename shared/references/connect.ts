/**
 * Dragging a connection writes the real field (docs/design-format.md): a Service's selector, an
 * Ingress backend, a volume and its mount, envFrom, a claim's volumeName, a policy's podSelector
 * or peer, an HPA's scaleTargetRef, an RBAC binding's roleRef and subjects. Inputs are never mutated: changed objects come back as clones.
 * Connecting twice changes nothing the second time.
 */
import type { Container, PersistentVolume, PersistentVolumeClaim, PodSpec, PodTemplateSpec, Service } from 'kubernetes-types/core/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Ingress, IngressServiceBackend, NetworkPolicy, NetworkPolicyPeer } from 'kubernetes-types/networking/v1';
import { allKindModules, catalogueGeneration, getKindModule } from '../kinds/registry';
import { cloneJson, type KubeObject } from '../model/object';
import { namespaceOf, type ObjectIndex } from '../kinds/objectIndex';
import { findObject, items, nameOf, rec, str } from './lookup';
import { pvClassOf, volumeMismatch } from './storage';

export type ConnectResult = { ok: true; changed: KubeObject[] } | { ok: false; message: string };

type Connector = (source: KubeObject, target: KubeObject, index: ObjectIndex) => ConnectResult;

let connectors: { generation: number; byPair: Map<string, Connector> } | undefined;

/** The connectors by `source->target` kind, built from the catalogue (again when a kind is registered). */
function connectorTable(): Map<string, Connector> {
  if (connectors?.generation === catalogueGeneration()) return connectors.byPair;
  const podKinds = allKindModules().filter((m) => m.podTemplate).map((m) => m.kind);
  const scalable = allKindModules().filter((m) => m.scalable).map((m) => m.kind);
  const byPair = new Map<string, Connector>();
  const on = (sources: string[], targets: string[], connector: Connector) => {
    for (const s of sources) for (const t of targets) byPair.set(`${s}->${t}`, connector);
  };
  on(['Service'], podKinds, serviceSelects);
  on(['Ingress'], ['Service'], ingressRoutes);
  on(podKinds, ['PersistentVolumeClaim'], workloadMounts);
  on(podKinds, ['ConfigMap', 'Secret'], workloadImports);
  on(['PersistentVolumeClaim'], ['PersistentVolume'], claimBindsVolume);
  on(['PersistentVolumeClaim'], ['StorageClass'], claimUsesClass);
  on(['NetworkPolicy'], podKinds, policySelects);
  on(podKinds, ['NetworkPolicy'], workloadAllowedByPolicy);
  on(['HorizontalPodAutoscaler'], scalable, autoscalerScales);
  on(['RoleBinding'], ['Role', 'ClusterRole'], bindingGrantsRole);
  on(['ClusterRoleBinding'], ['ClusterRole'], bindingGrantsRole);
  on(['RoleBinding', 'ClusterRoleBinding'], ['ServiceAccount'], bindingSubject);
  // A drag in the other direction means the same thing wherever that pair has no meaning of its
  // own (Deployment → Service writes the Service selector); workload ↔ NetworkPolicy has both.
  for (const [pair, connector] of [...byPair]) {
    const [s, t] = pair.split('->');
    if (!byPair.has(`${t}->${s}`)) byPair.set(`${t}->${s}`, (source, target, index) => connector(target, source, index));
  }
  connectors = { generation: catalogueGeneration(), byPair };
  return byPair;
}

/** Whether a connection can be drawn from an object of `sourceKind` to one of `targetKind`. */
export function canConnect(sourceKind: string, targetKind: string): boolean {
  return connectorTable().has(`${sourceKind}->${targetKind}`);
}

/** Writes the field that makes `source` refer to `target`; returns the new versions of changed objects. */
export function connect(source: KubeObject, target: KubeObject, index: ObjectIndex): ConnectResult {
  const connector = connectorTable().get(`${source.kind}->${target.kind}`);
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
    field(svc, 'spec', 'an object').selector = { ...labels };
  });
}

// --- Ingress → Service ------------------------------------------------------------------------

function ingressRoutes(source: KubeObject, target: KubeObject, index: ObjectIndex): ConnectResult {
  const sameNs = requireSameNamespace(source, target, 'An Ingress routes to Services in its own namespace only');
  if (sameNs) return sameNs;
  const port = items(rec((target as Service).spec)?.ports)[0];
  const name = nameOf(target);
  if (!port) return fail(`Service "${name}" has no ports: give it a port before routing an Ingress to it.`);
  const backend: IngressServiceBackend = { name, port: str(port.name) ? { name: port.name } : { number: port.port } };
  const ns = namespaceOf(source);
  return edit(source, (ing: Ingress) => {
    const spec = field(ing, 'spec', 'an object');
    const backends = [rec(spec.defaultBackend), ...items(spec.rules).flatMap((r) => items(rec(r.http)?.paths).map((p) => rec(p.backend)))];
    const services = backends.map((b) => rec(b?.service)).filter((s) => s !== undefined);
    if (services.some((s) => s.name === name)) return;
    // A backend naming a Service that does not exist is a placeholder: the drag says which Service it means.
    const placeholder = services.find((s) => !findObject(index, '', 'Service', ns, str(s.name) ?? ''));
    if (placeholder) {
      placeholder.name = backend.name;
      placeholder.port = backend.port;
      return;
    }
    const rules = list(spec, 'rules', 'spec.rules');
    let rule = items(rules).find((r) => rec(r.http));
    if (!rule) rules.push((rule = { http: { paths: [] } }));
    const paths = list(rule.http!, 'paths', 'spec.rules[].http.paths');
    // `/` for the first Service; a second Service in the same rule gets its own prefix.
    const path = items(paths).some((p) => (p.path ?? '/') === '/') ? `/${name}` : '/';
    paths.push({ path, pathType: 'Prefix', backend: { service: backend } });
  });
}

// --- workload → PVC, ConfigMap, Secret -------------------------------------------------------

function workloadMounts(source: KubeObject, target: KubeObject): ConnectResult {
  const sameNs = requireSameNamespace(source, target, 'Pods mount claims from their own namespace only');
  if (sameNs) return sameNs;
  const claimName = nameOf(target);
  return editPodSpec(source, (spec, container) => {
    const volumes = list(spec, 'volumes', 'volumes');
    if (items(volumes).some((v) => rec(v.persistentVolumeClaim)?.claimName === claimName)) return;
    const volumeName = unique(volumeNameFor(claimName), new Set(items(volumes).map((v) => v.name)));
    const mounts = list(container, 'volumeMounts', 'the first container\'s volumeMounts');
    volumes.push({ name: volumeName, persistentVolumeClaim: { claimName } });
    mounts.push({ name: volumeName, mountPath: unique('/data', new Set(items(mounts).map((m) => m.mountPath))) });
  });
}

function workloadImports(source: KubeObject, target: KubeObject): ConnectResult {
  const sameNs = requireSameNamespace(source, target, `Pods read ${target.kind}s from their own namespace only`);
  if (sameNs) return sameNs;
  const name = nameOf(target);
  const isSecret = target.kind === 'Secret';
  return editPodSpec(source, (_spec, container) => {
    const envFrom = list(container, 'envFrom', 'the first container\'s envFrom');
    if (items(envFrom).some((e) => rec(isSecret ? e.secretRef : e.configMapRef)?.name === name)) return;
    envFrom.push(isSecret ? { secretRef: { name } } : { configMapRef: { name } });
  });
}

// --- PVC → PV, StorageClass -------------------------------------------------------------------

function claimBindsVolume(source: KubeObject, target: KubeObject): ConnectResult {
  const pvClass = pvClassOf(target);
  const pvName = nameOf(target);
  const ref = rec(rec((target as PersistentVolume).spec)?.claimRef);
  const refName = str(ref?.name);
  const refNs = str(ref?.namespace) || 'default';
  if (refName && (refName !== nameOf(source) || refNs !== namespaceOf(source))) {
    return fail(`PersistentVolume "${pvName}" is reserved for claim ${refNs}/${refName} (its claimRef).`);
  }
  const reason = volumeMismatch(target, rec((source as PersistentVolumeClaim).spec), pvClass);
  if (reason) return fail(`Cannot bind to requested volume "${pvName}": ${reason}`);
  return edit(source, (pvc: PersistentVolumeClaim) => {
    const spec = field(pvc, 'spec', 'an object');
    spec.volumeName = pvName;
    // The claim must ask for the volume's class ("" for a class-less volume, or the default class would be set).
    spec.storageClassName = pvClass;
  });
}

function claimUsesClass(source: KubeObject, target: KubeObject): ConnectResult {
  const className = nameOf(target);
  return edit(source, (pvc: PersistentVolumeClaim) => {
    const spec = field(pvc, 'spec', 'an object');
    if (spec.storageClassName === className) return;
    spec.storageClassName = className;
    // A volumeName of another class could never bind now: let the class provision instead.
    delete spec.volumeName;
  });
}

// --- NetworkPolicy ----------------------------------------------------------------------------

function policySelects(source: KubeObject, target: KubeObject): ConnectResult {
  const sameNs = requireSameNamespace(source, target, 'A NetworkPolicy selects pods in its own namespace only');
  if (sameNs) return sameNs;
  const labels = templateLabels(target);
  if (!labels) return noLabels(target, 'a NetworkPolicy selects pods by their labels');
  return edit(source, (np: NetworkPolicy) => {
    field(np, 'spec', 'an object').podSelector = { matchLabels: { ...labels } };
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
    const spec = field(np, 'spec', 'an object');
    const ingress = list(spec, 'ingress', 'spec.ingress');
    const same = JSON.stringify(peer);
    if (items(ingress).some((r) => items(r.from).some((p) => JSON.stringify(normalPeer(p)) === same))) return;
    ingress.push({ from: [peer] });
    // An ingress rule only counts when the policy governs ingress.
    if (Array.isArray(spec.policyTypes) && !spec.policyTypes.includes('Ingress')) spec.policyTypes = ['Ingress', ...spec.policyTypes];
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
    const spec = field(hpa, 'spec', 'an object');
    spec.scaleTargetRef = { apiVersion: target.apiVersion, kind: target.kind, name: nameOf(target) };
  });
}

// --- RBAC binding → role, → ServiceAccount ------------------------------------------------------

/** Writes the binding's roleRef (a RoleBinding reaches only the Roles of its own namespace; any ClusterRole). */
function bindingGrantsRole(source: KubeObject, target: KubeObject): ConnectResult {
  if (target.kind === 'Role') {
    const sameNs = requireSameNamespace(source, target, 'A RoleBinding grants a Role of its own namespace only');
    if (sameNs) return sameNs;
  }
  return edit(source, (binding: { roleRef?: unknown }) => {
    binding.roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: target.kind, name: nameOf(target) };
  });
}

/** Adds the ServiceAccount to the binding's subjects (once). */
function bindingSubject(source: KubeObject, target: KubeObject): ConnectResult {
  const name = nameOf(target);
  const namespace = namespaceOf(target);
  return edit(source, (binding: { subjects?: unknown[] }) => {
    const subjects = list(binding, 'subjects', 'subjects');
    const present = items(subjects as Record<string, unknown>[]).some((s) => s.kind === 'ServiceAccount' && s.name === name && (s.namespace ?? namespaceOf(source)) === namespace);
    if (!present) subjects.push({ kind: 'ServiceAccount', name, namespace });
  });
}

// --- helpers ----------------------------------------------------------------------------------

function fail(message: string): ConnectResult {
  return { ok: false, message };
}

/** A field of the wrong shape where connect must write: the user fixes the YAML, nothing is overwritten. */
class MalformedField extends Error {}

/** Clones `o`, applies `change`, and reports the clone as changed only when it differs. */
function edit<T>(o: KubeObject, change: (clone: T) => void): ConnectResult {
  const clone = cloneJson(o);
  try {
    change(clone as unknown as T);
  } catch (e) {
    if (e instanceof MalformedField) return fail(`${o.kind} "${nameOf(o)}": ${e.message}; fix it before connecting.`);
    throw e;
  }
  return { ok: true, changed: JSON.stringify(clone) === JSON.stringify(o) ? [] : [clone] };
}

/** `parent[key]` as an object, created when missing. */
function field<P, K extends keyof P>(parent: P, key: K, what: string): NonNullable<P[K]> {
  const v = parent[key];
  if (v === undefined || v === null) return (parent[key] = {} as P[K]) as NonNullable<P[K]>;
  if (!rec(v)) throw new MalformedField(`${String(key)} is not ${what}`);
  return v as NonNullable<P[K]>;
}

/** `parent[key]` as a list, created when missing. */
function list<P, K extends keyof P>(parent: P, key: K, where: string): NonNullable<P[K]> {
  const v = parent[key];
  if (v === undefined || v === null) return (parent[key] = [] as P[K]) as NonNullable<P[K]>;
  if (!Array.isArray(v)) throw new MalformedField(`${where} is not a list`);
  return v as NonNullable<P[K]>;
}

function editPodSpec(o: KubeObject, change: (spec: PodSpec, firstContainer: Container) => void): ConnectResult {
  let problem: string | undefined;
  const result = edit(o, (clone: KubeObject) => {
    const spec = rec(rec(podTemplateOf(clone))?.spec);
    const container = items(spec?.containers)[0];
    if (!spec || !container) {
      problem = `${o.kind} "${nameOf(o)}" has no container to give it to: add a container first.`;
      return;
    }
    change(spec, container);
  });
  return problem ? fail(problem) : result;
}

function podTemplateOf(o: KubeObject): PodTemplateSpec | undefined {
  return getKindModule(o.kind, o.apiVersion)?.podTemplate?.(o);
}

/** The pod template's labels (string values only), or undefined when there are none. */
function templateLabels(o: KubeObject): Record<string, string> | undefined {
  const labels = rec(rec(rec(podTemplateOf(o))?.metadata)?.labels) ?? {};
  const usable = Object.entries(labels).filter(([, v]) => typeof v === 'string');
  return usable.length > 0 ? Object.fromEntries(usable) : undefined;
}

function noLabels(o: KubeObject, why: string): ConnectResult {
  const where = o.kind === 'Pod' ? 'the Pod' : 'its pod template';
  return fail(`${o.kind} "${nameOf(o)}" has no pod labels to select: ${why}. Add a label to ${where} (e.g. app: ${nameOf(o)}) first.`);
}

function requireSameNamespace(source: KubeObject, target: KubeObject, rule: string): ConnectResult | undefined {
  const a = namespaceOf(source);
  const b = namespaceOf(target);
  if (a === b) return undefined;
  return fail(`${rule}: ${source.kind} "${nameOf(source)}" is in namespace "${a}", ${target.kind} "${nameOf(target)}" in "${b}".`);
}

/** Volume names are DNS labels (no dots, ≤ 63 characters) while claim names may be longer subdomains. */
function volumeNameFor(claimName: string): string {
  return claimName.replace(/\./g, '-').slice(0, 56).replace(/-+$/, '') || 'data';
}

/** `base` if free, else `base-2`, `base-3`… */
function unique(base: string, taken: ReadonlySet<unknown>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
