// `kubeplan kubectl`: the design simulated to steady state, then kubectl commands as the console runs them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'kubectl');
const design = join(fixtures, 'developer.kubeplan.yaml');

function kubeplan(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'kubeplan.mjs'), 'kubectl', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kubeplan kubectl', () => {
  it('prints kubectl\'s table for the steady state, exit 0', () => {
    const r = kubeplan(design, '--', 'get', 'deploy', '-A');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('NAMESPACE   NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nprod        api    1/1     1            1           1s\nteam-a      web    2/2     2            2           1s\n');
  });

  it('--as a developer: Forbidden outside the team\'s rights, exit 1 as kubectl', () => {
    const r = kubeplan(design, '--as', 'dev', '--', 'get', 'pods', '-n', 'prod');
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'Error from server (Forbidden): pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "prod"\n' });
  });

  it('--script runs the lines in order on one cluster', () => {
    const r = kubeplan(design, '--as', 'dev', '--script', join(fixtures, 'script.txt'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('$ kubectl scale deployment web --replicas=3\ndeployment.apps/web scaled\n$ kubectl get deploy\nNAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/3     3            3           2s\n');
    expect(r.stdout.endsWith('$ kubectl auth can-i create deployments -n prod\nno\n')).toBe(true);
    expect(r.stderr).toBe('Error from server (Forbidden): secrets "db" is forbidden: User "dev" cannot get resource "secrets" in API group "" in the namespace "team-a"\nError from server (Forbidden): pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "prod"\n');
  });

  it('logs -f prints what the run has and returns, as logs does; get clusterroles lists the defaults', () => {
    const followed = kubeplan(design, '--', 'logs', '-f', 'deploy/web', '-n', 'team-a');
    expect(followed.code).toBe(0);
    expect(followed.stdout).toContain('Configuration complete; ready for start up');
    expect(followed).toEqual(kubeplan(design, '--', 'logs', 'deploy/web', '-n', 'team-a'));
    expect(kubeplan(design, '--', 'get', 'clusterroles', '-o', 'name').stdout).toBe('clusterrole.rbac.authorization.k8s.io/admin\nclusterrole.rbac.authorization.k8s.io/cluster-admin\nclusterrole.rbac.authorization.k8s.io/edit\nclusterrole.rbac.authorization.k8s.io/system:basic-user\nclusterrole.rbac.authorization.k8s.io/view\n');
  });

  it('apply -f reads files from disk; bad usage exits 2', () => {
    const r = kubeplan(design, '--', 'apply', '-f', design);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('deployment.apps/web unchanged\n');
    expect(r.stdout).toContain('rolebinding.rbac.authorization.k8s.io/team-a-deployers unchanged\n');
    expect(kubeplan(design)).toMatchObject({ code: 2 });
    expect(kubeplan('--', 'get', 'pods')).toMatchObject({ code: 2 });
  });
});
