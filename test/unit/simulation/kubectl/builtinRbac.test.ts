// Golden tests: the default ClusterRoles and bindings live in the simulated cluster from the start
// (the API server's bootstrap policy), and `kubectl describe` prints roles as a PolicyRule table.
import { describe, expect, it } from 'vitest';
import { cluster } from './setup';

const READER = {
  apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader' },
  rules: [
    { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['list', 'get'] },
    { apiGroups: [''], resources: ['pods'], verbs: ['watch'] },
    { apiGroups: ['apps'], resources: ['deployments/scale'], resourceNames: ['web'], verbs: ['update'] },
    { nonResourceURLs: ['/healthz'], verbs: ['get'] },
  ],
};

describe('the built-in RBAC objects', () => {
  it('kubectl get lists the default ClusterRoles and cluster-admin bound to system:masters', () => {
    const { kubectl } = cluster();
    expect(kubectl('get clusterroles').stdout).toMatchInlineSnapshot(`
      "NAME                CREATED AT
      admin               2026-01-01T00:00:00Z
      cluster-admin       2026-01-01T00:00:00Z
      edit                2026-01-01T00:00:00Z
      system:basic-user   2026-01-01T00:00:00Z
      view                2026-01-01T00:00:00Z
      "
    `);
    expect(kubectl('get clusterrolebindings -o wide').stdout).toMatchInlineSnapshot(`
      "NAME                ROLE                            AGE   USERS   GROUPS                 SERVICEACCOUNTS
      cluster-admin       ClusterRole/cluster-admin       1s            system:masters
      system:basic-user   ClusterRole/system:basic-user   1s            system:authenticated
      "
    `);
    expect(kubectl('describe clusterrolebinding cluster-admin').stdout).toBe(
      'Name:         cluster-admin\n' +
      'Labels:       kubernetes.io/bootstrapping=rbac-defaults\n' +
      'Annotations:  rbac.authorization.kubernetes.io/autoupdate: true\n' +
      'Role:\n' +
      '  Kind:  ClusterRole\n' +
      '  Name:  cluster-admin\n' +
      'Subjects:\n' +
      '  Kind   Name            Namespace\n' +
      '  ----   ----            ---------\n' +
      '  Group  system:masters  \n',
    );
  });

  it('describe clusterrole view prints its rules as kubectl\'s PolicyRule table', () => {
    const { kubectl } = cluster();
    const lines = kubectl('describe clusterrole view').stdout.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'Name:         view',
      'Labels:       kubernetes.io/bootstrapping=rbac-defaults',
      '              rbac.authorization.k8s.io/aggregate-to-edit=true',
      'Annotations:  rbac.authorization.kubernetes.io/autoupdate: true',
      'PolicyRule:',
      '  Resources                                    Non-Resource URLs  Resource Names  Verbs',
      '  ---------                                    -----------------  --------------  -----',
    ]);
    // Sorted by the rule's Go string: the core group first, a subresource before its resource.
    expect(lines).toContain('  pods/log                                     []                 []              [get list watch]');
    expect(lines.indexOf('  namespaces/status                            []                 []              [get list watch]')).toBe(lines.indexOf('  namespaces                                   []                 []              [get list watch]') - 1);
    expect(lines).toContain('  deployments.apps/scale                       []                 []              [get list watch]');
    expect(lines).not.toContain(expect.stringContaining('secrets'));
  });

  it('breaks rules down per resource and name, merges verbs, sorts by the rule\'s Go string (verbs first: `[get list watch]` before `[get]`)', () => {
    const { kubectl } = cluster([READER]);
    expect(kubectl('describe clusterrole reader').stdout).toBe(
      'Name:         reader\n' +
      'Labels:       <none>\n' +
      'Annotations:  <none>\n' +
      'PolicyRule:\n' +
      '  Resources               Non-Resource URLs  Resource Names  Verbs\n' +
      '  ---------               -----------------  --------------  -----\n' +
      '  pods                    []                 []              [get list watch]\n' +
      '  pods/log                []                 []              [get list]\n' +
      '                          [/healthz]         []              [get]\n' +
      '  deployments.apps/scale  []                 [web]           [update]\n',
    );
  });

  it('live in the store from the start and authorise as before', () => {
    const { kubectl, sim } = cluster();
    expect(kubectl('auth can-i list pods -n shop --as dev').stdout).toBe('no\n');
    expect(kubectl('get clusterrole view', undefined).exitCode).toBe(0);
    expect(sim.cluster.store.list('ClusterRole').map((o) => o.metadata.name)).toContain('cluster-admin');
  });
});
