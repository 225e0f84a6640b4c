import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, loadAll } from 'js-yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, ROOT, type AppDriver } from './harness';
import { ShellPage } from './shellPage';
import { describeBrowser } from './suite';

type Obj = { apiVersion: string; kind: string; metadata: { name: string } };

function exampleObjects(id: string): Obj[] {
  const doc = load(readFileSync(join(ROOT, 'assets/examples', `${id}.kubeplan.yaml`), 'utf8')) as { resources: Array<{ object: Obj }> };
  return doc.resources.map((r) => r.object);
}

const waitTitle = (app: AppDriver, text: string) => app.page.waitForFunction((n) => document.querySelector('[data-testid="title"]')?.textContent?.includes(n), text);

describeBrowser('files: export, save, open, import and backup in the browser', () => {
  let app: AppDriver & { stop(): Promise<void> };
  let shell: ShellPage;
  beforeAll(async () => {
    app = await openApp('example=three-tier-shop');
    shell = new ShellPage(app);
    await waitTitle(app, 'three-tier-shop');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('Export → one file downloads every object of the design, Namespace first, unchanged', async () => {
    const { name, objects } = await shell.exportOneFile();
    expect(name).toBe('three-tier-shop.yaml');
    const expected = exampleObjects('three-tier-shop');
    expect(objects).toHaveLength(expected.length);
    expect(objects[0]).toMatchObject({ kind: 'Namespace', metadata: { name: 'shop' } });
    const byKey = new Map(objects.map((o) => [`${o.kind}/${(o as Obj).metadata.name}`, o]));
    for (const o of expected) expect(byKey.get(`${o.kind}/${o.metadata.name}`)).toEqual(o);
  });

  it('Save downloads a design file; opening it after a reload restores the same picture', async () => {
    // Move one card first, so the saved layout is not just the example's.
    const api = await shell.canvas.resource('Deployment', 'api');
    const c = await shell.canvas.cardCenter(api.id);
    await app.drag(c, { x: c.x + 40, y: c.y + 30 }, false);
    const before = await shell.design();
    await expect(shell.byTestId('unsaved-mark').count()).resolves.toBe(1);
    const saved = await shell.save();
    expect(saved.name).toBe('three-tier-shop.kubeplan.yaml');
    expect(saved.text).toMatch(/^kubeplan: 1/m);
    await expect(shell.byTestId('unsaved-mark').count()).resolves.toBe(0);
    await app.screenshot('files-before-save');

    await app.open();
    expect((await shell.design()).resources).toHaveLength(0);
    await shell.openFile(saved.name, saved.text);
    await waitTitle(app, 'three-tier-shop');
    const after = await shell.design();
    expect(after.resources).toEqual(before.resources);
    expect(after.layout).toEqual(before.layout);
    await expect(shell.byTestId('unsaved-mark').count()).resolves.toBe(0);
    await app.page.waitForTimeout(300);
    await app.screenshot('files-reopened');
  });

  it('Ctrl+S in the browser saves the design as a download too', async () => {
    await app.page.locator('[data-testid="canvas"]').click({ position: { x: 5, y: 5 } });
    const saved = await app.captureDownload(() => app.page.keyboard.press('Control+s'));
    expect(saved.name).toBe('three-tier-shop.kubeplan.yaml');
    expect(saved.text).toContain('name: three-tier-shop');
  });

  it('Save as… downloads the design under its name even when it came from a file', async () => {
    await shell.byTestId('tb-save-menu').click();
    const saved = await app.captureDownload(() => shell.byTestId('tb-save-menu-save-as').click());
    expect(saved.name).toBe('three-tier-shop.kubeplan.yaml');
  });

  it('opening a file with a YAML error shows file and line and leaves the open design alone', async () => {
    const before = await shell.design();
    await shell.openFile('broken.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: [oops\n');
    const toast = shell.byTestId('notice-error');
    await toast.waitFor();
    await expect(toast.textContent()).resolves.toMatch(/broken\.yaml:\d+: /);
    expect(await shell.design()).toEqual(before);
    await app.screenshot('files-open-error');
  });

  it('Import YAML makes a new laid-out design from manifests, marked unsaved', async () => {
    const manifests = readFileSync(join(ROOT, 'assets/examples/hello-minikube.kubeplan.yaml'), 'utf8');
    const objects = (load(manifests) as { resources: Array<{ object: Obj }> }).resources.map((r) => r.object);
    const text = objects.map((o) => JSON.stringify(o)).join('\n---\n');
    await shell.byTestId('tb-import').click();
    await app.chooseFiles(() => shell.byTestId('tb-import-files').click(), [{ name: 'hello.yaml', text }]);
    await app.page.waitForFunction(() => (window as unknown as { __kubeplan: { store: { getState(): { design: { resources: unknown[] } } } } }).__kubeplan.store.getState().design.resources.length === 2);
    const design = await shell.design();
    expect(design.resources.map((r) => r.object)).toEqual(expect.arrayContaining(objects));
    expect(Object.keys(design.layout.positions)).toHaveLength(2);
    await expect(shell.byTestId('unsaved-mark').count()).resolves.toBe(1);
  });

  it('unsaved work is backed up and offered back after the page is reloaded', async () => {
    const svc = await shell.clickResource('Service', 'hello-node');
    await shell.typeInto('field-name', 'hello-backup');
    // The backup is written within a couple of seconds of the change.
    await app.page.waitForFunction(() => localStorage.getItem('kubeplan.backup')?.includes('hello-backup'), undefined, { timeout: 5000 });
    await app.open();
    const banner = shell.byTestId('notice-info').filter({ hasText: 'unsaved work' });
    await banner.waitFor();
    await app.screenshot('files-backup-banner');
    await banner.locator('[data-testid="notice-action"]').click();
    const restored = await shell.design();
    expect(restored.resources.find((r) => r.id === svc)?.object).toMatchObject({ metadata: { name: 'hello-backup' } });
    await expect(shell.byTestId('unsaved-mark').count()).resolves.toBe(1);
  });

  it('New asks before discarding unsaved changes, and keeps them when the user says no', async () => {
    await expect(shell.byTestId('unsaved-mark').count()).resolves.toBe(1);
    const before = await shell.design();
    app.dialogAnswer = 'dismiss';
    await shell.byTestId('tb-new').click();
    expect(app.dialogs.at(-1)).toContain('Discard unsaved changes');
    expect(await shell.design()).toEqual(before);
    app.dialogAnswer = 'accept';
    await shell.byTestId('tb-new').click();
    expect((await shell.design()).resources).toHaveLength(0);
  });

  it('Export → one file per namespace downloads a multi-document file for each namespace plus one for cluster-scoped objects', async () => {
    await app.open('example=multi-tenant');
    await waitTitle(app, 'multi-tenant');
    await shell.byTestId('tb-export').click();
    const downloads: Array<{ name: string; text: string }> = [];
    const done = new Promise<void>((resolve) => {
      app.page.on('download', (d) => {
        void d.path().then((p) => {
          downloads.push({ name: d.suggestedFilename(), text: readFileSync(p, 'utf8') });
          if (downloads.length === 4) resolve();
        });
      });
    });
    await shell.byTestId('tb-export-folder').click();
    await done;
    expect(downloads.map((d) => d.name).sort()).toEqual(['multi-tenant-_cluster.yaml', 'multi-tenant-team-a.yaml', 'multi-tenant-team-b.yaml', 'multi-tenant-team-c.yaml']);
    // Cluster-scoped objects (the Namespaces themselves) go to _cluster.yaml, applied first.
    const cluster = (loadAll(downloads.find((d) => d.name.endsWith('_cluster.yaml'))!.text) as Obj[]).filter(Boolean);
    expect(cluster.map((o) => o.metadata.name).sort()).toEqual(['team-a', 'team-b', 'team-c']);
    const teamB = (loadAll(downloads.find((d) => d.name.endsWith('team-b.yaml'))!.text) as Obj[]).filter(Boolean);
    expect(teamB.length).toBe(6);
    expect(teamB.every((o) => (o.metadata as { namespace?: string }).namespace === 'team-b')).toBe(true);
  });
});
