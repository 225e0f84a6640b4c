/**
 * The HorizontalPodAutoscaler follows the traffic, in the browser build: the shop-default-deny
 * example with an HPA on its frontend, run; then the shoppers' flow's rate is raised in the
 * Traffic tab while the run is live. The timeline continues, the HPA rescales the frontend, and
 * the Metrics chart of a frontend pod marks its decisions. Screenshots at 1440×900 and 1024×768.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type AppDriver } from './harness';
import { describeBrowser } from './suite';
import type { SimHooks } from './simulationHooks';

interface DesignHooks {
  store: { getState(): { design: { resources: { id: string; position?: unknown; object: unknown }[] } } };
  actions: { replaceDesign(design: unknown): void };
}

describeBrowser('an HPA scaling on traffic raised live', () => {
  let app: AppDriver & { stop(): Promise<void> };
  const byTestId = (id: string) => app.page.locator(`[data-testid="${id}"]`);
  const sim = () => app.page.evaluate(() => (window as unknown as { __kubeplanSimulation: SimHooks }).__kubeplanSimulation.store.getState().frameCount);

  beforeAll(async () => {
    app = await openApp('example=shop-default-deny');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('shop-default-deny'));
    // An HPA on the frontend (as dragging one from the palette and connecting it does).
    await app.page.evaluate(() => {
      const k = (window as unknown as { __kubeplan: DesignHooks }).__kubeplan;
      const design = k.store.getState().design;
      const hpa = {
        apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'frontend', namespace: 'shop' },
        spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'frontend' }, minReplicas: 2, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] },
      };
      k.actions.replaceDesign({ ...design, resources: [...design.resources, { id: 'hpa-frontend', position: { x: 800, y: 110 }, object: hpa }] });
    });
    await app.page.click('[data-testid="run-simulation"]');
    await app.page.waitForFunction(() => (window as unknown as { __kubeplanSimulation?: SimHooks }).__kubeplanSimulation?.store.getState().status === 'ready', undefined, { timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('raising the shoppers\' rate in the Traffic tab continues the timeline; the HPA scales up and the chart marks it', async () => {
    const before = await sim();
    await byTestId('tab-traffic').click();
    await byTestId('flow-shoppers').locator('[data-testid="flow-edit"]').click();
    await byTestId('flow-rate').fill('400');
    await byTestId('flow-save').click();
    await app.page.waitForFunction((n) => (window as unknown as { __kubeplanSimulation: SimHooks }).__kubeplanSimulation.store.getState().frameCount > n, before, { timeout: 30_000 });
    await app.page.click('[data-testid="tab-metrics"]');
    await byTestId('metrics').waitFor();
    await app.page.selectOption('[data-testid="metrics-kind"]', 'pod');
    // A frontend pod that lived through the whole run: its CPU rises with the rate, then falls as the HPA adds pods.
    const option = await app.page.evaluate(() => [...document.querySelectorAll('[data-testid="metrics-target"] option')].map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith('pod/shop/frontend-')));
    expect(option).toBeDefined();
    await app.page.selectOption('[data-testid="metrics-target"]', option!);
    await app.page.click('[data-testid="metric-cpu"]');
    await app.page.waitForFunction(() => /[1-9]/.test(document.querySelector('.metrics-note')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const note = (await app.page.locator('.metrics-note').textContent()) ?? '';
    expect(Number(/\d+/.exec(note)?.[0])).toBeGreaterThanOrEqual(2);
    await app.page.waitForTimeout(300);
    await app.screenshot('hpa-traffic-metrics-1440x900');
    expect(app.errors).toEqual([]);
  });

  it('fits at 1024×768', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await app.page.waitForTimeout(400);
    await app.screenshot('hpa-traffic-metrics-1024x768');
    expect(app.errors).toEqual([]);
  });
});
