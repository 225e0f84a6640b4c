/** Run `node bin/kubeplan.mjs …` as a user does, in a given folder. */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const BIN = join(ROOT, 'bin', 'kubeplan.mjs');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function kubeplan(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

export function workdir(prefix = 'kubeplan-hostile-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
