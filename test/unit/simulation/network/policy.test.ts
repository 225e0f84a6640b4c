import { describe, expect, it } from 'vitest';
import { compilePolicy, PolicyEngine, type Peer } from '../../../../shared/simulation/network';
import type { NetPod, NetPolicy, NetworkOptions, Protocol } from '../../../../shared/simulation/network';
import { namespace, pod, policy, ports, snapshot } from './helpers';

const asPeer = (p: NetPod): Peer => ({ kind: 'pod', pod: p });

/** Both directions, as a connection needs: the source's egress AND the destination's ingress. */
function allowed(policies: NetPolicy[], src: NetPod | Peer, dst: NetPod, port = 80, protocol: Protocol = 'TCP', options: Partial<NetworkOptions> = {}, extraPods: NetPod[] = []) {
  const srcPeer: Peer = 'kind' in src && (src.kind === 'ip' || src.kind === 'node') ? src : asPeer(src as NetPod);
  const pods = [dst, ...(srcPeer.kind === 'pod' ? [srcPeer.pod] : []), ...extraPods];
  const engine = new PolicyEngine(snapshot({ pods, networkPolicies: policies, namespaces: [namespace('prod', { env: 'prod' }), namespace('dev', { env: 'dev' })] }), options);
  const egress = engine.verdict('egress', srcPeer, asPeer(dst), protocol, port);
  const ingress = engine.verdict('ingress', srcPeer, asPeer(dst), protocol, port);
  return { ok: egress.allowed && ingress.allowed, egress, ingress };
}

const web = pod('prod', 'web', { app: 'web' }, { ports: ports([8080, 'http'], [53, 'dns', 'UDP']) });
const client = pod('prod', 'client', { app: 'client', role: 'frontend' });
const devClient = pod('dev', 'client', { app: 'client', role: 'frontend' });
const external: Peer = { kind: 'ip', ip: '203.0.113.10' };

describe('policyTypes defaulting (pkg/apis/networking/v1 defaults)', () => {
  it.each([
    ['no policyTypes, no rules', {}, { ingress: true, egress: false }],
    ['no policyTypes, ingress rules only', { ingress: [{}] }, { ingress: true, egress: false }],
    ['no policyTypes, egress rules → Ingress and Egress', { egress: [{}] }, { ingress: true, egress: true }],
    ['no policyTypes, empty egress list → Ingress only', { egress: [] }, { ingress: true, egress: false }],
    ['explicit Egress only', { policyTypes: ['Egress'] }, { ingress: false, egress: true }],
    ['explicit both', { policyTypes: ['Ingress', 'Egress'] }, { ingress: true, egress: true }],
  ])('%s', (_name, spec, expected) => {
    expect(compilePolicy(policy('prod', 'p', spec)).affects).toEqual(expected);
  });

  it('an egress-only policy without policyTypes also denies all ingress to its pods', () => {
    const p = policy('prod', 'egress-only', { podSelector: { matchLabels: { app: 'web' } }, egress: [{}] });
    const r = allowed([p], client, web);
    expect(r.ok).toBe(false);
    expect(r.ingress.isolated).toBe(true);
    expect(r.ingress.policies).toEqual(['prod/egress-only']);
  });
});

describe('isolation', () => {
  it('a pod selected by no policy accepts everything', () => {
    expect(allowed([], client, web).ok).toBe(true);
    expect(allowed([], external, web).ingress.isolated).toBe(false);
  });

  it('only policies in the pod\'s own namespace isolate it', () => {
    const inDev = policy('dev', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const r = allowed([inDev], client, web);
    expect(r.ok).toBe(true);
    expect(r.ingress.isolated).toBe(false);
  });

  it('isolated with no rules = deny all (default deny)', () => {
    const r = allowed([policy('prod', 'deny', { podSelector: {} })], client, web);
    expect(r.ok).toBe(false);
    expect(r.ingress.reason).toContain('isolated for Ingress by prod/deny');
  });

  it('ingress and egress are independent: an ingress policy does not restrict the pod\'s egress', () => {
    const p = policy('prod', 'deny-in', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Ingress'] });
    expect(allowed([p], client, web).ok).toBe(true);
  });

  it('a connection needs the source\'s egress AND the destination\'s ingress', () => {
    const allowIn = policy('prod', 'allow-in', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{}] });
    const denyOut = policy('prod', 'deny-out', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'] });
    const r = allowed([allowIn, denyOut], client, web);
    expect(r.ingress.allowed).toBe(true);
    expect(r.egress.allowed).toBe(false);
    expect(r.ok).toBe(false);
  });

  it('policies only add allows, in any order', () => {
    const deny = policy('prod', 'deny', { podSelector: {} });
    const allow = policy('prod', 'allow', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }] }] });
    expect(allowed([deny, allow], client, web).ok).toBe(true);
    expect(allowed([allow, deny], client, web).ok).toBe(true);
    const r = allowed([allow, deny], client, web);
    expect(r.ingress.allowedBy).toEqual([{ namespace: 'prod', policy: 'allow', direction: 'ingress', rule: 0, peer: 0 }]);
  });

  it('podSelector {} selects every pod of the namespace', () => {
    expect(allowed([policy('prod', 'deny', { podSelector: {} })], client, web).ingress.isolated).toBe(true);
  });

  it('a rule {} allows all, external sources too', () => {
    const p = policy('prod', 'allow-all', { podSelector: {}, ingress: [{}] });
    expect(allowed([p], external, web).ok).toBe(true);
    expect(allowed([p], devClient, web).ok).toBe(true);
    expect(allowed([p], client, web).ingress.allowedBy).toEqual([{ namespace: 'prod', policy: 'allow-all', direction: 'ingress', rule: 0, peer: undefined }]);
  });

  it('traffic from the pod\'s own node is always allowed, from another node it is not', () => {
    const deny = policy('prod', 'deny', { podSelector: {} });
    expect(allowed([deny], { kind: 'node', node: { name: 'node-1', ip: '192.168.0.10' } }, web).ok).toBe(true);
    expect(allowed([deny], { kind: 'node', node: { name: 'node-2', ip: '192.168.0.11' } }, web).ok).toBe(false);
  });

  it('traffic from a pod to its own node is always allowed too (kubernetes.io: "to and from the node"), to another node it is not', () => {
    const denyEgress = policy('prod', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
    const engine = new PolicyEngine(snapshot({ pods: [web], networkPolicies: [denyEgress] }));
    const toNode = (name: string, ip: string) => engine.verdict('egress', asPeer(web), { kind: 'node', node: { name, ip } }, 'TCP', 10250);
    expect(toNode('node-1', '192.168.0.10').allowed).toBe(true);
    expect(toNode('node-2', '192.168.0.11').allowed).toBe(false);
    expect(engine.allowedPorts('egress', asPeer(web), { kind: 'node', node: { name: 'node-1', ip: '192.168.0.10' } }).isAll()).toBe(true);
  });
});

describe('peers: podSelector, namespaceSelector, and the AND/OR trap', () => {
  const both = policy('prod', 'and', {
    podSelector: { matchLabels: { app: 'web' } },
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: 'dev' } }, podSelector: { matchLabels: { role: 'frontend' } } }] }],
  });
  const either = policy('prod', 'or', {
    podSelector: { matchLabels: { app: 'web' } },
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: 'dev' } } }, { podSelector: { matchLabels: { role: 'frontend' } } }] }],
  });
  const devOther = pod('dev', 'other', { app: 'other' });
  const prodFrontend = pod('prod', 'fe', { role: 'frontend' });

  it.each([
    ['both in one item (AND): dev frontend allowed', both, devClient, true, 0],
    ['both in one item (AND): another dev pod denied', both, devOther, false, undefined],
    ['both in one item (AND): prod frontend denied (wrong namespace)', both, prodFrontend, false, undefined],
    ['separate items (OR): any dev pod allowed by item 0', either, devOther, true, 0],
    ['separate items (OR): prod frontend allowed by item 1', either, prodFrontend, true, 1],
    ['separate items (OR): a dev frontend matches item 0 first', either, devClient, true, 0],
  ] as const)('%s', (_name, p, src, ok, peer) => {
    const r = allowed([p], src, web);
    expect(r.ok).toBe(ok);
    if (ok) expect(r.ingress.allowedBy[0].peer).toBe(peer);
  });

  it('podSelector alone selects pods of the policy\'s namespace only', () => {
    const p = policy('prod', 'p', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }] }] });
    expect(allowed([p], prodFrontend, web).ok).toBe(true);
    expect(allowed([p], devClient, web).ok).toBe(false);
  });

  it('namespaceSelector {} selects every pod of every namespace, but no external address', () => {
    const p = policy('prod', 'p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] });
    expect(allowed([p], devOther, web).ok).toBe(true);
    expect(allowed([p], external, web).ok).toBe(false);
  });

  it('namespaces are matched by the automatic kubernetes.io/metadata.name label', () => {
    const p = policy('prod', 'p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dev' } } }] }] });
    expect(allowed([p], devOther, web).ok).toBe(true);
    expect(allowed([p], client, web).ok).toBe(false);
  });

  it('matchExpressions select peers too', () => {
    const p = policy('prod', 'p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] } }] }] });
    expect(allowed([p], devOther, web).ok).toBe(true);
    expect(allowed([p], client, web).ok).toBe(false);
  });

  it('an empty from list means any peer, external included', () => {
    const p = policy('prod', 'p', { podSelector: {}, ingress: [{ from: [], ports: [{ port: 8080 }] }] });
    expect(allowed([p], external, web, 8080).ok).toBe(true);
    expect(allowed([p], external, web, 9090).ok).toBe(false);
  });
});

describe('ipBlock', () => {
  const p = policy('prod', 'ipb', {
    podSelector: {},
    ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }],
    egress: [{ to: [{ ipBlock: { cidr: '192.0.2.0/24' } }] }],
  });
  it.each([
    ['inside the cidr', '10.2.3.4', true],
    ['inside except', '10.1.2.3', false],
    ['first address after except', '10.2.0.0', true],
    ['last address of except', '10.1.255.255', false],
    ['outside the cidr', '11.0.0.1', false],
  ])('ingress from %s (%s)', (_n, ip, ok) => {
    expect(allowed([p], { kind: 'ip', ip }, web).ingress.allowed).toBe(ok);
  });

  it('egress to an external address in the block is allowed, others denied', () => {
    const engine = new PolicyEngine(snapshot({ pods: [web], networkPolicies: [p] }));
    expect(engine.verdict('egress', asPeer(web), { kind: 'ip', ip: '192.0.2.7' }, 'TCP', 443).allowed).toBe(true);
    expect(engine.verdict('egress', asPeer(web), { kind: 'ip', ip: '198.51.100.1' }, 'TCP', 443).allowed).toBe(false);
  });

  it('by default an ipBlock never matches pods (plugin-dependent); the option makes it match pod IPs', () => {
    const inCidr = pod('dev', 'in-cidr', {}, { ip: '10.5.0.1' });
    expect(allowed([p], inCidr, web).ingress.allowed).toBe(false);
    expect(allowed([p], inCidr, web, 80, 'TCP', { ipBlockMatchesPods: true }).ingress.allowed).toBe(true);
  });
});

describe('ports', () => {
  const rule = (portsList: object[]) => policy('prod', 'p', { podSelector: {}, ingress: [{ ports: portsList }] });
  it.each([
    ['protocol defaults to TCP', [{ port: 8080 }], 8080, 'TCP', true],
    ['protocol defaults to TCP (UDP denied)', [{ port: 8080 }], 8080, 'UDP', false],
    ['UDP rule', [{ port: 53, protocol: 'UDP' }], 53, 'UDP', true],
    ['SCTP rule', [{ port: 9999, protocol: 'SCTP' }], 9999, 'SCTP', true],
    ['SCTP rule does not allow TCP', [{ port: 9999, protocol: 'SCTP' }], 9999, 'TCP', false],
    ['port only matches that port', [{ port: 8080 }], 8081, 'TCP', false],
    ['endPort range, low end', [{ port: 32000, endPort: 32768 }], 32000, 'TCP', true],
    ['endPort range, high end', [{ port: 32000, endPort: 32768 }], 32768, 'TCP', true],
    ['endPort range, past the end', [{ port: 32000, endPort: 32768 }], 32769, 'TCP', false],
    ['named port of the destination pod', [{ port: 'http' }], 8080, 'TCP', true],
    ['named port does not match another number', [{ port: 'http' }], 8081, 'TCP', false],
    ['named UDP port needs the UDP protocol in the rule', [{ port: 'dns' }], 53, 'UDP', false],
    ['named UDP port with protocol UDP', [{ port: 'dns', protocol: 'UDP' }], 53, 'UDP', true],
    ['protocol without port: all ports of it', [{ protocol: 'UDP' }], 5000, 'UDP', true],
    ['several items are OR-ed', [{ port: 1 }, { port: 8080 }], 8080, 'TCP', true],
  ] as const)('%s', (_n, list, port, protocol, ok) => {
    expect(allowed([rule([...list])], client, web, port, protocol).ok).toBe(ok);
  });

  it('a named port is looked up on the destination pod, not the source', () => {
    const other = pod('prod', 'other', { app: 'other' }, { ports: ports([9000, 'http']) });
    const p = rule([{ port: 'http' }]);
    expect(allowed([p], client, other, 9000).ok).toBe(true);
    expect(allowed([p], client, other, 8080).ok).toBe(false);
  });

  it('egress named ports resolve on the destination pod', () => {
    const p = policy('prod', 'out', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'http' }] }] });
    expect(allowed([p], client, web, 8080).egress.allowed).toBe(true);
    expect(allowed([p], client, web, 80).egress.allowed).toBe(false);
  });
});

describe('explanations name the deciding policies and rules', () => {
  it('lists every rule that allowed the connection with its peer index', () => {
    const a = policy('prod', 'a', { podSelector: {}, ingress: [{ ports: [{ port: 1 }] }, { from: [{ ipBlock: { cidr: '0.0.0.0/0' } }, { podSelector: {} }] }] });
    const b = policy('prod', 'b', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }] }] });
    const r = allowed([a, b], client, web);
    expect(r.ingress.reason).toBe('allowed by prod/a ingress[1] from[1], prod/b ingress[0] from[0]');
  });

  it('a denial names the isolating policies, the direction and the request', () => {
    const r = allowed([policy('prod', 'deny', { podSelector: {}, policyTypes: ['Egress'] })], client, web, 8080);
    expect(r.egress.reason).toBe('prod/client is isolated for Egress by prod/deny and no egress rule allows TCP 8080 to pod prod/web');
  });
});
