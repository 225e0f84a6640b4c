/**
 * The example designs shipped in assets/examples/<id>.kubeplan.yaml, listed from index.json or,
 * without one, from each file's head: the design's `name:` and its leading `#` comment.
 */
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExampleInfo } from '../../shared/ipc/api';

const SUFFIX = '.kubeplan.yaml';
const HEAD_BYTES = 4096;

export function examplePath(dir: string, id: string): string | undefined {
  // Ids are checked by the IPC schema too; refuse anything that could leave the folder.
  return /^[a-z0-9][a-z0-9-]*$/.test(id) ? join(dir, `${id}${SUFFIX}`) : undefined;
}

export async function listExamples(dir: string): Promise<ExampleInfo[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(SUFFIX)).sort();
  } catch {
    return [];
  }
  const indexed = await fromIndex(dir, new Set(names));
  if (indexed) return indexed;
  return Promise.all(
    names.map(async (name) => {
      const id = name.slice(0, -SUFFIX.length);
      return { id, ...describe(await head(join(dir, name)), id) };
    }),
  );
}

type Localized = string | Record<string, string>;

/**
 * assets/examples/index.json, when present, orders the examples and gives their English title and
 * description: `{ examples: [{ id, file?, title, description }] }` (texts plain or by language).
 * Entries whose file is missing are left out; an unreadable index falls back to the files.
 */
async function fromIndex(dir: string, files: Set<string>): Promise<ExampleInfo[] | undefined> {
  let entries: unknown;
  try {
    entries = (JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { examples?: unknown }).examples;
  } catch {
    return undefined;
  }
  if (!Array.isArray(entries)) return undefined;
  const english = (text: Localized | undefined) => (typeof text === 'string' ? text : (text?.en ?? ''));
  return entries
    .filter((e): e is { id: string; file?: string; title?: Localized; description?: Localized } => typeof e?.id === 'string' && examplePath(dir, e.id) !== undefined)
    .filter((e) => files.has(`${e.id}${SUFFIX}`))
    .map((e) => ({ id: e.id, title: english(e.title) || e.id, description: english(e.description) }));
}

async function head(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

export function describe(text: string, id: string): { title: string; description: string } {
  const lines = text.split(/\r?\n/);
  const comment: string[] = [];
  for (const line of lines) {
    if (!line.startsWith('#')) break;
    comment.push(line.replace(/^#\s?/, '').trim());
  }
  const name = /^name:\s*(.+?)\s*$/m.exec(text)?.[1]?.replace(/^(['"])(.*)\1$/, '$2');
  return { title: name || id, description: comment.filter(Boolean).join(' ') };
}
