/**
 * Recent files, persisted as JSON in userData, most recent first, without duplicates, capped.
 * A corrupt or missing store reads as empty: recent files are a convenience, never a blocker.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { RecentFile } from '../../shared/ipc/api';
import type { WriteFile } from './writer';

export const RECENT_CAP = 10;

export class RecentFiles {
  private cache: RecentFile[] | undefined;

  constructor(
    private readonly storePath: string,
    private readonly write: WriteFile,
    private readonly cap = RECENT_CAP,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<RecentFile[]> {
    if (!this.cache) this.cache = await this.read();
    return [...this.cache];
  }

  async add(path: string): Promise<RecentFile[]> {
    const entry: RecentFile = { path, name: displayName(path), openedAt: this.now().toISOString() };
    const next = [entry, ...(await this.list()).filter((r) => r.path !== path)].slice(0, this.cap);
    this.cache = next;
    await this.write(this.storePath, `${JSON.stringify(next, null, 2)}\n`);
    return [...next];
  }

  async remove(path: string): Promise<void> {
    const next = (await this.list()).filter((r) => r.path !== path);
    this.cache = next;
    await this.write(this.storePath, `${JSON.stringify(next, null, 2)}\n`);
  }

  private async read(): Promise<RecentFile[]> {
    try {
      const data: unknown = JSON.parse(await readFile(this.storePath, 'utf8'));
      if (!Array.isArray(data)) return [];
      return data
        .filter((r): r is RecentFile => typeof r?.path === 'string' && typeof r?.name === 'string' && typeof r?.openedAt === 'string')
        .slice(0, this.cap);
    } catch {
      return [];
    }
  }
}

/** `shop.kubeplan.yaml` → `shop`; other files keep their name. */
export function displayName(path: string): string {
  const base = basename(path);
  return base.endsWith('.kubeplan.yaml') ? base.slice(0, -'.kubeplan.yaml'.length) : base;
}
