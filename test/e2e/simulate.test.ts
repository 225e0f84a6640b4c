import { afterAll, beforeAll, expect, it } from 'vitest';
import { CanvasPage } from './canvasPage';
import { openApp, type AppDriver } from './harness';
import { describeBrowser } from './suite';

interface ChipSummary {
  type: string;
  key: string;
  tone?: string;
  node?: string;
  message?: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface SimHooks {
  store: { getState(): { status: string; cursor: number; frameCount: number; view: { pods: unknown[] } | null } };
  overlay(): { chips: Array<{ type: string; key: string; tone?: string; pod?: { node: string }; message?: string; x: number; y: number; width: number; height: number }>; gauges: Array<{ resource: string; used: string; hard: string }> };
}

describeBrowser('simulate mode: Run, pods on the canvas, the timeline', () => {
  let app: AppDriver & { stop(): Promise<void> };
  let canvas: CanvasPage;
  beforeAll(async () => {
    app = await openApp();
    canvas = new CanvasPage(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const byTestId = (id: string) => app.page.locator(`[data-testid="${id}"]`);

  const chips = () =>
    app.page.evaluate(() => {
      const sim = (window as unknown as { __kubeplanSimulation?: SimHooks }).__kubeplanSimulation;
      if (!sim) return [] as ChipSummary[];
      return sim.overlay().chips.map((c) => ({ type: c.type, key: c.key, tone: c.tone, node: c.pod?.node, message: c.message, x: c.x, y: c.y, width: c.width, height: c.height }));
    });

  const simState = () =>
    app.page.evaluate(() => {
      const s = (window as unknown as { __kubeplanSimulation: SimHooks }).__kubeplanSimulation.store.getState();
      return { status: s.status, cursor: s.cursor, frameCount: s.frameCount, pods: s.view?.pods.length ?? 0 };
    });

  const waitForRun = () =>
    app.page.waitForFunction(() => {
      const sim = (window as unknown as { __kubeplanSimulation?: SimHooks }).__kubeplanSimulation;
      return sim !== undefined && sim.store.getState().status === 'ready';
    }, undefined, { timeout: 30_000 });

  /** Open an example without the "unsaved work" offer an earlier test's edit would leave behind. */
  const openExample = async (id: string) => {
    await app.openFresh(`example=${id}`);
    await app.page.waitForFunction((n) => document.querySelector('[data-testid="title"]')?.textContent?.includes(n), id);
  };

  const openMultiTenant = async () => {
    await openExample('multi-tenant');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('multi-tenant'));
  };

  it('Run puts the pods on their cards, labelled with their node; the timeline scrubs back to the start and forward again', async () => {
    await openMultiTenant();
    const before = await app.page.evaluate(() => JSON.stringify((window as unknown as { __kubeplan: { store: { getState(): { design: unknown } } } }).__kubeplan.store.getState().design));
    await expect(byTestId('timeline').count()).resolves.toBe(0);
    await byTestId('run-simulation').click();
    await waitForRun();
    await byTestId('timeline').waitFor();

    const running = (await chips()).filter((c) => c.type === 'pod');
    // 2 + 2 + 1 replicas in teams a and b, and the 3 of team-c's 5 that its pods quota (3) admits,
    // every one Running on a node of the design's cluster.
    expect(running.length).toBe(8);
    expect(running.every((c) => c.tone === 'Running' && /^node-\d$/.test(c.node ?? ''))).toBe(true);
    // Each chip sits inside its workload's card.
    const web = await canvas.resource('Deployment', 'web');
    const box = await canvas.cardBox(web.id);
    const world = await app.page.evaluate(() => (window as unknown as { __kubeplan: { store: { getState(): { viewport: { x: number; y: number; scale: number } } } } }).__kubeplan.store.getState().viewport);
    const inWeb = running.filter((c) => {
      const sx = c.x * world.scale + world.x;
      const sy = c.y * world.scale + world.y;
      return sx >= box.x && sx <= box.x + box.width && sy >= box.y && sy <= box.y + box.height;
    });
    expect(inWeb.length).toBeGreaterThanOrEqual(1);
    // The quota gauges on the team frames read the pods used against the hard limit.
    const gauges = await app.page.evaluate(() => (window as unknown as { __kubeplanSimulation: SimHooks }).__kubeplanSimulation.overlay().gauges.map((g) => `${g.resource} ${g.used}/${g.hard}`));
    expect(gauges).toContain('pods 4/20');
    await app.page.waitForTimeout(500);
    await app.screenshot('simulate-running-1440x900');

    // Hovering a chip names the pod, its phase and its node.
    const first = running[0]!;
    await app.page.mouse.move(...(await toPage(first)));
    await byTestId('pod-tip').waitFor();
    expect(await byTestId('pod-tip').textContent()).toContain(first.node!);

    // Home: the start of the timeline, before anything was applied: no pods.
    const end = (await simState()).cursor;
    await app.page.mouse.move(5, 5);
    await app.page.keyboard.press('Home');
    await app.page.waitForFunction(() => (window as unknown as { __kubeplanSimulation: SimHooks }).__kubeplanSimulation.store.getState().cursor === 0);
    expect((await chips()).filter((c) => c.type === 'pod')).toEqual([]);
    expect(await byTestId('timeline-time').textContent()).toMatch(/^0:00 \//);
    await app.screenshot('simulate-start-1440x900');

    // → steps one event forward; dragging the scrubber to its right end is the end again.
    await app.page.keyboard.press('ArrowRight');
    expect((await simState()).cursor).toBeGreaterThan(0);
    const track = await byTestId('timeline-scrubber').boundingBox();
    await app.page.mouse.move(track!.x + 2, track!.y + track!.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(track!.x + track!.width / 2, track!.y + track!.height / 2, { steps: 4 });
    await app.page.mouse.move(track!.x + track!.width - 1, track!.y + track!.height / 2, { steps: 4 });
    await app.page.mouse.up();
    expect((await simState()).cursor).toBe(end);
    expect((await chips()).filter((c) => c.type === 'pod').length).toBe(8);

    // Stop: back to design mode, the canvas exactly as before.
    await byTestId('stop-simulation').click();
    await expect(byTestId('timeline').count()).resolves.toBe(0);
    const after = await app.page.evaluate(() => JSON.stringify((window as unknown as { __kubeplan: { store: { getState(): { design: unknown; mode: string } } } }).__kubeplan.store.getState().design));
    expect(after).toBe(before);
    expect(await app.page.evaluate(() => (window as unknown as { __kubeplan: { store: { getState(): { mode: string } } } }).__kubeplan.store.getState().mode)).toBe('design');
    expect(app.errors).toEqual([]);
  });

  async function toPage(c: ChipSummary): Promise<[number, number]> {
    const v = await app.page.evaluate(() => (window as unknown as { __kubeplan: { store: { getState(): { viewport: { x: number; y: number; scale: number } } } } }).__kubeplan.store.getState().viewport);
    const p = await app.toPage({ x: (c.x + c.width / 2) * v.scale + v.x, y: (c.y + c.height / 2) * v.scale + v.y });
    return [p.x, p.y];
  }

  it('a Deployment over its namespace quota shows ghost chips with the exceeded-quota message; dragging pans but never edits', async () => {
    await openMultiTenant();
    // team-b's quota allows 10 pods: ask reports for 12.
    await app.page.evaluate(() => {
      const k = (window as unknown as { __kubeplan: { store: { getState(): { design: { resources: Array<{ object: { kind: string; metadata: { name: string; namespace?: string }; spec?: { replicas?: number } } }> } }; setState(s: unknown): void } } }).__kubeplan;
      const design = structuredClone(k.store.getState().design);
      const api = design.resources.find((r) => r.object.kind === 'Deployment' && r.object.metadata.namespace === 'team-b')!;
      api.object.spec!.replicas = 12;
      k.store.setState({ design });
    });
    await byTestId('run-simulation').click();
    await waitForRun();
    const all = await chips();
    const ghosts = all.filter((c) => c.type === 'ghost');
    expect(all.filter((c) => c.type === 'pod').length + ghosts.length + all.filter((c) => c.type === 'more').length).toBeGreaterThan(0);
    expect(ghosts.length).toBeGreaterThan(0);
    expect(ghosts[0]!.message).toMatch(/is forbidden: exceeded quota: /);

    const design = await app.page.evaluate(() => JSON.stringify((window as unknown as { __kubeplan: { store: { getState(): { design: unknown } } } }).__kubeplan.store.getState().design));
    await app.page.mouse.move(...(await toPage(ghosts[0]!)));
    await byTestId('ghost-reason').waitFor();
    expect(await byTestId('ghost-reason').textContent()).toMatch(/exceeded quota/);
    await app.page.mouse.down();
    await app.page.mouse.up();
    await app.screenshot('simulate-quota-ghosts-1440x900');

    // A drag on a card pans the view; the design does not change.
    const deployment = await canvas.resource('Deployment', 'web');
    const centre = await canvas.cardCenter(deployment.id);
    const page = await app.toPage(centre);
    await app.drag(page, { x: page.x + 120, y: page.y + 60 });
    const after = await app.page.evaluate(() => JSON.stringify((window as unknown as { __kubeplan: { store: { getState(): { design: unknown } } } }).__kubeplan.store.getState().design));
    expect(after).toBe(design);

    await app.page.setViewportSize({ width: 1024, height: 768 });
    await app.page.keyboard.press('F');
    await app.page.waitForTimeout(400);
    await app.screenshot('simulate-quota-ghosts-1024x768');
    await app.page.setViewportSize({ width: 1440, height: 900 });
    await app.page.keyboard.press('Shift+F6');
    await expect(byTestId('timeline').count()).resolves.toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('a pod no node can hold waits in the Pending lane; a click shows why each node was not chosen', async () => {
    await openExample('three-tier-shop');
    await app.page.evaluate(() => {
      const k = (window as unknown as { __kubeplan: { store: { getState(): { design: { resources: Array<{ object: { kind: string; metadata: { name: string }; spec?: { template: { spec: { containers: Array<{ resources?: unknown }> } } } } }> } }; setState(s: unknown): void } } }).__kubeplan;
      const design = structuredClone(k.store.getState().design);
      const frontend = design.resources.find((r) => r.object.kind === 'Deployment' && r.object.metadata.name === 'frontend')!;
      frontend.object.spec!.template.spec.containers[0]!.resources = { requests: { cpu: '100' } };
      k.store.setState({ design });
    });
    await app.page.keyboard.press('F6');
    await waitForRun();
    await byTestId('pending-lane').waitFor();
    const lane = await byTestId('pending-lane').textContent();
    expect(lane).toMatch(/shop\/frontend-/);
    expect(lane).toMatch(/0\/3 nodes are available: 3 Insufficient cpu/);
    await byTestId('pending-pod').first().click();
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="why-not"] tbody tr').length === 3);
    const rows = await app.page.locator('[data-testid="why-not"] tbody tr').allTextContents();
    expect(rows.every((r) => r.includes('NodeResourcesFit') && r.includes('Insufficient cpu'))).toBe(true);
    await app.screenshot('simulate-pending-why-not-1440x900');
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await app.page.waitForTimeout(300);
    await app.screenshot('simulate-pending-why-not-1024x768');
    await app.page.setViewportSize({ width: 1440, height: 900 });
    await byTestId('stop-simulation').click();
    expect(app.errors).toEqual([]);
  });
});
