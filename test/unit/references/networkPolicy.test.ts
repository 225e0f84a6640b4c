import { describe, expect, it } from 'vitest';
import { keyOf, make, onlyRef, refs } from './helpers';

const policy = (name: string, ns: string, spec: Record<string, unknown>) => make('NetworkPolicy', name, ns, { spec: { ingress: undefined, policyTypes: undefined, ...spec } });

const web = make('Deployment', 'web', 'shop', { spec: { template: { metadata: { labels: { app: 'web', tier: 'front' } } } } });
const api = make('Deployment', 'api', 'shop', { spec: { template: { metadata: { labels: { app: 'api', tier: 'back' } } } } });
const prom = make('Deployment', 'prometheus', 'monitoring', { spec: { template: { metadata: { labels: { app: 'prometheus' } } } } });
const monitoringNs = make('Namespace', 'monitoring', undefined, { metadata: { labels: { team: 'ops' } } });
const shopNs = make('Namespace', 'shop');
const base = [shopNs, monitoringNs, web, api, prom];

describe('NetworkPolicy → the pods it selects', () => {
  it('podSelector {} selects every pod-running object of the policy\'s namespace, and none elsewhere', () => {
    const np = make('NetworkPolicy', 'isolate', 'shop');
    expect(onlyRef('networkpolicy-target', [...base, np], np).targets).toEqual([keyOf(web), keyOf(api)]);
  });

  it('matchLabels and matchExpressions narrow it to matching template labels', () => {
    const byLabel = policy('front', 'shop', { podSelector: { matchLabels: { tier: 'front' } } });
    const byExpr = policy('not-front', 'shop', { podSelector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] } });
    expect(onlyRef('networkpolicy-target', [...base, byLabel], byLabel).targets).toEqual([keyOf(web)]);
    expect(onlyRef('networkpolicy-target', [...base, byExpr], byExpr).targets).toEqual([keyOf(api)]);
  });

  it('a policy that selects no pod is a warning', () => {
    const np = policy('typo', 'shop', { podSelector: { matchLabels: { app: 'wbe' } } });
    expect(onlyRef('networkpolicy-target', [...base, np], np).problem).toMatchObject({
      severity: 'warning', message: 'NetworkPolicy "typo" selects no pods: nothing in namespace "shop" matches app=wbe',
    });
  });
});

describe('NetworkPolicy → its peers', () => {
  it('podSelector alone means pods of the policy\'s own namespace', () => {
    const np = policy('from-front', 'shop', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'prometheus' } } }, { podSelector: { matchLabels: { tier: 'front' } } }] }] });
    const r = refs('networkpolicy-peer', [...base, np]);
    expect(r.map((x) => [x.path, x.targets])).toEqual([
      ['spec.ingress[0].from[0]', []],
      ['spec.ingress[0].from[1]', [keyOf(web)]],
    ]);
    expect(r[0].problem?.severity).toBe('warning');
  });

  it('namespaceSelector alone means every pod of the matching namespaces, and reaches the Namespace', () => {
    const np = policy('from-ops', 'shop', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }] }] });
    const [r] = refs('networkpolicy-peer', [...base, np]);
    expect(r.targets).toEqual([keyOf(prom), keyOf(monitoringNs)]);
    expect(r.label).toBe('all pods in namespaces team=ops');
  });

  it('matches namespaces by kubernetes.io/metadata.name, even without a Namespace object', () => {
    const np = policy('from-blog', 'shop', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'blog' } } }] }] });
    const blog = make('Deployment', 'blog', 'blog');
    expect(refs('networkpolicy-peer', [...base, blog, np])[0].targets).toEqual([keyOf(blog)]);
  });

  it('namespaceSelector {} means every pod of every namespace', () => {
    const np = policy('from-all', 'shop', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] });
    const [r] = refs('networkpolicy-peer', [...base, np]);
    expect(r.targets).toEqual(expect.arrayContaining([keyOf(web), keyOf(api), keyOf(prom)]));
  });

  it('both selectors in ONE item mean AND: only prometheus pods in ops namespaces', () => {
    const np = policy('and', 'shop', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { app: 'prometheus' } } }] }] });
    const [r] = refs('networkpolicy-peer', [...base, np]);
    expect(r.targets).toEqual([keyOf(prom)]);
    expect(r.label).toBe('pods app=prometheus in namespaces team=ops');
  });

  it('the AND/OR trap: two selectors in one item that match nothing together get a hint to split them', () => {
    const np = policy('trap', 'shop', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { tier: 'front' } } }] }] });
    const [r] = refs('networkpolicy-peer', [...base, np]);
    expect(r.targets).toEqual([]);
    expect(r.problem?.hint).toMatch(/both match \(AND\).*two separate items \(OR\)/);
  });

  it('the same selectors as separate items mean OR: front pods here plus every ops pod', () => {
    const np = policy('or', 'shop', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }, { podSelector: { matchLabels: { tier: 'front' } } }] }] });
    const r = refs('networkpolicy-peer', [...base, np]);
    expect(r.flatMap((x) => x.targets).sort()).toEqual([keyOf(web), keyOf(prom), keyOf(monitoringNs)].sort());
    expect(r.every((x) => !x.problem)).toBe(true);
  });

  it('reads egress `to` peers too, and ignores ipBlock peers', () => {
    const np = policy('egress', 'shop', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }, { ipBlock: { cidr: '10.0.0.0/8' } }] }],
    });
    const r = refs('networkpolicy-peer', [...base, np]);
    expect(r.map((x) => [x.path, x.targets])).toEqual([['spec.egress[0].to[0]', [keyOf(api)]]]);
  });

  it('a peer in kube-system (the usual allow-DNS rule) is outside the design: no reference, no warning', () => {
    const np = policy('allow-dns', 'shop', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }] }],
    });
    expect(refs('networkpolicy-peer', [...base, np])).toEqual([]);
  });

  it('a peer naming a namespace the design lacks is still a warning', () => {
    const np = policy('from-ci', 'shop', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ci' } } }] }] });
    expect(refs('networkpolicy-peer', [...base, np])[0].problem?.severity).toBe('warning');
  });

  it('the default policy allows its own namespace and reaches its own pods', () => {
    const np = make('NetworkPolicy', 'same-ns', 'shop');
    expect(refs('networkpolicy-peer', [...base, np])[0].targets).toEqual([keyOf(web), keyOf(api)]);
  });
});
