import { afterAll, beforeAll, expect, it } from 'vitest';
import { CanvasPage } from './canvasPage';
import { openApp, type AppDriver } from './harness';
import { describeBrowser } from './suite';

describeBrowser('dragging a card out of its namespace frame asks before the namespace changes', () => {
  let app: AppDriver & { stop(): Promise<void> };
  let canvas: CanvasPage;
  beforeAll(async () => {
    app = await openApp();
    canvas = new CanvasPage(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const dialog = () => app.page.locator('[data-testid="namespace-move-dialog"]');
  const inside = (p: { x: number; y: number }, f: { x: number; y: number; width: number; height: number }) =>
    p.x > f.x && p.x < f.x + f.width && p.y > f.y && p.y < f.y + f.height;

  /** A namespace frame holding a Deployment and the Service that selects it, all dropped with the mouse. */
  async function teamWithService(driver: AppDriver, c: CanvasPage, x: number) {
    await driver.dragFromPalette('Namespace', x, 200);
    const frame = await c.frameBox('team');
    await driver.dragFromPalette('Deployment', frame.x + frame.width * 0.2, frame.y + frame.height * 0.25);
    await driver.dragFromPalette('Service', frame.x + frame.width * 0.2, frame.y + frame.height * 0.6);
    const dep = await c.resource('Deployment');
    const svc = await c.resource('Service');
    await c.connect(svc.id, dep.id);
    return { dep, svc };
  }

  it('names the target namespace and the Service selector that would break; cancel leaves the card where it was', async () => {
    const { dep, svc } = await teamWithService(app, canvas, 330);
    const frame = await canvas.frameBox('team');
    const home = await canvas.cardCenter(dep.id);

    await canvas.dragCard(dep.id, { x: frame.x + frame.width + 140, y: frame.y + 260 });
    await dialog().waitFor({ timeout: 5000 });
    const text = (await dialog().textContent()) ?? '';
    expect(text).toContain('Move to namespace "default"?');
    expect(text).toContain(`Deployment "${dep.name}" moves from namespace "team" to "default".`);
    expect(await app.page.locator('[data-testid="namespace-move-breaks"]').textContent()).toContain(`Service "${svc.name}" selects Deployment "${dep.name}"`);
    await app.screenshot('namespace-move-dialog-1440x900');

    await canvas.answerNamespaceMove('cancel');
    expect((await canvas.resource('Deployment')).namespace).toBe('team');
    const back = await canvas.cardCenter(dep.id);
    expect(Math.abs(back.x - home.x) + Math.abs(back.y - home.y)).toBeLessThan(2);
    expect(inside(back, await canvas.frameBox('team'))).toBe(true);
  });

  it('confirm moves it to default; one undo puts back both the namespace and the card', async () => {
    const dep = await canvas.resource('Deployment');
    const frame = await canvas.frameBox('team');
    const home = await canvas.cardCenter(dep.id);
    await canvas.dragCard(dep.id, { x: frame.x + frame.width + 140, y: frame.y + 260 });
    await canvas.answerNamespaceMove('confirm');
    expect((await canvas.resource('Deployment')).namespace).toBe('default');
    expect(inside(await canvas.cardCenter(dep.id), frame)).toBe(false);

    await app.page.keyboard.press('Control+z');
    expect((await canvas.resource('Deployment')).namespace).toBe('team');
    const back = await canvas.cardCenter(dep.id);
    expect(Math.abs(back.x - home.x) + Math.abs(back.y - home.y)).toBeLessThan(2);
  });

  it('in Chinese at 1024×768 the question fits the window, and Escape cancels', async () => {
    const small = await openApp('lang=zh-CN', { width: 1024, height: 768 });
    try {
      const c = new CanvasPage(small);
      // The canvas is narrower than a new frame at 100%: zoom out first.
      await small.clickCanvas(20, 20);
      for (let i = 0; i < 3; i++) await small.page.keyboard.press('-');
      const area = await small.canvasBox();
      const { dep } = await teamWithService(small, c, area.width * 0.4);
      const frame = await c.frameBox('team');
      expect(frame.x + frame.width + 60, 'room right of the frame').toBeLessThan(area.width);
      await c.dragCard(dep.id, { x: frame.x + frame.width + 40, y: frame.y + frame.height * 0.25 });
      const question = small.page.locator('[data-testid="namespace-move-dialog"]');
      await question.waitFor({ timeout: 5000 });
      expect(await question.textContent()).toContain('移动到命名空间 "default"？');
      const box = (await question.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(768);
      await small.screenshot('namespace-move-dialog-1024x768-zh-CN');
      await small.page.keyboard.press('Escape');
      await question.waitFor({ state: 'detached', timeout: 5000 });
      expect((await c.resource('Deployment')).namespace).toBe('team');
    } finally {
      await small.stop();
    }
  });
});
