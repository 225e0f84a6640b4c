import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECENT_CAP, RecentFiles } from '../../../main/core/recent';

const write = (path: string, data: string) => writeFile(path, data);
const store = () => join(mkdtempSync(join(tmpdir(), 'kubeplan-recent-')), 'recent.json');

describe('recent files', () => {
  it('lists the most recent first, once each, and persists across restarts', async () => {
    const file = store();
    const recent = new RecentFiles(file, write);
    await recent.add('/work/a.kubeplan.yaml');
    await recent.add('/work/b.kubeplan.yaml');
    await recent.add('/work/a.kubeplan.yaml');
    expect((await recent.list()).map((r) => r.name)).toEqual(['a', 'b']);
    expect((await new RecentFiles(file, write).list()).map((r) => r.path)).toEqual(['/work/a.kubeplan.yaml', '/work/b.kubeplan.yaml']);
  });

  it(`keeps at most ${RECENT_CAP} entries, dropping the oldest`, async () => {
    const recent = new RecentFiles(store(), write);
    for (let i = 0; i < RECENT_CAP + 5; i++) await recent.add(`/work/d${i}.kubeplan.yaml`);
    const list = await recent.list();
    expect(list).toHaveLength(RECENT_CAP);
    expect(list[0].name).toBe(`d${RECENT_CAP + 4}`);
    expect(list.at(-1)!.name).toBe('d5');
  });

  it('reads a corrupt store as empty and repairs it on the next add', async () => {
    const file = store();
    writeFileSync(file, '{not json');
    const recent = new RecentFiles(file, write);
    expect(await recent.list()).toEqual([]);
    await recent.add('/work/x.yaml');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([{ path: '/work/x.yaml', name: 'x.yaml', openedAt: expect.any(String) }]);
  });

  it('drops entries of the wrong shape', async () => {
    const file = store();
    writeFileSync(file, JSON.stringify([{ path: '/a', name: 'a', openedAt: 't' }, { path: 3 }, null]));
    expect(await new RecentFiles(file, write).list()).toEqual([{ path: '/a', name: 'a', openedAt: 't' }]);
  });

  it('removes an entry', async () => {
    const recent = new RecentFiles(store(), write);
    await recent.add('/a.yaml');
    await recent.remove('/a.yaml');
    expect(await recent.list()).toEqual([]);
  });
});
