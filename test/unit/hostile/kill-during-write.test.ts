/**
 * kill -9 in the middle of a save or an export leaves the old file or the new one, never a mix,
 * and the temporary file the killed writer left is gone after the next write to the same place.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { removeStrayTemporaryFiles, writeFileAtomic } from '../../../main/core/files';
import { BIN, kubeplan, ROOT, workdir } from './cli-run';

const configMaps = (n: number, value: string) =>
  Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}}\ndata: {v: "${value}"}\n`).join('---\n');

function killAfter(args: string[], cwd: string, ms: number, waitFor?: string): Promise<void> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    const kill = () => setTimeout(() => child.kill('SIGKILL'), ms);
    if (waitFor) child.stdout.on('data', (d: Buffer) => d.toString().includes(waitFor) && kill());
    else kill();
    child.on('exit', () => done());
  });
}

describe('kill -9 during a write', { timeout: 180_000 }, () => {
  it('an export killed at any moment leaves the old or the new file, and the next export leaves no temporary file', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'old.yaml'), configMaps(3000, 'old'));
    writeFileSync(join(dir, 'new.yaml'), configMaps(3000, 'new'));
    expect((await kubeplan(dir, 'export', 'new.yaml', '-o', 'want-new.yaml')).code).toBe(0);
    expect((await kubeplan(dir, 'export', 'old.yaml', '-o', 'out.yaml')).code).toBe(0);
    const old = readFileSync(join(dir, 'out.yaml'), 'utf8');
    const fresh = readFileSync(join(dir, 'want-new.yaml'), 'utf8');
    for (const ms of [400, 1500, 2600, 3800]) {
      await killAfter([BIN, 'export', 'new.yaml', '-o', 'out.yaml'], dir, ms);
      expect([old, fresh]).toContain(readFileSync(join(dir, 'out.yaml'), 'utf8'));
    }
    expect((await kubeplan(dir, 'export', 'old.yaml', '-o', 'out.yaml')).code).toBe(0);
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toBe(old);
    expect(readdirSync(dir).sort()).toEqual(['new.yaml', 'old.yaml', 'out.yaml', 'want-new.yaml']);
  });

  it('a save killed mid-write leaves one of the two designs, and the next save removes the leftover', async () => {
    const dir = workdir();
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    writeFileSync(a, 'a'.repeat(8_000_000));
    writeFileSync(b, 'b'.repeat(8_000_000));
    const target = join(dir, 'shop.kubeplan.yaml');
    writeFileSync(target, readFileSync(a, 'utf8'));
    let leftovers = 0;
    for (const ms of [50, 120, 200, 350]) {
      await killAfter(['--import', pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href, join(ROOT, 'test/unit/hostile/write-child.ts'), target, a, b], dir, ms, 'ready');
      const text = readFileSync(target, 'utf8');
      expect(text === readFileSync(a, 'utf8') || text === readFileSync(b, 'utf8')).toBe(true);
      leftovers += readdirSync(dir).filter((n) => n.startsWith('.shop.kubeplan.yaml.')).length;
      await writeFileAtomic(target, readFileSync(a, 'utf8'));
      expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt', 'shop.kubeplan.yaml']);
    }
    // Killing a writer of 8 MB files at these moments interrupts at least one write half-way.
    expect(leftovers).toBeGreaterThan(0);
  });

  it('keeps the temporary file of a writer that is still running', async () => {
    const dir = workdir();
    const live = join(dir, `.x.yaml.kubeplan-${process.ppid}-1.tmp`);
    const dead = join(dir, '.x.yaml.kubeplan-999999999-1.tmp');
    const mine = join(dir, 'x.yaml.1');
    for (const f of [live, dead, mine]) writeFileSync(f, 'partial');
    expect(await removeStrayTemporaryFiles(join(dir, 'x.yaml'))).toEqual([dead]);
    expect(readdirSync(dir).sort()).toEqual([`.x.yaml.kubeplan-${process.ppid}-1.tmp`, 'x.yaml.1']);
  });
});
