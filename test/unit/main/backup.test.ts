import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupStore } from '../../../main/core/backup';
import { deployment, design } from './fixtures/fakeEngine';

const file = () => join(mkdtempSync(join(tmpdir(), 'kubeplan-backup-')), 'unsaved.json');

describe('unsaved work backup', () => {
  it('offers the latest snapshot after a crash, exactly once', async () => {
    const path = file();
    const before = new BackupStore(path, (p, d) => writeFile(p, d), () => new Date('2026-11-26T10:00:00Z'));
    await before.save({ design: design('v1') });
    await before.save({ design: design('v2', [deployment('web')]), path: '/work/shop.kubeplan.yaml' });
    // A new session (the previous one died without clearing it).
    const after = new BackupStore(path, (p, d) => writeFile(p, d));
    const taken = await after.take();
    expect(taken).toMatchObject({ design: { name: 'v2', resources: [{ object: { metadata: { name: 'web' } } }] }, path: '/work/shop.kubeplan.yaml', savedAt: '2026-11-26T10:00:00.000Z' });
    expect(await after.take()).toBeUndefined();
    expect(existsSync(path)).toBe(false);
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
  });
});
