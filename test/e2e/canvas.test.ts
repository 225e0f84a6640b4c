import { afterAll, beforeAll, expect, it } from 'vitest';
import { CanvasPage } from './canvasPage';
import { openApp, type AppDriver } from './harness';
import { describeBrowser } from './suite';

describeBrowser('designing on the canvas with the mouse', () => {
  let app: AppDriver & { stop(): Promise<void> };
  let canvas: CanvasPage;
  beforeAll(async () => {
    app = await openApp();
    canvas = new CanvasPage(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const press = (keys: string) => app.page.keyboard.press(keys);

  it('dropping a Namespace from the palette draws a frame, and kinds dropped inside it land in that namespace', async () => {
    await app.dragFromPalette('Namespace', 330, 250);
    const ns = await canvas.resource('Namespace');
    expect(ns.name).toBe('team');
    const frame = await canvas.frameBox('team');
    expect(frame.width).toBeGreaterThan(300);

    await app.dragFromPalette('Deployment', frame.x + 110, frame.y + 90);
    await app.dragFromPalette('Service', frame.x + 110, frame.y + 220);
    await app.dragFromPalette('Ingress', frame.x + 110, frame.y + 320);
    await app.dragFromPalette('PersistentVolumeClaim', frame.x + 400, frame.y + 90);
    await app.dragFromPalette('NetworkPolicy', frame.x + 400, frame.y + 220);
    await app.dragFromPalette('PersistentVolume', frame.x + 110, frame.y + frame.height + 70);

    const all = await canvas.resources();
    const byKind = Object.fromEntries(all.map((r) => [r.kind, r]));
    for (const kind of ['Deployment', 'Service', 'Ingress', 'PersistentVolumeClaim', 'NetworkPolicy']) {
      expect(byKind[kind], kind).toMatchObject({ namespace: 'team' });
    }
    // PersistentVolumes are cluster-scoped: no namespace even when dropped on the canvas.
    expect(byKind.PersistentVolume?.namespace).toBeUndefined();
    const yaml = await app.readYaml();
    expect(yaml).toContain('kind: Deployment');
    expect(yaml).toMatch(/name: web\n\s+namespace: team/);
    await app.screenshot('canvas-palette-drops');
  });

  it('dragging a card out of the frame moves it to default, and back in to the frame\'s namespace', async () => {
    const dep = await canvas.resource('Deployment');
    const frame = await canvas.frameBox('team');
    await canvas.dragCard(dep.id, { x: frame.x + frame.width + 140, y: frame.y + 260 });
    await canvas.answerNamespaceMove('confirm');
    expect((await canvas.resource('Deployment')).namespace).toBe('default');
    await app.screenshot('canvas-moved-out-of-namespace');
    await canvas.dragCard(dep.id, { x: frame.x + 110, y: frame.y + 90 });
    await canvas.answerNamespaceMove('confirm');
    expect((await canvas.resource('Deployment')).namespace).toBe('team');
  });

  it('connecting Service→Deployment and Ingress→Service by dragging a handle writes the selector and the backend', async () => {
    const dep = await canvas.resource('Deployment');
    const svc = await canvas.resource('Service');
    const ing = await canvas.resource('Ingress');
    await canvas.connect(svc.id, dep.id);
    const service = (await canvas.object(svc.id)) as { spec: { selector: Record<string, string> } };
    const deployment = (await canvas.object(dep.id)) as { spec: { template: { metadata: { labels: Record<string, string> } } } };
    expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);

    await canvas.connect(ing.id, svc.id);
    // A new Ingress routes nowhere until connected, so the connection is its one and only backend.
    const ingress = (await canvas.object(ing.id)) as { spec: { rules: Array<{ http: { paths: Array<{ backend: { service: { name: string } } }> } }> } };
    expect(ingress.spec.rules.flatMap((r) => r.http.paths.map((p) => p.backend.service.name))).toEqual([svc.name]);
    const yaml = await app.readYaml();
    expect(yaml).toContain(`name: ${svc.name}`);
    await app.screenshot('canvas-connected');
  });

  it('undo and redo step through the design, and selecting does not break redo', async () => {
    const before = await canvas.resources();
    const area = await app.canvasBox();
    await app.dragFromPalette('ConfigMap', area.width - 150, area.height - 60);
    expect(await canvas.resources()).toHaveLength(before.length + 1);
    await press('Control+z');
    expect(await canvas.resources()).toHaveLength(before.length);
    const dep = await canvas.resource('Deployment');
    await app.clickCanvas(...Object.values(await canvas.cardCenter(dep.id)) as [number, number]);
    expect(await canvas.selection()).toEqual([dep.id]);
    await press('Control+Shift+z');
    expect(await canvas.resources()).toHaveLength(before.length + 1);
    await app.screenshot('canvas-undo-redo');
  });

  it('rubber band selects several cards, a multi-drag moves them together as one undo step', async () => {
    const frame = await canvas.frameBox('team');
    await app.drag({ x: frame.x + 10, y: frame.y + 40 }, { x: frame.x + 300, y: frame.y + frame.height - 10 }, false);
    const selected = await canvas.selection();
    const dep = await canvas.resource('Deployment');
    const svc = await canvas.resource('Service');
    expect(selected).toEqual(expect.arrayContaining([dep.id, svc.id]));
    const beforeDep = await canvas.cardBox(dep.id);
    const beforeSvc = await canvas.cardBox(svc.id);
    const from = await canvas.cardCenter(dep.id);
    await app.drag(from, { x: from.x + 60, y: from.y + 20 }, false);
    const afterDep = await canvas.cardBox(dep.id);
    const afterSvc = await canvas.cardBox(svc.id);
    expect(Math.round(afterDep.x - beforeDep.x)).toBe(Math.round(afterSvc.x - beforeSvc.x));
    expect(afterDep.x - beforeDep.x).toBeGreaterThan(30);
    await app.screenshot('canvas-multi-drag');
    await press('Control+z');
    expect((await canvas.cardBox(dep.id)).x).toBeCloseTo(beforeDep.x, 0);
    expect((await canvas.cardBox(svc.id)).x).toBeCloseTo(beforeSvc.x, 0);
  });

  it('shift-click adds to the selection, D duplicates with new names, Delete removes', async () => {
    const dep = await canvas.resource('Deployment');
    const pvc = await canvas.resource('PersistentVolumeClaim');
    const a = await canvas.cardCenter(dep.id);
    const b = await canvas.cardCenter(pvc.id);
    await app.clickCanvas(a.x, a.y);
    await app.clickCanvas(b.x, b.y, ['Shift']);
    expect(new Set(await canvas.selection())).toEqual(new Set([dep.id, pvc.id]));
    await press('d');
    const copies = await canvas.selection();
    expect(copies).toHaveLength(2);
    const names = (await canvas.resources()).filter((r) => copies.includes(r.id)).map((r) => r.name).sort();
    expect(names).toEqual([`${pvc.name}-2`, `${dep.name}-2`].sort());
    await press('Delete');
    const left = (await canvas.resources()).map((r) => r.id);
    for (const id of copies) expect(left).not.toContain(id);
  });

  it('pressing Enter on a palette entry adds that kind at the centre of the view, beside any card already there', async () => {
    const before = (await canvas.resources()).filter((r) => r.kind === 'Secret').length;
    // Keyboard only: focus ConfigMap, step down to Secret with the arrow key, press Enter.
    const positions = () => app.page.evaluate(() => JSON.stringify((window as unknown as { __kubeplan: { store: { getState(): { design: { layout: unknown } } } } }).__kubeplan.store.getState().design.layout));
    const layoutBefore = await positions();
    await app.page.locator('[data-kind="ConfigMap"]').focus();
    await press('ArrowDown');
    expect(await positions(), 'the arrow moved focus, not the selected cards').toBe(layoutBefore);
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-kind'))).toBe('Secret');
    await press('Enter');
    const secrets = (await canvas.resources()).filter((r) => r.kind === 'Secret');
    expect(secrets).toHaveLength(before + 1);
    const area = await app.canvasBox();
    const c = await canvas.cardCenter(secrets[secrets.length - 1]!.id);
    expect(Math.abs(c.x - area.width / 2)).toBeLessThan(400);
    expect(Math.abs(c.y - area.height / 2)).toBeLessThan(250);
    const mine = await canvas.cardBox(secrets[secrets.length - 1]!.id);
    for (const r of await canvas.resources()) {
      if (r.kind === 'Namespace' || r.id === secrets[secrets.length - 1]!.id) continue;
      const b = await canvas.cardBox(r.id);
      const overlap = mine.x < b.x + b.width && b.x < mine.x + mine.width && mine.y < b.y + b.height && b.y < mine.y + mine.height;
      expect(overlap, `${r.kind}/${r.name} under the new Secret`).toBe(false);
    }
  });

  it('dragging a frame\'s corner grip resizes the namespace, and undo puts it back', async () => {
    const before = await canvas.frameBox('team');
    const grip = { x: before.x + before.width - 5, y: before.y + before.height - 5 };
    await app.drag(grip, { x: grip.x + 120, y: grip.y + 60 }, false);
    const after = await canvas.frameBox('team');
    expect(after.width - before.width).toBeGreaterThan(100);
    expect(after.height - before.height).toBeGreaterThan(40);
    await app.screenshot('canvas-frame-resized');
    await press('Control+z');
    expect((await canvas.frameBox('team')).width).toBeCloseTo(before.width, 0);
  });

  it('Space-drag and middle-drag pan the view without changing the design', async () => {
    const viewport = () => app.page.evaluate(() => (window as unknown as { __kubeplan: { store: { getState(): { viewport: { x: number; y: number } } } } }).__kubeplan.store.getState().viewport);
    const designBefore = await canvas.resources();
    const v0 = await viewport();
    const area = await app.canvasBox();
    const empty = { x: area.width - 40, y: area.height - 40 };
    await app.page.keyboard.down(' ');
    await app.drag(empty, { x: empty.x - 100, y: empty.y - 50 }, false);
    await app.page.keyboard.up(' ');
    const v1 = await viewport();
    expect(v1.x - v0.x).toBeCloseTo(-100, -1);
    expect(v1.y - v0.y).toBeCloseTo(-50, -1);
    const p = await app.toPage(empty);
    await app.page.mouse.move(p.x, p.y);
    await app.page.mouse.down({ button: 'middle' });
    await app.page.mouse.move(p.x + 100, p.y + 50, { steps: 8 });
    await app.page.mouse.up({ button: 'middle' });
    const v2 = await viewport();
    expect(v2.x).toBeCloseTo(v0.x, -1);
    expect(await canvas.resources()).toEqual(designBefore);
  });

  it('wheel zooms around the pointer and F fits everything in view', async () => {
    const scale = () => app.page.evaluate(() => (window as unknown as { __kubeplan: { stage: { scaleX(): number } } }).__kubeplan.stage.scaleX());
    const at = await app.toPage({ x: 400, y: 300 });
    await app.page.mouse.move(at.x, at.y);
    await app.page.mouse.wheel(0, -400);
    expect(await scale()).toBeGreaterThan(1.2);
    await press('f');
    const box = await app.canvasBox();
    for (const r of await canvas.resources()) {
      if (r.kind === 'Namespace') continue;
      const c = await canvas.cardBox(r.id);
      expect(c.x).toBeGreaterThanOrEqual(0);
      expect(c.x + c.width).toBeLessThanOrEqual(box.width);
    }
    await app.screenshot('canvas-fit');
    expect(app.errors).toEqual([]);
  });
});
