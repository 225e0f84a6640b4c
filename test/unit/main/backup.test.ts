import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupStore } from '../../../main/core/backup';
import { writeFileAtomic } from '../../../main/core/files';
import { deployment, design } from './fixtures/fakeEngine';

const file = () => join(mkdtempSync(join(tmpdir(), 'kubeplan-backup-')), 'unsaved.json');

describe('unsaved work backup', () => {
  it('offers the latest snapshot after a crash, and again at every start until it is restored or discarded', async () => {
    const path = file();
    const before = new BackupStore(path, (p, d) => writeFile(p, d), () => new Date('2026-11-26T10:00:00Z'));
    await before.save({ design: design('v1') });
    await before.save({ design: design('v2', [deployment('web')]), path: '/work/shop.kubeplan.yaml' });
    // A new session (the previous one died without clearing it).
    const after = new BackupStore(path, (p, d) => writeFile(p, d));
    const taken = await after.take();
    expect(taken).toMatchObject({ design: { name: 'v2', resources: [{ object: { metadata: { name: 'web' } } }] }, path: '/work/shop.kubeplan.yaml', savedAt: '2026-11-26T10:00:00.000Z' });
    // That session dies too before the user answers: the next start offers the same work again.
    expect((await new BackupStore(path, (p, d) => writeFile(p, d)).take())?.design.name).toBe('v2');
    await after.settle();
    expect(await after.take()).toBeUndefined();
    expect(existsSync(path)).toBe(false);
    expect(existsSync(after.offeredFile)).toBe(false);
  });

  it("the new session's own backups never overwrite the work on offer", async () => {
    const path = file();
    await new BackupStore(path, (p, d) => writeFile(p, d)).save({ design: design('crashed work') });
    const store = new BackupStore(path, (p, d) => writeFile(p, d));
    expect((await store.take())?.design.name).toBe('crashed work');
    // The user ignores the offer for now and starts something new, which is backed up.
    await store.save({ design: design('new work') });
    expect(JSON.parse(readFileSync(store.offeredFile, 'utf8')).design.name).toBe('crashed work');
    expect(JSON.parse(readFileSync(path, 'utf8')).design.name).toBe('new work');
  });

  it('writes backups readable by the user alone (0600): a design may hold Secrets', async () => {
    const path = file();
    const store = new BackupStore(path, writeFileAtomic);
    await store.save({ design: design('secret') });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await store.take();
    expect(statSync(store.offeredFile).mode & 0o777).toBe(0o600);
  });

  it('lands writes in order, and flush waits for the last one (quit waits for it)', async () => {
    const path = file();
    const landed: string[] = [];
    const slow = async (p: string, d: string) => {
      const name = (JSON.parse(d) as { design: { name: string } }).design.name;
      await new Promise((r) => setTimeout(r, name === 'first' ? 30 : 1));
      await writeFile(p, d);
      landed.push(name);
    };
    const store = new BackupStore(path, slow);
    void store.save({ design: design('first') });
    void store.save({ design: design('second') });
    expect(store.pending).toBe(true);
    await store.flush();
    expect(store.pending).toBe(false);
    expect(landed).toEqual(['first', 'second']);
    expect((await store.take())?.design.name).toBe('second');
  });

  it('keeps working after a failed write', async () => {
    const path = file();
    let fail = true;
    const store = new BackupStore(path, async (p, d) => {
      if (fail) throw new Error('disk full');
      await writeFile(p, d);
    });
    await expect(store.save({ design: design('lost') })).rejects.toThrow('disk full');
    fail = false;
    await store.save({ design: design('kept') });
    expect((await store.take())?.design.name).toBe('kept');
  });

  it('clearing removes the backup; a corrupt backup is dropped, not offered', async () => {
    const path = file();
    const store = new BackupStore(path, (p, d) => writeFile(p, d));
    await store.save({ design: design('x') });
    await store.save(undefined);
    expect(await store.take()).toBeUndefined();
    writeFileSync(path, '{"design": {"name": 1}}');
    expect(await store.take()).toBeUndefined();
    expect(existsSync(path)).toBe(false);
    expect(existsSync(store.offeredFile)).toBe(false);
  });
});
