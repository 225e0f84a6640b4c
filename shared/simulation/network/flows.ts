/**
 * Traffic flows traced for the canvas: each flow (a client sending `rate` requests per second to a
 * target) is resolved request by request by the network resolver, the requests are spread over the
 * endpoints as kube-proxy spreads them (round robin, so an equal share each), and the results are
 * grouped into routes: the cards a request passes (Ingress → Service → the workload of the
 * endpoint pod), its share of the rate, and where and why it stops when it is dropped.
 *
 * Flow endpoints use the scenario syntax (docs/scenarios.md, "Traffic flows"): `from` is
 * `external` or `<namespace>/<workload>`; `to` is `http://host/path` (through the Ingress),
 * `node:<port>` (a NodePort), `<namespace>/<service>:<port>` or `<namespace>/<workload>:<port>`.
 */
import { computeConnectivity, INGRESS_CONTROLLER, workloadName } from './connectivity';
import { NetworkResolver, type FinalVerdict, type HopKind, type NetRequest, type RequestResult, type RequestSource, type RequestTarget } from './resolve';
import type { DesignFlow } from '../../design/types';
import type { NetPod, NetworkOptions, NetworkSnapshot, Protocol } from './types';

/** A flow as the user designs it (the design file's `flows:`, docs/design-format.md). */
export type FlowSpec = DesignFlow;

/** A place on the canvas: `external` (the client outside the cluster), `ingress-controller`, or an object `Kind/namespace/name`. */
export type FlowStop = string;

export const EXTERNAL = 'external';
export const CONTROLLER = 'ingress-controller';

export interface FlowRoute {
  /** The places the requests pass, in order (at least one). */
  path: FlowStop[];
  /** Requests per second on this route. */
  rate: number;
  verdict: FinalVerdict;
  /** Dropped requests stop on segment `path[segment] → path[segment + 1]`, a fraction `at` of the way along. */
  stop?: { segment: number; at: number };
  /** The hop that dropped them. */
  hop?: HopKind;
  reason: string;
  /** The endpoint pod (`namespace/name`), when the request got that far. */
  pod?: string;
  /** The hop-by-hop explanation, as `kubeplan explain` prints it. */
  explain: string;
  /** Dropped by a NetworkPolicy: each rule of the isolating policies and why it did not allow the request. */
  rules?: string[];
}

export interface FlowTrace {
  id: string;
  name: string;
  rate: number;
  /** Requests per second delivered and dropped. */
  delivered: number;
  dropped: number;
  routes: FlowRoute[];
  /** The flow cannot be read (bad syntax); no routes then. */
  error?: string;
}

/**
 * Requests resolved per flow to spread it over endpoints: lcm(1..8), so a round robin over up to 8
 * endpoints (and source pods) comes out exactly equal, and more within 1/840 of it.
 */
export const SAMPLES = 840;

export function parseFlowSource(from: string): RequestSource | string {
  if (from === EXTERNAL) return { kind: 'external' };
  const slash = from.indexOf('/');
  if (slash <= 0 || slash === from.length - 1) return `from must be "external" or "<namespace>/<workload>", got "${from}"`;
  return { kind: 'workload', namespace: from.slice(0, slash), name: from.slice(slash + 1) };
}

export function parseFlowTarget(to: string, snapshot: NetworkSnapshot): RequestTarget | string {
  const http = /^https?:\/\/([^/:?#]+)(?::\d+)?([^?#]*)/.exec(to);
  if (http) return { kind: 'ingress', host: http[1], path: http[2] || '/' };
  const nodePort = /^node(?:\/([^:]+))?:(\d+)$/.exec(to);
  if (nodePort) return { kind: 'nodePort', port: Number(nodePort[2]), ...(nodePort[1] ? { node: nodePort[1] } : {}) };
  const named = /^([^/\s]+)\/([^:\s]+)(?::([\w-]+))?$/.exec(to);
  if (named) {
    const [, namespace, name, rawPort] = named;
    const port = rawPort === undefined ? undefined : /^\d+$/.test(rawPort) ? Number(rawPort) : rawPort;
    if (typeof port === 'number' && !(port >= 1 && port <= 65535)) return `port ${port} in "${to}" must be between 1 and 65535`;
    if (snapshot.services.some((s) => s.namespace === namespace && s.name === name)) return { kind: 'service', namespace, name, ...(port !== undefined ? { port } : {}) };
    if (typeof port === 'string') return `"${to}": a workload's port is a number (${namespace}/${name} is no Service)`;
    return { kind: 'workload', namespace, name, ...(port !== undefined ? { port } : {}) };
  }
  return `cannot read the target "${to}" (use http://host/path, node:<port>, <namespace>/<service>:<port> or <namespace>/<workload>:<port>)`;
}

/** `Kind/namespace/name` of a pod's top owner (a bare pod is `Pod/namespace/name`). */
export function ownerStop(pod: NetPod): FlowStop {
  const slash = pod.owner.indexOf('/');
  return slash < 0 ? `Pod/${pod.namespace}/${pod.name}` : `${pod.owner.slice(0, slash)}/${pod.namespace}/${pod.owner.slice(slash + 1)}`;
}

/** The hop-by-hop text of one request, in `kubeplan explain`'s layout. */
export function explainText(request: string, result: RequestResult): string {
  const lines = [`Request: ${request}`];
  result.hops.forEach((h, i) => lines.push(`  ${i + 1}. ${h.hop.padEnd(15)} ${h.verdict === 'pass' ? 'PASS' : 'FAIL'}  ${h.reason}`));
  lines.push(`Verdict: ${result.verdict} — ${result.reason}`);
  return lines.join('\n');
}

/** Where along the last segment a dropped request stops, by the hop that dropped it. */
const STOP_AT: Partial<Record<HopKind, number>> = { 'policy-egress': 0.15, 'policy-ingress': 0.85, pod: 0.92 };

/** The path a request took and where it stops (see FlowRoute). */
function routeOf(result: RequestResult, origin: FlowStop, podIndex: Map<string, NetPod>): Pick<FlowRoute, 'path' | 'stop' | 'hop'> {
  const path: FlowStop[] = [origin];
  const push = (s: FlowStop) => {
    if (path[path.length - 1] !== s) path.push(s);
  };
  let failed: HopKind | undefined;
  for (const h of result.hops) {
    if (h.hop === 'ingress' && !h.object) push(CONTROLLER);
    if (h.object) push(h.object);
    if (h.verdict === 'fail') {
      failed = h.hop;
      break;
    }
  }
  const pod = result.pod ? podIndex.get(`${result.pod.namespace}/${result.pod.name}`) : undefined;
  // A pod calling the Ingress URL goes through the controller; egress to it failed before any Ingress hop.
  if (failed === 'policy-egress' && result.hops.length === 1 && !pod) push(CONTROLLER);
  if (pod) push(ownerStop(pod));
  if (result.verdict === 'delivered' || failed === undefined) {
    return result.verdict === 'delivered' || path.length < 2 ? { path } : { path, stop: { segment: path.length - 2, at: 1 }, hop: failed };
  }
  const at = STOP_AT[failed];
  // Policy and pod hops stop short of (or just after leaving) the last card; the others stop at the card that dropped them.
  if (path.length < 2) return { path, hop: failed };
  return { path, stop: { segment: path.length - 2, at: at ?? 1 }, hop: failed };
}

function unmatchedRules(result: RequestResult): Pick<FlowRoute, 'rules'> {
  const failed = result.hops.find((h) => h.verdict === 'fail');
  return failed?.unmatched?.length ? { rules: failed.unmatched } : {};
}

function describeRequest(flow: FlowSpec): string {
  return `${flow.from} → ${flow.to}${flow.protocol && flow.protocol !== 'TCP' ? ` (${flow.protocol})` : ''}`;
}

/** Trace every flow over one network snapshot (the design's simulated steady state). */
export function traceFlows(snapshot: NetworkSnapshot, flows: readonly FlowSpec[], options: Partial<NetworkOptions> = {}, resolver = new NetworkResolver(snapshot, options)): FlowTrace[] {
  const podIndex = new Map(snapshot.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  return flows.map((flow) => {
    const base = { id: flow.id, name: flow.name, rate: flow.rate };
    const from = parseFlowSource(flow.from);
    const to = typeof from === 'string' ? from : parseFlowTarget(flow.to, snapshot);
    if (typeof from === 'string' || typeof to === 'string') return { ...base, delivered: 0, dropped: flow.rate, routes: [], error: (typeof from === 'string' ? from : to) as string };
    const request: NetRequest = { from, to, ...(flow.protocol ? { protocol: flow.protocol } : {}) };
    const groups = new Map<string, { result: RequestResult; count: number; origin: FlowStop }>();
    for (let seq = 0; seq < SAMPLES; seq++) {
      const result = resolver.resolve({ ...request, seq });
      let origin: FlowStop = EXTERNAL;
      if (from.kind === 'workload') {
        const pods = resolver.workload(from.namespace, from.name);
        origin = pods.length > 0 ? ownerStop(pods[0]!) : `Workload/${from.namespace}/${from.name}`;
      }
      const key = `${result.pod ? `${result.pod.namespace}/${result.pod.name}` : ''}\0${result.verdict}\0${result.reason}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { result, count: 1, origin });
    }
    const request0 = describeRequest(flow);
    const routes: FlowRoute[] = [...groups.values()].map(({ result, count, origin }) => ({
      ...routeOf(result, origin, podIndex),
      rate: (flow.rate * count) / SAMPLES,
      verdict: result.verdict,
      reason: result.reason,
      ...(result.pod ? { pod: `${result.pod.namespace}/${result.pod.name}` } : {}),
      explain: explainText(request0, result),
      ...unmatchedRules(result),
    }));
    routes.sort((a, b) => (a.pod ?? '').localeCompare(b.pod ?? '') || a.verdict.localeCompare(b.verdict));
    const delivered = routes.filter((r) => r.verdict === 'delivered').reduce((s, r) => s + r.rate, 0);
    return { ...base, delivered, dropped: flow.rate - delivered, routes };
  });
}

/** One cell of the connectivity matrix: what `src` may open to `dst`, and why (or why not). */
export interface MatrixCell {
  src: string;
  dst: string;
  /** `All Connections`, `TCP 8080`, …, or `''` when nothing is allowed. */
  conn: string;
  explain: string;
}

export interface ConnectivityMatrix {
  /** Workloads (`ns/name[Kind]`), then the Ingress controller and the external ranges that appear. */
  peers: string[];
  cells: MatrixCell[];
  /** Set when there are more workloads than the matrix shows (`limit`). */
  truncated?: number;
}

/**
 * Workload × workload (and external) connectivity from `computeConnectivity`, with an explanation
 * for every cell: one request from a pod of `src` to a pod of `dst` on the first allowed port (or
 * on the first port `dst` declares, when nothing is allowed).
 */
export function connectivityMatrix(snapshot: NetworkSnapshot, options: Partial<NetworkOptions> = {}, limit = 40, resolver = new NetworkResolver(snapshot, options)): ConnectivityMatrix {
  const lines = computeConnectivity(snapshot, options, resolver);
  const byName = new Map<string, NetPod>();
  for (const p of snapshot.pods) if (!byName.has(workloadName(p))) byName.set(workloadName(p), p);
  const workloads = [...byName.keys()].sort();
  const shown = workloads.slice(0, limit);
  const external = [...new Set(lines.flatMap((l) => [l.src, l.dst]).filter((n) => !byName.has(n)))].sort((a, b) => (a === INGRESS_CONTROLLER ? -1 : b === INGRESS_CONTROLLER ? 1 : a.localeCompare(b)));
  const peers = [...shown, ...external];
  const conn = new Map(lines.map((l) => [`${l.src}\0${l.dst}`, l.conn]));
  const cells: MatrixCell[] = [];
  for (const src of peers) {
    for (const dst of peers) {
      if (src === dst) continue;
      const srcPod = byName.get(src);
      const dstPod = byName.get(dst);
      const allowed = conn.get(`${src}\0${dst}`) ?? '';
      if (!dstPod) {
        cells.push({ src, dst, conn: allowed, explain: allowed ? `${src} → ${dst}: ${allowed}` : `${src} → ${dst}: no connection is allowed (egress policies of ${src})` });
        continue;
      }
      const port = firstPort(allowed) ?? dstPod.ports[0]?.containerPort ?? 80;
      const protocol = (/^(TCP|UDP|SCTP)/.exec(allowed)?.[1] as Protocol | undefined) ?? dstPod.ports[0]?.protocol ?? 'TCP';
      const source: RequestSource = srcPod ? { kind: 'pod', namespace: srcPod.namespace, name: srcPod.name } : { kind: 'external', ...(src === INGRESS_CONTROLLER ? {} : { ip: firstAddress(src) }) };
      const req: NetRequest = { from: source, to: { kind: 'pod', namespace: dstPod.namespace, name: dstPod.name, port }, protocol };
      const result = src === INGRESS_CONTROLLER ? undefined : resolver.resolve(req);
      const text = result ? explainText(`${src} → ${dst} ${protocol} ${port}`, result) : `${src} → ${dst}: ${allowed || 'no connection is allowed'} (the Ingress controller reaches backends the Ingress rules name)`;
      cells.push({ src, dst, conn: allowed, explain: text });
    }
  }
  return { peers, cells, ...(workloads.length > limit ? { truncated: workloads.length - limit } : {}) };
}

function firstPort(conn: string): number | undefined {
  const m = /(?:TCP|UDP|SCTP) (\d+)/.exec(conn);
  return m ? Number(m[1]) : undefined;
}

/** The first address of an external peer's name (`0.0.0.0-9.255.255.255,…` or `10.0.0.0/8`). */
function firstAddress(name: string): string | undefined {
  const m = /(\d+\.\d+\.\d+\.\d+)/.exec(name);
  if (!m) return undefined;
  // A range's first address may be the network address; step in by one so a /8 or a range start still counts.
  const parts = m[1].split('.').map(Number);
  if (parts[3] === 0) parts[3] = 1;
  return parts.join('.');
}
