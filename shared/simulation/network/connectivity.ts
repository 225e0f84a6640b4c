/**
 * Allowed connections between every workload, the Ingress controller and the external address
 * ranges, in the connectivity-list format of netpol-analyzer (one line per allowed ordered pair,
 * sorted by source then destination): `ns/web[Deployment] => ns/db[StatefulSet] : TCP 5432`.
 * Pods are grouped by workload (same namespace, owner, labels and ports ⇒ same verdicts), so the
 * work grows with workloads, not pods. Self pairs (a workload to itself) are not listed.
 */
import { ALL_IPV4, formatRange, type Interval } from './ip';
import { NetworkResolver } from './resolve';
import { PortSet } from './ports';
import { targetPortOn } from './services';
import type { CompiledPeer, CompiledPolicy, CompiledRule, Peer, PolicyEngine } from './policy';
import type { Direction, NetPod, NetworkOptions, NetworkSnapshot } from './types';

export interface ConnectionLine {
  src: string;
  dst: string;
  conn: string;
}

export const INGRESS_CONTROLLER = '{ingress-controller}';

/** `ns/name[Kind]` of a pod's top owner; a bare pod is `ns/name[Pod]`. */
export function workloadName(pod: NetPod): string {
  const slash = pod.owner.indexOf('/');
  const kind = slash < 0 ? 'Pod' : pod.owner.slice(0, slash);
  const name = slash < 0 ? pod.name : pod.owner.slice(slash + 1);
  return `${pod.namespace}/${name}[${kind}]`;
}

interface Group {
  name: string;
  pod: NetPod;
}

/**
 * Splits 0.0.0.0/0 by every cidr and except the policies mention; ranges that every ipBlock treats
 * alike form one external peer (e.g. `0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255`).
 */
export function externalPeers(resolver: NetworkResolver): { name: string; ip: string }[] {
  const blocks: Interval[][] = [];
  for (const p of resolver.engine.policies) {
    for (const dir of ['ingress', 'egress'] as const) {
      for (const rule of p.rules[dir]) for (const peer of rule.peers ?? []) if (peer.ipBlock && !peer.invalid) blocks.push(peer.ipBlock);
    }
  }
  const cuts = new Set<number>([ALL_IPV4[0], ALL_IPV4[1] + 1]);
  for (const b of blocks) for (const [s, e] of b) cuts.add(s).add(e + 1);
  const points = [...cuts].sort((a, b) => a - b);
  const bySignature = new Map<string, Interval[]>();
  for (let i = 0; i + 1 < points.length; i++) {
    const iv: Interval = [points[i], points[i + 1] - 1];
    const sig = blocks.map((b) => (b.some(([s, e]) => iv[0] >= s && iv[1] <= e) ? '1' : '0')).join('');
    const list = bySignature.get(sig);
    // Adjacent elementary intervals with the same signature merge into one range.
    const last = list?.[list.length - 1];
    if (last && last[1] + 1 === iv[0]) last[1] = iv[1];
    else if (list) list.push(iv);
    else bySignature.set(sig, [iv]);
  }
  return [...bySignature.values()].map((ranges) => ({ name: `${ranges.map(formatRange).join(',')}[External]`, ip: formatRange(ranges[0]).split('-')[0] }));
}

function groupPods(snapshot: NetworkSnapshot, byIP: boolean): Group[] {
  // Replicas usually share their labels and ports objects: stringify each object once.
  const json = new Map<object, string>();
  const text = (o: object) => {
    let t = json.get(o);
    if (t === undefined) {
      t = JSON.stringify(o);
      json.set(o, t);
    }
    return t;
  };
  const groups = new Map<string, Group>();
  for (const pod of snapshot.pods) {
    const name = workloadName(pod);
    const key = `${name}\u0000${text(pod.labels)}\u0000${text(pod.ports)}\u0000${pod.hostNetwork}${byIP ? `\u0000${pod.ip}` : ''}`;
    if (!groups.has(key)) groups.set(key, { name, pod });
  }
  return [...groups.values()];
}

/**
 * A rule's peers checked against a "match vector": for every peer item of every policy, whether
 * the other end matches it. Pods (by workload) and external ranges get one vector each, and every
 * verdict is memoised by (isolating policies, vector, destination ports), so equal workloads cost
 * one evaluation.
 */
class Evaluator {
  private readonly itemIds = new Map<CompiledPeer, number>();
  private readonly items: { item: CompiledPeer; ns: string }[] = [];
  private readonly scoped = new Map<string, number[]>();
  private readonly crossNamespace: number[] = [];
  private readonly ipItems: number[] = [];
  private readonly vectorIds = new Map<string, number>();
  private readonly policySetIds = new Map<string, number>();
  private readonly portsIds = new Map<string, number>();
  private readonly intersections = new Map<PortSet, Map<PortSet, PortSet>>();
  private readonly ruleIds = new Map<CompiledRule, number>();
  private readonly maskIds = new Map<string, number>();
  private readonly masks: { open: boolean; rules: CompiledRule[]; named: boolean }[] = [];
  /** Mask ids by (policy set, direction, vector); sized once every side has its ids. */
  private maskTable = new Int32Array(0);
  private readonly portMemo = new Map<number, PortSet>();

  constructor(readonly engine: PolicyEngine) {
    for (const p of engine.policies) {
      for (const dir of ['ingress', 'egress'] as const) {
        for (const rule of p.rules[dir]) {
          for (const item of rule.peers ?? []) {
            const id = this.items.length;
            this.itemIds.set(item, id);
            this.items.push({ item, ns: p.namespace });
            if (item.invalid) continue;
            if (item.ipBlock) this.ipItems.push(id);
            else if (item.namespaceSelector) this.crossNamespace.push(id);
            else {
              const list = this.scoped.get(p.namespace);
              if (list) list.push(id);
              else this.scoped.set(p.namespace, [id]);
            }
          }
        }
      }
    }
  }

  vector(peer: Peer): Uint8Array {
    const v = new Uint8Array(this.items.length);
    // A podSelector-only peer matches pods of its policy's namespace only; skip the others.
    const candidates = peer.kind === 'pod' ? [this.scoped.get(peer.pod.namespace) ?? [], this.crossNamespace, this.ipItems] : [this.ipItems];
    for (const list of candidates) {
      for (const i of list) {
        const { item, ns } = this.items[i];
        v[i] = this.engine.peerMatches(item, ns, peer) ? 1 : 0;
      }
    }
    return v;
  }

  intern(map: Map<string, number>, key: string): number {
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
    }
    return id;
  }

  vectorId(v: Uint8Array): number {
    return this.intern(this.vectorIds, v.join(''));
  }

  policySetId(policies: readonly CompiledPolicy[]): number {
    return this.intern(this.policySetIds, policies.map((p) => p.key).join(','));
  }

  portsId(pod: NetPod | undefined): number {
    return this.intern(this.portsIds, pod ? JSON.stringify(pod.ports) : '');
  }

  /**
   * Which rules of a policy set match `other` (interned as a small id), memoised per (policy set,
   * vector): the expensive part, independent of the destination's ports.
   */
  mask(direction: Direction, policies: readonly CompiledPolicy[], setId: number, other: Uint8Array, otherId: number): number {
    const key = ((setId << 1) | (direction === 'ingress' ? 1 : 0)) * this.vectorIds.size + otherId;
    if (this.maskTable.length !== (this.policySetIds.size << 1) * this.vectorIds.size) this.maskTable = new Int32Array((this.policySetIds.size << 1) * this.vectorIds.size).fill(-1);
    let id = this.maskTable[key];
    if (id < 0) {
      const rules: CompiledRule[] = [];
      for (const p of policies) {
        for (const rule of p.rules[direction]) {
          if (rule.peers && !rule.peers.some((item) => other[this.itemIds.get(item) as number] === 1)) continue;
          rules.push(rule);
        }
      }
      const maskKey = `${policies.length === 0 ? 'open' : 'iso'}:${rules.map((r) => this.ruleId(r)).join(',')}`;
      id = this.intern(this.maskIds, maskKey);
      if (this.masks.length <= id) this.masks.push({ open: policies.length === 0, rules, named: rules.some((r) => r.ports?.some((x) => x.named !== undefined)) });
      this.maskTable[key] = id;
    }
    return id;
  }

  /** The ports a rule mask allows on the destination (named ports resolve on it), memoised. */
  ports(maskId: number, dst: NetPod | undefined, dstPortsId: number): PortSet {
    const m = this.masks[maskId];
    if (m.open) return PortSet.ALL;
    const key = maskId * 1_000_003 + (m.named ? dstPortsId + 1 : 0);
    let set = this.portMemo.get(key);
    if (!set) {
      set = PortSet.EMPTY;
      for (const rule of m.rules) set = set.union(this.engine.rulePorts(rule, dst));
      this.portMemo.set(key, set);
    }
    return set;
  }

  private ruleId(rule: CompiledRule): number {
    let id = this.ruleIds.get(rule);
    if (id === undefined) {
      id = this.ruleIds.size;
      this.ruleIds.set(rule, id);
    }
    return id;
  }

  intersect(a: PortSet, b: PortSet): PortSet {
    if (a === PortSet.ALL) return b;
    if (b === PortSet.ALL) return a;
    let inner = this.intersections.get(a);
    if (!inner) {
      inner = new Map();
      this.intersections.set(a, inner);
    }
    let r = inner.get(b);
    if (!r) {
      r = a.intersect(b);
      inner.set(b, r);
    }
    return r;
  }
}

interface Side {
  name: string;
  pod?: NetPod;
  vector: Uint8Array;
  vectorId: number;
  egress: readonly CompiledPolicy[];
  egressId: number;
  ingress: readonly CompiledPolicy[];
  ingressId: number;
  portsId: number;
}

/** Indices of `items` grouped by key, in first-seen order. */
function classes<T>(items: readonly T[], key: (x: T) => string): number[][] {
  const byKey = new Map<string, number[]>();
  items.forEach((x, i) => {
    const k = key(x);
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  return [...byKey.values()];
}

export function computeConnectivity(snapshot: NetworkSnapshot, options: Partial<NetworkOptions> = {}, resolver = new NetworkResolver(snapshot, options)): ConnectionLine[] {
  return [...connectivityLines(snapshot, options, resolver)];
}

/**
 * The connection list one line at a time, in (src, dst) order. Only one source's row is held at
 * once, so memory grows with workloads, not with pairs of them (a Map of every pair overflowed
 * V8's Map size at 100,000 pods): callers stream the lines out.
 */
export function* connectivityLines(snapshot: NetworkSnapshot, options: Partial<NetworkOptions> = {}, resolver = new NetworkResolver(snapshot, options)): Generator<ConnectionLine> {
  const engine = resolver.engine;
  const ev = new Evaluator(engine);
  const side = (name: string, peer: Peer): Side => {
    const pod = peer.kind === 'pod' ? peer.pod : undefined;
    const iso = pod ? engine.isolating(pod) : { ingress: [], egress: [] };
    const vector = ev.vector(peer);
    return { name, pod, vector, vectorId: ev.vectorId(vector), egress: iso.egress, egressId: ev.policySetId(iso.egress), ingress: iso.ingress, ingressId: ev.policySetId(iso.ingress), portsId: ev.portsId(pod) };
  };
  const workloads = groupPods(snapshot, engine.options.ipBlockMatchesPods).map((g) => side(g.name, { kind: 'pod', pod: g.pod }));
  const externals = externalPeers(resolver).map((e) => side(e.name, { kind: 'ip', ip: e.ip }));
  const names = [...new Set([...workloads, ...externals].map((x) => x.name)), INGRESS_CONTROLLER].sort();
  const nameIds = new Map(names.map((n, i) => [n, i]));
  const sides = [...workloads, ...externals];
  const compute = (s: Side, d: Side): PortSet => {
    const egress = ev.ports(ev.mask('egress', s.egress, s.egressId, d.vector, d.vectorId), d.pod, d.portsId);
    if (egress.isEmpty()) return egress;
    return ev.intersect(egress, ev.ports(ev.mask('ingress', d.ingress, d.ingressId, s.vector, s.vectorId), d.pod, d.portsId));
  };
  // Sides that share (egress policies, match vector) are the same source; sides that share
  // (ingress policies, match vector, ports) the same destination. Evaluate class pairs once.
  const nameId = sides.map((x) => nameIds.get(x.name) as number);
  const srcClasses = classes(sides, (x) => `${x.egressId}:${x.vectorId}`);
  const dstClasses = classes(sides, (x) => `${x.ingressId}:${x.vectorId}:${x.portsId}`);
  const srcClassOf = new Int32Array(sides.length);
  srcClasses.forEach((sc, k) => sc.forEach((i) => (srcClassOf[i] = k)));
  // Per destination class: its names (once each), and those of workloads (external ranges only talk to workloads).
  const dstNames = dstClasses.map((dc) => [...new Set(dc.map((j) => nameId[j]))]);
  const dstPodNames = dstClasses.map((dc) => [...new Set(dc.filter((j) => sides[j].pod !== undefined).map((j) => nameId[j]))]);
  const allowed = srcClasses.map((sc) => {
    const out: { dc: number; set: PortSet }[] = [];
    dstClasses.forEach((dc, k) => {
      const set = compute(sides[sc[0]], sides[dc[0]]);
      if (!set.isEmpty()) out.push({ dc: k, set });
    });
    return out;
  });
  // Source rows: the distinct source classes of each name's sides.
  const rowClasses = names.map(() => new Set<number>());
  const rowIsPod = names.map(() => false);
  sides.forEach((x, i) => {
    rowClasses[nameId[i]].add(srcClassOf[i]);
    if (x.pod) rowIsPod[nameId[i]] = true;
  });
  const controllerRow = new Map<number, PortSet>();
  ingressControllerConnections(resolver, (src, dst, set) => {
    const d = nameIds.get(dst);
    if (src !== INGRESS_CONTROLLER || d === undefined || set.isEmpty()) return;
    const prev = controllerRow.get(d);
    controllerRow.set(d, prev ? prev.union(set) : set);
  });
  for (let s = 0; s < names.length; s++) {
    let row: Map<number, PortSet>;
    if (names[s] === INGRESS_CONTROLLER) row = controllerRow;
    else {
      row = new Map();
      for (const sc of rowClasses[s]) {
        for (const { dc, set } of allowed[sc]) {
          // External ranges only talk to workloads; a workload is not listed to itself.
          for (const d of rowIsPod[s] ? dstNames[dc] : dstPodNames[dc]) {
            if (d === s) continue;
            const prev = row.get(d);
            row.set(d, prev ? prev.union(set) : set);
          }
        }
      }
    }
    for (const d of [...row.keys()].sort((a, b) => a - b)) yield { src: names[s], dst: names[d], conn: (row.get(d) as PortSet).toString() };
  }
}

/** `{ingress-controller}` → each workload an Ingress routes to, on the backend's target ports, as policy allows. */
function ingressControllerConnections(resolver: NetworkResolver, add: (src: string, dst: string, set: PortSet) => void): void {
  const controller: Peer = { kind: 'pod', pod: resolver.ingressControllerPod };
  for (const ing of resolver.snapshot.ingresses) {
    const backends = [ing.defaultBackend, ...ing.rules.flatMap((r) => r.paths.map((p) => p.backend))];
    for (const b of backends) {
      if (!b?.service) continue;
      const svc = resolver.services.service(ing.namespace, b.service.name);
      const port = svc?.ports.find((p) => (typeof b.service?.port === 'number' ? p.port === b.service.port : p.name === b.service?.port));
      if (!svc || !port || svc.type === 'ExternalName') continue;
      for (const pod of resolver.services.selectedPods(svc)) {
        const target = targetPortOn(port, pod);
        if (target === undefined) continue;
        const dst: Peer = { kind: 'pod', pod };
        const allowed = resolver.engine.allowedPorts('egress', controller, dst).intersect(resolver.engine.allowedPorts('ingress', controller, dst));
        add(INGRESS_CONTROLLER, workloadName(pod), PortSet.of(port.protocol, target).intersect(allowed));
      }
    }
  }
}

export function formatConnectivityTxt(lines: Iterable<ConnectionLine>): string {
  let out = '';
  writeConnectivity(lines, 'txt', (t) => (out += t));
  return out;
}

export function formatConnectivityJson(lines: Iterable<ConnectionLine>): string {
  let out = '';
  writeConnectivity(lines, 'json', (t) => (out += t));
  return out;
}

/** Write the lines as txt or as a JSON array (as `JSON.stringify(lines, null, 2)` would), in chunks. */
export function writeConnectivity(lines: Iterable<ConnectionLine>, format: 'txt' | 'json', write: (text: string) => void): void {
  let buffer = '';
  let first = true;
  for (const l of lines) {
    if (format === 'txt') buffer += `${l.src} => ${l.dst} : ${l.conn}\n`;
    else {
      buffer += `${first ? '[\n' : ',\n'}  {\n    "src": ${JSON.stringify(l.src)},\n    "dst": ${JSON.stringify(l.dst)},\n    "conn": ${JSON.stringify(l.conn)}\n  }`;
      first = false;
    }
    if (buffer.length >= 1 << 16) {
      write(buffer);
      buffer = '';
    }
  }
  if (format === 'json') buffer += first ? '[]\n' : '\n]\n';
  if (buffer) write(buffer);
}
