import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExplainCommand, parsePort } from '../../../cli/commands/explain';
import { capture, fixtures } from '../simulation/network/cliHelpers';

const command = createExplainCommand();
const explain = async (...args: string[]) => {
  const io = capture();
  const code = await command.run(['shop-policies.yaml', ...args], io);
  return { code, out: io.out, err: io.err };
};

describe('kubeplan explain (in process)', () => {
  it('external through the Ingress to the frontend: every hop passes, exit 0', async () => {
    const r = await explain('--from', 'external', '--to', 'http://shop.example.com/');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Request: external → http://shop.example.com/');
    expect(lines.slice(1, 7).map((l) => l.trim().split(/\s+/).slice(0, 3).join(' '))).toEqual([
      '1. ingress PASS',
      '2. service PASS',
      '3. endpoint PASS',
      '4. policy-egress PASS',
      '5. policy-ingress PASS',
      '6. pod PASS',
    ]);
    expect(r.out).toContain('allowed by shop/frontend ingress[0] from[0]');
    expect(lines[7]).toMatch(/^Verdict: delivered — delivered to pod shop\/frontend-\w+-\w+ port 8080\/TCP/);
  });

  it('a denied request names the policies and exits 1', async () => {
    const r = await explain('--from', 'shop/frontend', '--to', 'shop/db', '--port', '5432/TCP');
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL  shop/frontend-');
    expect(r.out).toContain('Verdict: denied — denied by NetworkPolicy shop/allow-dns, shop/default-deny, shop/frontend in namespace shop (egress)');
  });

  it('--to ns/name prefers the Service; ns/deployment/name goes straight to the pods', async () => {
    const viaService = await explain('--from', 'shop/frontend', '--to', 'shop/api');
    expect(viaService.out).toContain('2. endpoint');
    const direct = await explain('--from', 'shop/frontend', '--to', 'shop/deployment/api', '--port', '9000');
    expect(direct.code).toBe(0);
    expect(direct.out).not.toContain('service');
  });

  it('a UDP request to an outside address goes through egress only', async () => {
    const r = await explain('--from', 'shop/api', '--to', '8.8.8.8:53', '--port', '53/udp');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Verdict: delivered — leaves the cluster to 8.8.8.8:53/UDP');
  });

  it('a 404 from the Ingress exits 1', async () => {
    const r = await explain('--from', 'external', '--to', 'http://unknown.example.com/x');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Verdict: no-ingress-rule');
  });

  it('--json prints the hops', async () => {
    const r = await explain('--from', 'monitoring/prometheus', '--to', 'shop/api', '--port', '9090', '--json');
    const parsed = JSON.parse(r.out) as { verdict: string; hops: { hop: string }[] };
    expect(parsed.verdict).toBe('port-not-exposed');
    const direct = JSON.parse((await explain('--from', 'monitoring/prometheus', '--to', 'shop/deployment/api', '--port', '9090', '--json')).out) as { verdict: string; hops: { hop: string; reason: string }[] };
    expect(direct.verdict).toBe('delivered');
    expect(direct.hops.find((h) => h.hop === 'policy-ingress')?.reason).toBe('allowed by shop/api ingress[1] from[0]');
  });

  it.each([
    [['--from', 'external'], '--from and --to are required'],
    [['--from', 'a/b/c/d', '--to', 'shop/api'], '--from "a/b/c/d" is not'],
    [['--from', 'external', '--to', 'shop/api', '--port', '99999'], '--port 99999: Invalid value: 99999: must be between 1 and 65535, inclusive'],
    [['--from', 'external', '--to', 'shop/api', '--port', '0/UDP'], '--port 0/UDP: Invalid value: 0: must be between 1 and 65535, inclusive'],
    [['--from', 'external', '--to', '10.0.0.1:70000'], '--to "10.0.0.1:70000": Invalid value: 70000: must be between 1 and 65535, inclusive'],
    [['--from', 'external', '--to', '999.0.0.1:80'], '--to "999.0.0.1:80": "999.0.0.1" is no node of the cluster, and Invalid value: "999.0.0.1": must be a valid IP address'],
    [['--from', 'external:300.1.2.3', '--to', 'shop/api'], '--from "external:300.1.2.3": Invalid value: "300.1.2.3": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'],
    [['--from', 'shop/nothing', '--to', 'shop/api'], 'no pods of workload shop/nothing'],
    [['--from', 'external', '--to', 'shop/service/nothing'], 'Service shop/nothing not found'],
  ])('exit 2 with a one-line reason for %j', async (args, message) => {
    const r = await explain(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('multi-tenant example: team-a web reaches team-b api through its Service; the reverse is denied', async () => {
    const file = join(import.meta.dirname, '..', '..', 'fixtures', 'apps', 'multi-tenant.yaml');
    const io = capture();
    expect(await command.run([file, '--from', 'team-a/web', '--to', 'team-b/api'], io)).toBe(0);
    expect(io.out).toContain('allowed by team-a/allow-web-to-team-b-api egress[0] to[0]');
    expect(io.out).toContain('allowed by team-b/allow-api-from-team-a-web ingress[0] from[0]');
    const back = capture();
    expect(await command.run([file, '--from', 'team-b/api', '--to', 'team-a/web'], back)).toBe(1);
    expect(back.out).toContain('Verdict: denied — denied by NetworkPolicy team-b/allow-dns, team-b/default-deny-all in namespace team-b (egress)');
  });

  it('parses --port forms', () => {
    expect(parsePort('80')).toEqual({ port: 80, protocol: 'TCP' });
    expect(parsePort('53/UDP')).toEqual({ port: 53, protocol: 'UDP' });
    expect(parsePort('9/sctp')).toEqual({ port: 9, protocol: 'SCTP' });
    expect(parsePort('http')).toEqual({ port: 'http', protocol: 'TCP' });
    expect(parsePort('80/ICMP')).toContain('is not');
  });
});

const root = join(import.meta.dirname, '..', '..', '..');

describe('kubeplan explain (spawned)', { timeout: 60_000 }, () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'kubeplan.mjs'), 'explain', ...args], { cwd: fixtures, encoding: 'utf8' });

  it('prints the hops and exits 0 for a delivered request', () => {
    const r = run('shop-policies.yaml', '--from', 'external', '--to', 'http://shop.example.com/');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Verdict: delivered');
  });

  it('exits 1 for a denied request', () => {
    const r = run('shop-policies.yaml', '--from', 'external', '--to', 'http://shop.example.com/api');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Verdict: denied');
  });

  it('exits 2 for bad usage', () => {
    expect(run('shop-policies.yaml', '--to', 'shop/api').status).toBe(2);
  });
});
