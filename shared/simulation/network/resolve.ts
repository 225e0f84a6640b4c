/**
 * One request resolved hop by hop: Ingress → Service → endpoint (kube-proxy's pick) → source
 * egress policy → destination ingress policy → pod. Every hop carries its verdict and reason; the
 * first failing hop decides the final verdict. A resolver precomputes per-pod isolation, Service
 * endpoints and lookups once per snapshot, so resolving many requests is cheap.
 */
import { describePeer, PolicyEngine, type Peer } from './policy';
import { IngressRouter } from './ingress';
import { parseIPv4 } from './ip';
import { ServiceTable, type Backend } from './services';
import type { NetPod, NetService, NetServicePort, NetworkOptions, NetworkSnapshot, PolicyVerdict, Protocol, RuleRef } from './types';

export type RequestSource =
  | { kind: 'external'; ip?: string }
  | { kind: 'pod'; namespace: string; name: string }
  /** `name` is the top owner's name (`web`) or `Kind/name` (`Deployment/web`). */
  | { kind: 'workload'; namespace: string; name: string }
  | { kind: 'node'; name: string };

export type RequestTarget =
  | { kind: 'ingress'; host: string; path: string }
  | { kind: 'nodePort'; port: number; node?: string }
  | { kind: 'service'; namespace: string; name: string; port?: number | string }
  | { kind: 'workload'; namespace: string; name: string; port?: number }
  | { kind: 'pod'; namespace: string; name: string; port?: number }
  | { kind: 'address'; ip: string; port: number };

export interface NetRequest {
  from: RequestSource;
  to: RequestTarget;
  /** Defaults to TCP. */
  protocol?: Protocol;
  /** The port when the target does not name one (Service port, or pod port for workloads/pods). */
  port?: number;
  /** Picks the seq-th ready endpoint/pod instead of kube-proxy's running round-robin. */
  seq?: number;
}

export type HopKind = 'ingress' | 'service' | 'endpoint' | 'policy-egress' | 'policy-ingress' | 'pod';

export interface Hop {
  hop: HopKind;
  verdict: 'pass' | 'fail';
  reason: string;
  /** Policy hops: the isolating policies (namespace/name) and the rules that allowed the traffic. */
  policies?: string[];
  rules?: RuleRef[];
  /** A denied policy hop: each rule that did not allow it and why (PolicyVerdict.unmatched). */
  unmatched?: string[];
  /** The object this hop went through, `Kind/namespace/name` (the Ingress, the Service), when there is one. */
  object?: string;
}

export type FinalVerdict = 'delivered' | 'denied' | 'no-endpoints' | 'no-ingress-rule' | 'port-not-exposed' | 'not-found';

export interface RequestResult {
  verdict: FinalVerdict;
  reason: string;
  hops: Hop[];
  /** The pod that received (or would have received) the request. */
  pod?: { namespace: string; name: string };
  port?: number;
  protocol?: Protocol;
  deniedBy?: { direction: 'ingress' | 'egress'; namespace: string; policies: string[] };
}

export class NetworkResolver {
  readonly engine: PolicyEngine;
  readonly services: ServiceTable;
  readonly options: NetworkOptions;
  private readonly ingressPod: NetPod;
  private readonly workloadPods = new Map<string, NetPod[]>();
  private readonly workloadReady = new Map<string, NetPod[]>();
  private readonly nodesByIP = new Map<string, string>();
  private readonly router: IngressRouter;

  constructor(readonly snapshot: NetworkSnapshot, options: Partial<NetworkOptions> = {}) {
    this.engine = new PolicyEngine(snapshot, options);
    this.options = this.engine.options;
    this.services = new ServiceTable(snapshot);
    this.router = new IngressRouter(snapshot.ingresses);
    const ic = this.options.ingressController;
    this.ingressPod = { namespace: ic.namespace, name: '{ingress-controller}', labels: ic.labels, ip: '', node: '', ready: true, ports: [], hostNetwork: false, owner: 'Deployment/{ingress-controller}' };
    for (const n of snapshot.nodes) this.nodesByIP.set(n.ip, n.name);
  }

  /** The Ingress controller as a policy peer (a pod in options.ingressController's namespace). */
  get ingressControllerPod(): NetPod {
    return this.ingressPod;
  }

  /** The pods of a workload, by `name` or `Kind/name` (memoised). */
  workload(namespace: string, name: string): NetPod[] {
    if (this.workloadPods.size === 0) {
      // Indexed on first use by `ns/Kind/name` and by `ns/name` (the owner's name alone).
      for (const p of this.snapshot.pods) {
        for (const key of [`${p.namespace}/${p.owner}`, `${p.namespace}/${p.owner.slice(p.owner.indexOf('/') + 1)}`]) {
          const list = this.workloadPods.get(key);
          if (list) list.push(p);
          else this.workloadPods.set(key, [p]);
        }
      }
    }
    return this.workloadPods.get(`${namespace}/${name}`) ?? [];
  }

  private readyPods(namespace: string, name: string): NetPod[] {
    const key = `${namespace}/${name}`;
    let pods = this.workloadReady.get(key);
    if (!pods) {
      pods = this.workload(namespace, name).filter((p) => p.ready);
      this.workloadReady.set(key, pods);
    }
    return pods;
  }

  resolve(req: NetRequest): RequestResult {
    const protocol = req.protocol ?? 'TCP';
    const hops: Hop[] = [];
    const source = this.source(req);
    if (typeof source === 'string') return { verdict: 'not-found', reason: source, hops };
    const to = req.to;
    switch (to.kind) {
      case 'ingress':
        return this.viaIngress(req, source, to.host, to.path, hops);
      case 'nodePort':
        return this.viaNodePort(req, source, to.port, protocol, to.node, hops);
      case 'service': {
        const svc = this.services.service(to.namespace, to.name);
        if (!svc) return { verdict: 'not-found', reason: `Service ${to.namespace}/${to.name} not found`, hops };
        return this.viaService(req, source, svc, to.port ?? req.port, protocol, hops);
      }
      case 'workload': {
        const pods = this.workload(to.namespace, to.name);
        if (pods.length === 0) return { verdict: 'not-found', reason: `no pods of workload ${to.namespace}/${to.name}`, hops };
        const ready = this.readyPods(to.namespace, to.name);
        const list = ready.length > 0 ? ready : pods;
        const pod = list[(((req.seq ?? 0) % list.length) + list.length) % list.length];
        return this.toPod(req, source, pod, to.port ?? req.port, protocol, hops, false);
      }
      case 'pod': {
        const pod = this.services.pod(to.namespace, to.name);
        if (!pod) return { verdict: 'not-found', reason: `pod ${to.namespace}/${to.name} not found`, hops };
        return this.toPod(req, source, pod, to.port ?? req.port, protocol, hops, false);
      }
      case 'address':
        return this.toAddress(req, source, to.ip, to.port, protocol, hops);
    }
  }

  private source(req: NetRequest): Peer | string {
    const from = req.from;
    switch (from.kind) {
      case 'external':
        return { kind: 'ip', ip: from.ip ?? this.options.externalClientIP };
      case 'node': {
        const node = this.snapshot.nodes.find((n) => n.name === from.name);
        return node ? { kind: 'node', node } : `node ${from.name} not found`;
      }
      case 'pod': {
        const pod = this.services.pod(from.namespace, from.name);
        return pod ? { kind: 'pod', pod } : `pod ${from.namespace}/${from.name} not found`;
      }
      case 'workload': {
        const ready = this.readyPods(from.namespace, from.name);
        const pods = ready.length === 0 ? this.workload(from.namespace, from.name) : ready;
        if (ready.length === 0) return pods.length === 0 ? `no pods of workload ${from.namespace}/${from.name}` : `no ready pod of workload ${from.namespace}/${from.name} to send from`;
        return { kind: 'pod', pod: ready[(((req.seq ?? 0) % ready.length) + ready.length) % ready.length] };
      }
    }
  }

  private viaIngress(req: NetRequest, client: Peer, host: string, path: string, hops: Hop[]): RequestResult {
    if (client.kind === 'pod') {
      // A pod calling the public URL first needs egress to the controller (HTTP, TCP 80).
      const egress = this.engine.verdict('egress', client, { kind: 'pod', pod: this.ingressPod }, 'TCP', 80);
      hops.push(policyHop('policy-egress', egress));
      if (!egress.allowed) return denied('egress', client, egress, hops, 'TCP', 80);
    }
    const match = this.router.route(host, path);
    if (!match) {
      hops.push({ hop: 'ingress', verdict: 'fail', reason: `no Ingress rule matches ${host}${path} and no defaultBackend: 404` });
      return { verdict: 'no-ingress-rule', reason: `no Ingress rule for ${host}${path} (404)`, hops };
    }
    const backend = match.backend;
    if (!backend.service) {
      hops.push({ hop: 'ingress', verdict: 'fail', reason: `${match.reason}; backend ${backend.resource} is not a Service`, object: `Ingress/${match.ingress.namespace}/${match.ingress.name}` });
      return { verdict: 'not-found', reason: `Ingress backend ${backend.resource} is a resource the simulator does not follow`, hops };
    }
    hops.push({ hop: 'ingress', verdict: 'pass', reason: `${match.reason} → Service ${match.ingress.namespace}/${backend.service.name}:${backend.service.port}`, object: `Ingress/${match.ingress.namespace}/${match.ingress.name}` });
    const svc = this.services.service(match.ingress.namespace, backend.service.name);
    if (!svc) {
      hops.push({ hop: 'service', verdict: 'fail', reason: `Service ${match.ingress.namespace}/${backend.service.name} does not exist`, object: `Ingress/${match.ingress.namespace}/${match.ingress.name}` });
      return { verdict: 'no-endpoints', reason: `the Ingress backend Service ${match.ingress.namespace}/${backend.service.name} does not exist (503)`, hops };
    }
    // The controller proxies the request: the backend pod sees the controller as the source.
    return this.viaService({ ...req, protocol: 'TCP' }, { kind: 'pod', pod: this.ingressPod }, svc, backend.service.port, 'TCP', hops);
  }

  private viaNodePort(req: NetRequest, source: Peer, port: number, protocol: Protocol, nodeName: string | undefined, hops: Hop[]): RequestResult {
    const entry = this.services.serviceByNodePort(port, protocol);
    const node = nodeName ? this.snapshot.nodes.find((n) => n.name === nodeName) : this.snapshot.nodes[0];
    if (!entry) {
      hops.push({ hop: 'service', verdict: 'fail', reason: `no NodePort or LoadBalancer Service allocates ${protocol} ${port}` });
      return { verdict: 'port-not-exposed', reason: `nothing listens on node port ${port}/${protocol}`, hops };
    }
    if (!node) return { verdict: 'not-found', reason: `node ${nodeName} not found`, hops };
    const svc = entry.service;
    const local = svc.externalTrafficPolicy === 'Local';
    const seenAs: Peer = !local && this.options.nodePortSource === 'node' && source.kind === 'ip' ? { kind: 'node', node } : source;
    hops.push({ hop: 'service', verdict: 'pass', reason: `node ${node.name} ${node.ip}:${port} is NodePort of Service ${svc.namespace}/${svc.name} port ${entry.port.port}${local ? ' (externalTrafficPolicy Local: only endpoints on this node, client IP kept)' : ''}`, object: `Service/${svc.namespace}/${svc.name}` });
    return this.pickBackend(req, seenAs, svc, entry.port, hops, local ? node.name : undefined, false);
  }

  private viaService(req: NetRequest, source: Peer, svc: NetService, port: number | string | undefined, protocol: Protocol, hops: Hop[]): RequestResult {
    const key = `${svc.namespace}/${svc.name}`;
    if (svc.type === 'ExternalName') {
      hops.push({ hop: 'service', verdict: 'fail', reason: `Service ${key} is ExternalName: DNS answers with a CNAME to ${svc.externalName}; it has no endpoints and no proxying`, object: `Service/${key}` });
      return { verdict: 'no-endpoints', reason: `ExternalName Service ${key} points outside the cluster (${svc.externalName})`, hops };
    }
    const svcPort = findServicePort(svc, port, protocol);
    if (!svcPort) {
      const ports = svc.ports.map((p) => `${p.name ? `${p.name}:` : ''}${p.port}/${p.protocol}`).join(', ') || 'none';
      const wanted = port === undefined ? 'a port (it has several; name one)' : `port ${port}/${protocol}`;
      hops.push({ hop: 'service', verdict: 'fail', reason: `Service ${key} does not expose ${wanted}; ports: ${ports}`, object: `Service/${key}` });
      return { verdict: 'port-not-exposed', reason: `Service ${key} does not expose ${wanted}`, hops };
    }
    const headless = svc.clusterIP === 'None';
    const addr = headless ? 'headless (DNS returns the ready pod IPs, no virtual IP, no port translation)' : `${svc.type} ${svc.clusterIP}:${svcPort.port}/${svcPort.protocol}${svc.type === 'LoadBalancer' ? `, external IP ${svc.externalIP ?? '<pending>'}` : ''}`;
    hops.push({ hop: 'service', verdict: 'pass', reason: `Service ${key} ${addr} → targetPort ${svcPort.targetPort}`, object: `Service/${key}` });
    return this.pickBackend(req, source, svc, svcPort, hops, undefined, headless);
  }

  private pickBackend(req: NetRequest, source: Peer, svc: NetService, svcPort: NetServicePort, hops: Hop[], onlyNode: string | undefined, headless: boolean): RequestResult {
    const key = `${svc.namespace}/${svc.name}`;
    let ready = this.services.readyBackends(svc, svcPort);
    if (onlyNode !== undefined) ready = ready.filter((b) => b.pod?.node === onlyNode);
    if (ready.length === 0) {
      const all = this.services.backends(svc, svcPort);
      const reason = this.whyNoEndpoints(svc, svcPort, all, onlyNode);
      hops.push({ hop: 'endpoint', verdict: 'fail', reason });
      return { verdict: 'no-endpoints', reason: `Service ${key} has no ready endpoints: ${reason}`, hops };
    }
    const clientIP = source.kind === 'pod' ? source.pod.ip : source.kind === 'node' ? source.node.ip : source.ip;
    const chosen = this.services.pick(svc, svcPort, ready, clientIP, req.seq) as Backend;
    const port = headless ? svcPort.port : chosen.port;
    if (!chosen.pod) {
      // An endpoint of a hand-written EndpointSlice that is no pod's address: kube-proxy forwards to it
      // as it is, so the request goes on as one to that address (an address outside the cluster
      // passes the source's egress policy only).
      hops.push({ hop: 'endpoint', verdict: 'pass', reason: `${svc.sessionAffinity === 'ClientIP' ? 'sessionAffinity ClientIP keeps' : 'kube-proxy picks'} endpoint ${chosen.ip}:${port} of an EndpointSlice written for the Service, not a pod (${ready.length} ready endpoint${ready.length === 1 ? '' : 's'})` });
      return this.toAddress(req, source, chosen.ip, port, svcPort.protocol, hops);
    }
    hops.push({ hop: 'endpoint', verdict: 'pass', reason: `${headless ? 'DNS answers with' : svc.sessionAffinity === 'ClientIP' ? 'sessionAffinity ClientIP keeps' : 'kube-proxy picks'} pod ${chosen.pod.namespace}/${chosen.pod.name} ${chosen.pod.ip}:${port} (${ready.length} ready endpoint${ready.length === 1 ? '' : 's'})` });
    return this.toPod(req, source, chosen.pod, port, svcPort.protocol, hops, true);
  }

  private whyNoEndpoints(svc: NetService, svcPort: NetServicePort, all: Backend[], onlyNode: string | undefined): string {
    if (!svc.selector || Object.keys(svc.selector).length === 0) {
      if (all.length > 0) return `0 of ${all.length} endpoint(s) of its EndpointSlices are ready`;
      return `the Service has no selector, so no endpoints are managed for it (and no EndpointSlice labelled kubernetes.io/service-name=${svc.name} lists one for port ${svcPort.name || svcPort.port})`;
    }
    const selector = Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`).join(',');
    const selected = this.services.selectedPods(svc);
    if (selected.length === 0) return `selector ${selector} matches no pod in namespace ${svc.namespace}`;
    if (all.length === 0) return `${selected.length} pod(s) match ${selector} but none has a ${svcPort.protocol} container port named "${svcPort.targetPort}"`;
    if (onlyNode !== undefined && all.some((b) => b.ready)) return `externalTrafficPolicy Local and no ready endpoint on node ${onlyNode}`;
    return `0 of ${all.length} endpoint(s) are Ready (only Ready pods are endpoints unless publishNotReadyAddresses)`;
  }

  private toAddress(req: NetRequest, source: Peer, ip: string, port: number, protocol: Protocol, hops: Hop[]): RequestResult {
    const svc = this.services.serviceByClusterIP(ip);
    if (svc) return this.viaService(req, source, svc, port, protocol, hops);
    const node = this.nodesByIP.get(ip);
    if (node && this.services.serviceByNodePort(port, protocol)) return this.viaNodePort(req, source, port, protocol, node, hops);
    const pod = this.services.podByIP(ip) ?? (node ? this.snapshot.pods.find((p) => p.hostNetwork && p.node === node && p.ports.some((c) => c.containerPort === port && c.protocol === protocol)) : undefined);
    if (pod) return this.toPod(req, source, pod, port, protocol, hops, false);
    if (parseIPv4(ip) === undefined) return { verdict: 'not-found', reason: `${ip} is not an IPv4 address`, hops };
    // Outside the cluster: only the source's egress policy applies.
    const dst: Peer = node ? { kind: 'node', node: this.snapshot.nodes.find((n) => n.name === node)! } : { kind: 'ip', ip };
    const egress = this.engine.verdict('egress', source, dst, protocol, port);
    hops.push(policyHop('policy-egress', egress));
    if (!egress.allowed) return denied('egress', source, egress, hops, protocol, port);
    return { verdict: 'delivered', reason: `leaves the cluster to ${ip}:${port}/${protocol}`, hops, port, protocol };
  }

  private toPod(req: NetRequest, source: Peer, pod: NetPod, port: number | undefined, protocol: Protocol, hops: Hop[], viaService: boolean): RequestResult {
    const resolvedPort = port ?? pod.ports.find((p) => p.protocol === protocol)?.containerPort;
    const target = { namespace: pod.namespace, name: pod.name };
    if (resolvedPort === undefined) {
      hops.push({ hop: 'pod', verdict: 'fail', reason: `pod ${pod.namespace}/${pod.name} declares no ${protocol} port and the request names none` });
      return { verdict: 'port-not-exposed', reason: `no port given and pod ${pod.namespace}/${pod.name} declares no ${protocol} port`, hops, pod: target, protocol };
    }
    const dst: Peer = { kind: 'pod', pod };
    const self = source.kind === 'pod' && source.pod === pod;
    const selfAllowed = self && (viaService ? this.options.hairpinViaService === 'allowed' : this.options.podToSelf === 'allowed');
    if (selfAllowed) {
      const why = viaService ? 'a pod reaching itself through a Service (hairpin) is allowed (option hairpinViaService=allowed)' : 'a pod cannot block access to itself (kubernetes.io, Network Policies; option podToSelf=allowed)';
      hops.push({ hop: 'policy-egress', verdict: 'pass', reason: why }, { hop: 'policy-ingress', verdict: 'pass', reason: why });
    } else {
      const egress = this.engine.verdict('egress', source, dst, protocol, resolvedPort);
      hops.push(policyHop('policy-egress', egress));
      if (!egress.allowed) return { ...denied('egress', source, egress, hops, protocol, resolvedPort), pod: target };
      const ingress = this.engine.verdict('ingress', source, dst, protocol, resolvedPort);
      hops.push(policyHop('policy-ingress', ingress));
      if (!ingress.allowed) return { ...denied('ingress', dst, ingress, hops, protocol, resolvedPort), pod: target };
    }
    const flags: string[] = [];
    if (pod.hostNetwork || (source.kind === 'pod' && source.pod.hostNetwork)) flags.push('hostNetwork pod involved: NetworkPolicy behaviour is undefined (plugin-dependent)');
    if (!pod.ready) flags.push('the pod is not Ready (direct pod traffic still reaches it)');
    const declared = pod.ports.length > 0;
    if (declared && !pod.ports.some((p) => p.containerPort === resolvedPort && p.protocol === protocol)) {
      hops.push({ hop: 'pod', verdict: 'fail', reason: `pod ${pod.namespace}/${pod.name} declares no container port ${resolvedPort}/${protocol} (declared: ${pod.ports.map((p) => `${p.containerPort}/${p.protocol}`).join(', ')})` });
      return { verdict: 'port-not-exposed', reason: `pod ${pod.namespace}/${pod.name} does not expose ${resolvedPort}/${protocol}`, hops, pod: target, port: resolvedPort, protocol };
    }
    const note = declared ? '' : ' (the pod declares no container ports; Kubernetes does not require them)';
    hops.push({ hop: 'pod', verdict: 'pass', reason: `pod ${pod.namespace}/${pod.name} ${pod.ip}:${resolvedPort}/${protocol} on node ${pod.node}${note}${flags.length ? `; ${flags.join('; ')}` : ''}` });
    return { verdict: 'delivered', reason: `delivered to pod ${pod.namespace}/${pod.name} port ${resolvedPort}/${protocol} from ${describePeer(source)}`, hops, pod: target, port: resolvedPort, protocol };
  }
}

function findServicePort(svc: NetService, port: number | string | undefined, protocol: Protocol): NetServicePort | undefined {
  return ServiceTable.findPort(svc, port, port === undefined ? undefined : protocol);
}

function policyHop(hop: 'policy-egress' | 'policy-ingress', v: PolicyVerdict): Hop {
  return { hop, verdict: v.allowed ? 'pass' : 'fail', reason: v.reason, ...(v.isolated ? { policies: v.policies, rules: v.allowedBy } : {}), ...(v.unmatched ? { unmatched: v.unmatched } : {}) };
}

function denied(direction: 'ingress' | 'egress', self: Peer, v: PolicyVerdict, hops: Hop[], protocol: Protocol, port: number): RequestResult {
  const ns = self.kind === 'pod' ? self.pod.namespace : '';
  return {
    verdict: 'denied',
    reason: `denied by NetworkPolicy ${v.policies.join(', ')} in namespace ${ns} (${direction}): ${v.reason}`,
    hops,
    port,
    protocol,
    deniedBy: { direction, namespace: ns, policies: v.policies },
  };
}

const resolvers = new WeakMap<NetworkSnapshot, NetworkResolver>();

/** Resolves one request; the resolver (and its precomputation) is cached per snapshot for default options. */
export function resolveRequest(snapshot: NetworkSnapshot, request: NetRequest, options?: Partial<NetworkOptions>): RequestResult {
  if (options && Object.keys(options).length > 0) return new NetworkResolver(snapshot, options).resolve(request);
  let r = resolvers.get(snapshot);
  if (!r) {
    r = new NetworkResolver(snapshot);
    resolvers.set(snapshot, r);
  }
  return r.resolve(request);
}
