/**
 * Allowed connections between every workload, the Ingress controller and the external address
 * ranges, in the connectivity-list format of netpol-analyzer (one line per allowed ordered pair,
 * sorted by source then destination): `ns/web[Deployment] => ns/db[StatefulSet] : TCP 5432`.
 * Pods are grouped by workload (same namespace, owner, labels and ports ⇒ same verdicts), so the
 * work grows with workloads, not pods. Self pairs (a workload to itself) are not listed.
 */
import { cmp } from './convert';
import { ALL_IPV4, formatRange, type Interval } from './ip';
import { NetworkResolver } from './resolve';
import { PortSet } from './ports';
import { targetPortOn } from './services';
import type { Peer } from './policy';
import type { NetPod, NetworkOptions, NetworkSnapshot } from './types';

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
  const groups = new Map<string, Group>();
  for (const pod of snapshot.pods) {
    const name = workloadName(pod);
    const key = `${name}\u0000${JSON.stringify(pod.labels)}\u0000${JSON.stringify(pod.ports)}\u0000${pod.hostNetwork}${byIP ? `\u0000${pod.ip}` : ''}`;
    if (!groups.has(key)) groups.set(key, { name, pod });
  }
  return [...groups.values()];
}

export function computeConnectivity(snapshot: NetworkSnapshot, options: Partial<NetworkOptions> = {}, resolver = new NetworkResolver(snapshot, options)): ConnectionLine[] {
  const engine = resolver.engine;
  const groups = groupPods(snapshot, engine.options.ipBlockMatchesPods);
  const externals = externalPeers(resolver);
  const conns = new Map<string, PortSet>();
  const add = (src: string, dst: string, set: PortSet) => {
    if (set.isEmpty() || src === dst) return;
    const key = `${src}\u0000${dst}`;
    const prev = conns.get(key);
    conns.set(key, prev ? prev.union(set) : set);
  };
  const peers: Peer[] = groups.map((g) => ({ kind: 'pod', pod: g.pod }));
  for (let i = 0; i < groups.length; i++) {
    const src = peers[i];
    for (let j = 0; j < groups.length; j++) {
      if (i === j || groups[i].name === groups[j].name) continue;
      const egress = engine.allowedPorts('egress', src, peers[j]);
      if (egress.isEmpty()) continue;
      add(groups[i].name, groups[j].name, egress.intersect(engine.allowedPorts('ingress', src, peers[j])));
    }
  }
  for (const ext of externals) {
    const peer: Peer = { kind: 'ip', ip: ext.ip };
    for (let j = 0; j < groups.length; j++) {
      add(ext.name, groups[j].name, engine.allowedPorts('ingress', peer, peers[j]));
      add(groups[j].name, ext.name, engine.allowedPorts('egress', peers[j], peer));
    }
  }
  ingressControllerConnections(resolver, add);
  const lines = [...conns.entries()].map(([key, set]) => {
    const [src, dst] = key.split('\u0000');
    return { src, dst, conn: set.toString() };
  });
  return lines.sort((a, b) => cmp(a.src, b.src) || cmp(a.dst, b.dst));
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

export function formatConnectivityTxt(lines: readonly ConnectionLine[]): string {
  return lines.map((l) => `${l.src} => ${l.dst} : ${l.conn}\n`).join('');
}

export function formatConnectivityJson(lines: readonly ConnectionLine[]): string {
  return `${JSON.stringify(lines.map((l) => ({ src: l.src, dst: l.dst, conn: l.conn })), null, 2)}\n`;
}
