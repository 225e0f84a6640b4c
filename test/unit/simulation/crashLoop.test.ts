/**
 * Crash loops caused by the design (docs/simulator.md, "Crash loops"): a container whose command
 * exits is restarted by the kubelet with back-off (10 s doubling to 300 s), shows CrashLoopBackOff
 * with a growing RESTARTS count, drops out of its Service's endpoints, and the run ends once every
 * change left is a restart at the cap.
 */
import { describe, expect, it } from 'vitest';
import type { Container } from 'kubernetes-types/core/v1';
import { defaultCluster } from '../../../shared/design/types';
import type { KubeObject } from '../../../shared/model/object';
import { simulate } from '../../../shared/simulation';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDesign } from '../../../shared/design';
import { commandExit, commandPrelude } from '../../../shared/simulation/containerCommand';
import { commandWords } from '../../../shared/simulation/kubectl';
import { formatBackOff } from '../../../shared/simulation/kubelet';
import { SimulationSession } from '../../../shared/simulation/session';
import { simulateSession } from '../../../shared/simulation/session/run';
import { container, deployment, ns, pod, run } from './helpers';

const noEnv = () => undefined;
const env = (vars: Record<string, string>) => (name: string) => vars[name];
const CHECK = 'test -n "$DB_HOST" || { echo "DB_HOST is not set" >&2; exit 1; }; exec /app/server';

describe('what a container command does', () => {
  it('recognises commands that exit, with their code, time and output', () => {
    expect(commandExit(['false'], undefined, noEnv)).toEqual({ exitCode: 1, seconds: 0, output: [] });
    expect(commandExit(['/bin/true'], undefined, noEnv)).toEqual({ exitCode: 0, seconds: 0, output: [] });
    expect(commandExit(['sh', '-c', 'exit 1'], undefined, noEnv)).toEqual({ exitCode: 1, seconds: 0, output: [] });
    expect(commandExit(['sh', '-c'], ['exit 3'], noEnv)).toMatchObject({ exitCode: 3 });
    expect(commandExit(['/bin/sh', '-c', 'echo starting; sleep 5\necho "giving up" >&2\nexit 2'], undefined, noEnv)).toEqual({
      exitCode: 2, seconds: 5, output: [{ text: 'starting', stderr: false }, { text: 'giving up', stderr: true }],
    });
    // The last command's status is the script's.
    expect(commandExit(['sh', '-c', 'echo hi; false'], undefined, noEnv)).toMatchObject({ exitCode: 1 });
    expect(commandExit(['bash', '-c', 'echo done'], undefined, noEnv)).toMatchObject({ exitCode: 0, output: [{ text: 'done' }] });
  });

  it('reads the environment: a missing variable fails the check, a set one runs on', () => {
    expect(commandExit(['sh', '-c', CHECK], undefined, noEnv)).toEqual({ exitCode: 1, seconds: 0, output: [{ text: 'DB_HOST is not set', stderr: true }] });
    expect(commandExit(['sh', '-c', CHECK], undefined, env({ DB_HOST: 'postgres' }))).toBeUndefined();
    expect(commandExit(['sh', '-c', '[ -z "${MODE}" ] && exit 4 || exit 0'], undefined, noEnv)).toMatchObject({ exitCode: 4 });
    expect(commandExit(['sh', '-c', '[ "$MODE" = prod ] || exit 5'], undefined, env({ MODE: 'prod' }))).toMatchObject({ exitCode: 0 });
    expect(commandExit(['sh', '-c', 'echo $GREETING world'], undefined, env({ GREETING: 'hello' }))).toMatchObject({ output: [{ text: 'hello world' }] });
  });

  it('survives hostile scripts: deep nesting, a huge script, unbalanced groups', () => {
    expect(commandExit(['sh', '-c', '{ '.repeat(200_000) + 'exit 1' + '; }'.repeat(200_000)], undefined, noEnv)).toBeUndefined();
    expect(commandExit(['sh', '-c', 'echo x; '.repeat(100_000) + 'exit 2'], undefined, noEnv)).toMatchObject({ exitCode: 2 });
    expect(commandExit(['sh', '-c', '{ exit 1'], undefined, noEnv)).toBeUndefined();
    expect(commandExit(['sh', '-c', 'exit 1; }'], undefined, noEnv)).toBeUndefined();
    expect(commandExit(['sh', '-c', 'exit 300'], undefined, noEnv)).toMatchObject({ exitCode: 44 });
  });

  it('leaves what it cannot tell running: no command, unknown programs, loops, pipes, sleeping for ever', () => {
    for (const cmd of [undefined, ['nginx', '-g', 'daemon off;'], ['/agnhost', 'netexec'], ['sh', '-c', 'while true; do sleep 30; done'], ['sh', '-c', 'echo hi | tee /tmp/x'], ['sleep', 'infinity'], ['sh', '-c', 'python app.py || exit 1'], ['sh', '-c', 'exit $(cat /code)'], ['sh', '-c', "echo 'unterminated"]]) {
      expect(commandExit(cmd, undefined, noEnv)).toBeUndefined();
    }
  });
});

describe('the kubelet back-off', () => {
  it('is printed as Go durations print', () => {
    expect([10, 160, 300].map(formatBackOff)).toEqual(['10s', '2m40s', '5m0s']);
  });
});

const failing = (extra: Partial<Container> = {}): KubeObject[] => [
  ns('app'),
  deployment('web', 'app', 1, [container('web', undefined, { image: 'busybox:1.36', command: ['sh', '-c', CHECK], ...extra })]),
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'app' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } },
];

describe('a crash-looping Deployment', () => {
  it('ends steady in CrashLoopBackOff with 6 restarts once the back-off reaches its cap, and says so', () => {
    const r = run(failing());
    // Start t=1, exits every run after 1 s. Restarts at 3 (at once), then each back-off after the
    // last restart: 13, 33, 73, 153, 313; the 7th exit, at 314, waits for 613 at the 300 s cap.
    expect(r.endTime).toBe(314);
    expect(r.steady).toBe(true);
    expect(r.pods).toHaveLength(1);
    expect(r.pods[0]).toMatchObject({ status: 'CrashLoopBackOff', ready: '0/1', restarts: 6, phase: 'Running' });
    expect(r.crashLoops).toEqual([{ namespace: 'app', pod: r.pods[0].name, container: 'web', restarts: 6, backOffSeconds: 300, message: `Pod app/${r.pods[0].name}: container web in CrashLoopBackOff (6 restarts), restarting every 5m0s` }]);
    const backOff = r.events.find((e) => e.reason === 'BackOff');
    expect(backOff).toMatchObject({ type: 'Warning', source: 'kubelet', count: 6, firstTime: 4, lastTime: 314 });
    expect(backOff?.message).toMatch(/^Back-off restarting failed container web in pod web-[a-z0-9]+-[a-z0-9]+_app\(/);
    expect(r.events.find((e) => e.reason === 'Started')).toMatchObject({ count: 7 });
    // Endpoints drop the pod: not ready.
    expect(r.endpoints.find((e) => e.service === 'web')).toMatchObject({ endpoints: [] });
  });

  it('counts restarts over time as the back-off doubles', () => {
    const s = new SimulationSession({ objects: failing(), cluster: defaultCluster(), seed: 1 });
    const at = (t: number) => {
      s.runUntil(t);
      const p = s.result().pods[0];
      return `${p.status} ${p.restarts}`;
    };
    expect([1, 2, 3, 4, 12, 13, 14, 33, 73, 153, 313, 314].map(at)).toEqual([
      'Running 0', 'Error 0', 'Running 1', 'CrashLoopBackOff 1', 'CrashLoopBackOff 1', 'Running 2', 'CrashLoopBackOff 2',
      'Running 3', 'Running 4', 'Running 5', 'Running 6', 'CrashLoopBackOff 6',
    ]);
  });

  it('goes on restarting every 5 minutes when a scenario waits past the end', () => {
    const r = run(failing(), { scenario: { steps: [{ action: 'wait', seconds: 1000 }] } });
    // Restarts at 613 and 913: two more, and the back-off still at 300 s.
    expect(r.pods[0]).toMatchObject({ status: 'CrashLoopBackOff', restarts: 8 });
    expect(r.endTime).toBe(1000);
  });

  it('runs normally once the missing variable is given', () => {
    const r = run(failing({ env: [{ name: 'DB_HOST', value: 'postgres' }] }));
    expect(r.pods[0]).toMatchObject({ status: 'Running', restarts: 0, ready: '1/1' });
    expect(r.crashLoops).toBeUndefined();
    expect(r.endTime).toBeLessThan(10);
  });

  it('reads the variable from a ConfigMap key', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config', namespace: 'app' }, data: { DB_HOST: 'postgres' } } as KubeObject;
    const r = run([...failing({ envFrom: [{ configMapRef: { name: 'web-config' } }] }), cm]);
    expect(r.pods[0]).toMatchObject({ status: 'Running', restarts: 0 });
  });

  it('a command that exits 0 under restartPolicy Always is restarted too: Completed, then CrashLoopBackOff', () => {
    const s = new SimulationSession({ objects: [ns('app'), deployment('once', 'app', 1, [container('once', undefined, { image: 'busybox:1.36', command: ['sh', '-c', 'echo hello'] })])], cluster: defaultCluster(), seed: 1 });
    const get = (t: number) => {
      s.runUntil(t);
      return s.kubectl(['get', 'pods', '-n', 'app'], { context: 'admin' }).output.stdout.split('\n')[1].replace(/^\S+\s+/, '');
    };
    expect(get(2)).toBe('0/1     Completed   0          2s');
    expect(get(4)).toBe('0/1     CrashLoopBackOff   1 (0s ago)   4s');
    s.runToEnd();
    expect(s.result().pods[0]).toMatchObject({ status: 'CrashLoopBackOff', restarts: 6 });
    const name = s.result().pods[0].name;
    expect(s.kubectl(['logs', name, '-n', 'app', '--previous'], { context: 'admin' }).output.stdout).toBe('hello\n');
    expect(s.kubectl(['describe', 'pod', name, '-n', 'app'], { context: 'admin' }).output.stdout).toContain('    Last State:     Terminated\n      Reason:       Completed\n      Exit Code:    0\n');
  });

  it('a bare pod with restartPolicy Never fails with the exit code; OnFailure with exit 0 succeeds', () => {
    const r = run([ns('app'), pod('never', 'app', [container('c', undefined, { image: 'busybox:1.36', command: ['sh', '-c', 'exit 3'] })], { restartPolicy: 'Never' }), pod('fine', 'app', [container('c', undefined, { image: 'busybox:1.36', command: ['true'] })], { restartPolicy: 'OnFailure' })]);
    expect(r.pods.find((p) => p.name === 'never')).toMatchObject({ phase: 'Failed', status: 'Error', restarts: 0 });
    expect(r.pods.find((p) => p.name === 'fine')).toMatchObject({ phase: 'Succeeded', status: 'Completed' });
    expect(r.crashLoops).toBeUndefined();
  });

  it('the session, simulate() and the CLI-facing result agree byte for byte', () => {
    const a = simulate({ objects: failing(), cluster: defaultCluster(), seed: 1 });
    const { sessionFrames, ...b } = simulateSession({ objects: failing(), cluster: defaultCluster(), seed: 1 });
    expect(sessionFrames.length).toBeGreaterThan(0);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe('kubectl on a crash-looping pod', () => {
  const s = new SimulationSession({ objects: failing(), cluster: defaultCluster(), seed: 1 });
  s.runToEnd();
  const name = s.result().pods[0].name;
  const k = (line: string) => {
    const o = s.kubectl(line.split(' '), { context: 'admin' }).output;
    return o.stdout + o.stderr;
  };

  it('get pods: CrashLoopBackOff, RESTARTS with the last restart\'s age', () => {
    expect(k('get pods -n app')).toBe(`NAME                   READY   STATUS             RESTARTS     AGE\n${name}   0/1     CrashLoopBackOff   6 (0s ago)   5m14s\n`);
  });

  it('describe pod: Waiting CrashLoopBackOff, Last State Terminated with Reason Error and Exit Code 1, Restart Count, BackOff events', () => {
    const d = k(`describe pod ${name} -n app`);
    expect(d).toContain([
      '    State:          Waiting',
      '      Reason:       CrashLoopBackOff',
      '    Last State:     Terminated',
      '      Reason:       Error',
      '      Exit Code:    1',
      '      Started:      Thu, 01 Jan 2026 00:05:13 +0000',
      '      Finished:     Thu, 01 Jan 2026 00:05:14 +0000',
      '    Ready:          False',
      '    Restart Count:  6',
    ].join('\n'));
    expect(d).toMatch(/Warning {2}BackOff {4}0s \(x6 over 5m10s\) {2}kubelet {12}Back-off restarting failed container web in pod /);
  });

  it('logs and logs --previous print the last words of the run that died', () => {
    expect(k(`logs ${name} -n app --previous`)).toBe('DB_HOST is not set\n');
    expect(k(`logs ${name} -n app`)).toBe('DB_HOST is not set\n');
  });
});

describe('kubectl exec -- kill 1', () => {
  const healthy = (): SimulationSession => {
    // Running for a minute first, so the kill is not in the second the container started.
    const s = new SimulationSession({ objects: [ns('app'), deployment('web', 'app', 1, [container('web')])], cluster: defaultCluster(), seed: 1, scenario: { steps: [{ action: 'wait', seconds: 60 }] } });
    s.runToEnd();
    return s;
  };

  it('ends the main process with 143 (SIGTERM): the kubelet restarts it through the same back-off', () => {
    const s = healthy();
    const name = s.result().pods[0].name;
    const r = s.kubectl(['exec', name, '-n', 'app', '--', 'kill', '1'], { context: 'admin' });
    expect(r.output).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
    expect(r.frames[0].cause).toMatchObject({ type: 'step', action: 'kubectl' });
    expect(s.result().pods[0]).toMatchObject({ status: 'Running', restarts: 1 });
    const d = s.kubectl(['describe', 'pod', name, '-n', 'app'], { context: 'admin' }).output.stdout;
    expect(d).toContain('    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    143\n');
    // The nginx image shuts down on SIGTERM: its previous log ends with the shutdown lines.
    expect(s.kubectl(['logs', name, '-n', 'app', '--previous'], { context: 'admin' }).output.stdout).toMatch(/signal 3 \(SIGQUIT\) received, shutting down\n.*\n.*\[notice\] 1#1: exit\n$/);
    // A second kill within the back-off window waits in CrashLoopBackOff.
    s.kubectl(['exec', name, '-n', 'app', '-c', 'web', '--', 'kill', '-9', '1'], { context: 'admin' });
    expect(s.result().pods[0]).toMatchObject({ restarts: 2 });
    expect(s.result().events.find((e) => e.reason === 'BackOff')).toMatchObject({ count: 1 });
    expect(s.kubectl(['describe', 'pod', name, '-n', 'app'], { context: 'admin' }).output.stdout).toContain('Exit Code:    137');
  });

  it('other pids are not there; an unknown signal is refused; a waiting container cannot be exec\'d into', () => {
    const s = healthy();
    const name = s.result().pods[0].name;
    expect(s.kubectl(['exec', name, '-n', 'app', '--', 'kill', '42'], { context: 'admin' }).output).toMatchObject({ exitCode: 1, stdout: "sh: can't kill pid 42: No such process\n", stderr: 'command terminated with exit code 1\n' });
    expect(s.kubectl(['exec', name, '-n', 'app', '--', 'kill', '-BOGUS', '1'], { context: 'admin' }).output).toMatchObject({ exitCode: 1, stdout: "kill: unknown signal 'BOGUS'\n" });
    expect(s.result().pods[0]).toMatchObject({ restarts: 0 });
    const c = new SimulationSession({ objects: failing(), cluster: defaultCluster(), seed: 1 });
    c.runToEnd();
    expect(c.kubectl(['exec', c.result().pods[0].name, '-n', 'app', '--', 'kill', '1'], { context: 'admin' }).output).toMatchObject({ exitCode: 1, stderr: 'error: unable to upgrade connection: container not found ("web")\n' });
  });

  it('is authorised as pods/exec create', () => {
    const s = new SimulationSession({
      objects: [ns('app'), deployment('web', 'app', 1, [container('web')]),
        { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'viewer', namespace: 'app' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }] } as KubeObject,
        { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'dev-viewer', namespace: 'app' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'viewer' }, subjects: [{ kind: 'User', name: 'dev', apiGroup: 'rbac.authorization.k8s.io' }] } as KubeObject],
      cluster: { ...defaultCluster(), users: [{ name: 'dev' }] }, seed: 1,
    });
    s.runToEnd();
    const name = s.result().pods[0].name;
    const r = s.kubectl(['exec', name, '-n', 'app', '--', 'kill', '1'], { context: 'dev' });
    expect(r.output.exitCode).toBe(1);
    expect(r.output.stderr).toBe(`Error from server (Forbidden): pods "${name}" is forbidden: User "dev" cannot create resource "pods/exec" in API group "" in the namespace "app"\n`);
    expect(s.result().pods[0]).toMatchObject({ restarts: 0 });
  });
});


describe('what a command that runs on writes first', () => {
  it('is the start of its log: the echo before exec', () => {
    expect(commandPrelude(['sh', '-c'], ['test -n "$DB_HOST" || exit 1\necho "connecting to $DB_HOST"\nexec /app/worker'], env({ DB_HOST: 'db' }))).toEqual([{ text: 'connecting to db', stderr: false }]);
    expect(commandPrelude(['sh', '-c', 'exit 1'], undefined, noEnv)).toEqual([]);
    expect(commandPrelude(['nginx'], undefined, noEnv)).toEqual([]);
  });
});

describe('the example shop-debugging, as the lesson debugging-pods walks it', () => {
  const parsed = parseDesign(readFileSync(join(process.cwd(), 'assets', 'examples', 'shop-debugging.kubeplan.yaml'), 'utf8'), 'shop-debugging.kubeplan.yaml');
  if (!('design' in parsed) || !parsed.design) throw new Error('the example does not parse');
  const design = parsed.design;

  it('crash-loops for want of DB_HOST, and kubectl set env fixes it with a rollout', () => {
    const s = new SimulationSession({ objects: design.resources.map((r) => r.object), cluster: design.cluster ?? defaultCluster(), seed: 1 });
    s.runToEnd();
    const k = (line: string) => {
      const o = s.kubectl(commandWords(line), { context: 'admin' }).output;
      return o.stdout + o.stderr;
    };
    expect(k('get pods -n shop')).toMatch(/orders-\S+ +0\/1 +CrashLoopBackOff +6 \(0s ago\)/);
    expect(k('logs deployment/orders -n shop --previous')).toBe('orders: FATAL: DB_HOST is not set; cannot connect to the database\n');
    expect(k('set env deployment/orders -n shop DB_HOST=postgres.shop.svc.cluster.local')).toBe('deployment.apps/orders env updated\n');
    const orders = s.result().pods.filter((p) => p.owner === 'Deployment/orders');
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ status: 'Running', ready: '1/1', restarts: 0 });
    expect(s.result().crashLoops).toBeUndefined();
    expect(k('logs deployment/orders -n shop').split('\n')[0]).toBe('orders: connecting to postgres.shop.svc.cluster.local');
    // KEY- removes the variable again: the next rollout crash-loops.
    expect(k('set env deployment/orders -n shop DB_HOST-')).toBe('deployment.apps/orders env updated\n');
    expect(s.result().pods.filter((p) => p.owner === 'Deployment/orders')[0]).toMatchObject({ status: 'CrashLoopBackOff' });
    expect(k('set env deployment/orders -n shop -c nope A=b')).toBe('error: unable to find container named "nope"\n');
    expect(k('set env deployment/orders -n shop')).toBe('error: at least one environment variable must be provided\n');
  });
});

describe('a failing liveness probe', () => {
  const probed = (command: string[], extra: Record<string, number> = {}): KubeObject[] => [
    ns('app'),
    deployment('web', 'app', 1, [container('web', undefined, { livenessProbe: { exec: { command }, periodSeconds: 10, failureThreshold: 3, ...extra } })]),
  ];

  it('is reported Unhealthy at each probe; after failureThreshold failures the kubelet kills the container (137) and restarts it with back-off', () => {
    const s = new SimulationSession({ objects: probed(['sh', '-c', 'echo "no heartbeat" >&2; exit 1']), cluster: defaultCluster(), seed: 1 });
    s.runUntil(22);
    // Started at t=1: probes at 2, 12, 22 (whole seconds: the first a second in); killed at the third failure.
    const events = s.result().events.filter((e) => e.object.startsWith('Pod/'));
    expect(events.find((e) => e.reason === 'Unhealthy')).toMatchObject({ type: 'Warning', message: 'Liveness probe failed: no heartbeat', count: 3, firstTime: 2, lastTime: 22 });
    expect(events.find((e) => e.reason === 'Killing')).toMatchObject({ type: 'Normal', message: 'Container web failed liveness probe, will be restarted', firstTime: 22 });
    const name = s.result().pods[0].name;
    s.runUntil(23);
    expect(s.result().pods[0]).toMatchObject({ status: 'Running', restarts: 1 });
    expect(s.kubectl(['describe', 'pod', name, '-n', 'app'], { context: 'admin' }).output.stdout).toContain('    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    137\n');
    // Restarted at 23, probed at 24, 34, 44: it ran 21 s, longer than its 10 s back-off, so the
    // kubelet restarts it at once; so again at 67 (back-off 20 s); at 88 the back-off (40 s) is
    // longer than the run, and it waits in CrashLoopBackOff until 107.
    s.runUntil(45);
    expect(s.result().pods[0]).toMatchObject({ status: 'Running', restarts: 2 });
    s.runUntil(89);
    expect(s.result().pods[0]).toMatchObject({ status: 'CrashLoopBackOff', restarts: 3 });
    s.runUntil(107);
    expect(s.result().pods[0]).toMatchObject({ status: 'Running', restarts: 4 });
  });

  it('crash-loops to the back-off cap: the run ends steady in CrashLoopBackOff', () => {
    const r = run(probed(['false']));
    // Kills at 22, 44, 66, 88, 128, 208 and 368, where the back-off is 300 s and longer than the run.
    expect(r).toMatchObject({ steady: true, endTime: 368 });
    expect(r.pods[0]).toMatchObject({ status: 'CrashLoopBackOff', restarts: 6 });
    expect(r.crashLoops).toHaveLength(1);
  });

  it('that passes, or that the simulator cannot read, never restarts anything', () => {
    for (const cmd of [['true'], ['cat', '/tmp/healthy'], ['sh', '-c', 'exit 0']]) {
      const r = run(probed(cmd));
      expect(r.pods[0]).toMatchObject({ status: 'Running', restarts: 0 });
      expect(r.events.some((e) => e.reason === 'Unhealthy')).toBe(false);
    }
  });

  it('waits for initialDelaySeconds', () => {
    const s = new SimulationSession({ objects: probed(['false'], { initialDelaySeconds: 30 }), cluster: defaultCluster(), seed: 1 });
    s.runUntil(50);
    expect(s.result().pods[0]).toMatchObject({ restarts: 0 });
    s.runUntil(51);
    // Started at t=1: probes at 31, 41, 51.
    expect(s.result().events.find((e) => e.reason === 'Unhealthy')).toMatchObject({ firstTime: 31, count: 3 });
    expect(s.result().pods[0]).toMatchObject({ restarts: 0, status: 'Error' });
  });
});

describe('a Job whose command fails', () => {
  const job = (restartPolicy: 'OnFailure' | 'Never', backoffLimit: number): KubeObject[] => [
    ns('app'),
    { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: 'app' }, spec: { backoffLimit, template: { spec: { restartPolicy, containers: [container('migrate', undefined, { image: 'busybox:1.36', command: ['sh', '-c', 'echo "migration failed" >&2; exit 2'] })] } } } } as KubeObject,
  ];

  it('OnFailure: its container restarts in place until the restarts reach backoffLimit, then the Job fails', () => {
    const r = run(job('OnFailure', 2));
    expect(r.events.find((e) => e.reason === 'BackoffLimitExceeded')).toMatchObject({ object: 'Job/migrate', message: 'Job has reached the specified backoff limit' });
    // Exits at 2 (restart at once) and 4 (back-off 10 s): the second restart, at 14, reaches the limit and the pod is deleted.
    expect(r.pods).toHaveLength(0);
    expect(r.steady).toBe(true);
    expect(r.crashLoops).toBeUndefined();
  });

  it('Never: each failed pod is replaced until more than backoffLimit have failed', () => {
    const r = run(job('Never', 1));
    expect(r.pods.map((p) => p.status)).toEqual(['Error', 'Error']);
    expect(r.events.find((e) => e.reason === 'BackoffLimitExceeded')).toBeDefined();
  });
});

describe('the scenario step crash', () => {
  it('refuses a container that waits in CrashLoopBackOff: it has no process to end', () => {
    const r = run(failing(), { scenario: { steps: [{ action: 'wait', seconds: 10 }, { action: 'crash', namespace: 'app', owner: 'Deployment/web' }] } });
    expect(r.stepErrors).toHaveLength(1);
    expect(r.stepErrors[0].message).toMatch(/^error: container web in pod web-[a-z0-9]+-[a-z0-9]+ is not running \(CrashLoopBackOff\)$/);
    expect(r.pods[0]).toMatchObject({ restarts: 6 });
  });
});

describe('the scenario step crash as a user', () => {
  it('is authorised as create on pods/exec, as kubectl exec -- kill 1 is', () => {
    const objects: KubeObject[] = [ns('app'), deployment('web', 'app', 1, [container('web')]),
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'viewer', namespace: 'app' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }] } as KubeObject,
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'dev-viewer', namespace: 'app' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'viewer' }, subjects: [{ kind: 'User', name: 'dev', apiGroup: 'rbac.authorization.k8s.io' }] } as KubeObject];
    const r = simulate({ objects, cluster: { ...defaultCluster(), users: [{ name: 'dev' }] }, seed: 1, scenario: { steps: [{ action: 'wait', seconds: 5 }, { action: 'crash', namespace: 'app', owner: 'Deployment/web', user: 'dev' }, { action: 'crash', namespace: 'app', owner: 'Deployment/web' }] } });
    expect(r.stepErrors).toEqual([{ step: 2, message: expect.stringMatching(/^Error from server \(Forbidden\): pods "web-[a-z0-9]+-[a-z0-9]+" is forbidden: User "dev" cannot create resource "pods\/exec" in API group "" in the namespace "app"$/) }]);
    expect(r.pods[0]).toMatchObject({ restarts: 1 });
  });
});
