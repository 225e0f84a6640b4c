/**
 * Files on disk are never half-written: every save goes to a temporary file in the same folder,
 * is fsynced, then renamed over the target (write-file-atomic does exactly this).
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomicLib from 'write-file-atomic';

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomicLib(path, typeof data === 'string' ? data : Buffer.from(data), { fsync: true, ...(options.mode === undefined ? {} : { mode: options.mode }) });
}
