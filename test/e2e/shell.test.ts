import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type AppDriver } from './harness';
import { describeBrowser } from './suite';

describeBrowser('the browser build', () => {
  let app: AppDriver & { stop(): Promise<void> };
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('loads the workspace without page errors: toolbar, palette, canvas, inspector and dock', async () => {
    for (const id of ['toolbar', 'palette', 'canvas', 'inspector', 'dock', 'tb-new', 'tb-open', 'tb-save', 'tb-import', 'tb-export', 'tb-undo', 'tb-redo', 'tb-fit', 'tb-auto-layout']) {
      await expect(app.page.locator(`[data-testid="${id}"]`).first().isVisible(), id).resolves.toBe(true);
    }
    await expect(app.page.title()).resolves.toBe('Untitled — Kubeplan');
    await app.screenshot('shell');
    expect(app.errors).toEqual([]);
  });

  it('an empty design offers the examples as starting points in the inspector', async () => {
    await app.page.locator('[data-testid="starter-three-tier-shop"]').click();
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('three-tier-shop'));
    await expect(app.page.locator('[data-testid="inspector-summary"]').textContent()).resolves.toContain('StatefulSet');
    await app.open();
  });

  it('the dock is resized by dragging its top edge, and keeps its height after a reload', async () => {
    const dock = app.page.locator('[data-testid="dock"]');
    const before = (await dock.boundingBox())!.height;
    const edge = (await app.page.locator('[data-testid="dock-resize"]').boundingBox())!;
    await app.drag({ x: edge.x + 200, y: edge.y + 3 }, { x: edge.x + 200, y: edge.y - 120 });
    const after = (await dock.boundingBox())!.height;
    expect(after).toBeGreaterThan(before + 100);
    await app.open();
    expect(Math.round((await dock.boundingBox())!.height)).toBe(Math.round(after));
  });

  it('? opens the keyboard shortcuts dialog, which lists every command with a key, and Escape closes it', async () => {
    await app.page.locator('[data-testid="design-canvas"]').click({ position: { x: 300, y: 300 } });
    await app.page.keyboard.press('?');
    const dialog = app.page.locator('[data-testid="shortcuts-dialog"]');
    await expect(dialog.isVisible()).resolves.toBe(true);
    const text = (await dialog.textContent()) ?? '';
    for (const label of ['Save', 'Undo', 'Duplicate', 'Nudge left', 'Zoom to 100%', 'Auto-layout', 'Keyboard shortcuts']) expect(text, label).toContain(label);
    await app.page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);
  });
});
