/**
 * Traffic flows: each simulated second, every running flow sends `rate` requests; each request is
 * resolved hop by hop by the network resolver (shared/simulation/network) over a snapshot of the
 * store, and the results are aggregated per flow, edge, verdict and reason for the canvas.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { DesignFlow } from '../design/types';
import type { KubeObject } from '../model/object';
import type { Cluster } from './cluster';
import { nodeIP } from './ipam';
import { isTerminal, isReady } from './controllers/util';
import { containerPorts, NetworkResolver, toNetEndpointSlice, toNetIngress, toNetPolicy, toNetService, type NetEndpointSlice, type NetRequest, type NetworkSnapshot, type RequestResult } from './network';
import { SimulationLimitError } from './limits';
import { topOwner } from './report';
import { nsOf } from './store';
import type { TrafficEdgeAggregate, TrafficFlowSpec } from './types';

const byKey = (a: { namespace: string; name: string }, b: { namespace: string; name: string }) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The network view of the store right now: pods with their IPs and readiness, Services, slices, Ingress, policies. */
export function networkSnapshot(c: Cluster): NetworkSnapshot {
  const nodes = c.store.list('Node').map((n) => ({ name: n.metadata.name, ip: nodeIP(n) }));
  const pods = [];
  for (const o of c.store.list('Pod')) {
    const p = o as Pod & KubeObject;
    if (!p.status?.podIP || isTerminal(p) || p.metadata.deletionTimestamp) continue;
    pods.push({
      namespace: nsOf(p), name: p.metadata.name, labels: { ...(p.metadata.labels ?? {}) }, ip: p.status.podIP, node: p.spec?.nodeName ?? '',
      ready: isReady(p), ports: containerPorts(p.spec), hostNetwork: p.spec?.hostNetwork === true, owner: topOwner(c, p),
    });
  }
  // The controller's slices and any written by hand (a Service without a selector), as kube-proxy reads them.
  const endpointSlices: NetEndpointSlice[] = c.store.list('EndpointSlice').map(toNetEndpointSlice);
  return {
    namespaces: c.store.list('Namespace').map((n) => ({ name: n.metadata.name, labels: { ...(n.metadata.labels ?? {}) } })),
    nodes,
    pods,
    services: c.store.list('Service').map(toNetService).sort(byKey),
    endpointSlices,
    // Namespace/name order, as for a design, so verdicts name policies in one order whatever the apply order.
    ingresses: c.store.list('Ingress').map(toNetIngress).sort(byKey),
    networkPolicies: c.store.list('NetworkPolicy').map(toNetPolicy).sort(byKey),
  };
}

/** The design's flows as the traffic engine runs them (SimulationInput.flows). */
export function flowSpecs(flows: readonly DesignFlow[] | undefined): TrafficFlowSpec[] {
  return (flows ?? []).map((f) => ({ name: f.name, from: f.from, to: f.to, rate: f.rate, ...(f.protocol ? { protocol: f.protocol } : {}) }));
}

/** Parse a flow's `from`/`to` strings into a resolver request (see TrafficFlowSpec). */
export function flowRequest(c: Cluster, flow: TrafficFlowSpec): NetRequest | string {
  const from: NetRequest['from'] = flow.from === 'external' ? { kind: 'external' } : (() => {
    const [namespace, ...rest] = flow.from.split('/');
    return { kind: 'workload' as const, namespace, name: rest.join('/') };
  })();
  if (flow.from !== 'external' && !flow.from.includes('/')) return `traffic flow "${flow.name}": from must be "external" or "<namespace>/<workload>", got "${flow.from}"`;
  const to = flow.to;
  const http = /^https?:\/\/([^/:]+)(?::\d+)?(\/.*)?$/.exec(to);
  if (http) return { from, to: { kind: 'ingress', host: http[1], path: http[2] ?? '/' }, protocol: flow.protocol };
  const nodePort = /^node(?:\/([^:]+))?:(\d+)$/.exec(to);
  if (nodePort) return { from, to: { kind: 'nodePort', port: Number(nodePort[2]), ...(nodePort[1] ? { node: nodePort[1] } : {}) }, protocol: flow.protocol };
  const address = /^(\d+\.\d+\.\d+\.\d+):(\d+)$/.exec(to);
  if (address) return { from, to: { kind: 'address', ip: address[1], port: Number(address[2]) }, protocol: flow.protocol };
  const named = /^([^/]+)\/([^:]+)(?::(\w+))?$/.exec(to);
  if (named) {
    const [, namespace, name, port] = named;
    const p = port === undefined ? undefined : /^\d+$/.test(port) ? Number(port) : port;
    if (c.store.getBy('Service', namespace, name)) return { from, to: { kind: 'service', namespace, name, ...(p !== undefined ? { port: p } : {}) }, protocol: flow.protocol };
    return { from, to: { kind: 'workload', namespace, name, ...(typeof p === 'number' ? { port: p } : {}) }, protocol: flow.protocol };
  }
  return `traffic flow "${flow.name}": cannot read target "${to}" (use http://host/path, node:<port>, <ns>/<service>:<port>, <ns>/<workload>:<port> or <ip>:<port>)`;
}

const VERDICT: Record<RequestResult['verdict'], TrafficEdgeAggregate['verdict']> = {
  delivered: 'delivered', denied: 'denied', 'no-endpoints': 'dropped', 'no-ingress-rule': 'dropped', 'port-not-exposed': 'dropped', 'not-found': 'dropped',
};

/** One second of requests: the canvas's aggregates per flow, and what each pod was delivered. */
interface Second {
  time: number;
  /** The store's resourceVersion and the flows' version it was resolved against. */
  revision: number;
  flows: number;
  /** Delivered requests per pod, `namespace/name`. */
  served: Map<string, number>;
  /** The second's aggregates (for the next second: as it would go). */
  aggregates: TrafficEdgeAggregate[];
}

const NONE: ReadonlyMap<string, number> = new Map();

/** A flow's aggregates of one second in the canvas's order: by destination, then verdict. */
function sorted(counts: Map<string, TrafficEdgeAggregate>): TrafficEdgeAggregate[] {
  return [...counts.values()].sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : a.verdict.localeCompare(b.verdict)));
}

export class TrafficEngine {
  readonly aggregates: TrafficEdgeAggregate[] = [];
  private readonly flows = new Map<string, { spec: TrafficFlowSpec; sent: number }>();
  /** Each flow's target as it was last started (`http://host/path`…), kept after it stops: the observation's request paths. */
  readonly targets = new Map<string, string>();
  private resolver: NetworkResolver | undefined;
  private resolverRevision = -1;
  private armed = false;
  /** Bumped whenever a flow starts, changes or stops. */
  private flowsVersion = 0;
  /** The last second sent, and the next one as it would go now (what the HPA's metrics read). */
  private sentSecond: Second | undefined;
  private nextSecond: Second | undefined;

  constructor(private readonly c: Cluster) {
    c.served = () => this.servedNow();
  }

  /** Requests resolved so far, all flows together (bounded by the trafficRequests limit). */
  private resolved = 0;

  /** Start a flow, or change a running one of the same name (its rate, its target). */
  start(flow: TrafficFlowSpec): void {
    if (!(flow.rate <= this.c.options.limits.trafficRatePerFlow)) {
      throw new SimulationLimitError('trafficRatePerFlow', `flow/${flow.name}`, `traffic flow "${flow.name}": rate ${flow.rate} is over the ${this.c.options.limits.trafficRatePerFlow.toLocaleString('en-US')} requests per second one flow may send`);
    }
    const running = this.flows.get(flow.name);
    this.flows.set(flow.name, { spec: flow, sent: running?.sent ?? 0 });
    this.targets.set(flow.name, flow.to);
    this.changed(flow.name);
    this.arm();
  }

  /** One tick a second while any flow runs (periodic: traffic alone never holds off steady state). */
  private arm(): void {
    if (this.armed) return;
    this.armed = true;
    this.c.after(1, 'periodic', () => {
      this.armed = false;
      if (this.flows.size === 0) return;
      this.tick();
      this.arm();
    });
  }

  stop(name: string): void {
    if (this.flows.delete(name)) this.changed(name);
  }

  get active(): number {
    return this.flows.size;
  }

  /**
   * What the traffic now sends each pod in a second, delivered requests only: the last second's when
   * nothing has changed since it was sent, else the next second as the flows would send it over the
   * cluster as it stands (kube-proxy's round robin over the ready endpoints, NetworkPolicy verdicts).
   */
  servedNow(): ReadonlyMap<string, number> {
    if (this.flows.size === 0) return NONE;
    const c = this.c;
    const fresh = (s: Second | undefined) => s !== undefined && s.time === c.now && s.revision === c.store.resourceVersion && s.flows === this.flowsVersion;
    if (fresh(this.sentSecond)) return this.sentSecond!.served;
    return this.upcoming().served;
  }

  /** The next second as the flows would send it over the cluster as it stands (nothing is sent or counted). */
  upcoming(): Second {
    const c = this.c;
    const s = this.nextSecond;
    if (s && s.time === c.now && s.revision === c.store.resourceVersion && s.flows === this.flowsVersion) return s;
    const served = new Map<string, number>();
    const aggregates: TrafficEdgeAggregate[] = [];
    for (const [name, flow] of this.flows) aggregates.push(...sorted(this.resolveSecond(name, flow, served)));
    this.nextSecond = { time: c.now, revision: c.store.resourceVersion, flows: this.flowsVersion, served, aggregates };
    return this.nextSecond;
  }

  /** Send one second of requests for every flow. */
  tick(): void {
    if (this.flows.size === 0) return;
    const c = this.c;
    const served = new Map<string, number>();
    for (const [name, flow] of this.flows) {
      this.resolved += flow.spec.rate;
      if (this.resolved > this.c.options.limits.trafficRequests) {
        throw new SimulationLimitError('trafficRequests', `flow/${name}`, `traffic flow "${name}": the simulation resolves at most ${this.c.options.limits.trafficRequests.toLocaleString('en-US')} requests in one run; stopped at t=${c.now}s`);
      }
      const counts = sorted(this.resolveSecond(name, flow, served));
      flow.sent += flow.spec.rate;
      this.aggregates.push(...counts);
    }
    this.sentSecond = { time: c.now, revision: c.store.resourceVersion, flows: this.flowsVersion, served, aggregates: [] };
  }

  /** One second of a flow's requests, from its next sequence number: counted per place and verdict, delivered ones added to `served`. */
  private resolveSecond(name: string, flow: { spec: TrafficFlowSpec; sent: number }, served: Map<string, number>): Map<string, TrafficEdgeAggregate> {
    const c = this.c;
    if (!this.resolver || this.resolverRevision !== c.store.resourceVersion) {
      this.resolver = new NetworkResolver(networkSnapshot(c));
      this.resolverRevision = c.store.resourceVersion;
    }
    const req = flowRequest(c, flow.spec);
    const counts = new Map<string, TrafficEdgeAggregate>();
    for (let i = 0; i < flow.spec.rate; i++) {
      const r: RequestResult = typeof req === 'string' ? { verdict: 'not-found', reason: req, hops: [] } : this.resolver.resolve({ ...req, seq: flow.sent + i });
      const to = r.pod ? `Pod/${r.pod.namespace}/${r.pod.name}` : flow.spec.to;
      const verdict = VERDICT[r.verdict];
      const key = `${to}\0${verdict}\0${r.reason}`;
      const agg = counts.get(key);
      if (agg) agg.requests++;
      else counts.set(key, { time: c.now, flow: name, from: flow.spec.from, to, verdict, reason: r.reason, requests: 1 });
    }
    // What each pod was delivered, from the counts (one entry per place and verdict, not per request).
    for (const a of counts.values()) {
      if (a.verdict !== 'delivered' || !a.to.startsWith('Pod/')) continue;
      const pod = a.to.slice('Pod/'.length);
      served.set(pod, (served.get(pod) ?? 0) + a.requests);
    }
    return counts;
  }

  /** Tell the informers (the HPA controller) that the traffic changed, as a `Traffic` watch event. */
  private changed(name: string): void {
    this.flowsVersion++;
    this.c.dispatch({ type: 'MODIFIED', object: { apiVersion: 'v1', kind: 'Traffic', metadata: { name } } });
  }
}
