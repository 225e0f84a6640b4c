import { afterAll, beforeAll, expect, it } from 'vitest';
import { policyHeavyObjects } from '../fixtures/policyHeavy';
import { openApp, type AppDriver } from './harness';
import { ShellPage } from './shellPage';
import { describeBrowser } from './suite';

interface EdgeReadout {
  edges: number;
  drawn: number;
  hiddenUntilSelected: number;
  hidden: string[];
  scale: number;
}

describeBrowser('a big policy-heavy design (3,350 objects) stays readable', () => {
  let app: AppDriver & { stop(): Promise<void> };
  let shell: ShellPage;
  beforeAll(async () => {
    app = await openApp('', { width: 1440, height: 900 });
    shell = new ShellPage(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** How many edges the design has and how many the last edge-layer draw drew, after two frames. */
  const readout = () =>
    app.page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const k = (window as unknown as { __kubeplan: { store: { getState(): { edgeView: { hidden: string[] }; viewport: { scale: number } } }; actions: { selectEdges(s: unknown): unknown[] }; edgeStats: { drawn: number; hiddenUntilSelected: number } } }).__kubeplan;
      const s = k.store.getState();
      return { edges: k.actions.selectEdges(s).length, drawn: k.edgeStats.drawn, hiddenUntilSelected: k.edgeStats.hiddenUntilSelected, hidden: s.edgeView.hidden, scale: s.viewport.scale } as EdgeReadout;
    });
  const lookAt = (scale: number, wx: number, wy: number) =>
    app.page.evaluate(([s, x, y]) => {
      const k = (window as unknown as { __kubeplan: { actions: { setViewport(v: unknown): void }; view: { width: number; height: number } } }).__kubeplan;
      k.actions.setViewport({ scale: s, x: k.view.width / 2 - x! * s!, y: k.view.height / 2 - y! * s! });
    }, [scale, wx, wy]);
  const frameOf = (ns: string) =>
    app.page.evaluate((n) => (window as unknown as { __kubeplan: { store: { getState(): { design: { layout: { frames: Record<string, { x: number; y: number; width: number; height: number }> } } } } } }).__kubeplan.store.getState().design.layout.frames[n]!, ns);

  it('imported, it is a bounded number of edges, and zoomed out it is not a solid sheet of policy edges', async () => {
    const text = policyHeavyObjects().map((o) => JSON.stringify(o)).join('\n---\n');
    await shell.byTestId('tb-import').click();
    await app.chooseFiles(() => shell.byTestId('tb-import-files').click(), [{ name: 'policy-heavy.yaml', text }]);
    await app.page.waitForFunction(() => (window as unknown as { __kubeplan: { store: { getState(): { design: { resources: unknown[] } } } } }).__kubeplan.store.getState().design.resources.length === 3350, undefined, { timeout: 60_000 });
    await app.page.evaluate(() => (window as unknown as { __kubeplan: { fitToContent(): void } }).__kubeplan.fitToContent());
    const fit = await readout();
    // One edge per namespace a policy reaches as a whole, not one per workload (45,350 before).
    expect(fit.edges).toBeLessThan(5000);
    expect(fit.scale).toBeLessThan(0.45);
    // The ~2,000 edges between namespaces wait for a selection; what is drawn stays inside frames.
    expect(fit.hiddenUntilSelected).toBeGreaterThan(1500);
    expect(fit.drawn).toBeLessThan(3000);
    await app.screenshot('big-design-fit-1440x900');
  });

  it('selecting a policy shows its edges to the namespaces it allows', async () => {
    const id = (await shell.canvas.resource('NetworkPolicy', 'allow-from-front-tiers')).id;
    const before = await readout();
    await app.page.evaluate((rid) => (window as unknown as { __kubeplan: { actions: { select(ids: string[]): void } } }).__kubeplan.actions.select([rid]), id);
    const after = await readout();
    // The last policy of that name: its ingress peers select the 20 web and api namespaces.
    expect(before.hiddenUntilSelected - after.hiddenUntilSelected).toBeGreaterThanOrEqual(19);
    await app.screenshot('big-design-fit-selected-policy');
    await app.page.evaluate(() => (window as unknown as { __kubeplan: { actions: { select(ids: string[]): void } } }).__kubeplan.actions.select([]));
  });

  it('the legend names each edge kind, and its filters hide and show that kind', async () => {
    const f = await frameOf('team-12');
    await lookAt(0.5, f.x + f.width / 2, f.y + f.height / 2);
    const all = await readout();
    expect(all.hiddenUntilSelected).toBeGreaterThan(1500);
    const policy = await app.page.evaluate(() => {
      const k = (window as unknown as { __kubeplan: { store: { getState(): { design: { resources: Array<{ id: string; object: { kind: string; metadata: { name: string; namespace?: string } } }> } } }; actions: { select(ids: string[]): void } } }).__kubeplan;
      return k.store.getState().design.resources.find((r) => r.object.metadata.namespace === 'team-12' && r.object.metadata.name === 'allow-from-front-tiers')!.id;
    });
    await app.page.evaluate((id) => (window as unknown as { __kubeplan: { actions: { select(ids: string[]): void } } }).__kubeplan.actions.select([id]), policy);
    const selected = await readout();
    expect(all.hiddenUntilSelected - selected.hiddenUntilSelected).toBe(19);
    await app.screenshot('big-design-policy-selected-50');
    await app.page.evaluate(() => (window as unknown as { __kubeplan: { actions: { select(ids: string[]): void } } }).__kubeplan.actions.select([]));
    await shell.byTestId('edge-legend-toggle').click();
    const legend = shell.byTestId('edge-legend');
    await legend.waitFor();
    for (const label of ['selects', 'routes to', 'mounts', 'policy applies to', 'policy allows from', 'policy allows to', 'peer → pods (ingress)', 'pods → peer (egress)']) {
      await expect(legend.textContent()).resolves.toContain(label);
    }
    await expect(shell.byTestId('edge-legend-crowded').textContent()).resolves.toMatch(/^1,960 edges between namespaces/);
    await app.screenshot('big-design-legend-1440x900');

    await shell.byTestId('edge-filter-policy-from').uncheck();
    const noIngress = await readout();
    expect(noIngress.hidden).toEqual(['policy-from']);
    expect(noIngress.drawn).toBeLessThan(all.drawn);
    await shell.byTestId('edge-filter-selects').uncheck();
    await shell.byTestId('edge-filter-config').uncheck();
    const fewer = await readout();
    expect(fewer.drawn).toBeLessThan(noIngress.drawn);
    await app.screenshot('big-design-filtered');
    // Filters are a view setting: the toolbar's undo has nothing new to undo because of them.
    await shell.byTestId('edge-filter-all').click();
    const back = await readout();
    expect(back.hidden).toEqual([]);
    expect(back.drawn).toBe(all.drawn);
  });

  it('reads at 1024×768 too', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await app.page.waitForFunction(() => (window as unknown as { __kubeplan: { view: { width: number } } }).__kubeplan.view.width < 800);
    await shell.byTestId('edge-legend-toggle').click();
    await app.page.evaluate(() => (window as unknown as { __kubeplan: { fitToContent(): void } }).__kubeplan.fitToContent());
    const fit = await readout();
    expect(fit.drawn).toBeLessThan(3000);
    await app.screenshot('big-design-fit-1024x768');
    const f = await frameOf('team-01');
    await lookAt(0.6, f.x + f.width / 2, f.y + f.height / 2);
    await readout();
    await app.screenshot('big-design-namespace-1024x768');
    expect(app.errors).toEqual([]);
  });
});
