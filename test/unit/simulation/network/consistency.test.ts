// Property: the connectivity list (grouped, memoised evaluator) agrees with the per-request policy
// verdicts (PolicyEngine.verdict) on random small clusters and random policies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import { computeConnectivity, PolicyEngine, workloadName, type NetPod, type Protocol } from '../../../../shared/simulation/network';
import { namespace, pod, policy, ports, snapshot } from './helpers';

const NAMESPACES = ['a', 'b'];
const APPS = ['web', 'api', 'db'];
const PROBES: [Protocol, number][] = [['TCP', 80], ['TCP', 8080], ['TCP', 5432], ['UDP', 53], ['SCTP', 9], ['TCP', 30001]];

const label = fc.record({ app: fc.constantFrom(...APPS) });
const selector = fc.oneof(fc.constant({}), label.map((matchLabels) => ({ matchLabels })));
const nsSelector = fc.oneof(fc.constant({}), fc.constantFrom(...NAMESPACES).map((n) => ({ matchLabels: { 'kubernetes.io/metadata.name': n } })), fc.constant({ matchLabels: { env: 'prod' } }));
const peer: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  selector.map((podSelector) => ({ podSelector })),
  nsSelector.map((namespaceSelector) => ({ namespaceSelector })),
  fc.tuple(selector, nsSelector).map(([podSelector, namespaceSelector]) => ({ podSelector, namespaceSelector })),
  fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '203.0.113.0/24').map((cidr) => ({ ipBlock: { cidr, ...(cidr === '0.0.0.0/0' ? { except: ['10.0.0.0/8'] } : {}) } })),
);
const port: fc.Arbitrary<NetworkPolicyPort> = fc.oneof(
  fc.constantFrom(80, 8080, 5432).map((p) => ({ port: p })),
  fc.constant({ port: 53, protocol: 'UDP' }),
  fc.constant({ port: 'http' }),
  fc.constant({ port: 30000, endPort: 30005 }),
  fc.constant({ protocol: 'SCTP' }),
);
const rule = fc.record({ peers: fc.option(fc.array(peer, { maxLength: 2 }), { nil: undefined }), ports: fc.option(fc.array(port, { maxLength: 2 }), { nil: undefined }) });
const spec: fc.Arbitrary<NetworkPolicySpec> = fc
  .record({
    podSelector: selector,
    ingress: fc.option(fc.array(rule, { maxLength: 2 }), { nil: undefined }),
    egress: fc.option(fc.array(rule, { maxLength: 2 }), { nil: undefined }),
    types: fc.constantFrom(undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
  })
  .map(({ podSelector, ingress, egress, types }) => ({
    podSelector,
    ...(ingress ? { ingress: ingress.map((r) => ({ ...(r.peers ? { from: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) })) } : {}),
    ...(egress ? { egress: egress.map((r) => ({ ...(r.peers ? { to: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) })) } : {}),
    ...(types ? { policyTypes: [...types] } : {}),
  }));

function parseConn(conn: string | undefined): (protocol: Protocol, port: number) => boolean {
  if (conn === undefined) return () => false;
  if (conn === 'All Connections') return () => true;
  const allowed: [Protocol, number, number][] = [];
  let proto: Protocol = 'TCP';
  for (const part of conn.split(',')) {
    const m = /^(?:(SCTP|TCP|UDP) )?(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new Error(`bad conn ${conn}`);
    if (m[1]) proto = m[1] as Protocol;
    allowed.push([proto, Number(m[2]), Number(m[3] ?? m[2])]);
  }
  return (protocol, p) => allowed.some(([pr, s, e]) => pr === protocol && p >= s && p <= e);
}

describe('connectivity agrees with per-request verdicts', () => {
  it('for random policies over two namespaces and three apps', () => {
    const pods: NetPod[] = NAMESPACES.flatMap((ns) => APPS.map((app) => pod(ns, `${app}-x`, { app }, { owner: `Deployment/${app}`, ports: ports([app === 'db' ? 5432 : 8080, 'http'], [53, 'dns', 'UDP']) })));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...NAMESPACES), spec), { maxLength: 4 }), (specs) => {
        const snap = snapshot({ pods, namespaces: [namespace('a', { env: 'prod' }), namespace('b')], networkPolicies: specs.map(([ns, s], i) => policy(ns, `p${i}`, s)) });
        const lines = computeConnectivity(snap);
        const byPair = new Map(lines.map((l) => [`${l.src} => ${l.dst}`, l.conn]));
        const engine = new PolicyEngine(snap);
        for (const src of pods) {
          for (const dst of pods) {
            if (src === dst) continue;
            const has = parseConn(byPair.get(`${workloadName(src)} => ${workloadName(dst)}`));
            for (const [protocol, p] of PROBES) {
              const s = { kind: 'pod' as const, pod: src };
              const d = { kind: 'pod' as const, pod: dst };
              const ok = engine.verdict('egress', s, d, protocol, p).allowed && engine.verdict('ingress', s, d, protocol, p).allowed;
              expect(has(protocol, p), `${workloadName(src)} => ${workloadName(dst)} ${protocol} ${p}`).toBe(ok);
            }
          }
          for (const ip of ['203.0.113.7', '10.1.2.3', '8.8.8.8']) {
            const ext = [...byPair.keys()].find((k) => k.startsWith(`${workloadName(src)} => `) && k.endsWith('[External]') && rangeHas(k.split(' => ')[1], ip));
            const has = parseConn(ext ? byPair.get(ext) : undefined);
            const ok = engine.verdict('egress', { kind: 'pod', pod: src }, { kind: 'ip', ip }, 'TCP', 443).allowed;
            expect(has('TCP', 443), `${workloadName(src)} => ${ip}`).toBe(ok);
          }
        }
      }),
      { numRuns: 150, seed: 20261126 },
    );
  });
});

function ipNum(ip: string): number {
  return ip.split('.').reduce((n, x) => n * 256 + Number(x), 0);
}

function rangeHas(peer: string, ip: string): boolean {
  const n = ipNum(ip);
  return peer.replace('[External]', '').split(',').some((r) => {
    const [s, e] = r.split('-');
    return n >= ipNum(s) && n <= ipNum(e);
  });
}
