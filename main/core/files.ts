/**
 * Files on disk are never half-written: every save goes to a temporary file in the same folder,
 * is fsynced, then renamed over the target. Temporary names are our own (`.<name>.kubeplan-<pid>-<n>.tmp`)
 * rather than write-file-atomic's `<name>.<hash>`, which cannot be told apart from a user's
 * `<name>.1`: so the temporary file a killed process left behind is recognised and removed at the
 * next write to the same place.
 */
import { chmod, mkdir, open, readdir, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WriteOptions {
  /** File mode of the written file (default: the replaced file's mode, or 0666 less the umask). */
  mode?: number;
}

let counter = 0;
/** Temporary files this process is writing right now (never removed as strays). */
const inFlight = new Set<string>();

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Through a symlink to the file it names, as editors do, so the link stays a link.
  const target = await realpath(path).catch(() => path);
  await removeStrayTemporaryFiles(target);
  const tmp = join(dirname(target), `.${basename(target)}.kubeplan-${process.pid}-${++counter}.tmp`);
  inFlight.add(tmp);
  let handle: FileHandle | undefined;
  try {
    const mode = options.mode ?? (await stat(target).then((s) => s.mode & 0o7777, () => 0o666));
    handle = await open(tmp, 'wx', mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (options.mode !== undefined) await chmod(tmp, options.mode); // open() applies the umask
    await rename(tmp, target);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  } finally {
    inFlight.delete(tmp);
  }
}

/** Our temporary files for `target` whose writer is gone (killed mid-write): removed, best effort. */
export async function removeStrayTemporaryFiles(target: string): Promise<string[]> {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.kubeplan-`;
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)-\d+\.tmp$/.exec(name.slice(prefix.length));
    const file = join(dir, name);
    if (!m || inFlight.has(file) || (Number(m[1]) !== process.pid && processAlive(Number(m[1])))) continue;
    if (await unlink(file).then(() => true, () => false)) removed.push(file);
  }
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, but someone else's
  }
}
