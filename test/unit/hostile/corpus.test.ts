/**
 * The hostile-input corpus (test/fixtures/hostile/README.md): every row of every file in
 * test/fixtures/hostile/rows/ through every CLI command, as a user runs it (`node bin/kubeplan.mjs`),
 * asserting the exit code, a clean one-line message (no JavaScript error, no stack trace), and bounds
 * on CPU time and memory the child process reports at exit.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandName, type HostileRow } from '../../fixtures/hostile/row';
import { BIN, ROOT } from './cli-run';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'hostile');
const MEASURE = pathToFileURL(join(FIXTURES, 'measure.mjs')).href;
const DEFAULT_LIMITS = { cpuSeconds: 20, memoryMB: 1536 };
/** A run still going after this is a hang, whatever its CPU time. */
const WALL_CLOCK_GUARD_MS = 180_000;

/** What a JavaScript error, not a message written for a user, looks like. */
const INTERNAL_ERROR = /TypeError|RangeError|ReferenceError|SyntaxError|is not a function|is not iterable|Cannot read properties|Maximum call stack|Invalid string length|Map maximum size|heap out of memory|^\s+at .+:\d+:\d+\)?$/m;
/** Longest stderr line accepted: messages quote values briefly. */
const MAX_LINE = 1000;

const rowFiles = readdirSync(join(FIXTURES, 'rows')).filter((f) => /\.ts$/.test(f)).sort();
const tables: { file: string; rows: HostileRow[] }[] = [];
for (const file of rowFiles) tables.push({ file, rows: ((await import(join(FIXTURES, 'rows', file))) as { rows: HostileRow[] }).rows });

interface Measured {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** The first megabyte of standard output (validate reports problems there). */
  stdout: string;
  cpuSeconds?: number;
  maxRssMB?: number;
}

function run(cwd: string, args: string[]): Promise<Measured> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', MEASURE, BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout!.on('data', (d: Buffer) => (stdout.length < 1_000_000 ? (stdout += d.toString()) : undefined));
    let report = '';
    child.stderr!.on('data', (d: Buffer) => (stderr.length < 1_000_000 ? (stderr += d.toString()) : undefined));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => (report += d.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), WALL_CLOCK_GUARD_MS);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      const measured = report ? (JSON.parse(report) as { cpuSeconds: number; maxRssMB: number }) : {};
      done({ code, signal, stderr, stdout, ...measured });
    });
  });
}

function perCommand<T>(value: T | Partial<Record<CommandName, T>> | undefined, command: CommandName, isShared: (v: unknown) => v is T): T | undefined {
  if (value === undefined || isShared(value)) return value as T | undefined;
  return (value as Partial<Record<CommandName, T>>)[command];
}

function materialise(row: HostileRow): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplan-corpus-'));
  for (const [name, content] of Object.entries(row.files)) writeFileSync(join(dir, name), typeof content === 'function' ? content() : content);
  return dir;
}

function argsFor(row: HostileRow, command: CommandName): string[] {
  const inputs = row.inputs ?? Object.keys(row.files);
  const extra = row.args?.[command] ?? (command === 'explain' ? ['--from', 'external', '--to', 'default/service/web'] : []);
  return [command, ...inputs, ...extra];
}

for (const { file, rows } of tables) {
  describe(`hostile inputs: ${file}`, { timeout: WALL_CLOCK_GUARD_MS + 60_000 }, () => {
    for (const row of rows) {
      for (const command of row.commands ?? COMMANDS) {
        const todo = row.todo?.[command];
        if (todo) {
          it.todo(`${row.name} — ${command}: ${todo}`);
          continue;
        }
        it.concurrent(`${row.name} — ${command}`, async () => {
          const dir = materialise(row);
          const r = await run(dir, argsFor(row, command));
          const where = `kubeplan ${argsFor(row, command).join(' ').slice(0, 200)}\n${r.stderr.slice(0, 2000)}`;
          expect(r.signal, where).toBeNull();
          expect(perCommand(row.exit, command, Array.isArray) ?? [2], where).toContain(r.code);
          expect(r.stderr, where).not.toMatch(INTERNAL_ERROR);
          for (const line of r.stderr.split('\n')) expect(line.length, where).toBeLessThanOrEqual(MAX_LINE);
          const message = perCommand(row.message, command, (v): v is RegExp => v instanceof RegExp);
          if (message) expect(r.stderr + r.stdout, where).toMatch(message);
          if (r.code !== 0 && r.code !== 1) expect(r.stderr.trim(), `${where}\na refusal says why`).not.toBe('');
          expect(r.cpuSeconds, `${where}\nCPU seconds`).toBeLessThanOrEqual(row.limits?.cpuSeconds ?? DEFAULT_LIMITS.cpuSeconds);
          expect(r.maxRssMB, `${where}\nresident MB`).toBeLessThanOrEqual(row.limits?.memoryMB ?? DEFAULT_LIMITS.memoryMB);
        });
      }
    }
  });
}
