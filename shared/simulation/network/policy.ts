/**
 * NetworkPolicy evaluation (networking.k8s.io/v1), following kubernetes.io "Network Policies" rule by rule:
 * isolation per direction only by policies of the pod's own namespace; policyTypes defaulting;
 * additive, order-free allows; a connection needs the source's egress AND the destination's
 * ingress; peers AND within one item, OR across items; ipBlock with except; numeric, named and
 * ranged ports. Compiled once per snapshot; per-pod isolation is memoised.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import { items, labelSelector, rec, str, strings } from '../../model/guards';
import { selectorMatches } from '../../model/selector';
import { inIntervals, parseCidr, parseIPv4, subtractIntervals, type Interval } from './ip';
import { parseProtocol, PortSet } from './ports';
import type { Direction, NetNode, NetPod, NetPolicy, NetworkOptions, NetworkSnapshot, PolicyVerdict, Protocol, RuleRef } from './types';
import { DEFAULT_NETWORK_OPTIONS } from './types';

/** Who is on one end of a connection. */
export type Peer =
  | { kind: 'pod'; pod: NetPod }
  | { kind: 'ip'; ip: string }
  | { kind: 'node'; node: NetNode };

export interface CompiledPeer {
  index: number;
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  /** cidr minus except; set only for ipBlock peers. */
  ipBlock?: Interval[];
  /** The text of the ipBlock, for explanations and for splitting external ranges. */
  cidr?: string;
  except?: string[];
  /** An item with no selector and no ipBlock is rejected by the API; here it matches nothing. */
  invalid: boolean;
}

export interface CompiledPort {
  protocol: Protocol;
  port?: number;
  endPort?: number;
  named?: string;
}

export interface CompiledRule {
  index: number;
  /** Undefined: `from`/`to` empty or missing, any peer (external too). */
  peers?: CompiledPeer[];
  /** Undefined: `ports` empty or missing, any port and protocol. */
  ports?: CompiledPort[];
}

export interface CompiledPolicy {
  namespace: string;
  name: string;
  key: string;
  podSelector: LabelSelector;
  affects: Record<Direction, boolean>;
  rules: Record<Direction, CompiledRule[]>;
}

export function compilePolicy(p: NetPolicy): CompiledPolicy {
  // Read through guards: a policy from imported YAML can hold anything where a list belongs.
  const spec = rec(p.spec) ?? { podSelector: {} };
  const types = Array.isArray(spec.policyTypes) ? strings(spec.policyTypes) : undefined;
  const ingress = items(spec.ingress);
  const egress = items(spec.egress);
  // Upstream defaulting (pkg/apis/networking/v1/defaults.go): no policyTypes → Ingress, plus
  // Egress when the egress list is non-empty.
  const affects = types && types.length > 0
    ? { ingress: types.includes('Ingress'), egress: types.includes('Egress') }
    : { ingress: true, egress: egress.length > 0 };
  return {
    namespace: p.namespace,
    name: p.name,
    key: `${p.namespace}/${p.name}`,
    podSelector: labelSelector(spec.podSelector) ?? {},
    affects,
    rules: {
      ingress: ingress.map((r, i) => compileRule(i, r.from, r.ports)),
      egress: egress.map((r, i) => compileRule(i, r.to, r.ports)),
    },
  };
}

function compileRule(index: number, rawPeers: NetworkPolicyPeer[] | undefined, rawPorts: NetworkPolicyPort[] | undefined): CompiledRule {
  // Malformed items stay in place as items that match nothing, so `from[j]` indexes stay the manifest's.
  const peers = Array.isArray(rawPeers) ? rawPeers.map((p) => rec(p) ?? {}) : [];
  const ports = Array.isArray(rawPorts) ? rawPorts.map((p) => rec(p) ?? { protocol: 'none' }) : [];
  return {
    index,
    peers: peers.length > 0 ? peers.map(compilePeer) : undefined,
    ports: ports.length > 0 ? ports.map(compilePort) : undefined,
  };
}

function compilePeer(p: NetworkPolicyPeer, index: number): CompiledPeer {
  const block = rec(p.ipBlock);
  if (p.ipBlock != null) {
    const cidr = parseCidr(str(block?.cidr) ?? '');
    const exceptText = strings(block?.except);
    const except = exceptText.map(parseCidr).filter((x): x is Interval => x !== undefined);
    return {
      index,
      ipBlock: cidr ? subtractIntervals([cidr], except) : [],
      cidr: str(block?.cidr) ?? '',
      except: exceptText,
      // ipBlock cannot be combined with selectors (API validation); IPv6 blocks never match here.
      invalid: !cidr || p.podSelector !== undefined || p.namespaceSelector !== undefined,
    };
  }
  const podSelector = labelSelector(p.podSelector);
  const namespaceSelector = labelSelector(p.namespaceSelector);
  return { index, podSelector, namespaceSelector, invalid: podSelector === undefined && namespaceSelector === undefined };
}

function compilePort(p: NetworkPolicyPort): CompiledPort {
  // An unknown protocol is rejected by the API; keep it as a port that matches nothing (TCP 0).
  const protocol = parseProtocol(p.protocol);
  if (!protocol) return { protocol: 'TCP', port: 0 };
  const endPort = typeof p.endPort === 'number' ? p.endPort : undefined;
  if (typeof p.port === 'string') {
    // A numeric string is still a number in IntOrString's JSON form only when unquoted; be lenient.
    if (/^\d+$/.test(p.port)) return { protocol, port: Number(p.port), endPort };
    return { protocol, named: p.port };
  }
  if (p.port == null) return { protocol };
  // Neither a number nor a name (a list, a map…): the API rejects it; it matches nothing here.
  return typeof p.port === 'number' ? { protocol, port: p.port, endPort } : { protocol: 'TCP', port: 0 };
}

/** Resolves a policy port item on the destination pod: a named port is that pod's container port. */
export function portItemSet(item: CompiledPort, dst: NetPod | undefined): PortSet {
  if (item.named !== undefined) {
    const cp = dst?.ports.find((c) => c.name === item.named && c.protocol === item.protocol);
    return cp ? PortSet.of(item.protocol, cp.containerPort) : PortSet.EMPTY;
  }
  if (item.port === undefined) return PortSet.allOf(item.protocol);
  return PortSet.of(item.protocol, item.port, item.endPort ?? item.port);
}

export function rulePortSet(rule: CompiledRule, dst: NetPod | undefined): PortSet {
  if (!rule.ports) return PortSet.ALL;
  let set = PortSet.EMPTY;
  for (const item of rule.ports) set = set.union(portItemSet(item, dst));
  return set;
}

function portItemMatches(item: CompiledPort, dst: NetPod | undefined, protocol: Protocol, port: number): boolean {
  if (item.protocol !== protocol) return false;
  if (item.named !== undefined) {
    return !!dst?.ports.some((c) => c.name === item.named && c.protocol === protocol && c.containerPort === port);
  }
  if (item.port === undefined) return true;
  return port >= item.port && port <= (item.endPort ?? item.port);
}

export function describeRule(ref: RuleRef): string {
  const list = ref.direction === 'ingress' ? 'from' : 'to';
  const peer = ref.peer === undefined ? '' : ` ${list}[${ref.peer}]`;
  return `${ref.namespace}/${ref.policy} ${ref.direction}[${ref.rule}]${peer}`;
}

export function describePeer(peer: Peer): string {
  if (peer.kind === 'pod') return `pod ${peer.pod.namespace}/${peer.pod.name}`;
  if (peer.kind === 'node') return `node ${peer.node.name} (${peer.node.ip})`;
  return `address ${peer.ip}`;
}

export class PolicyEngine {
  readonly options: NetworkOptions;
  readonly policies: CompiledPolicy[];
  private readonly byNamespace = new Map<string, CompiledPolicy[]>();
  private readonly nsLabels = new Map<string, Record<string, string>>();
  private readonly isolation = new Map<NetPod, Record<Direction, CompiledPolicy[]>>();
  private readonly ipCache = new Map<string, number | undefined>();
  private readonly peerMemo = new Map<CompiledPeer, Map<number, boolean>>();
  private readonly classOf = new WeakMap<NetPod, number>();
  private readonly classIds = new Map<string, number>();
  private readonly portMemo = new Map<CompiledRule, PortSet | Map<NetPod | undefined, PortSet>>();

  constructor(snapshot: NetworkSnapshot, options: Partial<NetworkOptions> = {}) {
    this.options = { ...DEFAULT_NETWORK_OPTIONS, ...options };
    this.policies = snapshot.networkPolicies.map(compilePolicy);
    for (const p of this.policies) {
      const list = this.byNamespace.get(p.namespace);
      if (list) list.push(p);
      else this.byNamespace.set(p.namespace, [p]);
    }
    for (const ns of snapshot.namespaces) this.nsLabels.set(ns.name, { ...ns.labels, 'kubernetes.io/metadata.name': ns.name });
    const ic = this.options.ingressController;
    if (!this.nsLabels.has(ic.namespace)) this.nsLabels.set(ic.namespace, { ...ic.namespaceLabels, 'kubernetes.io/metadata.name': ic.namespace });
  }

  namespaceLabels(ns: string): Record<string, string> {
    let labels = this.nsLabels.get(ns);
    if (!labels) {
      labels = { 'kubernetes.io/metadata.name': ns };
      this.nsLabels.set(ns, labels);
    }
    return labels;
  }

  /** The policies of the pod's namespace that select it, per direction they isolate (memoised). */
  isolating(pod: NetPod): Record<Direction, CompiledPolicy[]> {
    let entry = this.isolation.get(pod);
    if (!entry) {
      entry = { ingress: [], egress: [] };
      for (const p of this.byNamespace.get(pod.namespace) ?? []) {
        if (!selectorMatches(p.podSelector, pod.labels)) continue;
        if (p.affects.ingress) entry.ingress.push(p);
        if (p.affects.egress) entry.egress.push(p);
      }
      this.isolation.set(pod, entry);
    }
    return entry;
  }

  private ipNumber(ip: string): number | undefined {
    if (!this.ipCache.has(ip)) this.ipCache.set(ip, parseIPv4(ip));
    return this.ipCache.get(ip);
  }

  /** Whether one peer item of a policy in `policyNs` matches the other end of the connection. */
  peerMatches(item: CompiledPeer, policyNs: string, other: Peer): boolean {
    if (item.invalid) return false;
    if (item.ipBlock) {
      const ip = other.kind === 'pod' ? other.pod.ip : other.kind === 'node' ? other.node.ip : other.ip;
      if (other.kind === 'pod' && !other.pod.hostNetwork && !this.options.ipBlockMatchesPods) return false;
      const n = this.ipNumber(ip);
      return n !== undefined && inIntervals(n, item.ipBlock);
    }
    if (other.kind !== 'pod') return false;
    const pod = other.pod;
    if (!item.namespaceSelector && pod.namespace !== policyNs) return false;
    // Memoised per label class (namespace + labels), not per pod: replicas share their verdicts.
    const cls = this.labelClass(pod);
    let memo = this.peerMemo.get(item);
    if (!memo) {
      memo = new Map();
      this.peerMemo.set(item, memo);
    }
    let hit = memo.get(cls);
    if (hit === undefined) {
      hit = this.podPeerMatches(item, policyNs, pod);
      memo.set(cls, hit);
    }
    return hit;
  }

  /** A small integer shared by all pods with the same namespace and labels. */
  labelClass(pod: NetPod): number {
    let cls = this.classOf.get(pod);
    if (cls === undefined) {
      const key = `${pod.namespace}\u0000${JSON.stringify(pod.labels)}`;
      cls = this.classIds.get(key);
      if (cls === undefined) {
        cls = this.classIds.size;
        this.classIds.set(key, cls);
      }
      this.classOf.set(pod, cls);
    }
    return cls;
  }

  podPeerMatches(item: CompiledPeer, policyNs: string, pod: NetPod): boolean {
    if (item.namespaceSelector) {
      if (!selectorMatches(item.namespaceSelector, this.namespaceLabels(pod.namespace))) return false;
    } else if (pod.namespace !== policyNs) {
      return false;
    }
    return item.podSelector ? selectorMatches(item.podSelector, pod.labels) : true;
  }

  /** The rule's ports resolved on the destination pod (memoised; named ports depend on the pod). */
  rulePorts(rule: CompiledRule, dst: NetPod | undefined): PortSet {
    const memo = this.portMemo.get(rule);
    if (memo instanceof PortSet) return memo;
    if (memo) {
      let set = memo.get(dst);
      if (!set) {
        set = rulePortSet(rule, dst);
        memo.set(dst, set);
      }
      return set;
    }
    if (!rule.ports?.some((p) => p.named !== undefined)) {
      const set = rulePortSet(rule, dst);
      this.portMemo.set(rule, set);
      return set;
    }
    this.portMemo.set(rule, new Map());
    return this.rulePorts(rule, dst);
  }

  /** The index of the first peer of the rule matching `other`; -1 when none; undefined for "any peer". */
  matchingPeer(rule: CompiledRule, policyNs: string, other: Peer): number | undefined {
    if (!rule.peers) return undefined;
    for (const item of rule.peers) if (this.peerMatches(item, policyNs, other)) return item.index;
    return -1;
  }

  /** One direction's verdict for a single (protocol, port) connection at the destination pod. */
  verdict(direction: Direction, src: Peer, dst: Peer, protocol: Protocol, port: number): PolicyVerdict {
    const self = direction === 'egress' ? src : dst;
    const other = direction === 'egress' ? dst : src;
    if (self.kind !== 'pod') {
      return { allowed: true, isolated: false, policies: [], allowedBy: [], reason: `${direction === 'egress' ? 'the source' : 'the destination'} is not a pod: no ${direction} policy applies` };
    }
    const pod = self.pod;
    const dstPod = dst.kind === 'pod' ? dst.pod : undefined;
    if (isOwnNode(other, pod)) {
      const way = direction === 'ingress' ? 'from' : 'to';
      return { allowed: true, isolated: false, policies: [], allowedBy: [], reason: `traffic ${way} the pod's own node ${pod.node} is always allowed` };
    }
    const policies = this.isolating(pod)[direction];
    if (policies.length === 0) {
      return { allowed: true, isolated: false, policies: [], allowedBy: [], reason: `no NetworkPolicy in namespace ${pod.namespace} selects ${pod.name} for ${capital(direction)}: not isolated` };
    }
    const allowedBy: RuleRef[] = [];
    for (const p of policies) {
      for (const rule of p.rules[direction]) {
        const peer = this.matchingPeer(rule, p.namespace, other);
        if (peer === -1) continue;
        if (rule.ports && !rule.ports.some((item) => portItemMatches(item, dstPod, protocol, port))) continue;
        allowedBy.push({ namespace: p.namespace, policy: p.name, direction, rule: rule.index, peer });
      }
    }
    const names = policies.map((p) => p.key);
    if (allowedBy.length > 0) {
      return { allowed: true, isolated: true, policies: names, allowedBy, reason: `allowed by ${allowedBy.map(describeRule).join(', ')}` };
    }
    const what = direction === 'egress' ? `to ${describePeer(dst)}` : `from ${describePeer(src)}`;
    const list = direction === 'ingress' ? 'from' : 'to';
    const unmatched: string[] = [];
    for (const p of policies) {
      const rules = p.rules[direction];
      if (rules.length === 0) unmatched.push(`${p.key}: no ${direction} rules (allows nothing)`);
      for (const rule of rules) {
        const why = this.matchingPeer(rule, p.namespace, other) === -1
          ? `no ${list} peer matches ${describePeer(other)}`
          : `its ports do not include ${protocol} ${port}`;
        unmatched.push(`${p.key} ${direction}[${rule.index}]: ${why}`);
      }
    }
    return {
      allowed: false,
      isolated: true,
      policies: names,
      allowedBy,
      unmatched,
      reason: `${pod.namespace}/${pod.name} is isolated for ${capital(direction)} by ${names.join(', ')} and no ${direction} rule allows ${protocol} ${port} ${what}`,
    };
  }

  /** All (protocol, port) pairs one direction allows between two peers; PortSet.ALL when not isolated. */
  allowedPorts(direction: Direction, src: Peer, dst: Peer): PortSet {
    const self = direction === 'egress' ? src : dst;
    const other = direction === 'egress' ? dst : src;
    if (self.kind !== 'pod') return PortSet.ALL;
    if (isOwnNode(other, self.pod)) return PortSet.ALL;
    const policies = this.isolating(self.pod)[direction];
    if (policies.length === 0) return PortSet.ALL;
    const dstPod = dst.kind === 'pod' ? dst.pod : undefined;
    let set = PortSet.EMPTY;
    for (const p of policies) {
      for (const rule of p.rules[direction]) {
        if (this.matchingPeer(rule, p.namespace, other) === -1) continue;
        set = set.union(this.rulePorts(rule, dstPod));
        if (set.isAll()) return set;
      }
    }
    return set;
  }
}

/**
 * The other end is the pod's own node, or a hostNetwork pod on it (its traffic carries the node's
 * IP): always allowed, in both directions (kubernetes.io, Network Policies: "traffic to and from
 * the node where a Pod is running is always allowed, regardless of the IP address of the Pod or
 * the node").
 */
function isOwnNode(other: Peer, pod: NetPod): boolean {
  if (!pod.node) return false;
  if (other.kind === 'node') return other.node.name === pod.node;
  return other.kind === 'pod' && other.pod.hostNetwork && other.pod.node === pod.node;
}

function capital(d: Direction): string {
  return d === 'ingress' ? 'Ingress' : 'Egress';
}
