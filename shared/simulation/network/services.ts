/**
 * Services and their endpoints: which pods back a Service port (selector in the Service's own
 * namespace; named targetPorts looked up per pod; only Ready pods unless publishNotReadyAddresses),
 * and kube-proxy's choice among them.
 */
import { mapSelectorMatches } from '../../model/selector';
import { fnv1a } from './hash';
import type { NetEndpointSlice, NetPod, NetService, NetServicePort, NetworkSnapshot, Protocol } from './types';

export interface Backend {
  /** The pod behind the endpoint; absent for an address no pod has (an EndpointSlice written by hand for a Service without a selector). */
  pod?: NetPod;
  /** The endpoint's address. */
  ip: string;
  /** The port on the pod: the numeric targetPort, or the named port resolved on this pod. */
  port: number;
  protocol: Protocol;
  ready: boolean;
}

/** A Service's map selector: missing or empty selects nothing (no endpoints are managed). */
function selects(selector: Record<string, string> | undefined, pod: NetPod): boolean {
  return mapSelectorMatches(selector, pod.labels);
}

/** The pod port a Service port reaches on one pod, or undefined when the pod lacks a named target. */
export function targetPortOn(svcPort: NetServicePort, pod: NetPod): number | undefined {
  if (typeof svcPort.targetPort === 'number') return svcPort.targetPort;
  return pod.ports.find((c) => c.name === svcPort.targetPort && c.protocol === svcPort.protocol)?.containerPort;
}

export class ServiceTable {
  private readonly byKey = new Map<string, NetService>();
  private readonly byClusterIP = new Map<string, NetService>();
  private readonly byNodePort = new Map<string, { service: NetService; port: NetServicePort }>();
  private readonly podsByNs = new Map<string, NetPod[]>();
  private readonly podsByIP = new Map<string, NetPod>();
  private readonly podsByName = new Map<string, NetPod>();
  private readonly backendCache = new Map<string, Backend[]>();
  /** By Service port object: each belongs to exactly one Service of the snapshot. */
  private readonly readyCache = new WeakMap<NetServicePort, Backend[]>();
  private readonly slices?: Map<string, NetEndpointSlice[]>;
  private readonly rr = new Map<string, number>();

  constructor(readonly snapshot: NetworkSnapshot) {
    for (const s of snapshot.services) {
      this.byKey.set(`${s.namespace}/${s.name}`, s);
      if (s.clusterIP && s.clusterIP !== 'None') this.byClusterIP.set(s.clusterIP, s);
      for (const p of s.ports) if (p.nodePort) this.byNodePort.set(`${p.protocol}/${p.nodePort}`, { service: s, port: p });
    }
    for (const p of snapshot.pods) {
      const list = this.podsByNs.get(p.namespace);
      if (list) list.push(p);
      else this.podsByNs.set(p.namespace, [p]);
      if (p.ip && !p.hostNetwork) this.podsByIP.set(p.ip, p);
      this.podsByName.set(`${p.namespace}/${p.name}`, p);
    }
    if (snapshot.endpointSlices) {
      this.slices = new Map();
      for (const sl of snapshot.endpointSlices) {
        const key = `${sl.namespace}/${sl.service}`;
        const list = this.slices.get(key);
        if (list) list.push(sl);
        else this.slices.set(key, [sl]);
      }
    }
  }

  service(namespace: string, name: string): NetService | undefined {
    return this.byKey.get(`${namespace}/${name}`);
  }

  serviceByClusterIP(ip: string): NetService | undefined {
    return this.byClusterIP.get(ip);
  }

  serviceByNodePort(port: number, protocol: Protocol): { service: NetService; port: NetServicePort } | undefined {
    return this.byNodePort.get(`${protocol}/${port}`);
  }

  podByIP(ip: string): NetPod | undefined {
    return this.podsByIP.get(ip);
  }

  pod(namespace: string, name: string): NetPod | undefined {
    return this.podsByName.get(`${namespace}/${name}`);
  }

  /** Pods the Service's selector picks, Ready or not (for explanations). */
  selectedPods(svc: NetService): NetPod[] {
    return (this.podsByNs.get(svc.namespace) ?? []).filter((p) => selects(svc.selector, p));
  }

  /**
   * Every endpoint of one Service port, ready or not. From EndpointSlices when the snapshot has
   * them, else derived as the EndpointSlice controller would.
   */
  backends(svc: NetService, svcPort: NetServicePort): Backend[] {
    const key = `${svc.namespace}/${svc.name}/${svcPort.protocol}/${svcPort.port}`;
    let list = this.backendCache.get(key);
    if (list) return list;
    list = [];
    if (this.slices) {
      for (const sl of this.slices.get(`${svc.namespace}/${svc.name}`) ?? []) {
        const sp = sl.ports.find((p) => (p.name ?? '') === (svcPort.name ?? '') && p.protocol === svcPort.protocol);
        if (!sp) continue;
        for (const ep of sl.endpoints) {
          const pod = (ep.pod ? this.pod(svc.namespace, ep.pod) : undefined) ?? this.podByIP(ep.ip);
          // A slice naming a pod that is gone routes nowhere; an address no pod has is reached as it is.
          if (pod) list.push({ pod, ip: pod.ip, port: sp.port, protocol: sp.protocol, ready: ep.ready });
          else if (!ep.pod) list.push({ ip: ep.ip, port: sp.port, protocol: sp.protocol, ready: ep.ready });
        }
      }
    } else {
      for (const pod of this.podsByNs.get(svc.namespace) ?? []) {
        if (!selects(svc.selector, pod) || !pod.ip) continue;
        const port = targetPortOn(svcPort, pod);
        if (port === undefined) continue;
        // publishNotReadyAddresses: endpoints are published (and served) whatever the readiness.
        list.push({ pod, ip: pod.ip, port, protocol: svcPort.protocol, ready: pod.ready || svc.publishNotReadyAddresses });
      }
    }
    // Pods by name, then the addresses no pod has.
    const order = (b: Backend) => (b.pod ? `0${b.pod.name}` : `1${b.ip}`);
    list.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    this.backendCache.set(key, list);
    return list;
  }

  /** The endpoints kube-proxy load-balances over: the ready ones. */
  readyBackends(svc: NetService, svcPort: NetServicePort): Backend[] {
    let list = this.readyCache.get(svcPort);
    if (!list) {
      list = this.backends(svc, svcPort).filter((b) => b.ready);
      this.readyCache.set(svcPort, list);
    }
    return list;
  }

  /**
   * kube-proxy's pick: sessionAffinity ClientIP sticks a client to one endpoint (hash of its
   * address); otherwise deterministic round-robin per Service port, or the `seq`-th endpoint.
   */
  pick(svc: NetService, svcPort: NetServicePort, candidates: Backend[], clientIP: string, seq?: number): Backend | undefined {
    if (candidates.length === 0) return undefined;
    if (svc.sessionAffinity === 'ClientIP') return candidates[fnv1a(clientIP) % candidates.length];
    if (seq !== undefined) return candidates[((seq % candidates.length) + candidates.length) % candidates.length];
    const key = `${svc.namespace}/${svc.name}/${svcPort.protocol}/${svcPort.port}`;
    const n = this.rr.get(key) ?? 0;
    this.rr.set(key, n + 1);
    return candidates[n % candidates.length];
  }

  /** The Service port a request names: by number or name; the only port when none is given. */
  static findPort(svc: NetService, port: number | string | undefined, protocol?: Protocol): NetServicePort | undefined {
    if (port === undefined) return svc.ports.length === 1 ? svc.ports[0] : undefined;
    return svc.ports.find((p) => (typeof port === 'number' ? p.port === port : p.name === port) && (!protocol || p.protocol === protocol));
  }
}

/** EndpointSlices as the controller would write them: one slice per Service and resolved port set. */
export function deriveEndpointSlices(snapshot: NetworkSnapshot): NetEndpointSlice[] {
  const table = new ServiceTable({ ...snapshot, endpointSlices: undefined });
  const out: NetEndpointSlice[] = [];
  for (const svc of snapshot.services) {
    if (!svc.selector || svc.type === 'ExternalName') continue;
    // Group pods by the ports they resolve to, as upstream does for named targetPorts.
    const groups = new Map<string, NetEndpointSlice>();
    for (const pod of table.selectedPods(svc)) {
      if (!pod.ip) continue;
      const ports = svc.ports.flatMap((sp) => {
        const port = targetPortOn(sp, pod);
        return port === undefined ? [] : [{ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol }];
      });
      const key = JSON.stringify(ports);
      let slice = groups.get(key);
      if (!slice) {
        slice = { namespace: svc.namespace, service: svc.name, ports, endpoints: [] };
        groups.set(key, slice);
      }
      slice.endpoints.push({ ip: pod.ip, pod: pod.name, node: pod.node, ready: pod.ready || svc.publishNotReadyAddresses });
    }
    out.push(...groups.values());
  }
  return out;
}
