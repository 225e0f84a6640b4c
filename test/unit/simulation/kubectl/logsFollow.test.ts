// kubectl logs -f, --since, --tail, -l and --prefix over a live session: a console's follow reads
// the same stream in windows of simulated time; errors as kubectl prints them.
import { describe, expect, it } from 'vitest';
import { defaultCluster } from '../../../../shared/design/types';
import { follows } from '../../../../shared/simulation/kubectl';
import type { LogWindow } from '../../../../shared/simulation/kubectl';
import { SimulationSession } from '../../../../shared/simulation/session';
import { deployment, container } from '../helpers';
import { shopObjects, USERS } from './setup';

function live(extra = shopObjects()) {
  const session = new SimulationSession({ objects: extra, cluster: { ...defaultCluster(), users: USERS }, seed: 1 });
  session.runToEnd();
  const run = (line: string, logWindow?: LogWindow, context = 'admin') => session.kubectl(line.split(' '), { context, ...(logWindow ? { logWindow } : {}) }).output;
  const pods = session.view().pods.filter((p) => p.namespace === 'shop').map((p) => p.name).sort();
  return { session, run, pods };
}

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('kubectl logs -f', () => {
  it('knows which command lines follow', () => {
    expect(follows(['logs', '-f', 'web'])).toBe(true);
    expect(follows(['logs', 'web', '--follow'])).toBe(true);
    expect(follows(['-n', 'shop', 'logs', '-f', 'deploy/web'])).toBe(true);
    expect(follows(['logs', 'web'])).toBe(false);
    expect(follows(['get', 'pods', '-w'])).toBe(false);
  });

  it('without a log window (the CLI) prints what the run has and returns', () => {
    const { run, pods } = live();
    const plain = run(`logs ${pods[0]} -n shop`);
    const followed = run(`logs -f ${pods[0]} -n shop`);
    expect(followed).toEqual(plain);
    expect(followed.following).toBeUndefined();
  });

  it('in windows: the first read up to `until`, each next one only the lines after the last; all of them together are the log', () => {
    const { run, pods } = live();
    const whole = run(`logs ${pods[0]} -n shop --timestamps`).stdout;
    // The nginx start-up lines are written between t=1.012 s and t=1.043 s.
    const first = run(`logs -f ${pods[0]} -n shop --timestamps`, { until: 1.02 });
    expect(first.following).toEqual({ start: 1.02, until: 1.02, pods: [pods[0]] });
    expect(lines(first.stdout)).toHaveLength(3);
    const second = run(`logs -f ${pods[0]} -n shop --timestamps`, { start: 1.02, after: 1.02, until: 1.035 });
    expect(lines(second.stdout)).toHaveLength(3);
    // No `until`: up to the present (the observation's end), which the answer names.
    const third = run(`logs -f ${pods[0]} -n shop --timestamps`, { start: 1.02, after: 1.035 });
    expect(third.following).toEqual({ start: 1.02, until: 121, pods: [pods[0]] });
    expect(first.stdout + second.stdout + third.stdout).toBe(whole);
    // Nothing new: nothing printed, still following.
    expect(run(`logs -f ${pods[0]} -n shop`, { start: 1.02, after: 121 })).toMatchObject({ stdout: '', stderr: '', following: { start: 1.02, until: 121, pods: [pods[0]] } });
  });

  it('a workload keeps the pod it started on and says "Found 2 pods" once', () => {
    const { run, pods } = live();
    const first = run('logs -f deploy/web -n shop', {});
    expect(first.stderr).toBe(`Found 2 pods, using pod/${pods[0]}\n`);
    const next = run('logs -f deploy/web -n shop', { start: first.following!.start, after: first.following!.until });
    expect(next).toMatchObject({ stderr: '', stdout: '', following: { start: 121 } });
  });

  it('a workload\'s follow ends with its pod, not with the next one', () => {
    const { run, pods, session } = live();
    const first = run('logs -f deploy/web -n shop', {});
    expect(first.following?.pods).toEqual([pods[0]]);
    session.kubectl(['delete', 'pod', pods[0]!, '-n', 'shop'], { context: 'admin' });
    const next = run('logs -f deploy/web -n shop', { start: first.following!.start, after: first.following!.until, pods: first.following!.pods });
    expect(next).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
    expect(next.following).toBeUndefined();
  });

  it('ends, quietly, when the followed pod is gone', () => {
    const { run, pods, session } = live();
    const first = run(`logs -f ${pods[0]} -n shop`, {});
    session.kubectl(['delete', 'pod', pods[0]!, '-n', 'shop'], { context: 'admin' });
    const after = run(`logs -f ${pods[0]} -n shop`, { start: first.following!.start, after: first.following!.until });
    expect(after).toMatchObject({ exitCode: 0, stderr: '' });
    expect(after.following).toBeUndefined();
  });
});

describe('kubectl logs --since, --tail, -l, --prefix', () => {
  it('--since keeps the lines of the last DURATION before the simulated now', () => {
    const { run, pods, session } = live();
    // The present is 121 s; the start-up lines were written at 1.01–1.05 s.
    expect(session.observation().end).toBe(121);
    const all = lines(run(`logs ${pods[0]} -n shop`).stdout);
    expect(all).toHaveLength(10);
    expect(lines(run(`logs ${pods[0]} -n shop --since=2m`).stdout)).toHaveLength(10);
    expect(run(`logs ${pods[0]} -n shop --since=119s`).stdout).toBe('');
    expect(run(`logs ${pods[0]} -n shop --since=1h`).stdout).toBe(run(`logs ${pods[0]} -n shop`).stdout);
    expect(run(`logs ${pods[0]} -n shop --since=1m59s`).stdout).toBe(run(`logs ${pods[0]} -n shop --since=119s`).stdout);
    // A follow's --since counts back from where it starts on the timeline.
    expect(lines(run(`logs -f ${pods[0]} -n shop --since=5s`, { until: 3 }).stdout)).toHaveLength(10);
    expect(run(`logs ${pods[0]} -n shop --since=5x`).stderr).toBe('error: invalid argument "5x" for "--since" flag: time: invalid duration "5x"\n');
    expect(run(`logs ${pods[0]} -n shop --since=-5s`).stderr).toBe('error: --since must be greater than 0\n');
    expect(run(`logs ${pods[0]} -n shop --tail=-2`).stderr).toBe('error: --tail must be greater than or equal to -1\n');
  });

  it('-l reads every matching pod (10 lines each by default), --prefix names pod and container', () => {
    const { run, pods } = live();
    const out = run('logs -l app=web -n shop --prefix');
    expect(out.exitCode).toBe(0);
    const got = lines(out.stdout);
    expect(got.length).toBeLessThanOrEqual(20);
    expect(got.filter((l) => l.startsWith(`[pod/${pods[0]}/web] `))).toHaveLength(10);
    expect(got.filter((l) => l.startsWith(`[pod/${pods[1]}/web] `))).toHaveLength(10);
    expect(lines(run('logs -l app=web -n shop --tail=2').stdout)).toHaveLength(4);
    expect(run('logs -l app=nope -n shop')).toMatchObject({ exitCode: 0, stdout: '', stderr: 'No resources found in shop namespace.\n' });
    expect(run(`logs ${pods[0]} -l app=web -n shop`).stderr).toBe('error: only a selector (-l) or a POD name is allowed\n');
    // -l lists pods: a user who may read pods/log but not list pods is refused the list.
    expect(run('logs -l app=web -n prod', undefined, 'dev').stderr).toBe('Error from server (Forbidden): pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "prod"\n');
  });

  it('following more than --max-log-requests streams is refused with kubectl\'s message', () => {
    const { run } = live([...shopObjects().filter((o) => o.kind !== 'Deployment'), deployment('web', 'shop', 6, [container('web', { requests: { cpu: '10m', memory: '16Mi' } })])]);
    expect(run('logs -f -l app=web -n shop', { start: 60, until: 60 })).toMatchObject({
      exitCode: 1,
      stderr: 'error: you are attempting to follow 6 log streams, but maximum allowed concurrency is 5, use --max-log-requests to increase the limit\n',
    });
    expect(run('logs -f -l app=web -n shop --max-log-requests=6', { start: 60, until: 60 })).toMatchObject({ exitCode: 0, following: { start: 60, until: 60 } });
    // Without -f there is no limit.
    expect(run('logs -l app=web -n shop').exitCode).toBe(0);
  });
});
