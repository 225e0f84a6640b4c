/**
 * A network snapshot straight from a design, without running the simulator: every pod-running
 * object contributes its replicas as Ready pods (a DaemonSet one per matching node), placed by the
 * simulator's scheduler plugins (placement.ts), with deterministic names and IPs. Used by `connectivity` and `explain`;
 * `simulate` builds its snapshot from the simulated store instead.
 */
import type { PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ClusterSpec } from '../../design/types';
import { hasObjectShape, rec, str, stringMap } from '../../model/guards';
import { metadataNamespace as nsOf, type KubeObject } from '../../model/object';
import { assignServiceAddresses, cmp, containerPorts, toNetEndpointSlice, toNetIngress, toNetPolicy, toNetService } from './convert';
import { fnv1a, nameSuffix } from './hash';
import { formatIPv4, parseIPv4 } from './ip';
import { Placement } from './placement';
import { deriveEndpointSlices } from './services';
import type { NetEndpointSlice, NetNamespace, NetNode, NetPod, NetworkSnapshot } from './types';

const POD_CIDR_START = parseIPv4('10.244.0.0') as number;
const NODE_IP_START = parseIPv4('192.168.0.10') as number;

/** Node `i` (0-based) gets 192.168.0.10 + i and the pod range 10.244.0.0 + i·256 (/24 each). */
export function nodeIP(index: number): string {
  return formatIPv4(NODE_IP_START + index);
}

export function podIP(nodeIndex: number, podIndexOnNode: number): string {
  return formatIPv4(POD_CIDR_START + nodeIndex * 256 + 2 + podIndexOnNode);
}

interface Runner {
  object: KubeObject;
  template: PodTemplateSpec;
  replicas: number | 'per-node';
}

function asRecord(v: unknown): Record<string, unknown> {
  return rec(v as Record<string, unknown>) ?? {};
}

/** A replica count as the design states it; anything else (or absurdly many) counts as the default. */
const MAX_REPLICAS = 10_000;

/** The pod template and replica count of a pod-running object; undefined for other kinds. */
export function podRunner(o: KubeObject): Runner | undefined {
  const spec = asRecord(o.spec);
  const count = (v: unknown, d: number) => (Number.isInteger(v) && (v as number) >= 0 ? Math.min(v as number, MAX_REPLICAS) : d);
  switch (o.kind) {
    case 'Pod':
      return { object: o, template: { metadata: o.metadata, spec: asRecord(o.spec) as unknown as PodSpec }, replicas: 1 };
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'ReplicationController':
      return { object: o, template: asRecord(spec.template) as PodTemplateSpec, replicas: count(spec.replicas, 1) };
    case 'DaemonSet':
      return { object: o, template: asRecord(spec.template) as PodTemplateSpec, replicas: 'per-node' };
    case 'Job':
      return { object: o, template: asRecord(spec.template) as PodTemplateSpec, replicas: count(spec.parallelism, 1) };
    case 'CronJob': {
      // One running Job's pods, so the workload shows up in connectivity the way netpol-analyzer lists it.
      const job = asRecord(asRecord(spec.jobTemplate).spec);
      return { object: o, template: asRecord(job.template) as PodTemplateSpec, replicas: count(job.parallelism, 1) };
    }
    default:
      return undefined;
  }
}

function podNames(o: KubeObject, n: number): string[] {
  const name = o.metadata.name;
  const ns = nsOf(o);
  if (o.kind === 'Pod') return [name];
  if (o.kind === 'StatefulSet') return Array.from({ length: n }, (_, i) => `${name}-${i}`);
  const hash = o.kind === 'Deployment' ? `-${nameSuffix(`${ns}/${name}/template/${fnv1a(JSON.stringify(asRecord(o.spec).template ?? {}))}`, 10)}` : '';
  const names: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; names.length < n; i++) {
    const candidate = `${name}${hash}-${nameSuffix(`${ns}/${name}/${i}`, 5)}`;
    if (!seen.has(candidate)) {
      seen.add(candidate);
      names.push(candidate);
    }
  }
  return names;
}

function nodeFits(template: PodTemplateSpec, labels: Record<string, string>): boolean {
  const sel = stringMap(asRecord(template.spec).nodeSelector);
  return Object.entries(sel).every(([k, v]) => labels[k] === v);
}

const byKey = (a: { namespace: string; name: string }, b: { namespace: string; name: string }) => cmp(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`);

export function snapshotFromObjects(all: readonly KubeObject[], cluster: ClusterSpec): NetworkSnapshot {
  // An object without a string kind, apiVersion and name cannot run or route anything; validation reports it.
  const objects = all.filter(hasObjectShape);
  const nodes: NetNode[] = cluster.nodes.map((n, i) => ({ name: n.name, ip: nodeIP(i) }));
  const nodeLabels = cluster.nodes.map((n) => ({ 'kubernetes.io/hostname': n.name, ...(n.labels ?? {}) }));
  const namespaces = new Map<string, NetNamespace>();
  const addNs = (name: string, labels: Record<string, string> = {}) => {
    const existing = namespaces.get(name);
    namespaces.set(name, { name, labels: { ...(existing?.labels ?? {}), ...labels, 'kubernetes.io/metadata.name': name } });
  };
  const pods: NetPod[] = [];
  const perNode = nodes.map(() => 0);
  const placement = new Placement(cluster.nodes);
  const nodeIndex = new Map(nodes.map((n, i) => [n.name, i]));

  const runners = objects.map(podRunner).filter((r): r is Runner => r !== undefined);
  // Namespace/kind/name order, so that a design's object order does not change names or IPs.
  runners.sort((a, b) => cmp(`${nsOf(a.object)}/${a.object.kind}/${a.object.metadata.name}`, `${nsOf(b.object)}/${b.object.kind}/${b.object.metadata.name}`));
  for (const r of runners) {
    const ns = nsOf(r.object);
    addNs(ns);
    const spec = rec(r.template.spec);
    const labels = stringMap(asRecord(r.template.metadata).labels);
    const ports = containerPorts(spec);
    const hostNetwork = spec?.hostNetwork === true;
    const owner = `${r.object.kind}/${r.object.metadata.name}`;
    const targets = r.replicas === 'per-node'
      ? nodes.map((_, i) => i).filter((i) => nodeFits(r.template, nodeLabels[i]))
      : Array.from({ length: r.replicas }, () => undefined as number | undefined);
    const names = r.object.kind === 'DaemonSet' ? targets.map((i) => `${r.object.metadata.name}-${nameSuffix(`${ns}/${r.object.metadata.name}/${i}`, 5)}`) : podNames(r.object, targets.length);
    const wanted = str(spec?.nodeName);
    targets.forEach((fixed, k) => {
      // A pod that names its node skips the scheduler (upstream); one naming no node of the cluster runs nowhere.
      const named = fixed !== undefined ? nodes[fixed].name : wanted;
      const at = named !== undefined && !nodeIndex.has(named) ? -1 : placement.place(ns, names[k], labels, spec, named);
      const node = at >= 0 ? nodes[at] : undefined;
      const ip = !node ? '' : hostNetwork ? node.ip : podIP(at, perNode[at]++);
      pods.push({ namespace: ns, name: names[k], labels, ip, node: node?.name ?? '', ready: node !== undefined, ports, hostNetwork, owner });
    });
  }

  const services = [];
  const ingresses = [];
  const networkPolicies = [];
  const slices: NetEndpointSlice[] = [];
  for (const o of objects) {
    if (o.kind === 'Namespace') addNs(o.metadata.name, stringMap(o.metadata.labels));
    else if (o.kind === 'Service') services.push(toNetService(o));
    else if (o.kind === 'EndpointSlice' && o.apiVersion.startsWith('discovery.k8s.io/')) slices.push(toNetEndpointSlice(o));
    else if (o.kind === 'Ingress' && o.apiVersion.startsWith('networking.k8s.io/')) ingresses.push(toNetIngress(o));
    else if (o.kind === 'NetworkPolicy' && o.apiVersion.startsWith('networking.k8s.io/')) networkPolicies.push(toNetPolicy(o));
    else continue;
    if (o.kind !== 'Namespace') addNs(nsOf(o));
  }
  const snapshot: NetworkSnapshot = {
    namespaces: [...namespaces.values()].sort((a, b) => cmp(a.name, b.name)),
    nodes,
    pods,
    services: assignServiceAddresses(services.sort(byKey)),
    ingresses: ingresses.sort(byKey),
    networkPolicies: networkPolicies.sort(byKey),
  };
  // EndpointSlices written by hand (kubernetes.io, "Services without selectors"): kube-proxy routes
  // to them as to the controller's, so the snapshot then lists both; without any, endpoints are
  // derived from the selectors as the controller would (services.ts).
  if (slices.length > 0) snapshot.endpointSlices = [...deriveEndpointSlices(snapshot), ...slices];
  return snapshot;
}
