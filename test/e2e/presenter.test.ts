/**
 * The classroom layout: at projector sizes (1024×768, 1280×720) every toolbar action is on the
 * toolbar or in its "⋯" menu; presenter mode (F5 / Escape) leaves only the canvas; the interface
 * zoom (Ctrl+= / Ctrl+- / Ctrl+0) grows panels and text and is remembered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppDriver } from './harness';
import { ShellPage } from './shellPage';
import { describeBrowser } from './suite';

/** Every toolbar action: its button (or dropdown and item) on the toolbar, and its item in the "⋯" menu. */
const ACTIONS: Array<{ direct: string; item?: string; overflow: string }> = [
  { direct: 'tb-new', overflow: 'new' },
  { direct: 'tb-open', overflow: 'open' },
  { direct: 'tb-save', overflow: 'save' },
  { direct: 'tb-save-menu', item: 'save-as', overflow: 'save-as' },
  { direct: 'tb-import', item: 'files', overflow: 'import-files' },
  { direct: 'tb-import', item: 'folder', overflow: 'import-folder' },
  { direct: 'tb-export', item: 'file', overflow: 'export-file' },
  { direct: 'tb-export', item: 'folder', overflow: 'export-folder' },
  { direct: 'tb-undo', overflow: 'undo' },
  { direct: 'tb-redo', overflow: 'redo' },
  { direct: 'tb-zoom-out', overflow: 'zoom-out' },
  { direct: 'tb-zoom-reset', overflow: 'zoom-reset' },
  { direct: 'tb-zoom-in', overflow: 'zoom-in' },
  { direct: 'tb-fit', overflow: 'fit' },
  { direct: 'tb-auto-layout', overflow: 'auto-layout' },
  { direct: 'tb-shortcuts', overflow: 'shortcuts' },
  { direct: 'tb-examples', item: 'multi-tenant', overflow: 'example-multi-tenant' },
  { direct: 'tb-examples', item: 'hello-minikube', overflow: 'example-hello-minikube' },
  { direct: 'tb-ui-zoom', item: 'ui-zoom-in', overflow: 'ui-zoom-in' },
  { direct: 'tb-ui-zoom', item: 'ui-zoom-out', overflow: 'ui-zoom-out' },
  { direct: 'tb-ui-zoom', item: 'ui-zoom-reset', overflow: 'ui-zoom-reset' },
  { direct: 'language', item: 'zh-CN', overflow: 'language-zh-CN' },
  { direct: 'language', item: 'en', overflow: 'language-en' },
  { direct: 'presenter', overflow: 'presenter' },
  { direct: 'run-simulation', overflow: 'run' },
];

/** Which actions are reachable, and how: 'toolbar', 'overflow' or 'missing'. */
async function reachability(shell: ShellPage): Promise<Record<string, string>> {
  const visible = (id: string) => shell.byTestId(id).isVisible();
  const out: Record<string, string> = {};
  for (const a of ACTIONS) {
    const key = a.item ? `${a.direct}/${a.item}` : a.direct;
    if (await visible(a.direct)) {
      if (a.item) {
        await shell.byTestId(a.direct).click();
        out[key] = (await visible(`${a.direct}-${a.item}`)) ? 'toolbar' : 'missing';
        await shell.page.keyboard.press('Escape');
      } else out[key] = 'toolbar';
    } else if (await visible('tb-overflow')) {
      await shell.byTestId('tb-overflow').click();
      out[key] = (await visible(`tb-overflow-${a.overflow}`)) ? 'overflow' : 'missing';
      await shell.page.keyboard.press('Escape');
    } else out[key] = 'missing';
  }
  return out;
}

/** Every button of the toolbar lies inside the window (nothing cut off at the right edge). */
async function toolbarOverflowsWindow(shell: ShellPage): Promise<string[]> {
  return shell.page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="toolbar"] button')]
      .filter((b) => b.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((b) => b.dataset.testid ?? b.textContent ?? '?'),
  );
}

const setUiZoom = (app: AppDriver, zoom: number) => app.page.evaluate((z) => localStorage.setItem('kubeplan.uiZoom', String(z)), zoom);

describeBrowser('the classroom layout', () => {
  let app: AppDriver & { stop(): Promise<void> };
  let shell: ShellPage;
  beforeAll(async () => {
    app = await openApp('example=three-tier-shop', { width: 1024, height: 768 });
    shell = new ShellPage(app);
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('three-tier-shop'));
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe.each([
    [1024, 768],
    [1280, 720],
  ])('at %i×%i', (width, height) => {
    it('every toolbar action is reachable, on the toolbar or in the ⋯ menu, and nothing is cut off', async () => {
      await app.page.setViewportSize({ width, height });
      for (const zoom of [1, 1.5, 2]) {
        await setUiZoom(app, zoom);
        await app.open('example=three-tier-shop');
        expect(await toolbarOverflowsWindow(shell), `zoom ${zoom}`).toEqual([]);
        const how = await reachability(shell);
        expect(Object.entries(how).filter(([, v]) => v === 'missing'), `zoom ${zoom}`).toEqual([]);
        await expect(shell.byTestId('title').isVisible()).resolves.toBe(true);
        // At 100% a projector still shows the language switch and presenter mode directly.
        if (zoom === 1) for (const id of ['language', 'presenter', 'tb-examples']) expect(how[id] ?? how[`${id}/en`] ?? how[`${id}/hello-minikube`], id).toBe('toolbar');
        if (zoom === 2) expect(Object.values(how)).toContain('overflow');
      }
      await setUiZoom(app, 1);
    });
  });

  it('in Chinese at 1024×768 every action is reachable too', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await app.open('example=three-tier-shop&lang=zh-CN');
    expect(await toolbarOverflowsWindow(shell)).toEqual([]);
    expect(Object.entries(await reachability(shell)).filter(([, v]) => v === 'missing')).toEqual([]);
    await shell.byTestId(await shell.byTestId('tb-overflow').isVisible() ? 'tb-overflow' : 'language').click();
    await app.screenshot('classroom-1024x768-zh-CN-menu-open');
    await app.page.keyboard.press('Escape');
  });

  it('the ⋯ menu works from the keyboard: open, arrow to an item, Enter runs it, Escape closes', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await setUiZoom(app, 2);
    await app.open('example=three-tier-shop');
    await shell.byTestId('tb-overflow').focus();
    await app.page.keyboard.press('Enter');
    await expect(shell.byTestId('tb-overflow-list').isVisible()).resolves.toBe(true);
    await app.screenshot('toolbar-1024x768-zoom200-overflow-open');
    const focused = () => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    const items = await shell.byTestId('tb-overflow-list').locator('[role^="menuitem"]:not(:disabled)').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    // Focus starts on the first item; End goes to the last; ArrowDown from the last wraps to the first.
    await expect(focused()).resolves.toBe(items[0]);
    await app.page.keyboard.press('End');
    await expect(focused()).resolves.toBe(items.at(-1));
    await app.page.keyboard.press('ArrowDown');
    await expect(focused()).resolves.toBe(items[0]);
    const target = 'tb-overflow-example-multi-tenant';
    for (let i = 0; i < items.indexOf(target); i++) await app.page.keyboard.press('ArrowDown');
    await expect(focused()).resolves.toBe(target);
    await app.page.keyboard.press('Enter');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('multi-tenant'));
    await shell.byTestId('tb-overflow').focus();
    await app.page.keyboard.press('ArrowDown');
    await expect(shell.byTestId('tb-overflow-list').isVisible()).resolves.toBe(true);
    await app.page.keyboard.press('Escape');
    await expect(shell.byTestId('tb-overflow-list').count()).resolves.toBe(0);
    await expect(app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('tb-overflow');
    await setUiZoom(app, 1);
  });

  it('F5 enters presenter mode: panels hidden, the canvas fills the window and fits the design; Escape leaves', async () => {
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await app.open('example=three-tier-shop');
    await app.page.keyboard.press('F5');
    await shell.byTestId('presenter-bar').waitFor();
    for (const id of ['toolbar', 'palette', 'inspector', 'dock']) await expect(shell.byTestId(id).count(), id).resolves.toBe(0);
    const box = await app.canvasBox();
    expect([box.x, box.y, box.width, box.height]).toEqual([0, 0, 1280, 720]);
    // Every card is on screen: the design was fitted to the larger canvas.
    await expect.poll(() => app.page.evaluate(() => {
      const k = (window as unknown as { __kubeplan: { store: { getState(): { viewport: { x: number; y: number; scale: number }; design: { layout: { positions: Record<string, { x: number; y: number }> } } } } } }).__kubeplan;
      const { viewport: v, design } = k.store.getState();
      return Object.values(design.layout.positions).every((p) => p.x * v.scale + v.x >= 0 && p.x * v.scale + v.x <= 1280 && p.y * v.scale + v.y >= 0 && p.y * v.scale + v.y <= 720);
    })).toBe(true);
    await app.screenshot('presenter-1280x720');
    await app.page.keyboard.press('Escape');
    await shell.byTestId('toolbar').waitFor();
    for (const id of ['palette', 'inspector', 'dock']) await expect(shell.byTestId(id).isVisible(), id).resolves.toBe(true);
    await expect(shell.byTestId('presenter-bar').count()).resolves.toBe(0);
  });

  it('the presenter button enters it and the bar\'s Exit button leaves it', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await shell.byTestId('presenter').click();
    await expect(shell.byTestId('palette').count()).resolves.toBe(0);
    await app.screenshot('presenter-1024x768');
    await shell.byTestId('presenter-exit').click();
    await expect(shell.byTestId('palette').isVisible()).resolves.toBe(true);
  });

  it('Ctrl+= grows the inspector\'s text, Ctrl+- and Ctrl+0 bring it back; the size is remembered and the canvas stays sharp', async () => {
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await app.open('example=three-tier-shop');
    await shell.clickResource('Deployment', 'api');
    /** The size the toolbar shows: on its button, or as the heading of its section in the ⋯ menu. */
    const uiZoomShown = async () => {
      if (await shell.byTestId('tb-ui-zoom').isVisible()) return (await shell.byTestId('tb-ui-zoom').textContent()) ?? '';
      await shell.byTestId('tb-overflow').click();
      const text = (await shell.byTestId('tb-overflow-ui-zoom-in').locator('xpath=..').textContent()) ?? '';
      await app.page.keyboard.press('Escape');
      return text;
    };
    const textHeight = () => app.page.locator('[data-testid="inspector"] .insp-title').evaluate((el) => el.getBoundingClientRect().height);
    const at100 = await textHeight();
    await expect(uiZoomShown()).resolves.toContain('100%');
    await app.page.keyboard.press('Control+=');
    await app.page.keyboard.press('Control+=');
    await expect(uiZoomShown()).resolves.toContain('125%');
    expect((await textHeight()) / at100).toBeCloseTo(1.25, 1);
    // The canvas is not scaled by CSS: its bitmap is exactly its box (device pixel ratio 1 here).
    const sharp = await app.page.evaluate(() => {
      const area = document.querySelector<HTMLElement>('[data-testid="canvas"]')!;
      const canvas = area.querySelector('canvas')!;
      return { bitmap: canvas.width, box: Math.floor(area.getBoundingClientRect().width) };
    });
    expect(sharp.bitmap).toBe(sharp.box);
    await app.screenshot('ui-zoom-125-1280x720');
    await app.open('example=three-tier-shop');
    await expect(uiZoomShown()).resolves.toContain('125%');
    await shell.clickResource('Deployment', 'api');
    await app.page.keyboard.press('Control+-');
    await expect(uiZoomShown()).resolves.toContain('110%');
    await app.page.keyboard.press('Control+0');
    await expect(uiZoomShown()).resolves.toContain('100%');
    expect(await textHeight()).toBeCloseTo(at100, 0);
  });

  it.each([
    [1440, 900],
    [1280, 720],
    [1024, 768],
  ])('looks right at %i×%i: normal, menu open, presenter, zoomed', async (width, height) => {
    await app.page.setViewportSize({ width, height });
    await setUiZoom(app, 1);
    await app.open('example=three-tier-shop');
    await shell.clickResource('Deployment', 'api');
    await app.screenshot(`classroom-${width}x${height}-normal`);
    await shell.byTestId(await shell.byTestId('tb-overflow').isVisible() ? 'tb-overflow' : 'tb-ui-zoom').click();
    await app.screenshot(`classroom-${width}x${height}-menu-open`);
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('F5');
    await shell.byTestId('presenter-bar').waitFor();
    await app.screenshot(`classroom-${width}x${height}-presenter`);
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('Control+=');
    await app.page.keyboard.press('Control+=');
    await app.page.keyboard.press('Control+=');
    await expect(shell.byTestId('toolbar').isVisible()).resolves.toBe(true);
    await app.screenshot(`classroom-${width}x${height}-zoom150`);
    await app.page.keyboard.press('Control+0');
    expect(await toolbarOverflowsWindow(shell)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
