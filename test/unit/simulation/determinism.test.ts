import { describe, expect, it } from 'vitest';
import { container, deployment, ns, pvc, quota, run, storageClass } from './helpers';

const objects = () => [
  ns('shop'),
  quota('compute', 'shop', { pods: '5', 'requests.cpu': '2' }),
  storageClass('standard', 'rancher.io/local-path', {}, true),
  pvc('data', 'shop', '1Gi'),
  deployment('web', 'shop', 4, [container('web', { requests: { cpu: '300m' } })]),
  deployment('api', 'shop', 3, [container('api', { requests: { cpu: '100m' } })]),
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } },
];
const scenario = {
  steps: [
    { action: 'wait' as const, steady: true },
    { action: 'setImage' as const, kind: 'Deployment', namespace: 'shop', name: 'web', image: 'nginx:1.28' },
    { action: 'wait' as const, seconds: 20 },
    { action: 'startTraffic' as const, flow: { name: 'users', from: 'shop/api', to: 'shop/web:80', rate: 5 } },
    { action: 'wait' as const, seconds: 3 },
    { action: 'drain' as const, node: 'node-1' },
  ],
};

describe('same input, scenario and seed give byte-identical output', () => {
  it('serialises to the same JSON twice', () => {
    const a = JSON.stringify(run(objects(), { scenario, seed: 42 }));
    const b = JSON.stringify(run(objects(), { scenario, seed: 42 }));
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(10_000);
  });

  it('changes generated names with another seed', () => {
    const a = run(objects(), { scenario, seed: 1 }).pods.map((p) => p.name);
    const b = run(objects(), { scenario, seed: 2 }).pods.map((p) => p.name);
    expect(a).not.toEqual(b);
  });
});
