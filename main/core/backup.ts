/**
 * Hot exit: the renderer backs up unsaved work every few seconds; the backup is written
 * atomically to the app's data folder, readable by the user alone (mode 0600: a design may hold
 * Secrets), and offered back after a session that did not close cleanly.
 *
 * Two files, both named by main, never by the renderer:
 * - `<file>` — the current session's unsaved work, replaced on every backup;
 * - `<file minus .json>.offered.json` — the work offered back at start-up. It stays on disk until
 *   the user restores it (and the restored work is backed up as current) or discards it, so a
 *   crash while the offer is showing loses nothing: the next start offers it again. (If new work
 *   was backed up meanwhile, the next start offers that newer work instead: one offer at a time.)
 * Writes are queued so they land in order, and quitting can wait for the last one.
 */
import { readFile, rename, rm } from 'node:fs/promises';
import type { BackupSnapshot, TakenBackup } from '../../shared/ipc/api';
import { designSchema } from '../../shared/ipc/schemas';
import type { WriteFile } from './writer';

/** Owner read/write only. */
export const BACKUP_MODE = 0o600;

export class BackupStore {
  private queue: Promise<void> = Promise.resolve();
  private pendingCount = 0;
  readonly offeredFile: string;

  constructor(
    private readonly file: string,
    private readonly write: WriteFile,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.offeredFile = `${file.replace(/\.json$/, '')}.offered.json`;
  }

  /** Replace the current backup with this snapshot; `undefined` removes it (work saved or discarded). */
  save(snapshot: BackupSnapshot | undefined): Promise<void> {
    const savedAt = this.now().toISOString();
    return this.enqueue(async () => {
      if (snapshot === undefined) await rm(this.file, { force: true });
      else await this.write(this.file, JSON.stringify({ ...snapshot, savedAt } satisfies TakenBackup), { mode: BACKUP_MODE });
    });
  }

  /**
   * The work to offer back at start-up: a backup the last session left behind (moved aside as the
   * offer, so this session's own backups cannot overwrite it), else an offer that was never
   * answered. It stays on disk until `settle()`. An unreadable backup is dropped.
   */
  async take(): Promise<TakenBackup | undefined> {
    return this.enqueue(async () => {
      try {
        await rename(this.file, this.offeredFile);
      } catch {
        // No backup from the last session: an earlier, unanswered offer (if any) stands.
      }
      let text: string;
      try {
        text = await readFile(this.offeredFile, 'utf8');
      } catch {
        return undefined;
      }
      const snapshot = parseSnapshot(text);
      if (!snapshot) await rm(this.offeredFile, { force: true });
      return snapshot;
    });
  }

  /** The offer was answered (restored and backed up again, or discarded): forget it. */
  settle(): Promise<void> {
    return this.enqueue(() => rm(this.offeredFile, { force: true }));
  }

  /** Whether a write is still in flight (quitting waits for it). */
  get pending(): boolean {
    return this.pendingCount > 0;
  }

  /** Resolves when every queued write has landed (failed writes included). */
  flush(): Promise<void> {
    return this.queue;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.pendingCount++;
    const run = this.queue.then(task);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      this.pendingCount--;
    });
    return run;
  }
}

function parseSnapshot(text: string): TakenBackup | undefined {
  try {
    const data = JSON.parse(text) as Partial<TakenBackup>;
    const design = designSchema.safeParse(data.design);
    if (!design.success || typeof data.savedAt !== 'string') return undefined;
    return { design: design.data, savedAt: data.savedAt, ...(typeof data.path === 'string' ? { path: data.path } : {}) };
  } catch {
    return undefined;
  }
}
