import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../../../shared/design';
import type { KubeObject } from '../../../../shared/model/object';
import { connectivityMatrix, parseFlowTarget, SAMPLES, traceFlows, type FlowSpec } from '../../../../shared/simulation/network/flows';
import { steadyNetworkSnapshot } from '../../../../shared/simulation/session/network';
import { networkAt, type PodRecord } from '../../../../shared/simulation/session';

const EXAMPLES = join(import.meta.dirname, '../../../../assets/examples');

function load(file: string) {
  const r = parseDesign(readFileSync(join(EXAMPLES, file), 'utf8'), file);
  if ('error' in r) throw new Error(r.error.message);
  return r.design;
}

const shop = load('three-tier-shop.kubeplan.yaml');
const shopObjects = shop.resources.map((r) => r.object);
const snapshot = steadyNetworkSnapshot(shopObjects, shop.cluster);
const flow = (f: Partial<FlowSpec> & Pick<FlowSpec, 'from' | 'to'>): FlowSpec => ({ id: f.name ?? 'f', name: 'f', rate: 30, ...f });

describe('traceFlows', () => {
  it('follows Ingress → Service → endpoint pods and spreads the rate equally over the ready endpoints', () => {
    const [t] = traceFlows(snapshot, [flow({ from: 'external', to: 'http://shop.example.com/', rate: 30 })]);
    expect(t!.error).toBeUndefined();
    expect(t!.delivered).toBeCloseTo(30);
    expect(t!.dropped).toBeCloseTo(0);
    // The frontend Deployment has 3 replicas: one route per pod, 10 requests/s each.
    expect(t!.routes).toHaveLength(3);
    const frontendPods = snapshot.pods.filter((p) => p.owner === 'Deployment/frontend').map((p) => `shop/${p.name}`).sort();
    expect(t!.routes.map((r) => r.pod).sort()).toEqual(frontendPods);
    for (const r of t!.routes) {
      expect(r.path).toEqual(['external', 'Ingress/shop/shop', 'Service/shop/frontend', 'Deployment/shop/frontend']);
      expect(r.rate).toBeCloseTo(10);
      expect(r.verdict).toBe('delivered');
      expect(r.stop).toBeUndefined();
      expect(r.explain).toMatch(/^Request: external → http:\/\/shop\.example\.com\/\n {2}1\. ingress +PASS/);
    }
  });

  it('routes /api to the api Service by the longest path', () => {
    const [t] = traceFlows(snapshot, [flow({ from: 'external', to: 'http://shop.example.com/api/orders', rate: 8 })]);
    expect(t!.routes.map((r) => r.path[2])).toEqual(['Service/shop/api', 'Service/shop/api']);
    expect(t!.routes.map((r) => r.rate)).toEqual([4, 4]);
  });

  it('names the NetworkPolicy that isolates the destination and stops the requests short of the workload', () => {
    const deny: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } };
    const denied = steadyNetworkSnapshot([...shopObjects, deny], shop.cluster);
    const [t] = traceFlows(denied, [flow({ from: 'shop/frontend', to: 'shop/api:8080', rate: 12 })]);
    expect(t!.delivered).toBe(0);
    expect(t!.dropped).toBe(12);
    for (const r of t!.routes) {
      expect(r.verdict).toBe('denied');
      expect(r.hop).toBe('policy-ingress');
      expect(r.reason).toContain('denied by NetworkPolicy shop/default-deny');
      expect(r.path).toEqual(['Deployment/shop/frontend', 'Service/shop/api', 'Deployment/shop/api']);
      expect(r.stop).toEqual({ segment: 1, at: 0.85 });
    }
  });

  it('names each rule of the isolating policies and why it did not allow a denied request', () => {
    const deny: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } };
    const onlyWeb: KubeObject = {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'api-from-web', namespace: 'shop' },
      spec: { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }, { from: [{ podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ port: 9090 }] }] },
    };
    const denied = steadyNetworkSnapshot([...shopObjects, deny, onlyWeb], shop.cluster);
    const [t] = traceFlows(denied, [flow({ from: 'shop/frontend', to: 'shop/api:8080', rate: 12 })]);
    const rules = t!.routes[0]!.rules!;
    expect(rules).toContain('shop/default-deny: no ingress rules (allows nothing)');
    expect(rules.find((r) => r.startsWith('shop/api-from-web ingress[0]: '))).toMatch(/^shop\/api-from-web ingress\[0\]: no from peer matches pod shop\/frontend-/);
    expect(rules).toContain('shop/api-from-web ingress[1]: its ports do not include TCP 8080');
    // A delivered route has none.
    const [ok] = traceFlows(snapshot, [flow({ from: 'shop/frontend', to: 'shop/api:8080' })]);
    expect(ok!.routes.every((r) => r.rules === undefined)).toBe(true);
  });

  it('follows the pods of a point of the timeline: none running means no endpoints, and the same pods give the steady verdicts', () => {
    const pods: PodRecord[] = snapshot.pods.map((p) => ({
      kind: 'Pod', namespace: p.namespace, name: p.name, owner: `apps/${p.owner.split('/')[0]}/${p.namespace}/${p.owner.split('/')[1]}`, node: p.node,
      phase: 'Running', status: 'Running', ip: p.ip, cpu: 0, memory: 0,
    }));
    const spec = flow({ from: 'external', to: 'http://shop.example.com/', rate: 30 });
    const [same] = traceFlows(networkAt(snapshot, pods), [spec]);
    expect(same!.routes.map((r) => `${r.pod} ${r.verdict}`)).toEqual(traceFlows(snapshot, [spec])[0]!.routes.map((r) => `${r.pod} ${r.verdict}`));
    const [none] = traceFlows(networkAt(snapshot, pods.filter((p) => !p.owner.endsWith('/frontend'))), [spec]);
    expect(none!.delivered).toBe(0);
    expect(none!.routes.map((r) => r.verdict)).toEqual(['no-endpoints']);
    // Pending pods (no IP yet) are not endpoints either.
    const [pending] = traceFlows(networkAt(snapshot, pods.map((p) => ({ ...p, phase: 'Pending', status: 'ContainerCreating', ip: '' }))), [spec]);
    expect(pending!.routes.map((r) => r.verdict)).toEqual(['no-endpoints']);
  });

  it('stops at the Ingress controller when no Ingress rule matches, and at the Service when it has no endpoints', () => {
    const noSelector: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'orphan', namespace: 'shop' }, spec: { selector: { app: 'nothing' }, ports: [{ port: 80 }] } };
    const snap = steadyNetworkSnapshot([...shopObjects, noSelector], shop.cluster);
    const [missing, orphan, notExposed] = traceFlows(snap, [
      flow({ from: 'external', to: 'http://elsewhere.example.com/' }),
      flow({ from: 'shop/frontend', to: 'shop/orphan:80' }),
      flow({ from: 'shop/frontend', to: 'shop/api:9999' }),
    ]);
    expect(missing!.routes).toHaveLength(1);
    expect(missing!.routes[0]).toMatchObject({ verdict: 'no-ingress-rule', hop: 'ingress', path: ['external', 'ingress-controller'], stop: { segment: 0, at: 1 } });
    expect(missing!.routes[0]!.reason).toContain('no Ingress rule for elsewhere.example.com/ (404)');
    expect(orphan!.routes[0]).toMatchObject({ verdict: 'no-endpoints', hop: 'endpoint', path: ['Deployment/shop/frontend', 'Service/shop/orphan'], stop: { segment: 0, at: 1 } });
    expect(orphan!.routes[0]!.reason).toContain('selector app=nothing matches no pod in namespace shop');
    expect(notExposed!.routes[0]).toMatchObject({ verdict: 'port-not-exposed', hop: 'service', path: ['Deployment/shop/frontend', 'Service/shop/api'] });
  });

  it('reports a flow it cannot read instead of tracing it', () => {
    const [bad, worse] = traceFlows(snapshot, [flow({ from: 'shop', to: 'shop/api:8080' }), flow({ from: 'external', to: 'not a target' })]);
    expect(bad!.error).toBe('from must be "external" or "<namespace>/<workload>", got "shop"');
    expect(worse!.error).toMatch(/^cannot read the target "not a target"/);
    expect(bad!.routes).toEqual([]);
  });

  it('reads the scenario target syntax: URL, node port, Service and workload', () => {
    expect(parseFlowTarget('http://shop.example.com/api', snapshot)).toEqual({ kind: 'ingress', host: 'shop.example.com', path: '/api' });
    expect(parseFlowTarget('node:30080', snapshot)).toEqual({ kind: 'nodePort', port: 30080 });
    expect(parseFlowTarget('shop/api:http', snapshot)).toEqual({ kind: 'service', namespace: 'shop', name: 'api', port: 'http' });
    expect(parseFlowTarget('shop/frontend-pods:80', snapshot)).toEqual({ kind: 'workload', namespace: 'shop', name: 'frontend-pods', port: 80 });
    expect(parseFlowTarget('shop/api:70000', snapshot)).toBe('port 70000 in "shop/api:70000" must be between 1 and 65535');
    expect(SAMPLES % 840).toBe(0);
  });
});

describe('the shop-default-deny example', () => {
  const design = load('shop-default-deny.kubeplan.yaml');
  const snap = steadyNetworkSnapshot(design.resources.map((r) => r.object), design.cluster);
  const traces = traceFlows(snap, design.flows ?? []);

  it('delivers the shoppers and the frontend → api flow, and drops the two the policies forbid', () => {
    expect(traces.map((t) => [t.name, Math.round(t.delivered), Math.round(t.dropped)])).toEqual([
      ['shoppers', 40, 0],
      ['api-direct', 0, 20],
      ['frontend-to-api', 30, 0],
      ['frontend-to-db', 0, 10],
    ]);
    expect(traces[1]!.routes[0]!.reason).toContain('isolated for Ingress by shop/allow-api-from-frontend, shop/default-deny and no ingress rule allows TCP 8080');
    expect(traces[3]!.routes[0]!.reason).toContain('shop/allow-postgres-from-api');
  });
});

describe('connectivityMatrix', () => {
  it('lists workloads and external peers with the allowed ports and explains every cell', () => {
    const design = load('shop-default-deny.kubeplan.yaml');
    const snap = steadyNetworkSnapshot(design.resources.map((r) => r.object), design.cluster);
    const m = connectivityMatrix(snap);
    expect(m.peers.slice(0, 3)).toEqual(['shop/api[Deployment]', 'shop/frontend[Deployment]', 'shop/postgres[StatefulSet]']);
    const cell = (src: string, dst: string) => m.cells.find((c) => c.src === src && c.dst === dst)!;
    expect(cell('shop/frontend[Deployment]', 'shop/api[Deployment]').conn).toBe('TCP 8080');
    expect(cell('shop/api[Deployment]', 'shop/postgres[StatefulSet]').conn).toBe('TCP 5432');
    const denied = cell('shop/frontend[Deployment]', 'shop/postgres[StatefulSet]');
    expect(denied.conn).toBe('');
    expect(denied.explain).toContain('FAIL');
    expect(denied.explain).toContain('shop/allow-postgres-from-api');
    expect(m.truncated).toBeUndefined();
    expect(connectivityMatrix(snap, {}, 1).truncated).toBe(2);
  });
});
