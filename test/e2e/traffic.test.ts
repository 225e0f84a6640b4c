// Traffic flows in the browser app: the shop-default-deny example's flows with their verdicts, adding a flow (with undo),
// simulate mode's particles (red ones stop where a NetworkPolicy drops them, the reason on hover and in the list), the connectivity matrix.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type AppDriver } from './harness';
import { describeBrowser } from './suite';

type Page = AppDriver['page'];

/** Screen point (canvas-relative) of the stop of the first dropped route of a flow, or undefined. */
async function droppedStop(page: Page, flowName: string): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate((name) => {
    const w = window as unknown as {
      __kubeplanTraffic: { layer: { scene: { routes: Array<{ flowName: string; delivered: boolean; end: number; points: { x: number; y: number }[]; lengths: number[] }> } } };
      __kubeplan: { store: { getState(): { viewport: { x: number; y: number; scale: number } } } };
    };
    const r = w.__kubeplanTraffic.layer.scene.routes.find((x) => x.flowName === name && !x.delivered);
    if (!r) return undefined;
    let i = 1;
    while (i < r.lengths.length - 1 && r.lengths[i]! < r.end) i++;
    const a = r.points[i - 1]!, b = r.points[i]!;
    const f = (r.end - r.lengths[i - 1]!) / (r.lengths[i]! - r.lengths[i - 1]! || 1);
    const v = w.__kubeplan.store.getState().viewport;
    return { x: (a.x + (b.x - a.x) * f) * v.scale + v.x, y: (a.y + (b.y - a.y) * f) * v.scale + v.y };
  }, flowName);
}

/** How many pixels of the traffic layer are particle red (#d93025) and green (#1e8e3e). */
async function particlePixels(page: Page): Promise<{ red: number; green: number }> {
  return page.evaluate(() => {
    const canvases = [...document.querySelectorAll('[data-testid="design-canvas"] canvas')] as HTMLCanvasElement[];
    let red = 0, green = 0;
    for (const c of canvases) {
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0) continue;
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3]! < 200) continue;
        if (Math.abs(d[i]! - 0xd9) < 12 && Math.abs(d[i + 1]! - 0x30) < 14 && Math.abs(d[i + 2]! - 0x25) < 14) red++;
        if (Math.abs(d[i]! - 0x1e) < 12 && Math.abs(d[i + 1]! - 0x8e) < 14 && Math.abs(d[i + 2]! - 0x3e) < 14) green++;
      }
    }
    return { red, green };
  });
}

describeBrowser('traffic flows', () => {
  let app: AppDriver & { stop(): Promise<void> };
  beforeAll(async () => {
    app = await openApp('example=shop-default-deny');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('shop-default-deny'));
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('lists the example\'s flows with their verdicts, naming the policy that drops a request', async () => {
    const page = app.page;
    await page.locator('[data-testid="tab-traffic"]').click();
    const traffic = page.locator('[data-testid="traffic"]');
    await traffic.locator('[data-testid="flow-shoppers"] [data-testid="flow-delivered"]').waitFor({ timeout: 30_000 });
    await expect(traffic.locator('[data-testid="flow-shoppers"]').textContent()).resolves.toContain('delivered 40/s');
    const direct = (await traffic.locator('[data-testid="flow-api-direct"]').textContent()) ?? '';
    expect(direct).toContain('dropped 20/s');
    expect(direct).toContain('ingress policy');
    expect(direct).toContain('shop/default-deny');
    expect(direct).toContain('no ingress rule allows TCP 8080');
    await expect(traffic.locator('[data-testid="flow-frontend-to-db"]').textContent()).resolves.toContain('shop/allow-postgres-from-api');
  });

  it('adds a flow through the form, one undo step', async () => {
    const page = app.page;
    await page.locator('[data-testid="add-flow"]').click();
    await page.locator('[data-testid="flow-name"]').fill('orders-direct');
    await page.locator('[data-testid="flow-from"]').fill('external');
    await page.locator('[data-testid="flow-to"]').fill('http://shop.example.com/api/orders');
    await page.locator('[data-testid="flow-rate"]').fill('25');
    await page.locator('[data-testid="flow-save"]').click();
    const row = page.locator('[data-testid="flow-orders-direct"]');
    await row.locator('[data-testid="flow-dropped"]').waitFor({ timeout: 30_000 });
    await expect(row.textContent()).resolves.toContain('dropped 25/s');
    await expect(row.textContent()).resolves.toContain('shop/default-deny');
    // Undo removes it, redo brings it back: flows are part of the design.
    await page.locator('[data-testid="design-canvas"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect(row.count()).resolves.toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await row.waitFor();
    const flows = await page.evaluate(() => (window as unknown as { __kubeplan: { store: { getState(): { design: { flows?: { name: string; to: string; rate: number }[] } } } } }).__kubeplan.store.getState().design.flows);
    expect(flows?.map((f) => f.name)).toEqual(['shoppers', 'api-direct', 'frontend-to-api', 'frontend-to-db', 'orders-direct']);
    expect(flows?.[4]).toMatchObject({ to: 'http://shop.example.com/api/orders', rate: 25 });
  });

  it('in simulate mode, particles travel the routes: red ones stop at the policy, with the reason on hover and the explanation on click', async () => {
    const page = app.page;
    await page.evaluate(() => void (window as unknown as { __kubeplanTraffic: { simulation: { getState(): { runSimulation(): Promise<void> } } } }).__kubeplanTraffic.simulation.getState().runSimulation());
    await page.waitForFunction(() => (window as unknown as { __kubeplanTraffic: { layer: { scene: { routes: unknown[] }; frames: number } } }).__kubeplanTraffic.layer.frames > 30 && (window as unknown as { __kubeplanTraffic: { layer: { scene: { routes: unknown[] } } } }).__kubeplanTraffic.layer.scene.routes.length > 0, undefined, { timeout: 60_000 });
    const pixels = await particlePixels(page);
    expect(pixels.red).toBeGreaterThan(20);
    expect(pixels.green).toBeGreaterThan(20);
    const stop = await droppedStop(page, 'orders-direct');
    expect(stop).toBeDefined();
    const box = await app.canvasBox();
    await page.mouse.move(box.x + stop!.x, box.y + stop!.y);
    const tip = page.locator('[data-testid="traffic-tooltip"]');
    await tip.waitFor({ state: 'visible' });
    await expect(tip.textContent()).resolves.toMatch(/^(orders-direct|api-direct): denied by NetworkPolicy .*shop\/default-deny/);
    // Which rule: each rule of the isolating policies and why it did not allow the request.
    const rules = await page.locator('[data-testid="traffic-tooltip-rules"] li').allTextContents();
    expect(rules).toContain('shop/default-deny: no ingress rules (allows nothing)');
    expect(rules.some((r) => /^shop\/allow-api-from-frontend ingress\[0\]: no from peer matches pod ingress-nginx\//.test(r))).toBe(true);
    await app.screenshot('traffic-simulate-1440');
    await page.mouse.down();
    await page.mouse.up();
    const explained = page.locator('[data-testid="traffic-explain"]');
    await explained.waitFor();
    await expect(explained.textContent()).resolves.toMatch(/policy-ingress +FAIL/);
    await app.screenshot('traffic-explain-1440');
  });

  it('follows the timeline cursor: nothing runs at the start (no endpoints), and after scaling the frontend to 0 the flow reports no endpoints', async () => {
    const page = app.page;
    type Hooks = { __kubeplanTraffic: { store: { getState(): { report: { flows: Array<{ name: string; delivered: number; routes: Array<{ verdict: string; reason: string }> }> } | null } }; simulation: { getState(): { frameCount: number; cursor: number; seek(seq: number): void } } } };
    const verdicts = (name: string) =>
      page.evaluate((n) => {
        const f = (window as unknown as Hooks).__kubeplanTraffic.store.getState().report?.flows.find((x) => x.name === n);
        return f ? { delivered: f.delivered, verdicts: [...new Set(f.routes.map((r) => r.verdict))], reasons: f.routes.map((r) => r.reason) } : undefined;
      }, name);
    await page.click('[data-testid="tab-traffic"]');
    await page.locator('[data-testid="traffic-view-flows"]').click();
    expect((await verdicts('shoppers'))!.verdicts).toEqual(['delivered']);
    // Back to the first frame: the pods have no IP yet, so the frontend Service has no endpoints.
    await page.evaluate(() => (window as unknown as Hooks).__kubeplanTraffic.simulation.getState().seek(0));
    await page.waitForFunction(() => (window as unknown as Hooks).__kubeplanTraffic.store.getState().report?.flows.find((x) => x.name === 'shoppers')?.delivered === 0);
    expect((await verdicts('shoppers'))!.verdicts).toEqual(['no-endpoints']);
    await expect(page.locator('[data-testid="flow-shoppers"]').textContent()).resolves.toContain('has no ready endpoints');
    await app.screenshot('traffic-at-start-1440');
    // And forward to the end: delivered again.
    await page.evaluate(() => { const s = (window as unknown as Hooks).__kubeplanTraffic.simulation.getState(); s.seek(s.frameCount - 1); });
    await page.waitForFunction(() => ((window as unknown as Hooks).__kubeplanTraffic.store.getState().report?.flows.find((x) => x.name === 'shoppers')?.delivered ?? 0) > 0);
    // Scale the frontend to 0 on the running cluster.
    await page.evaluate(() => {
      const k = (window as unknown as { __kubeplan: { store: { getState(): { design: { resources: Array<{ id: string; object: { kind: string; metadata: { name: string } } }> } } }; actions: { select(ids: string[]): void } } }).__kubeplan;
      const id = k.store.getState().design.resources.find((r) => r.object.kind === 'Deployment' && r.object.metadata.name === 'frontend')!.id;
      k.actions.select([id]);
    });
    await page.fill('[data-testid="live-replicas"]', '0');
    await page.click('[data-testid="live-scale"]');
    await page.waitForFunction(() => (window as unknown as Hooks).__kubeplanTraffic.store.getState().report?.flows.find((x) => x.name === 'shoppers')?.routes.every((r) => r.verdict === 'no-endpoints'), undefined, { timeout: 30_000 });
    const after = (await verdicts('shoppers'))!;
    expect(after.delivered).toBe(0);
    expect(after.reasons[0]).toMatch(/^Service shop\/frontend has no ready endpoints/);
    await app.screenshot('traffic-scaled-to-zero-1440');
  });

  it('shows the connectivity matrix with allowed ports, and explains a cell', async () => {
    const page = app.page;
    await page.locator('[data-testid="traffic-view-matrix"]').click();
    const matrix = page.locator('[data-testid="connectivity-matrix"]');
    await matrix.waitFor();
    const text = (await matrix.textContent()) ?? '';
    expect(text).toContain('shop/frontend[Deployment]');
    expect(text).toContain('TCP 8080');
    expect(text).toContain('TCP 5432');
    // Row frontend, column postgres: nothing allowed; its explanation names the policy.
    const row = matrix.locator('tbody tr', { hasText: 'shop/frontend[Deployment]' }).first();
    const headers = await matrix.locator('thead th').allTextContents();
    const col = headers.indexOf('shop/postgres[StatefulSet]');
    await row.locator('td').nth(col - 1).locator('button').click();
    await expect(page.locator('[data-testid="traffic-explain"]').textContent()).resolves.toContain('shop/allow-postgres-from-api');
    await app.screenshot('traffic-matrix-1440');
  });

  it('reads at 1024×768', async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.locator('[data-testid="traffic-view-flows"]').click();
    await page.waitForTimeout(400);
    await app.screenshot('traffic-simulate-1024');
    await page.locator('[data-testid="traffic-view-matrix"]').click();
    await page.waitForTimeout(200);
    await app.screenshot('traffic-matrix-1024');
    expect(app.errors).toEqual([]);
  });
});
