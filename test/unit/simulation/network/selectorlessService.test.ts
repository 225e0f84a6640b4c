// kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors: "you can
// add EndpointSlices for that Service manually … traffic is routed to endpoints defined by a
// user-defined EndpointSlice" — the same in `explain` (a design's snapshot), the steady state the
// live view and traffic read (the simulator's store) and `simulate`.
import { describe, expect, it } from 'vitest';
import { defaultCluster } from '../../../../shared/design/types';
import type { KubeObject } from '../../../../shared/model/object';
import { resolveRequest, type NetRequest } from '../../../../shared/simulation/network';
import { steadyNetworkSnapshot, trafficReport } from '../../../../shared/simulation/session/network';
import { container, deployment, ns, run } from '../helpers';

const db: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'shop' }, spec: { ports: [{ name: 'pg', port: 5432, targetPort: 5432 }] } };
const slice = (endpoints: unknown[]): KubeObject => ({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'db-1', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'db' } },
  addressType: 'IPv4', ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }], endpoints,
} as unknown as KubeObject);
const denyEgress: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'no-egress', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Egress'] } };
const base = [ns('shop'), deployment('web', 'shop', 1, [container('web', undefined, { ports: [{ containerPort: 80 }] })]), db];
const request: NetRequest = { from: { kind: 'workload', namespace: 'shop', name: 'web' }, to: { kind: 'service', namespace: 'shop', name: 'db' } };
const hops = (r: { hops: { hop: string; verdict: string }[] }) => r.hops.map((h) => `${h.hop}:${h.verdict}`);

describe('a Service without a selector routes to the endpoints of its hand-written EndpointSlice', () => {
  const snapshots = {
    'the live view and traffic (the steady state)': (objects: KubeObject[]) => steadyNetworkSnapshot(objects, defaultCluster()),
  };

  it.each(Object.entries(snapshots))('%s: delivered to the slice\'s address, through the source\'s egress policy', (_name, snap) => {
    const r = resolveRequest(snap([...base, slice([{ addresses: ['192.168.50.10'], conditions: { ready: true } }])]), request);
    expect(r.verdict).toBe('delivered');
    expect(hops(r)).toEqual(['service:pass', 'endpoint:pass', 'policy-egress:pass']);
    expect(r.hops[1].reason).toContain('endpoint 192.168.50.10:5432');
    expect(r.reason).toBe('leaves the cluster to 192.168.50.10:5432/TCP');
  });

  it.each(Object.entries(snapshots))('%s: an egress deny-all still stops it', (_name, snap) => {
    const r = resolveRequest(snap([...base, denyEgress, slice([{ addresses: ['192.168.50.10'] }])]), request);
    expect(r.verdict).toBe('denied');
    expect(r.deniedBy?.direction).toBe('egress');
  });

  it.each(Object.entries(snapshots))('%s: without a slice, no endpoints, and the reason names the label a slice needs', (_name, snap) => {
    const r = resolveRequest(snap(base), request);
    expect(r.verdict).toBe('no-endpoints');
    expect(r.reason).toContain('kubernetes.io/service-name=db');
  });

  it.each(Object.entries(snapshots))('%s: conditions.ready false is not routed to (EndpointConditions: nil is ready, false is not)', (_name, snap) => {
    const r = resolveRequest(snap([...base, slice([{ addresses: ['192.168.50.10'], conditions: { ready: false } }])]), request);
    expect(r.verdict).toBe('no-endpoints');
    expect(r.reason).toContain('0 of 1 endpoint(s) of its EndpointSlices are ready');
  });

  it('a traced flow in the steady state reaches it too, as `simulate` lists the endpoint', () => {
    const objects = [...base, slice([{ addresses: ['192.168.50.10'], conditions: { ready: true } }])];
    expect(run(objects).endpoints).toEqual([{ namespace: 'shop', service: 'db', endpoints: ['192.168.50.10:5432'] }]);
    const report = trafficReport(objects, defaultCluster(), [{ id: 'f1', name: 'to-db', from: 'shop/web', to: 'shop/db', rate: 1 }]);
    expect(report.flows[0]).toMatchObject({ name: 'to-db' });
    expect(JSON.stringify(report.flows[0])).toContain('192.168.50.10');
  });
});
