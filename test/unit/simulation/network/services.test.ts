import { describe, expect, it } from 'vitest';
import { assignServiceAddresses, deriveEndpointSlices, NetworkResolver, ServiceTable, toNetService } from '../../../../shared/simulation/network';
import type { KubeObject } from '../../../../shared/model/object';
import { pod, ports, service, snapshot } from './helpers';

const svcObject = (name: string, spec: Record<string, unknown>, ns = 'shop'): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec });

describe('Service defaults and addresses', () => {
  it('targetPort defaults to port, when unset, 0 or "" (SetDefaults_Service)', () => {
    for (const extra of [{}, { targetPort: 0 }, { targetPort: '' }]) {
      expect(toNetService(svcObject('a', { ports: [{ port: 8080, ...extra }] })).ports[0]).toEqual({ protocol: 'TCP', port: 8080, targetPort: 8080 });
    }
    expect(toNetService(svcObject('a', { ports: [{ port: 80, targetPort: 'http' }] })).ports[0].targetPort).toBe('http');
  });

  it('type defaults to ClusterIP; headless keeps clusterIP None; LoadBalancer is <pending> offline; ExternalName has no ClusterIP', () => {
    const [plain, headless, lb, ext] = assignServiceAddresses([
      toNetService(svcObject('plain', { ports: [{ port: 80 }] })),
      toNetService(svcObject('headless', { clusterIP: 'None', ports: [{ port: 80 }] })),
      toNetService(svcObject('lb', { type: 'LoadBalancer', ports: [{ port: 80 }] })),
      toNetService(svcObject('ext', { type: 'ExternalName', externalName: 'db.example.com' })),
    ]);
    expect(plain.type).toBe('ClusterIP');
    expect(plain.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(headless.clusterIP).toBe('None');
    expect(lb.externalIP).toBe('<pending>');
    expect(lb.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(ext.clusterIP).toBe('');
    expect(ext.externalName).toBe('db.example.com');
  });

  it('allocates ClusterIPs and NodePorts deterministically, without collisions, keeping explicit ones', () => {
    const make = () => Array.from({ length: 300 }, (_, i) => toNetService(svcObject(`s${i}`, { type: 'NodePort', ports: [{ port: 80 }, { name: 'b', port: 81 }] })));
    const explicit = toNetService(svcObject('fixed', { type: 'NodePort', clusterIP: '10.96.5.5', ports: [{ port: 80, nodePort: 30080 }] }));
    const a = assignServiceAddresses([...make(), explicit]);
    const b = assignServiceAddresses([explicit, ...make().reverse()]);
    const byName = (list: typeof a) => Object.fromEntries(list.map((s) => [s.name, [s.clusterIP, s.ports.map((p) => p.nodePort)]]));
    expect(byName(a)).toEqual(byName(b));
    const fixed = a.find((s) => s.name === 'fixed');
    expect(fixed?.clusterIP).toBe('10.96.5.5');
    expect(fixed?.ports[0].nodePort).toBe(30080);
    const nodePorts = a.flatMap((s) => s.ports.map((p) => p.nodePort as number));
    expect(new Set(nodePorts).size).toBe(nodePorts.length);
    expect(nodePorts.every((p) => p >= 30000 && p <= 32767)).toBe(true);
    expect(new Set(a.map((s) => s.clusterIP)).size).toBe(a.length);
  });
});

describe('endpoints', () => {
  const a = pod('shop', 'web-a', { app: 'web' }, { ports: ports([8080, 'http']) });
  const b = pod('shop', 'web-b', { app: 'web' }, { ports: ports([9090, 'http']) });
  const noName = pod('shop', 'web-c', { app: 'web' }, { ports: ports([8080]) });
  const notReady = pod('shop', 'web-d', { app: 'web' }, { ready: false, ports: ports([8080, 'http']) });
  const otherNs = pod('other', 'web-e', { app: 'web' }, { ports: ports([8080, 'http']) });
  const named = service('shop', 'web', { ports: [{ protocol: 'TCP', port: 80, targetPort: 'http' }] });

  it('a named targetPort is looked up per pod; pods without that name are not endpoints', () => {
    const table = new ServiceTable(snapshot({ pods: [a, b, noName, notReady, otherNs], services: [named] }));
    const backends = table.backends(named, named.ports[0]);
    expect(backends.map((x) => [x.pod?.name, x.port, x.ready])).toEqual([
      ['web-a', 8080, true],
      ['web-b', 9090, true],
      ['web-d', 8080, false],
    ]);
  });

  it('only Ready pods serve traffic, unless publishNotReadyAddresses', () => {
    const snap = snapshot({ pods: [notReady], services: [named] });
    expect(new ServiceTable(snap).readyBackends(named, named.ports[0])).toHaveLength(0);
    const publish = { ...named, publishNotReadyAddresses: true };
    expect(new ServiceTable(snapshot({ pods: [notReady], services: [publish] })).readyBackends(publish, publish.ports[0])).toHaveLength(1);
  });

  it('a Service without selector, or with an empty one, has no endpoints', () => {
    const none = service('shop', 'manual', { selector: undefined });
    const empty = service('shop', 'empty', { selector: {} });
    const table = new ServiceTable(snapshot({ pods: [a], services: [none, empty] }));
    expect(table.backends(none, none.ports[0])).toEqual([]);
    expect(table.backends(empty, empty.ports[0])).toEqual([]);
  });

  it('EndpointSlices group pods by the ports their named targetPort resolves to', () => {
    const slices = deriveEndpointSlices(snapshot({ pods: [a, b, notReady], services: [named] }));
    expect(slices.map((s) => [s.ports[0].port, s.endpoints.map((e) => [e.pod, e.ready])])).toEqual([
      [8080, [['web-a', true], ['web-d', false]]],
      [9090, [['web-b', true]]],
    ]);
  });

  it('a snapshot\'s own EndpointSlices are used when present', () => {
    const snap = snapshot({ pods: [a, b], services: [named], endpointSlices: [{ namespace: 'shop', service: 'web', ports: [{ port: 7000, protocol: 'TCP' }], endpoints: [{ ip: b.ip, pod: 'web-b', ready: true }] }] });
    const table = new ServiceTable(snap);
    expect(table.readyBackends(named, named.ports[0]).map((x) => [x.pod?.name, x.port])).toEqual([['web-b', 7000]]);
  });
});

describe('kube-proxy spreading', () => {
  const pods = ['a', 'b', 'c'].map((n) => pod('shop', `web-${n}`, { app: 'web' }));
  const svc = service('shop', 'web');
  const client = pod('shop', 'client', { app: 'client' });

  it('round-robins over the ready endpoints in a fixed order', () => {
    const r = new NetworkResolver(snapshot({ pods: [...pods, client], services: [svc] }));
    const picks = Array.from({ length: 6 }, () => r.resolve({ from: { kind: 'pod', namespace: 'shop', name: 'client' }, to: { kind: 'service', namespace: 'shop', name: 'web' } }).pod?.name);
    expect(picks).toEqual(['web-a', 'web-b', 'web-c', 'web-a', 'web-b', 'web-c']);
  });

  it('sessionAffinity ClientIP keeps a client on one endpoint', () => {
    const sticky = { ...svc, sessionAffinity: 'ClientIP' as const };
    const r = new NetworkResolver(snapshot({ pods: [...pods, client], services: [sticky] }));
    const picks = new Set(Array.from({ length: 5 }, () => r.resolve({ from: { kind: 'pod', namespace: 'shop', name: 'client' }, to: { kind: 'service', namespace: 'shop', name: 'web' } }).pod?.name));
    expect(picks.size).toBe(1);
  });
});
