// In-process CLI helpers for the connectivity/explain tests: a capturing CliIo rooted at the fixtures.
import { join } from 'node:path';
import type { CliIo } from '../../../../cli/main';

export const fixtures = join(import.meta.dirname, 'fixtures');

export function capture(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', cwd: fixtures, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}
