/**
 * Kubernetes objects → the snapshot's network records, plus deterministic address allocation
 * (ClusterIPs from 10.96.0.0/12, NodePorts from 30000–32767). The simulator uses these when it
 * builds a snapshot from its store (shared/simulation/traffic.ts networkSnapshot).
 */
import type { Container, PodSpec, Service } from 'kubernetes-types/core/v1';
import type { Ingress, IngressBackend, NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import { items, rec, str, stringMap } from '../../model/guards';
import { metadataName, metadataNamespace, type KubeObject } from '../../model/object';
import { targetPortOf } from '../../model/service';
import { fnv1a } from './hash';
import { formatIPv4, parseIPv4 } from './ip';
import { parseProtocol } from './ports';
import type { IngressPathType, NetContainerPort, NetEndpointSlice, NetIngress, NetIngressBackend, NetPolicy, NetService, ServiceType } from './types';

export const SERVICE_CIDR_START = parseIPv4('10.96.0.0') as number;
export const SERVICE_CIDR_SIZE = 2 ** 20; // /12
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

const nsOf = metadataNamespace;
const nameOf = metadataName;

export function containerPorts(spec: PodSpec | undefined): NetContainerPort[] {
  const out: NetContainerPort[] = [];
  // Imported manifests can hold anything here: only well-formed containers and ports count.
  for (const c of items<Container>(rec(spec)?.containers)) {
    for (const p of items(c.ports)) {
      const protocol = parseProtocol(p.protocol);
      if (!protocol || typeof p.containerPort !== 'number') continue;
      out.push({ ...(str(p.name) ? { name: p.name } : {}), containerPort: p.containerPort, protocol });
    }
  }
  return out;
}

/** A Service object as the network sees it; addresses still unassigned unless the manifest sets them. */
export function toNetService(o: KubeObject): NetService {
  const spec = rec((o as unknown as Service).spec) ?? {};
  const type = (['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(spec.type ?? '') ? spec.type : 'ClusterIP') as ServiceType;
  return {
    namespace: nsOf(o),
    name: nameOf(o),
    type,
    clusterIP: type === 'ExternalName' ? '' : (str(spec.clusterIP) ?? ''),
    ...(type === 'LoadBalancer' ? { externalIP: '<pending>' } : {}),
    ...(type === 'ExternalName' ? { externalName: str(spec.externalName) ?? '' } : {}),
    ...(rec(spec.selector) ? { selector: stringMap(spec.selector) } : {}),
    publishNotReadyAddresses: spec.publishNotReadyAddresses === true,
    sessionAffinity: spec.sessionAffinity === 'ClientIP' ? 'ClientIP' : 'None',
    externalTrafficPolicy: spec.externalTrafficPolicy === 'Local' ? 'Local' : 'Cluster',
    ports: items(spec.ports).filter((p) => typeof p.port === 'number').map((p) => ({
      ...(str(p.name) ? { name: p.name } : {}),
      protocol: parseProtocol(p.protocol) ?? 'TCP',
      port: p.port,
      targetPort: netTargetPort(targetPortOf(p), p.port),
      ...(typeof p.nodePort === 'number' && p.nodePort ? { nodePort: p.nodePort } : {}),
    })),
  };
}

/** A number, or a container port name; a numeric string is read as its number (lenient). */
function netTargetPort(target: unknown, port: number): number | string {
  if (typeof target === 'number') return target;
  if (typeof target !== 'string') return port;
  return /^\d+$/.test(target) ? Number(target) : target;
}

/**
 * Fills in ClusterIPs and NodePorts the manifests leave unset, deterministically: a hash of the
 * Service's namespace/name picks the first candidate, collisions probe to the next free one, and
 * Services are processed in namespace/name order after every explicitly set address is reserved.
 */
export function assignServiceAddresses(services: NetService[]): NetService[] {
  const usedIPs = new Set<number>([SERVICE_CIDR_START, SERVICE_CIDR_START + 1, SERVICE_CIDR_START + 10]);
  const usedPorts = new Set<number>();
  for (const s of services) {
    const ip = parseIPv4(s.clusterIP);
    if (ip !== undefined) usedIPs.add(ip);
    for (const p of s.ports) if (p.nodePort) usedPorts.add(p.nodePort);
  }
  const sorted = [...services].sort((a, b) => cmp(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`));
  const result = new Map<NetService, NetService>();
  for (const s of sorted) {
    const copy: NetService = { ...s, ports: s.ports.map((p) => ({ ...p })) };
    if (copy.type !== 'ExternalName' && copy.clusterIP === '') {
      let offset = fnv1a(`${s.namespace}/${s.name}`) % SERVICE_CIDR_SIZE;
      while (usedIPs.has(SERVICE_CIDR_START + offset) || offset === SERVICE_CIDR_SIZE - 1) offset = (offset + 1) % SERVICE_CIDR_SIZE;
      usedIPs.add(SERVICE_CIDR_START + offset);
      copy.clusterIP = formatIPv4(SERVICE_CIDR_START + offset);
    }
    if (copy.type === 'NodePort' || copy.type === 'LoadBalancer') {
      const span = NODE_PORT_MAX - NODE_PORT_MIN + 1;
      copy.ports.forEach((p, i) => {
        if (p.nodePort) return;
        let offset = fnv1a(`${s.namespace}/${s.name}/${p.name ?? i}`) % span;
        for (let tries = 0; usedPorts.has(NODE_PORT_MIN + offset) && tries < span; tries++) offset = (offset + 1) % span;
        p.nodePort = NODE_PORT_MIN + offset;
        usedPorts.add(p.nodePort);
      });
    }
    result.set(s, copy);
  }
  return services.map((s) => result.get(s) as NetService);
}

function backendOf(raw: IngressBackend | undefined): NetIngressBackend | undefined {
  const b = rec(raw);
  const service = rec(b?.service);
  const port = rec(service?.port);
  if (service) return { service: { name: str(service.name) ?? '', port: (typeof port?.number === 'number' ? port.number : str(port?.name)) ?? 0 } };
  const resource = rec(b?.resource);
  if (resource) return { resource: `${str(resource.kind) ?? ''}/${str(resource.name) ?? ''}` };
  return undefined;
}

export function toNetIngress(o: KubeObject): NetIngress {
  const spec = rec((o as unknown as Ingress).spec) ?? {};
  const defaultBackend = backendOf(spec.defaultBackend);
  return {
    namespace: nsOf(o),
    name: nameOf(o),
    ...(str(spec.ingressClassName) ? { ingressClassName: spec.ingressClassName } : {}),
    ...(defaultBackend ? { defaultBackend } : {}),
    rules: items(spec.rules).map((r) => ({
      ...(str(r.host) ? { host: r.host } : {}),
      paths: items(rec(r.http)?.paths).flatMap((p) => {
        const backend = backendOf(p.backend);
        if (!backend) return [];
        const pathType = (['Exact', 'Prefix', 'ImplementationSpecific'].includes(p.pathType) ? p.pathType : 'ImplementationSpecific') as IngressPathType;
        return [{ path: str(p.path) ?? '/', pathType, backend }];
      }),
    })),
  };
}

export function toNetPolicy(o: KubeObject): NetPolicy {
  return { namespace: nsOf(o), name: nameOf(o), spec: rec((o as { spec?: NetworkPolicySpec }).spec) ?? { podSelector: {} } };
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The label that ties an EndpointSlice to its Service (discovery.k8s.io, `kubernetes.io/service-name`). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/**
 * An EndpointSlice (the controller's or one written by hand for a Service without a selector,
 * kubernetes.io "Services without selectors") as the snapshot's record. kube-proxy reads every slice
 * labelled with the Service's name. An endpoint's `conditions.ready` left out is an unknown state
 * that "consumers should interpret … as ready" (EndpointConditions in discovery/v1); an endpoint
 * without an address carries nothing to route to.
 */
export function toNetEndpointSlice(o: KubeObject): NetEndpointSlice {
  const slice = o as unknown as Record<string, unknown>;
  const ports = items(slice.ports as Record<string, unknown>[] | undefined).flatMap((p) => {
    if (typeof p.port !== 'number') return [];
    const protocol = parseProtocol(p.protocol) ?? 'TCP';
    return [{ ...(str(p.name) ? { name: p.name as string } : {}), port: p.port, protocol }];
  });
  const endpoints = items(slice.endpoints as Record<string, unknown>[] | undefined).flatMap((e) => {
    const ip = Array.isArray(e.addresses) ? e.addresses.find((a): a is string => typeof a === 'string') : undefined;
    if (!ip) return [];
    const ref = rec(e.targetRef as Record<string, unknown> | undefined);
    const pod = ref && (ref.kind === undefined || ref.kind === 'Pod') ? str(ref.name) : undefined;
    const node = str(e.nodeName);
    return [{ ip, ...(pod ? { pod } : {}), ...(node ? { node } : {}), ready: rec(e.conditions as { ready?: unknown } | undefined)?.ready !== false }];
  });
  return { namespace: nsOf(o), service: stringMap(o.metadata?.labels)[SERVICE_NAME_LABEL] ?? '', ports, endpoints };
}
