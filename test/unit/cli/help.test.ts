/**
 * `kubeplan --help`, `kubeplan <command> --help` and `kubeplan --version`: one help style for the
 * top level and every command, and a start that loads no command code.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP, type CommandName } from '../../../cli/help';
import { main, type CliIo } from '../../../cli/main';
import { version } from '../../../package.json';

const root = join(import.meta.dirname, '..', '..', '..');
const NAMES = Object.keys(HELP) as CommandName[];

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: root };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('kubeplan --help', () => {
  it('lists every command with its one-line summary, then the global options', async () => {
    const r = await run('--help');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Usage: kubeplan <command> [options]');
    for (const name of NAMES) expect(lines).toContain(`  ${name.padEnd(14)}${HELP[name].summary}`);
    expect(r.stdout).toMatch(/^ {2}-h, --help +show this help$/m);
    expect(r.stdout).toMatch(/^ {2}-v, --version +print the version of kubeplan$/m);
  });

  it('prints the same help, with exit status 2, when no command is given', async () => {
    const r = await run();
    expect([r.code, r.stdout]).toEqual([2, (await run('--help')).stdout]);
  });

  it('names an unknown command on stderr, with the help, exit 2', async () => {
    const r = await run('deploy');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('kubeplan: unknown command "deploy"');
    expect(r.stderr).toContain('Usage: kubeplan <command> [options]');
  });
});

describe('kubeplan <command> --help', () => {
  it.each(NAMES)('%s: usage, summary, options (with -h, --help), exit status — without running the command', async (name) => {
    for (const flag of ['--help', '-h']) {
      // An input that does not exist shows the command did not run: it would exit 2 naming the file.
      const r = await run(name, 'no-such-input.yaml', flag);
      expect([r.code, r.stderr]).toEqual([0, '']);
      const [usage, blank, summary] = r.stdout.split('\n');
      expect([usage, blank, summary]).toEqual([`Usage: kubeplan ${name} ${HELP[name].args}`, '', `${HELP[name].summary}.`]);
      expect(r.stdout).toContain('\nOptions:\n');
      expect(r.stdout).toMatch(/^ {2}-h, --help +show this help$/m);
      expect(r.stdout).toMatch(/\nExit status: 0 [^\n]+/);
      // Every option on the usage line is explained under Options.
      for (const option of HELP[name].args.match(/--[a-z-]+|-[a-z]\b/g) ?? []) expect(r.stdout).toMatch(new RegExp(`^ {2}(-[a-z], )?${option}\\b`, 'm'));
      // Lines fit a 100-column terminal (the usage line may run longer).
      expect(r.stdout.split('\n').slice(1).filter((l) => l.length > 100)).toEqual([]);
    }
    expect((await run('help', name)).stdout).toBe((await run(name, '--help')).stdout);
  });

  it('an -h after "--" is an argument, not a request for help', async () => {
    const r = await run('validate', '--', '-h');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('kubeplan as a user runs it (node bin/kubeplan.mjs, the bundle in out/cli)', { timeout: 60_000 }, () => {
  const bin = join(root, 'bin', 'kubeplan.mjs');
  const spawn = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

  it('--version prints the version of package.json', () => {
    for (const flag of ['--version', '-v']) expect([spawn(flag).status, spawn(flag).stdout]).toEqual([0, `${version}\n`]);
  });

  it('--help and a command\'s --help print the same text as the sources do', async () => {
    expect(spawn('--help').stdout).toBe((await run('--help')).stdout);
    expect(spawn('explain', '--help').stdout).toBe((await run('explain', '--help')).stdout);
  });

  it('starts by loading under 100 kB of JavaScript: each command\'s code is loaded only when it runs', () => {
    const dir = join(root, 'out', 'cli');
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      const text = readFileSync(join(dir, file), 'utf8');
      // esbuild writes static imports of chunks as `import … from "./chunks/x.mjs"` at the top.
      for (const m of text.matchAll(/^import\s[^;]*?from\s*"\.\/([^"]+)"/gm)) visit(join(file, '..', m[1]));
      for (const m of text.matchAll(/^import\s*"\.\/([^"]+)"/gm)) visit(join(file, '..', m[1]));
    };
    visit('kubeplan.mjs');
    const bytes = [...loaded].reduce((n, f) => n + readFileSync(join(dir, f)).length, 0);
    expect(bytes).toBeLessThan(100_000);
    expect([...loaded].filter((f) => /validate|simulate|explain|connectivity|export|import/.test(f))).toEqual([]);
    // The entry does reach every command, lazily.
    const entry = readFileSync(join(dir, 'kubeplan.mjs'), 'utf8');
    for (const name of NAMES) expect(entry).toMatch(new RegExp(`import\\("\\./chunks/${name}-[A-Z0-9]+\\.mjs"\\)`));
  });

  it('the bundle lists the sources it was built from, so bin/kubeplan.mjs rebuilds it when one changes', () => {
    const inputs: string[] = JSON.parse(readFileSync(join(root, 'out', 'cli', 'inputs.json'), 'utf8'));
    for (const f of ['package.json', 'cli/main.ts', 'cli/help.ts', 'cli/commands/validate.ts', 'shared/validation/schema.ts', 'main/core/inputs.ts']) expect(inputs).toContain(f);
  });
});
