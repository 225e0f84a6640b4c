// `kubectl top` reads the resource metrics API through the simulated API server's one entry point:
// RBAC judges the request there, the API server proxies it to the metrics API (PodMetrics,
// NodeMetrics), and answers 503 when no metrics API is served.
import { describe, expect, it, vi } from 'vitest';
import { defaultCluster } from '../../../../shared/design/types';
import type { ApiRequest } from '../../../../shared/simulation/apiserver';
import type { Cluster } from '../../../../shared/simulation/cluster';
import { identityOf } from '../../../../shared/simulation/rbac';
import { SimulationSession } from '../../../../shared/simulation/session';
import { cluster, shopObjects, USERS } from './setup';

const METRICS_READER = [
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'metrics', namespace: 'shop' }, rules: [{ apiGroups: ['metrics.k8s.io'], resources: ['pods'], verbs: ['get', 'list'] }] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'metrics', namespace: 'shop' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'metrics' }, subjects: [{ kind: 'User', name: 'dev' }] },
];

function live() {
  const session = new SimulationSession({ objects: [...shopObjects(), ...METRICS_READER], cluster: { ...defaultCluster(), users: USERS }, seed: 1 });
  session.runToEnd();
  const run = (line: string, context = 'admin') => session.kubectl(line.split(' '), { context }).output;
  // The session's cluster is its own; the test reaches in to watch and call its API server.
  const api = (session as unknown as { cluster: Cluster }).cluster.api;
  return { session, run, api };
}

describe('the metrics API through the API server', () => {
  it('kubectl top sends get/list of pods and nodes in metrics.k8s.io as the user', () => {
    const { run, api } = live();
    const spy = vi.spyOn(api, 'request');
    expect(run('top pods -n shop', 'dev').exitCode).toBe(0);
    expect(run('top pod nope -n shop').stderr).toBe('Error from server (NotFound): podmetrics.metrics.k8s.io "shop/nope" not found\n');
    const sent = spy.mock.calls.map(([r]) => r as ApiRequest).filter((r) => r.object.kind.endsWith('Metrics'));
    expect(sent.map((r) => [r.verb, r.object.kind, r.object.metadata.namespace, r.identity?.user])).toEqual([
      ['list', 'PodMetrics', 'shop', 'dev'],
      ['get', 'PodMetrics', 'shop', 'admin'],
    ]);
    // A Role for pods in metrics.k8s.io does not open nodes, nor another namespace.
    expect(run('top nodes', 'dev').stderr).toBe('Error from server (Forbidden): nodes.metrics.k8s.io is forbidden: User "dev" cannot list resource "nodes" in API group "metrics.k8s.io" at the cluster scope\n');
    expect(run('top pods -n prod', 'dev').stderr).toBe('Error from server (Forbidden): pods.metrics.k8s.io is forbidden: User "dev" cannot list resource "pods" in API group "metrics.k8s.io" in the namespace "prod"\n');
  });

  it('serves PodMetrics and NodeMetrics objects with usage at the last scrape', () => {
    const { session, api } = live();
    const r = api.request({ verb: 'list', user: 'admin', component: 'kubectl', object: { apiVersion: 'metrics.k8s.io/v1beta1', kind: 'PodMetrics', metadata: { name: '', namespace: 'shop' } } });
    if (!r.ok) throw new Error(r.message);
    expect(r.items).toHaveLength(2);
    expect(r.items?.[0]).toMatchObject({ kind: 'PodMetrics', metadata: { namespace: 'shop' }, window: '15s', containers: [{ name: 'web', usage: { cpu: expect.stringMatching(/^\d+m$/), memory: expect.stringMatching(/^\d+$/) } }] });
    const node = api.request({ verb: 'get', user: 'admin', component: 'kubectl', object: { apiVersion: 'metrics.k8s.io/v1beta1', kind: 'NodeMetrics', metadata: { name: session.view().nodes[0]!.name } } });
    expect(node).toMatchObject({ ok: true, object: { kind: 'NodeMetrics', usage: { cpu: expect.stringMatching(/^\d+m$/) } } });
  });

  it('without a metrics API the API server answers 503 and kubectl says the Metrics API is not available', () => {
    const { sim, kubectl } = cluster();
    const r = sim.cluster.api.request({ verb: 'list', user: 'dev', component: 'kubectl', identity: identityOf('dev'), object: { apiVersion: 'metrics.k8s.io/v1beta1', kind: 'PodMetrics', metadata: { name: '', namespace: 'shop' } } });
    // Authorised first: dev may not list pods metrics here.
    expect(r).toMatchObject({ ok: false, code: 403 });
    expect(kubectl('top pods -n shop')).toMatchObject({ exitCode: 1, stderr: 'error: Metrics API not available\n' });
  });
});
