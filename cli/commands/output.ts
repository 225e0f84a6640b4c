/**
 * Where `-o` writes, checked before anything is written: never over an input (unless `--force`),
 * never over something that is not a regular file (a device, a pipe: as root, replacing
 * /dev/null by rename would turn it into a regular file), `-o -` for standard output.
 */
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadedInputs } from '../../main/core/inputs';

/** `-o -` and no `-o` both mean standard output. */
export function isStdout(output: string | undefined): boolean {
  return output === undefined || output === '-';
}

/** Why `path` (shown to the user as `shown`) must not be written, or undefined when it may. */
export async function outputProblem(path: string, shown: string, inputs: LoadedInputs, force: boolean): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile()) return `-o ${shown}: not a regular file (${kindOf(info)}); refusing to replace it`;
  if (!force && inputs.fileIds.has(fileId(info))) return `-o ${shown} is one of the inputs: writing would replace it (add --force to overwrite it anyway)`;
  return undefined;
}

export function fileId(info: { dev: number; ino: number }): string {
  return `${info.dev}:${info.ino}`;
}

function kindOf(info: Awaited<ReturnType<typeof stat>>): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isFIFO()) return 'a pipe';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

/** First line of every file `kubeplan export -o <dir>/` writes, so a later export knows its own files. */
export const EXPORT_MARK = '# Written by kubeplan export';

export function markExported(name: string, text: string): string {
  return `${EXPORT_MARK} (${name.replace(/\.yaml$/, '')}); a later export into this folder replaces it.\n${text}`;
}

/** Files an earlier `kubeplan export` wrote into `dir` that this export (`names`) does not write. */
export async function staleExports(dir: string, names: ReadonlySet<string>): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const stale: string[] = [];
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith('.yaml') || names.has(e.name)) continue;
    const head = await readFile(join(dir, e.name), 'utf8').then((t) => t.slice(0, EXPORT_MARK.length), () => '');
    if (head === EXPORT_MARK) stale.push(e.name);
  }
  return stale.sort();
}

export async function removeFiles(dir: string, names: readonly string[]): Promise<void> {
  for (const name of names) await unlink(join(dir, name));
}
