import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConnectivityCommand } from '../../../cli/commands/connectivity';
import { capture } from '../simulation/network/cliHelpers';

const root = join(import.meta.dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'unit', 'simulation', 'network', 'fixtures');

describe('kubeplan connectivity (in process)', () => {
  const command = createConnectivityCommand();

  it('prints the sorted connectivity list for a manifest file', async () => {
    const io = capture();
    expect(await command.run(['shop-policies.yaml'], io)).toBe(0);
    expect(io.out.split('\n')[0]).toBe('0.0.0.0-255.255.255.255[External] => monitoring/prometheus[Deployment] : All Connections');
    expect(io.out).toContain('shop/frontend[Deployment] => shop/api[Deployment] : TCP 9000\n');
    expect(io.out).toContain('{ingress-controller} => shop/frontend[Deployment] : TCP 8080\n');
  });

  it('--format json prints [{src, dst, conn}]', async () => {
    const io = capture();
    expect(await command.run(['shop-policies.yaml', '--format', 'json'], io)).toBe(0);
    const lines = JSON.parse(io.out) as { src: string; dst: string; conn: string }[];
    expect(lines).toContainEqual({ src: 'shop/api[Deployment]', dst: 'shop/db[StatefulSet]', conn: 'TCP 5432' });
  });

  it('--ipblock-matches-pods changes the verdicts of ipBlock peers', async () => {
    const plain = capture();
    const option = capture();
    await command.run(['ipblock-pods.yaml'], plain);
    await command.run(['ipblock-pods.yaml', '--ipblock-matches-pods'], option);
    expect(plain.out).not.toContain('lab/client[Deployment] => lab/server[Deployment]');
    expect(option.out).toContain('lab/client[Deployment] => lab/server[Deployment] : TCP 80');
  });

  it('the multi-tenant example allows exactly team-a/web → team-b/api on TCP 8080', async () => {
    const io = capture();
    expect(await command.run([join(root, 'test', 'fixtures', 'apps', 'multi-tenant.yaml')], io)).toBe(0);
    expect(io.out).toBe('team-a/web[Deployment] => team-b/api[Deployment] : TCP 8080\n');
  });

  it('the three-tier shop (no policies) is open, and the Ingress reaches the frontend and api target ports', async () => {
    const io = capture();
    expect(await command.run([join(root, 'test', 'fixtures', 'apps', 'three-tier-shop.yaml')], io)).toBe(0);
    expect(io.out).toContain('shop/frontend[Deployment] => shop/db[Deployment] : All Connections\n');
    expect(io.out).toContain('{ingress-controller} => shop/api[Deployment] : TCP 8080\n');
  });

  it('reads a design file (objects and its cluster) like manifests', async () => {
    const io = capture();
    expect(await command.run([join(root, 'assets', 'examples', 'multi-tenant.kubeplan.yaml')], io)).toBe(0);
    const lines = io.out.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^(\S+\[\w+\]|\{ingress-controller\}) => \S+\[\w+\] : (All Connections|((SCTP|TCP|UDP) [\d,-]+,?)+)$/);
    expect([...lines].sort()).toEqual(lines);
  });

  it.each([
    [['--format', 'xml', 'shop-policies.yaml'], '--format must be txt or json'],
    [[], 'name at least one design'],
    [['shop-policies.yaml', '--bogus'], 'Unknown option'],
    [['shop-policies.yaml', '--pod-to-self', 'maybe'], '--pod-to-self must be one of allowed, evaluated'],
    [['missing.yaml'], 'missing.yaml: cannot read'],
  ])('exit 2 with a one-line reason for %j', async (args, message) => {
    const io = capture();
    expect(await command.run(args, io)).toBe(2);
    expect(io.err).toContain(message);
    expect(io.out).toBe('');
  });
});

// End to end through bin/kubeplan.mjs.
describe('kubeplan connectivity (spawned)', { timeout: 60_000 }, () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'kubeplan.mjs'), 'connectivity', ...args], { cwd: fixtures, encoding: 'utf8' });

  it('prints the same list as in process, exit 0', async () => {
    const io = capture();
    await createConnectivityCommand().run(['shop-policies.yaml'], io);
    const r = run('shop-policies.yaml');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(io.out);
  });

  it('reads a folder and prints json', () => {
    const r = run('.', '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toContainEqual({ src: 'shop/api[Deployment]', dst: 'shop/db[StatefulSet]', conn: 'TCP 5432' });
  });

  it('exits 2 for an unreadable input', () => {
    const r = run('does-not-exist.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('does-not-exist.yaml');
  });
});
