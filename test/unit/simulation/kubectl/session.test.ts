// The console's path: kubectl on a live session (reads add no frame, writes continue the timeline) and scenario `kubectl` steps.
import { describe, expect, it } from 'vitest';
import { defaultCluster } from '../../../../shared/design/types';
import { parseScenario, simulate } from '../../../../shared/simulation';
import { SimulationSession } from '../../../../shared/simulation/session';
import { shopObjects, USERS } from './setup';

describe('kubectl on a live session', () => {
  it('a read adds no frame; a scale continues the timeline and shows in the next get', () => {
    const session = new SimulationSession({ objects: shopObjects(), cluster: { ...defaultCluster(), users: USERS }, seed: 1 });
    session.runToEnd();
    const before = session.frames.length;
    const read = session.kubectl(['get', 'deploy', '-n', 'shop'], { context: 'admin' });
    expect(read.frames).toHaveLength(0);
    expect(read.output.stdout).toContain('web    2/2');
    const scaled = session.kubectl(['scale', 'deploy/web', '-n', 'shop', '--replicas=3'], { context: 'admin' });
    expect(scaled.output.stdout).toBe('deployment.apps/web scaled\n');
    expect(scaled.frames.length).toBeGreaterThan(0);
    expect(scaled.frames[0].cause).toMatchObject({ type: 'step', action: 'kubectl' });
    expect(session.frames.length).toBe(before + scaled.frames.length);
    expect(session.view().pods.filter((p) => p.namespace === 'shop')).toHaveLength(3);
    expect(session.kubectl(['get', 'deploy', '-n', 'shop'], { context: 'admin' }).output.stdout).toContain('web    3/3');
  });

  it('a forbidden write changes nothing; apply -f reads the design\'s files', () => {
    const session = new SimulationSession({ objects: shopObjects(), cluster: { ...defaultCluster(), users: USERS }, seed: 1 });
    session.runToEnd();
    const denied = session.kubectl(['delete', 'deploy', 'web', '-n', 'shop'], { context: 'dev' });
    expect(denied.output).toMatchObject({ exitCode: 1, stderr: 'Error from server (Forbidden): deployments.apps "web" is forbidden: User "dev" cannot delete resource "deployments" in API group "apps" in the namespace "shop"\n' });
    const files = { 'shop.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra, namespace: shop}\ndata: {a: b}\n' };
    expect(session.kubectl(['apply', '-f', 'shop.yaml'], { context: 'admin', files }).output.stdout).toBe('configmap/extra created\n');
    expect(session.kubectl(['apply', '-f', '.'], { context: 'admin', files }).output.stdout).toBe('configmap/extra unchanged\n');
  });
});

describe('scenario kubectl steps', () => {
  it('run as the named context; a failure is a step error with the file line', () => {
    const parsed = parseScenario('steps:\n  - wait: steady\n  - kubectl: scale deploy/web -n shop --replicas=4\n  - kubectl: {command: "delete deploy web -n shop", context: dev}\n', 's.yaml');
    if (!('scenario' in parsed)) throw new Error(parsed.error.message);
    const result = simulate({ objects: shopObjects(), cluster: { ...defaultCluster(), users: USERS }, scenario: parsed.scenario, seed: 1 });
    expect(result.deployments.find((d) => d.name === 'web')).toMatchObject({ replicas: 4 });
    expect(result.stepErrors).toEqual([{ step: 3, line: 4, message: 'Error from server (Forbidden): deployments.apps "web" is forbidden: User "dev" cannot delete resource "deployments" in API group "apps" in the namespace "shop"' }]);
  });

  it('an unterminated quote is a parse error', () => {
    const parsed = parseScenario('steps:\n  - kubectl: get pods -l "app=x\n', 's.yaml');
    expect(parsed).toMatchObject({ error: { line: 2, message: 'step 1: kubectl: unterminated double quote' } });
  });
});
