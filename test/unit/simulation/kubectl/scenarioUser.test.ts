// Scenario steps run as a user (docs/scenarios.md, "Steps as a user"): every step's request goes
// through the API server as the scenario's or the step's user, and RBAC refuses it with the
// upstream Forbidden message.
import { describe, expect, it } from 'vitest';
import { defaultCluster } from '../../../../shared/design/types';
import { parseScenario, simulate } from '../../../../shared/simulation';
import { SimulationSession } from '../../../../shared/simulation/session';
import { container, deployment } from '../helpers';
import { shopObjects, USERS } from './setup';

/** dev may edit in shop (a RoleBinding to the built-in ClusterRole edit) and nothing in prod. */
const objects = () => [
  ...shopObjects(),
  deployment('api', 'prod', 1, [container('api')]),
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'dev-edit', namespace: 'shop' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' }, subjects: [{ kind: 'User', name: 'dev' }] },
];

function run(yaml: string) {
  const parsed = parseScenario(yaml, 'scenario.yaml');
  if (!('scenario' in parsed)) throw new Error(parsed.error.message);
  const result = simulate({ objects: objects(), cluster: { ...defaultCluster(), users: USERS }, scenario: parsed.scenario, seed: 1 });
  return { result, errors: result.stepErrors.map((e) => e.message) };
}

describe('scenario steps as a user', () => {
  it('refuses what RBAC refuses, each with the upstream message', () => {
    const { errors } = run(`user: dev
steps:
  - wait: steady
  - scale: {target: deployment/api, namespace: prod, replicas: 3}
  - setImage: {target: deployment/api, namespace: prod, image: nginx:1.28}
  - rollback: {target: deployment/api, namespace: prod}
  - deletePod: {owner: deployment/api, namespace: prod}
  - delete: {target: deployment/api, namespace: prod}
  - delete: {target: deployment/nothing, namespace: prod}
  - cordon: node-1
  - drain: node-1
`);
    expect(errors).toEqual([
      'Error from server (Forbidden): deployments.apps "api" is forbidden: User "dev" cannot patch resource "deployments/scale" in API group "apps" in the namespace "prod"',
      'Error from server (Forbidden): deployments.apps "api" is forbidden: User "dev" cannot patch resource "deployments" in API group "apps" in the namespace "prod"',
      'Error from server (Forbidden): deployments.apps "api" is forbidden: User "dev" cannot get resource "deployments" in API group "apps" in the namespace "prod"',
      expect.stringMatching(/^Error from server \(Forbidden\): pods "api-[a-z0-9]+-[a-z0-9]+" is forbidden: User "dev" cannot delete resource "pods" in API group "" in the namespace "prod"$/),
      'Error from server (Forbidden): deployments.apps "api" is forbidden: User "dev" cannot delete resource "deployments" in API group "apps" in the namespace "prod"',
      // Authorised before it is looked up: a refused user does not learn whether it exists.
      'Error from server (Forbidden): deployments.apps "nothing" is forbidden: User "dev" cannot delete resource "deployments" in API group "apps" in the namespace "prod"',
      'Error from server (Forbidden): nodes "node-1" is forbidden: User "dev" cannot get resource "nodes" in API group "" at the cluster scope',
      'Error from server (Forbidden): nodes "node-1" is forbidden: User "dev" cannot get resource "nodes" in API group "" at the cluster scope',
    ]);
  });

  it('allows what RBAC allows; a step names its own user; applyAgain is authorised too', () => {
    const { result, errors } = run(`user: dev
steps:
  - wait: steady
  - scale: {target: deployment/web, namespace: shop, replicas: 3}
  - {scale: {target: deployment/api, namespace: prod, replicas: 2}, user: admin}
  - applyAgain
  - wait: steady
`);
    expect(errors).toEqual([]);
    const deployments = result.deployments.map((d) => [d.namespace, d.name, d.replicas]);
    expect(deployments).toContainEqual(['prod', 'api', 2]);
    // The re-apply as dev: the shop objects are dev's to patch; prod's and the RoleBinding are not.
    const failed = result.applied.filter((a) => a.result === 'failed').map((a) => `${a.kind}/${a.namespace}/${a.name}`);
    expect(failed).toEqual(expect.arrayContaining(['Deployment/prod/api', 'RoleBinding/shop/dev-edit', 'Namespace//shop']));
    expect(failed).not.toContain('Deployment/shop/web');
  });

  it('without a user, steps run as the built-in admin as before', () => {
    const { errors } = run('steps:\n  - wait: steady\n  - scale: {target: deployment/api, namespace: prod, replicas: 3}\n  - cordon: node-1\n');
    expect(errors).toEqual([]);
  });

  it('a live action carries its user to the API server', () => {
    const session = new SimulationSession({ objects: objects(), cluster: { ...defaultCluster(), users: USERS }, seed: 1 });
    session.runToEnd();
    expect(session.act({ action: 'scale', kind: 'Deployment', namespace: 'prod', name: 'api', replicas: 2, user: 'dev' }).error).toBe('Error from server (Forbidden): deployments.apps "api" is forbidden: User "dev" cannot patch resource "deployments/scale" in API group "apps" in the namespace "prod"');
    expect(session.act({ action: 'scale', kind: 'Deployment', namespace: 'prod', name: 'api', replicas: 2 }).error).toBeUndefined();
  });

  it('a user that is not a name is refused where it is written', () => {
    expect(parseScenario('user: 5\nsteps:\n  - wait: 1s\n', 's.yaml')).toEqual({ error: { file: 's.yaml', line: 1, message: 'user: give the name of a user of the cluster, like "dev"' } });
    expect(parseScenario('steps:\n  - wait: 1s\n  - {scale: {target: deploy/web, replicas: 1}, user: [a]}\n', 's.yaml')).toEqual({ error: { file: 's.yaml', line: 3, message: 'step 2: user: give the name of a user of the cluster, like "dev"' } });
    const ok = parseScenario('user: dev\nsteps:\n  - drain: node-2\n    user: ops\n', 's.yaml');
    expect(ok).toEqual({ scenario: { user: 'dev', steps: [{ action: 'drain', node: 'node-2', line: 3, user: 'ops' }] } });
  });
});
