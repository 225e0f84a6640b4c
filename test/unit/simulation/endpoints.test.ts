import { describe, expect, it } from 'vitest';
import { container, deployment, ns, pod, run } from './helpers';

const svc = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ...spec } });

describe('EndpointSlices list the ready pods a Service selects', () => {
  it('looks a named targetPort up per pod and leaves out pods without that port name', () => {
    const named = pod('named', 'shop', [container('c', undefined, { ports: [{ name: 'http', containerPort: 8080 }] })], {}, { app: 'web' });
    const other = pod('other', 'shop', [container('c', undefined, { ports: [{ name: 'metrics', containerPort: 9090 }] })], {}, { app: 'web' });
    const r = run([ns('shop'), named, other, svc({ ports: [{ port: 80, targetPort: 'http' }] })]);
    const ip = r.pods.find((p) => p.name === 'named')?.ip;
    expect(r.endpoints).toEqual([{ namespace: 'shop', service: 'web', endpoints: [`${ip}:8080`] }]);
  });

  it('defaults targetPort to port, and only Ready pods are endpoints unless publishNotReadyAddresses', () => {
    const slow = deployment('web', 'shop', 2, [container('web', undefined, { readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 30 } })]);
    const early = run([ns('shop'), slow, svc({ ports: [{ port: 80 }] })], { scenario: { applyInputs: true, steps: [{ action: 'wait', seconds: 5 }] }, options: { steadyTimeoutSeconds: 0 } });
    expect(early.endpoints[0].endpoints).toEqual([]);
    const published = run([ns('shop'), slow, svc({ ports: [{ port: 80 }], publishNotReadyAddresses: true })], { scenario: { steps: [{ action: 'wait', seconds: 5 }] }, options: { steadyTimeoutSeconds: 0 } });
    expect(published.endpoints[0].endpoints.map((e) => e.split(':')[1])).toEqual(['80', '80']);
    const later = run([ns('shop'), slow, svc({ ports: [{ port: 80 }] })]);
    expect(later.endpoints[0].endpoints).toHaveLength(2);
  });

  it.each([0, ''])('treats targetPort %j as unset: endpoints use the Service port (SetDefaults_Service)', (targetPort) => {
    const r = run([ns('shop'), deployment('web', 'shop', 1, [container('web')]), svc({ ports: [{ port: 8080, targetPort }] })]);
    expect(r.endpoints[0].endpoints.map((e) => e.split(':')[1])).toEqual(['8080']);
  });

  it('gives a Service without a selector no endpoints', () => {
    const r = run([ns('shop'), deployment('web', 'shop', 1, [container('web')]), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'shop' }, spec: { ports: [{ port: 80 }] } }]);
    expect(r.endpoints).toEqual([{ namespace: 'shop', service: 'ext', endpoints: [] }]);
  });
});

describe('PodTopologySpread', () => {
  it('keeps zones within maxSkew (DoNotSchedule) and says so when it cannot', () => {
    const spread = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] };
    const cluster = { nodes: [
      { name: 'a1', cpu: '4', memory: '8Gi', pods: 110, zone: 'a' }, { name: 'a2', cpu: '4', memory: '8Gi', pods: 110, zone: 'a' },
      { name: 'b1', cpu: '4', memory: '8Gi', pods: 110, zone: 'b' },
    ] };
    const r = run([deployment('web', 'default', 4, [container('web')], {}, spread)], { cluster });
    const zones = r.pods.map((p) => (p.node.startsWith('a') ? 'a' : 'b'));
    expect(zones.filter((z) => z === 'a')).toHaveLength(2);
    expect(zones.filter((z) => z === 'b')).toHaveLength(2);
    const full = run([deployment('web', 'default', 4, [container('web')], {}, spread)], { cluster: { nodes: [cluster.nodes[0], { ...cluster.nodes[2], pods: 1 }] } });
    expect(full.events.filter((e) => e.reason === 'FailedScheduling').map((e) => e.message)).toEqual([
      "0/2 nodes are available: 1 Too many pods, 1 node(s) didn't match pod topology spread constraints. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod..",
    ]);
  });
});
