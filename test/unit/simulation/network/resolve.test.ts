import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { defaultCluster } from '../../../../shared/design/types';
import type { KubeObject } from '../../../../shared/model/object';
import { NetworkResolver, resolveRequest, type NetRequest } from '../../../../shared/simulation/network';
import { pod, policy, ports, service, snapshot } from './helpers';
import { steadyNetworkSnapshot } from '../../../../shared/simulation/session/network';

const shop = steadyNetworkSnapshot(loadAll(readFileSync(join(import.meta.dirname, 'fixtures', 'shop-policies.yaml'), 'utf8')) as KubeObject[], defaultCluster());
const hops = (r: { hops: { hop: string; verdict: string }[] }) => r.hops.map((h) => `${h.hop}:${h.verdict}`);

describe('a request resolved hop by hop (shop fixture: default deny + allow rules)', () => {
  it('external → Ingress → frontend Service → pod is delivered (the controller namespace is allowed)', () => {
    const r = resolveRequest(shop, { from: { kind: 'external' }, to: { kind: 'ingress', host: 'shop.example.com', path: '/' } });
    expect(r.verdict).toBe('delivered');
    expect(hops(r)).toEqual(['ingress:pass', 'service:pass', 'endpoint:pass', 'policy-egress:pass', 'policy-ingress:pass', 'pod:pass']);
    expect(r.port).toBe(8080);
    expect(r.hops[4].reason).toBe('allowed by shop/frontend ingress[0] from[0]');
  });

  it('external → Ingress /api is denied at the api pod\'s ingress, naming the isolating policies', () => {
    const r = resolveRequest(shop, { from: { kind: 'external' }, to: { kind: 'ingress', host: 'shop.example.com', path: '/api/items' } });
    expect(r.verdict).toBe('denied');
    expect(r.deniedBy).toEqual({ direction: 'ingress', namespace: 'shop', policies: ['shop/api', 'shop/default-deny'] });
    expect(hops(r).at(-1)).toBe('policy-ingress:fail');
  });

  it('an unknown host is a 404 with no Ingress rule', () => {
    const r = resolveRequest(shop, { from: { kind: 'external' }, to: { kind: 'ingress', host: 'nope.example.com', path: '/' } });
    expect(r.verdict).toBe('no-ingress-rule');
    expect(r.reason).toContain('404');
  });

  it('frontend → api Service is delivered on the named targetPort; the deciding rules are named', () => {
    const r = resolveRequest(shop, { from: { kind: 'workload', namespace: 'shop', name: 'frontend' }, to: { kind: 'service', namespace: 'shop', name: 'api' } });
    expect(r.verdict).toBe('delivered');
    expect(r.port).toBe(9000);
    expect(r.hops.find((h) => h.hop === 'policy-egress')?.reason).toBe('allowed by shop/frontend egress[0] to[0]');
    expect(r.hops.find((h) => h.hop === 'policy-ingress')?.reason).toBe('allowed by shop/api ingress[0] from[0]');
  });

  it('frontend → db is denied at the frontend\'s egress', () => {
    const r = resolveRequest(shop, { from: { kind: 'workload', namespace: 'shop', name: 'frontend' }, to: { kind: 'service', namespace: 'shop', name: 'db' }, port: 5432 });
    expect(r.verdict).toBe('denied');
    expect(r.deniedBy?.direction).toBe('egress');
    expect(r.reason).toContain('denied by NetworkPolicy shop/allow-dns, shop/default-deny, shop/frontend in namespace shop (egress)');
  });

  it('prometheus → api metrics passes the AND peer (namespace label + pod label)', () => {
    const r = resolveRequest(shop, { from: { kind: 'workload', namespace: 'monitoring', name: 'Deployment/prometheus' }, to: { kind: 'workload', namespace: 'shop', name: 'api' }, port: 9090 });
    expect(r.verdict).toBe('delivered');
    expect(r.hops.find((h) => h.hop === 'policy-ingress')?.reason).toBe('allowed by shop/api ingress[1] from[0]');
  });

  it('a pod to an address outside the cluster needs only egress (DNS allowed, HTTPS denied)', () => {
    const from = { kind: 'workload' as const, namespace: 'shop', name: 'api' };
    expect(resolveRequest(shop, { from, to: { kind: 'address', ip: '8.8.8.8', port: 53 }, protocol: 'UDP' }).verdict).toBe('delivered');
    expect(resolveRequest(shop, { from, to: { kind: 'address', ip: '8.8.8.8', port: 443 } }).verdict).toBe('denied');
  });

  it('a Service port that does not exist is "port not exposed"', () => {
    const r = resolveRequest(shop, { from: { kind: 'external' }, to: { kind: 'service', namespace: 'shop', name: 'api', port: 8443 } });
    expect(r.verdict).toBe('port-not-exposed');
    expect(r.reason).toBe('Service shop/api does not expose port 8443/TCP');
  });

  it('a ClusterIP address resolves to its Service', () => {
    const api = shop.services.find((s) => s.name === 'api');
    const r = resolveRequest(shop, { from: { kind: 'workload', namespace: 'shop', name: 'frontend' }, to: { kind: 'address', ip: api?.clusterIP ?? '', port: 80 } });
    expect(r.verdict).toBe('delivered');
    expect(r.hops[0].reason).toContain('Service shop/api ClusterIP');
  });
});

describe('endpoints and ports', () => {
  const client = pod('shop', 'client', { app: 'client' });

  it('no ready endpoints: the reason says why (not Ready / no selector match / no named port)', () => {
    const notReady = pod('shop', 'web-a', { app: 'web' }, { ready: false, ports: ports([8080, 'http']) });
    const cases: [NetRequest['to'], string][] = [
      [{ kind: 'service', namespace: 'shop', name: 'web' }, '0 of 1 endpoint(s) are Ready'],
      [{ kind: 'service', namespace: 'shop', name: 'lonely' }, 'selector app=lonely matches no pod in namespace shop'],
      [{ kind: 'service', namespace: 'shop', name: 'named' }, 'none has a TCP container port named "metrics"'],
    ];
    const snap = snapshot({
      pods: [client, notReady, pod('shop', 'named-a', { app: 'named' }, { ports: ports([8080, 'http']) })],
      services: [service('shop', 'web'), service('shop', 'lonely'), service('shop', 'named', { ports: [{ protocol: 'TCP', port: 80, targetPort: 'metrics' }] })],
    });
    for (const [to, why] of cases) {
      const r = resolveRequest(snap, { from: { kind: 'pod', namespace: 'shop', name: 'client' }, to });
      expect(r.verdict).toBe('no-endpoints');
      expect(r.reason).toContain(why);
    }
  });

  it('NodePort: an external client reaches the Service through any node', () => {
    const web = pod('shop', 'web-a', { app: 'web' }, { ports: ports([8080]) });
    const svc = service('shop', 'web', { type: 'NodePort', ports: [{ protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }] });
    const snap = snapshot({ pods: [web], services: [svc] });
    const r = resolveRequest(snap, { from: { kind: 'external' }, to: { kind: 'nodePort', port: 30080, node: 'node-2' } });
    expect(r.verdict).toBe('delivered');
    expect(r.hops[0].reason).toContain('node node-2 192.168.0.11:30080 is NodePort of Service shop/web');
    expect(resolveRequest(snap, { from: { kind: 'external' }, to: { kind: 'nodePort', port: 30081 } }).verdict).toBe('port-not-exposed');
    expect(resolveRequest(snap, { from: { kind: 'external' }, to: { kind: 'address', ip: '192.168.0.10', port: 30080 } }).verdict).toBe('delivered');
  });

  it('NodePort with option nodePortSource=node: SNATed traffic counts as node traffic (own node always allowed)', () => {
    const web = pod('shop', 'web-a', { app: 'web' }, { node: 'node-1', ports: ports([8080]) });
    const svc = service('shop', 'web', { type: 'NodePort', ports: [{ protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }] });
    const deny = policy('shop', 'deny', { podSelector: {} });
    const snap = snapshot({ pods: [web], services: [svc], networkPolicies: [deny] });
    const req: NetRequest = { from: { kind: 'external' }, to: { kind: 'nodePort', port: 30080, node: 'node-1' } };
    expect(resolveRequest(snap, req).verdict).toBe('denied');
    expect(new NetworkResolver(snap, { nodePortSource: 'node' }).resolve(req).verdict).toBe('delivered');
    expect(new NetworkResolver(snap, { nodePortSource: 'node' }).resolve({ ...req, to: { kind: 'nodePort', port: 30080, node: 'node-2' } }).verdict).toBe('denied');
  });

  it('ExternalName Services have no endpoints', () => {
    const snap = snapshot({ pods: [client], services: [service('shop', 'ext', { type: 'ExternalName', clusterIP: '', externalName: 'db.example.com', selector: undefined })] });
    const r = resolveRequest(snap, { from: { kind: 'pod', namespace: 'shop', name: 'client' }, to: { kind: 'service', namespace: 'shop', name: 'ext', port: 80 } });
    expect(r.verdict).toBe('no-endpoints');
    expect(r.reason).toContain('db.example.com');
  });

  it('a port the destination pod does not declare is "port not exposed"', () => {
    const web = pod('shop', 'web-a', { app: 'web' }, { ports: ports([8080]) });
    const r = resolveRequest(snapshot({ pods: [client, web] }), { from: { kind: 'pod', namespace: 'shop', name: 'client' }, to: { kind: 'pod', namespace: 'shop', name: 'web-a', port: 9999 } });
    expect(r.verdict).toBe('port-not-exposed');
  });

  it('a policy on a Service request is evaluated on the backend pod and its targetPort', () => {
    const web = pod('shop', 'web-a', { app: 'web' }, { ports: ports([8080, 'http']) });
    const allow8080 = policy('shop', 'web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 8080 }] }] });
    const snap = snapshot({ pods: [client, web], services: [service('shop', 'web', { ports: [{ protocol: 'TCP', port: 80, targetPort: 'http' }] })], networkPolicies: [allow8080] });
    const r = resolveRequest(snap, { from: { kind: 'pod', namespace: 'shop', name: 'client' }, to: { kind: 'service', namespace: 'shop', name: 'web', port: 80 } });
    expect(r.verdict).toBe('delivered');
    expect(r.port).toBe(8080);
  });
});

describe('a pod talking to itself', () => {
  const self = pod('shop', 'web-a', { app: 'web' }, { ports: ports([8080]) });
  const deny = policy('shop', 'deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  const snap = snapshot({ pods: [self], services: [service('shop', 'web')], networkPolicies: [deny] });
  const direct: NetRequest = { from: { kind: 'pod', namespace: 'shop', name: 'web-a' }, to: { kind: 'pod', namespace: 'shop', name: 'web-a', port: 8080 } };
  const hairpin: NetRequest = { from: { kind: 'pod', namespace: 'shop', name: 'web-a' }, to: { kind: 'service', namespace: 'shop', name: 'web' } };

  it('by its own IP is always allowed by default (a pod cannot block access to itself)', () => {
    expect(resolveRequest(snap, direct).verdict).toBe('delivered');
    expect(new NetworkResolver(snap, { podToSelf: 'evaluated' }).resolve(direct).verdict).toBe('denied');
  });

  it('through a Service (hairpin) is evaluated by default, allowed with the option', () => {
    expect(resolveRequest(snap, hairpin).verdict).toBe('denied');
    expect(new NetworkResolver(snap, { hairpinViaService: 'allowed' }).resolve(hairpin).verdict).toBe('delivered');
  });
});

describe('hostNetwork pods are flagged', () => {
  it('the pod hop says the policy behaviour is undefined', () => {
    const host = pod('kube-system', 'agent', { app: 'agent' }, { hostNetwork: true, ip: '192.168.0.10' });
    const web = pod('shop', 'web-a', { app: 'web' });
    const r = resolveRequest(snapshot({ pods: [host, web] }), { from: { kind: 'pod', namespace: 'kube-system', name: 'agent' }, to: { kind: 'pod', namespace: 'shop', name: 'web-a', port: 80 } });
    expect(r.hops.at(-1)?.reason).toContain('hostNetwork pod involved: NetworkPolicy behaviour is undefined');
  });
});

describe('hostNetwork pods and their node', () => {
  const agent = pod('kube-system', 'agent', { app: 'agent' }, { hostNetwork: true, ip: '192.168.0.10', node: 'node-1', ports: ports([9100, 'metrics']) });
  const web1 = pod('shop', 'web-1', { app: 'web' }, { node: 'node-1', ports: ports([8080]) });
  const web2 = pod('shop', 'web-2', { app: 'web' }, { node: 'node-2', ports: ports([8080]) });
  const deny = policy('shop', 'deny', { podSelector: {} });
  const snap = snapshot({ pods: [agent, web1, web2], networkPolicies: [deny] });
  const from = { kind: 'pod' as const, namespace: 'kube-system', name: 'agent' };

  it('a hostNetwork pod reaching a pod on its own node counts as node traffic (always allowed)', () => {
    expect(resolveRequest(snap, { from, to: { kind: 'pod', namespace: 'shop', name: 'web-1', port: 8080 } }).verdict).toBe('delivered');
    expect(resolveRequest(snap, { from, to: { kind: 'pod', namespace: 'shop', name: 'web-2', port: 8080 } }).verdict).toBe('denied');
  });

  it('a node IP and a hostNetwork pod\'s port reach that pod', () => {
    const r = resolveRequest(snap, { from: { kind: 'pod', namespace: 'shop', name: 'web-2' }, to: { kind: 'address', ip: '192.168.0.10', port: 9100 } });
    expect(r.pod).toEqual({ namespace: 'kube-system', name: 'agent' });
  });
});

describe('a pod calling an Ingress URL', () => {
  it('needs egress to the Ingress controller before the Ingress routes it', () => {
    const client = pod('shop', 'client', { app: 'client' });
    const web = pod('shop', 'web-a', { app: 'web' }, { ports: ports([8080]) });
    const ingress = { namespace: 'shop', name: 'web', rules: [{ host: 'web.example.com', paths: [{ path: '/', pathType: 'Prefix' as const, backend: { service: { name: 'web', port: 80 } } }] }] };
    const denyEgress = policy('shop', 'no-egress', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'] });
    const req: NetRequest = { from: { kind: 'pod', namespace: 'shop', name: 'client' }, to: { kind: 'ingress', host: 'web.example.com', path: '/' } };
    expect(resolveRequest(snapshot({ pods: [client, web], services: [service('shop', 'web')], ingresses: [ingress] }), req).verdict).toBe('delivered');
    const r = resolveRequest(snapshot({ pods: [client, web], services: [service('shop', 'web')], ingresses: [ingress], networkPolicies: [denyEgress] }), req);
    expect(r.verdict).toBe('denied');
    expect(r.hops.map((h) => h.hop)).toEqual(['policy-egress']);
    expect(r.reason).toContain('to pod ingress-nginx/{ingress-controller}');
  });
});
