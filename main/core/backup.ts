/**
 * Hot exit: the renderer backs up unsaved work every few seconds; the backup is written
 * atomically to userData and offered back (once) after a session that did not close cleanly.
 * Writes are queued so they land in order, and quitting can wait for the last one.
 */
import { readFile, rm } from 'node:fs/promises';
import type { Design } from '../../shared/design/types';
import { designSchema } from '../../shared/ipc/schemas';
import type { WriteFile } from './writer';

export interface BackupSnapshot {
  design: Design;
  path?: string;
  savedAt: string;
}

export class BackupStore {
  private queue: Promise<void> = Promise.resolve();
  private pendingCount = 0;

  constructor(
    private readonly file: string,
    private readonly write: WriteFile,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Replace the backup with this snapshot; `undefined` removes it (work saved or discarded). */
  save(snapshot: { design: Design; path?: string } | undefined): Promise<void> {
    const savedAt = this.now().toISOString();
    return this.enqueue(async () => {
      if (snapshot === undefined) await rm(this.file, { force: true });
      else await this.write(this.file, JSON.stringify({ ...snapshot, savedAt } satisfies BackupSnapshot));
    });
  }

  /** The backup left behind, removed from disk as it is handed over; unreadable backups are dropped. */
  async take(): Promise<BackupSnapshot | undefined> {
    await this.flush();
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return undefined;
    }
    await rm(this.file, { force: true });
    try {
      const data = JSON.parse(text) as Partial<BackupSnapshot>;
      const design = designSchema.safeParse(data.design);
      if (!design.success || typeof data.savedAt !== 'string') return undefined;
      return { design: design.data as unknown as Design, savedAt: data.savedAt, ...(typeof data.path === 'string' ? { path: data.path } : {}) };
    } catch {
      return undefined;
    }
  }

  /** Whether a write is still in flight (quitting waits for it). */
  get pending(): boolean {
    return this.pendingCount > 0;
  }

  /** Resolves when every queued write has landed (failed writes included). */
  flush(): Promise<void> {
    return this.queue;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.pendingCount++;
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined).finally(() => {
      this.pendingCount--;
    });
    return run;
  }
}
