/**
 * Container logs follow what happens to the container: start-up, requests, crashes with their
 * restarts, CrashLoopBackOff; `kubectl logs` reads the run the kubelet would (current, or the last
 * terminated one while backing off; `--previous`) with kubectl's errors word for word.
 */
import { describe, expect, it } from 'vitest';
import { kubectlLogs } from '../../../../shared/simulation/observe';
import { container, deployment, ns, pod } from '../helpers';
import { crash, service, session } from './fixtures';

const crashing = () => session([{ action: 'wait', steady: true }, { action: 'startTraffic', flow: { name: 'shoppers', from: 'external', to: 'app/web:80', rate: 3 } }, { action: 'wait', seconds: 20 }, crash, { action: 'wait', seconds: 5 }, crash, { action: 'wait', seconds: 30 }]);

describe('kubectl logs of a crashing pod', () => {
  const s = crashing();
  const obs = s.observation();
  const p = obs.pods.find((x) => x.runs.length > 1)!;
  const backOff = s.frames.flatMap((f) => f.events).find((e) => e.reason === 'BackOff')!;

  it('records each run: the first crash restarts at once, the second waits in CrashLoopBackOff', () => {
    expect(p.runs.map((r) => [r.instance, r.endReason])).toEqual([[0, 'Error'], [1, 'Error'], [2, undefined]]);
    expect(p.runs[1].backOff?.message).toMatch(/^back-off 10s restarting failed container=web pod=web-/);
    expect(p.runs[1].backOff?.time).toBe(backOff.firstTime);
    // The back-off counts from the last restart: the third run starts 10 s after the second one did.
    expect(p.runs[2].start - p.runs[1].start).toBe(10);
  });

  it('shows the running instance, with the requests it served; --previous shows the crashed one ending in its error', () => {
    const now = kubectlLogs(obs, { pod: p.name, namespace: 'app' });
    expect(now.exitCode).toBe(0);
    expect(now.stdout.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(now.stdout).toMatch(/"GET \/ HTTP\/1.1" 200 615 "-" "Mozilla/);
    expect(now.stdout).not.toContain('[emerg]');
    const prev = kubectlLogs(obs, { pod: p.name, namespace: 'app', previous: true });
    expect(prev.exitCode).toBe(0);
    expect(prev.stdout.trimEnd().split('\n').pop()).toMatch(/\[emerg\] 1#1: open\(\) "\/etc\/nginx\/conf.d\/default.conf" failed/);
  });

  it('while in CrashLoopBackOff, shows the last terminated run (the kubelet reads lastState)', () => {
    const during = p.runs[1].end! + 3;
    expect(s.snapshotAt(during).pods.find((x) => x.name === p.name)?.reason).toBe('CrashLoopBackOff');
    const out = kubectlLogs(obs, { pod: p.name, namespace: 'app', time: during, tail: 1 });
    expect(out.stdout).toMatch(/\[emerg\]/);
    expect(kubectlLogs(obs, { pod: p.name, namespace: 'app', time: during, previous: true, tail: 1 }).stdout).toBe(out.stdout);
  });

  it('--tail and --timestamps as kubectl prints them', () => {
    const out = kubectlLogs(obs, { pod: p.name, namespace: 'app', previous: true, tail: 2, timestamps: true });
    const lines = out.stdout.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    for (const l of lines.slice(0, 2)) expect(l).toMatch(/^2026-01-01T00:00:\d\d\.\d{9}Z /);
  });

  it('is deterministic: the same run writes the same bytes', () => {
    const again = crashing().observation();
    const q = again.pods.find((x) => x.runs.length > 1)!;
    expect(kubectlLogs(again, { pod: q.name, namespace: 'app', timestamps: true }).stdout).toBe(kubectlLogs(obs, { pod: p.name, namespace: 'app', timestamps: true }).stdout);
  });
});

describe('kubectl logs errors', () => {
  const sidecar = deployment('api', 'app', 1, [container('api', undefined, { image: 'shop/api:1.4' }), container('proxy', undefined, { image: 'envoyproxy/envoy:v1.31' })]);
  const s = session([{ action: 'wait', steady: true }], [ns('app'), sidecar, service]);
  const obs = s.observation();
  const api = obs.pods[0];

  it('a missing pod', () => {
    expect(kubectlLogs(obs, { pod: 'nope', namespace: 'app' })).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(kubectlLogs(obs, { pod: api.name })).toEqual({ stdout: '', stderr: `Error from server (NotFound): pods "${api.name}" not found\n`, exitCode: 1 });
  });

  it('several containers: kubectl defaults to the first and says so; the API server asks for one', () => {
    const out = kubectlLogs(obs, { pod: api.name, namespace: 'app' });
    expect(out.stderr).toBe('Defaulted container "api" out of: api, proxy\n');
    expect(out.stdout).toContain('INFO  starting api (shop/api:1.4)');
    expect(kubectlLogs(obs, { pod: api.name, namespace: 'app', defaultContainer: false })).toEqual({
      stdout: '', stderr: `Error from server (BadRequest): a container name must be specified for pod ${api.name}, choose one of: [api proxy]\n`, exitCode: 1,
    });
    expect(kubectlLogs(obs, { pod: api.name, namespace: 'app', container: 'db' }).stderr).toBe(`Error from server (BadRequest): container db is not valid for pod ${api.name}\n`);
    expect(kubectlLogs(obs, { pod: api.name, namespace: 'app', container: 'proxy' }).stdout).toContain('INFO  starting proxy');
  });

  it('--previous with no restart, and a container not started yet', () => {
    expect(kubectlLogs(obs, { pod: api.name, namespace: 'app', container: 'api', previous: true }).stderr).toBe(`Error from server (BadRequest): previous terminated container "api" in pod "${api.name}" not found\n`);
    expect(kubectlLogs(obs, { pod: api.name, namespace: 'app', container: 'api', time: api.created })).toEqual({
      stdout: '', stderr: `Error from server (BadRequest): container "api" in pod "${api.name}" is waiting to start: ContainerCreating\n`, exitCode: 1,
    });
  });

  it('a pod that completes says so at its end', () => {
    const job = pod('once', 'app', [container('once', undefined, { image: 'busybox:1.36' })], {}, { app: 'once' });
    job.metadata.annotations = { 'kubeplan.io/run-seconds': '3' };
    const o = session([{ action: 'wait', steady: true }], [ns('app'), job]).observation();
    expect(kubectlLogs(o, { pod: 'once', namespace: 'app' }).stdout).toBe('once: started\nonce: done\n');
  });
});

describe('kubectl logs golden', () => {
  it('an nginx pod that started at t=1 s (bound at once, its container 1 s later), with --timestamps', () => {
    const o = session([{ action: 'wait', steady: true }], [ns('app'), pod('web', 'app', [container('web')])]).observation();
    expect(kubectlLogs(o, { pod: 'web', namespace: 'app', timestamps: true }).stdout).toBe(
      '2026-01-01T00:00:01.012000000Z /docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n' +
      '2026-01-01T00:00:01.013000000Z /docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/\n' +
      '2026-01-01T00:00:01.015000000Z /docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh\n' +
      '2026-01-01T00:00:01.021000000Z 10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf\n' +
      '2026-01-01T00:00:01.024000000Z 10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf\n' +
      '2026-01-01T00:00:01.031000000Z /docker-entrypoint.sh: Configuration complete; ready for start up\n' +
      '2026-01-01T00:00:01.041000000Z 2026/01/01 00:00:01 [notice] 1#1: using the "epoll" event method\n' +
      '2026-01-01T00:00:01.041000000Z 2026/01/01 00:00:01 [notice] 1#1: nginx/1.27\n' +
      '2026-01-01T00:00:01.042000000Z 2026/01/01 00:00:01 [notice] 1#1: start worker processes\n' +
      '2026-01-01T00:00:01.043000000Z 2026/01/01 00:00:01 [notice] 1#1: start worker process 29\n',
    );
  });
});
