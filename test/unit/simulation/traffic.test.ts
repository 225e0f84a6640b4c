import { describe, expect, it } from 'vitest';
import { container, deployment, ns, run } from './helpers';

const web = deployment('web', 'shop', 2, [container('web', { requests: { cpu: '50m' } }, { ports: [{ name: 'http', containerPort: 8080 }] })]);
const api = deployment('api', 'shop', 1, [container('api')]);
const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } };
const ingress = {
  apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop', namespace: 'shop' },
  spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
};
const denyAll = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny-all', namespace: 'shop' }, spec: { podSelector: {} } };

describe('traffic flows are resolved hop by hop every second', () => {
  it('spreads requests from a workload over the Service\'s ready endpoints', () => {
    const r = run([ns('shop'), web, api, svc], { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'startTraffic', flow: { name: 'calls', from: 'shop/api', to: 'shop/web:80', rate: 10 } }, { action: 'wait', seconds: 3 }, { action: 'stopTraffic', name: 'calls' }, { action: 'wait', seconds: 3 }] } });
    const total = r.traffic.reduce((s, a) => s + a.requests, 0);
    expect(total).toBe(30);
    expect(r.traffic.every((a) => a.verdict === 'delivered' && a.flow === 'calls' && a.from === 'shop/api')).toBe(true);
    const perPod = new Map<string, number>();
    for (const a of r.traffic) perPod.set(a.to, (perPod.get(a.to) ?? 0) + a.requests);
    expect([...perPod.keys()].sort()).toEqual(r.pods.filter((p) => p.owner === 'Deployment/web').map((p) => `Pod/shop/${p.name}`).sort());
    expect([...perPod.values()]).toEqual([15, 15]);
  });

  it('reports a NetworkPolicy denial with the policy named, through the Ingress', () => {
    const r = run([ns('shop'), web, svc, ingress, denyAll], { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'startTraffic', flow: { name: 'users', from: 'external', to: 'http://shop.example.com/cart', rate: 4 } }, { action: 'wait', seconds: 2 }] } });
    expect(r.traffic.length).toBeGreaterThan(0);
    expect(r.traffic.every((a) => a.verdict === 'denied')).toBe(true);
    expect(r.traffic[0].reason).toContain('deny-all');
  });

  it('drops requests while a Service has no ready endpoints', () => {
    const r = run([ns('shop'), api, svc], { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'startTraffic', flow: { name: 'calls', from: 'shop/api', to: 'shop/web:80', rate: 2 } }, { action: 'wait', seconds: 1 }] } });
    expect(r.traffic[0]).toMatchObject({ verdict: 'dropped', requests: 2 });
  });
});
