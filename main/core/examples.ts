/**
 * The example designs shipped in assets/examples/<id>.kubeplan.yaml. Listing reads only each
 * file's head: the title is the design's `name:`, the description its leading `#` comment.
 */
import { open, readdir } from 'node:fs/promises';
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
  return Promise.all(
    names.map(async (name) => {
      const id = name.slice(0, -SUFFIX.length);
      return { id, ...describe(await head(join(dir, name)), id) };
    }),
  );
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
