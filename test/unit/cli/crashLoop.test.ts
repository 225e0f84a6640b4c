// `kubeplan simulate` on a design that crash-loops: the run ends steady at the back-off cap and says
// so on stderr, as it does for a limit (docs/simulator.md, "Crash loops"); the exit code stays 0.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
let dir = '';

const deployment = (replicas: number) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: worker}}\n  template:\n    metadata: {labels: {app: worker}}\n    spec:\n      containers:\n        - name: worker\n          image: busybox:1.36\n          command: ["sh", "-c", "echo missing config >&2; exit 3"]\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubeplan-crash-'));
  writeFileSync(join(dir, 'one.yaml'), deployment(1));
  writeFileSync(join(dir, 'seven.yaml'), deployment(7));
});

function kubeplan(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'kubeplan.mjs'), ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kubeplan simulate on a crash-looping design', () => {
  it('ends at t=319s with the pod in CrashLoopBackOff and one line on stderr naming it', () => {
    const r = kubeplan(['simulate', 'one.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$ kubectl get pods -A -o wide  # t=314s\n');
    expect(r.stdout).toMatch(/default +worker-[a-z0-9]+-[a-z0-9]+ +0\/1 +CrashLoopBackOff +6 \(0s ago\) +5m14s /);
    expect(r.stderr).toMatch(/^kubeplan simulate: steady at t=314s but for a crash loop: Pod default\/worker-[a-z0-9]+-[a-z0-9]+: container worker in CrashLoopBackOff \(6 restarts\), restarting every 5m0s\n$/);
  });

  it('names five loops and counts the rest; --json lists them all', () => {
    const r = kubeplan(['simulate', 'seven.yaml']);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('kubeplan simulate: …and 2 more crash loops (--json lists them all in crashLoops)');
    const json = JSON.parse(kubeplan(['simulate', 'seven.yaml', '--json']).stdout) as { crashLoops: { restarts: number; backOffSeconds: number }[] };
    expect(json.crashLoops).toHaveLength(7);
    expect(json.crashLoops.every((l) => l.restarts === 6 && l.backOffSeconds === 300)).toBe(true);
  });
});
