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

  it('names the target namespace and the Service selector that would break; cancel leaves the card where it was', async () => {
    await app.dragFromPalette('Namespace', 330, 250);
    const frame = await canvas.frameBox('team');
    await app.dragFromPalette('Deployment', frame.x + 110, frame.y + 90);
    await app.dragFromPalette('Service', frame.x + 110, frame.y + 220);
    const dep = await canvas.resource('Deployment');
    const svc = await canvas.resource('Service');
    await canvas.connect(svc.id, dep.id);
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

  it('Escape cancels, and at 1024×768 the question still fits the window', async () => {
    const dep = await canvas.resource('Deployment');
    const frame = await canvas.frameBox('team');
    await canvas.dragCard(dep.id, { x: frame.x + frame.width + 140, y: frame.y + 260 });
    await dialog().waitFor({ timeout: 5000 });
    await app.page.setViewportSize({ width: 1024, height: 768 });
    const box = (await dialog().boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await app.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await app.screenshot('namespace-move-dialog-1024x768');
    await app.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached', timeout: 5000 });
    expect((await canvas.resource('Deployment')).namespace).toBe('team');
  });
});
