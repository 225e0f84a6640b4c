// kubectl logs and kubectl top: the verbs over a live session's observation, authorised as upstream (pods/log; metrics.k8s.io).
import { describe, expect, it } from 'vitest';
import { defaultCluster } from '../../../../shared/design/types';
import { parseScenario, simulate } from '../../../../shared/simulation';
import { SimulationSession } from '../../../../shared/simulation/session';
import { shopObjects, USERS } from './setup';

function live() {
  const session = new SimulationSession({ objects: shopObjects(), cluster: { ...defaultCluster(), users: USERS }, seed: 1 });
  session.runToEnd();
  const run = (line: string, context = 'admin') => session.kubectl(line.split(' '), { context }).output;
  const pods = session.view().pods.filter((p) => p.namespace === 'shop').map((p) => p.name).sort();
  return { session, run, pods };
}

describe('kubectl logs', () => {
  it('prints a pod\'s container log; TYPE/NAME picks the first pod and says so, as kubectl does', () => {
    const { run, pods } = live();
    expect(pods).toHaveLength(2);
    const direct = run(`logs ${pods[0]} -n shop`);
    expect(direct.exitCode).toBe(0);
    expect(direct.stdout).toContain('Configuration complete; ready for start up');
    const viaDeployment = run('logs deploy/web -n shop');
    expect(viaDeployment.stderr).toBe(`Found 2 pods, using pod/${pods[0]}\n`);
    expect(viaDeployment.stdout).toBe(direct.stdout);
    const tail = run(`logs ${pods[0]} -n shop --tail=2 --timestamps`).stdout.trimEnd().split('\n');
    expect(tail).toHaveLength(2);
    for (const line of tail) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /);
  });

  it('answers with kubectl\'s errors: a missing pod, no argument, a user without pods/log', () => {
    const { run, pods } = live();
    expect(run('logs nope -n shop')).toMatchObject({ exitCode: 1, stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n' });
    expect(run('logs').stderr).toMatch(/^error: expected 'logs \[-f\] \[-p\] \(POD \| TYPE\/NAME\) \[-c CONTAINER\]'\.\nPOD or TYPE\/NAME is a required argument/);
    expect(run(`logs ${pods[0]} -n shop`, 'dev')).toMatchObject({
      exitCode: 1,
      stderr: `Error from server (Forbidden): pods "${pods[0]}" is forbidden: User "dev" cannot get resource "pods/log" in API group "" in the namespace "shop"\n`,
    });
  });

  it('needs a live session: a scenario step has no logs to read, and says where they are', () => {
    const parsed = parseScenario('steps:\n  - wait: steady\n  - kubectl: logs deploy/web -n shop\n', 's.yaml');
    if (!('scenario' in parsed)) throw new Error(parsed.error.message);
    const result = simulate({ objects: shopObjects(), cluster: { ...defaultCluster(), users: USERS }, scenario: parsed.scenario, seed: 1 });
    expect(result.stepErrors[0]?.message).toMatch(/^error: logs are kept by a live simulation/);
  });
});

describe('kubectl top', () => {
  it('pods and nodes in kubectl\'s columns, one row each', () => {
    const { run, pods, session } = live();
    const top = run('top pods -n shop');
    const rows = top.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s*$/);
    expect(rows.slice(1).map((r) => r.split(/\s+/)[0])).toEqual(pods);
    for (const r of rows.slice(1)) expect(r).toMatch(/^\S+\s+\d+m\s+\d+Mi\s*$/);
    const nodes = run('top nodes').stdout.trimEnd().split('\n');
    expect(nodes[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s*$/);
    expect(nodes).toHaveLength(1 + session.view().nodes.length);
  });

  it('is authorised against metrics.k8s.io, with the upstream Forbidden message', () => {
    const { run } = live();
    expect(run('top pods -n shop', 'dev')).toMatchObject({
      exitCode: 1,
      stderr: 'Error from server (Forbidden): pods.metrics.k8s.io is forbidden: User "dev" cannot list resource "pods" in API group "metrics.k8s.io" in the namespace "shop"\n',
    });
    expect(run('top nodes', 'dev').stderr).toBe('Error from server (Forbidden): nodes.metrics.k8s.io is forbidden: User "dev" cannot list resource "nodes" in API group "metrics.k8s.io" at the cluster scope\n');
    expect(run('top').stderr).toBe('error: You must specify a resource: node or pod (top pod, top node)\n');
  });
});
