import { describe, expect, it } from 'vitest';
import { aggregateTargets, edgeKindOf, namespaceOfKey, pointsAtSource } from '../../../shared/references';
import { keyOf, make, refs } from './helpers';

const nsWithTier = (name: string, tier: string) => make('Namespace', name, undefined, { metadata: { labels: { tier } } });
const workload = (name: string, ns: string) => make('Deployment', name, ns, { spec: { template: { metadata: { labels: { app: name } } } } });
const policy = (name: string, ns: string, spec: Record<string, unknown>) => make('NetworkPolicy', name, ns, { spec: { ingress: undefined, policyTypes: undefined, ...spec } });

// Two "web" namespaces of three workloads each, and the shop namespace the policies live in.
const objects = [
  make('Namespace', 'shop'), workload('api', 'shop'),
  nsWithTier('web-1', 'web'), workload('a', 'web-1'), workload('b', 'web-1'), workload('c', 'web-1'),
  nsWithTier('web-2', 'web'), workload('a', 'web-2'), workload('b', 'web-2'), workload('c', 'web-2'),
];

describe('a peer that is a whole namespace is one target per namespace', () => {
  it('namespaceSelector without podSelector: each selected namespace once, not each workload in it', () => {
    const np = policy('from-web', 'shop', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { tier: 'web' } } }] }] });
    const [peer] = refs('networkpolicy-peer', [...objects, np]);
    expect(peer!.targets).toHaveLength(8); // six workloads and the two Namespace objects
    expect(peer!.wholeNamespaces).toEqual(['web-1', 'web-2']);
    expect(aggregateTargets(peer!)).toEqual({ targets: [], namespaces: ['web-1', 'web-2'] });
  });

  it('podSelector {} in the selected namespaces is the whole namespace too', () => {
    const np = policy('from-web', 'shop', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { tier: 'web' } }, podSelector: {} }] }] });
    const [peer] = refs('networkpolicy-peer', [...objects, np]);
    expect(aggregateTargets(peer!).namespaces).toEqual(['web-1', 'web-2']);
  });

  it('a podSelector that picks some pods of the selected namespaces stays one edge per workload', () => {
    const np = policy('from-web-a', 'shop', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { tier: 'web' } }, podSelector: { matchLabels: { app: 'a' } } }] }] });
    const [peer] = refs('networkpolicy-peer', [...objects, np]);
    expect(peer!.wholeNamespaces).toBeUndefined();
    expect(aggregateTargets(peer!)).toEqual({ targets: [keyOf(objects[3]!), keyOf(objects[7]!)], namespaces: [] });
  });

  it('a policy whose podSelector is {} applies to its whole namespace', () => {
    const np = policy('deny-all', 'web-1', { podSelector: {} });
    const [target] = refs('networkpolicy-target', [...objects, np]);
    expect(aggregateTargets(target!)).toEqual({ targets: [], namespaces: ['web-1'] });
    const narrow = policy('only-a', 'web-1', { podSelector: { matchLabels: { app: 'a' } } });
    expect(aggregateTargets(refs('networkpolicy-target', [...objects, narrow])[0]!).namespaces).toEqual([]);
  });

  it('a selected namespace without workloads is not an edge (nothing to allow there)', () => {
    const np = policy('from-web', 'shop', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { tier: 'web' } } }] }] });
    const [peer] = refs('networkpolicy-peer', [...objects, nsWithTier('web-3', 'web'), np]);
    expect(peer!.wholeNamespaces).toEqual(['web-1', 'web-2']);
  });
});

describe('which way a policy edge points', () => {
  it('an ingress peer is "policy allows from" and points into the policy\'s pods; an egress peer is "allows to" and points out', () => {
    const np = policy('both', 'shop', {
      podSelector: {},
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { tier: 'web' } } }] }],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { tier: 'web' } } }] }],
    });
    const [ingress, egress] = refs('networkpolicy-peer', [...objects, np]);
    expect([ingress!.direction, edgeKindOf(ingress!), pointsAtSource(edgeKindOf(ingress!))]).toEqual(['from', 'policy-from', true]);
    expect([egress!.direction, edgeKindOf(egress!), pointsAtSource(edgeKindOf(egress!))]).toEqual(['to', 'policy-to', false]);
    expect(pointsAtSource(edgeKindOf(refs('networkpolicy-target', [...objects, np])[0]!))).toBe(false);
  });

  it('reads the namespace out of an object key', () => {
    expect(namespaceOfKey('apps/Deployment/web-1/a')).toBe('web-1');
    expect(namespaceOfKey('/Namespace//web-1')).toBe('');
  });
});
