// RBAC as the API server evaluates it: table tests with the upstream Forbidden messages.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../shared/model/object';
import { authorize, forbiddenError, identityOf, type Attributes } from '../../../../shared/simulation/rbac';
import { cluster } from './setup';

const rbac = 'rbac.authorization.k8s.io/v1';
const POLICY: KubeObject[] = [
  { apiVersion: rbac, kind: 'Role', metadata: { name: 'deployer', namespace: 'shop' }, rules: [{ apiGroups: ['apps'], resources: ['deployments', 'deployments/scale'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch'] }, { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] }] } as KubeObject,
  { apiVersion: rbac, kind: 'RoleBinding', metadata: { name: 'team-a-deployer', namespace: 'shop' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'deployer' }, subjects: [{ kind: 'Group', name: 'team-a', apiGroup: 'rbac.authorization.k8s.io' }] } as KubeObject,
  { apiVersion: rbac, kind: 'Role', metadata: { name: 'one-config', namespace: 'shop' }, rules: [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['web-config'], verbs: ['get', 'update'] }] } as KubeObject,
  { apiVersion: rbac, kind: 'RoleBinding', metadata: { name: 'dev-one-config', namespace: 'shop' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'one-config' }, subjects: [{ kind: 'User', name: 'dev', apiGroup: 'rbac.authorization.k8s.io' }] } as KubeObject,
  { apiVersion: rbac, kind: 'ClusterRole', metadata: { name: 'node-reader' }, rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list'] }] } as KubeObject,
  { apiVersion: rbac, kind: 'ClusterRoleBinding', metadata: { name: 'operators-nodes' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'node-reader' }, subjects: [{ kind: 'Group', name: 'operators', apiGroup: 'rbac.authorization.k8s.io' }] } as KubeObject,
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'ci', namespace: 'shop' } },
  // A ServiceAccount subject with no namespace means the binding's namespace; the built-in `view` ClusterRole.
  { apiVersion: rbac, kind: 'RoleBinding', metadata: { name: 'ci-view', namespace: 'shop' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'ci' }] } as KubeObject,
  { apiVersion: rbac, kind: 'RoleBinding', metadata: { name: 'dangling', namespace: 'prod' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'missing' }, subjects: [{ kind: 'User', name: 'dev', apiGroup: 'rbac.authorization.k8s.io' }] } as KubeObject,
];

const a = (verb: string, resource: string, namespace: string, more: Partial<Attributes> = {}): Attributes => ({ verb, apiGroup: ['deployments', 'replicasets'].includes(resource) ? 'apps' : '', resource, namespace, ...more });

describe('RBAC authorisation', () => {
  const { sim } = cluster(POLICY);
  const store = sim.cluster.store;
  const dev = identityOf({ name: 'dev', groups: ['team-a'] });
  const ops = identityOf({ name: 'ops', groups: ['operators'] });
  const ci = identityOf('system:serviceaccount:shop:ci');
  const admin = identityOf({ name: 'admin', groups: ['system:masters'] });

  const cases: [string, ReturnType<typeof identityOf>, Attributes, string | null][] = [
    ['group binding allows create in its namespace', dev, a('create', 'deployments', 'shop'), null],
    ['subresource listed in the role', dev, a('patch', 'deployments', 'shop', { subresource: 'scale', name: 'web' }), null],
    ['pods/log is allowed, pods/exec is not', dev, a('get', 'pods', 'shop', { subresource: 'log', name: 'x' }), null],
    ['pods/exec is not in the role', dev, a('create', 'pods', 'shop', { subresource: 'exec', name: 'x' }), 'pods "x" is forbidden: User "dev" cannot create resource "pods/exec" in API group "" in the namespace "shop"'],
    ['another namespace', dev, a('create', 'deployments', 'prod'), 'deployments.apps is forbidden: User "dev" cannot create resource "deployments" in API group "apps" in the namespace "prod": RBAC: role.rbac.authorization.k8s.io "missing" not found'],
    ['a verb the role lacks', dev, a('delete', 'deployments', 'shop', { name: 'web' }), 'deployments.apps "web" is forbidden: User "dev" cannot delete resource "deployments" in API group "apps" in the namespace "shop"'],
    ['secrets are not granted', dev, a('get', 'secrets', 'shop', { name: 'db' }), 'secrets "db" is forbidden: User "dev" cannot get resource "secrets" in API group "" in the namespace "shop"'],
    ['resourceNames: the named object', dev, a('get', 'configmaps', 'shop', { name: 'web-config' }), null],
    ['resourceNames: another object', dev, a('get', 'configmaps', 'shop', { name: 'other' }), 'configmaps "other" is forbidden: User "dev" cannot get resource "configmaps" in API group "" in the namespace "shop"'],
    ['resourceNames never allow a list', dev, a('list', 'configmaps', 'shop'), 'configmaps is forbidden: User "dev" cannot list resource "configmaps" in API group "" in the namespace "shop"'],
    ['cluster-scoped, denied', dev, a('list', 'nodes', ''), 'nodes is forbidden: User "dev" cannot list resource "nodes" in API group "" at the cluster scope'],
    ['cluster-scoped through a ClusterRoleBinding to a group', ops, a('list', 'nodes', ''), null],
    ['ClusterRoleBinding grants no write', ops, a('delete', 'nodes', '', { name: 'node-1' }), 'nodes "node-1" is forbidden: User "ops" cannot delete resource "nodes" in API group "" at the cluster scope'],
    ['service account through the built-in view role', ci, a('list', 'deployments', 'shop'), null],
    ['view does not read secrets', ci, a('list', 'secrets', 'shop'), 'secrets is forbidden: User "system:serviceaccount:shop:ci" cannot list resource "secrets" in API group "" in the namespace "shop"'],
    ['view grants nothing in another namespace', ci, a('list', 'pods', 'prod'), 'pods is forbidden: User "system:serviceaccount:shop:ci" cannot list resource "pods" in API group "" in the namespace "prod"'],
    ['every authenticated user may review itself', dev, { verb: 'create', apiGroup: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews', namespace: '' }, null],
    ['system:masters may do anything', admin, a('delete', 'namespaces', '', { name: 'prod' }), null],
  ];

  it.each(cases)('%s', (_name, who, attrs, message) => {
    const d = authorize(store, who, attrs);
    expect(d.allowed).toBe(message === null);
    if (message !== null) expect(forbiddenError(who.user, attrs, d.reason)).toBe(message);
  });

  it('a service account is in its groups', () => {
    expect(ci.groups).toEqual(['system:serviceaccounts', 'system:serviceaccounts:shop', 'system:authenticated']);
  });
});

describe('RBAC through kubectl', () => {
  it('reads and writes are authorised as the user, with kubectl\'s Forbidden lines', () => {
    const { kubectl, sim } = cluster(POLICY);
    expect(kubectl('get pods -n prod --as dev').stderr).toBe('Error from server (Forbidden): pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "prod": RBAC: role.rbac.authorization.k8s.io "missing" not found\n');
    const scaled = kubectl('--as dev scale deployment web -n shop --replicas=3');
    expect(scaled).toMatchObject({ stdout: 'deployment.apps/web scaled\n', exitCode: 0 });
    expect(sim.cluster.store.list('Pod', 'shop')).toHaveLength(3);
    const del = kubectl('delete deployment web -n shop --as dev');
    expect(del.stderr).toBe('Error from server (Forbidden): deployments.apps "web" is forbidden: User "dev" cannot delete resource "deployments" in API group "apps" in the namespace "shop"\n');
    expect(del.exitCode).toBe(1);
    expect(sim.cluster.store.getBy('Deployment', 'shop', 'web')).toBeDefined();
    expect(kubectl('auth can-i delete deployments -n shop --as dev')).toMatchObject({ stdout: 'no\n', exitCode: 1 });
    expect(kubectl('auth can-i list nodes --as ops')).toMatchObject({ stdout: 'yes\n', exitCode: 0 });
  });

  it('only a member of system:masters may impersonate', () => {
    const { kubectl } = cluster(POLICY);
    expect(kubectl('config use-context dev').stdout).toBe('Switched to context "dev".\n');
    expect(kubectl('get pods --as ops').stderr).toBe('Error from server (Forbidden): users "ops" is forbidden: User "dev" cannot impersonate resource "users" in API group "" at the cluster scope\n');
  });
});
