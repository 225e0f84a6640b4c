/**
 * Logs and metrics in the browser build: run the shop-default-deny example (its design flows send
 * shoppers to the frontend), open the Metrics tab and see the frontend Service's request rate
 * charted with points, switch to a pod's CPU and a node's memory, then pin a pod chip and read its
 * logs (the same text `kubectl logs` prints). Screenshots at 1440×900 and 1024×768.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type AppDriver } from './harness';
import { describeBrowser } from './suite';
import type { SimHooks } from './simulationHooks';

describeBrowser('logs and metrics of a finished run', () => {
  let app: AppDriver & { stop(): Promise<void> };

  const byTestId = (id: string) => app.page.locator(`[data-testid="${id}"]`);

  beforeAll(async () => {
    app = await openApp('example=shop-default-deny');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('shop-default-deny'));
    await app.page.click('[data-testid="run-simulation"]');
    await app.page.waitForFunction(() => (window as unknown as { __kubeplanSimulation?: SimHooks }).__kubeplanSimulation?.store.getState().status === 'ready', undefined, { timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('the Metrics tab charts the frontend Service\'s requests per second, with points, from the design\'s flows', async () => {
    await app.page.click('[data-testid="tab-metrics"]');
    await byTestId('metrics').waitFor();
    await app.page.waitForFunction(() => [...document.querySelectorAll('[data-testid="metrics-target"] option')].some((o) => o.textContent === 'shop/frontend'));
    await app.page.selectOption('[data-testid="metrics-target"]', 'service/shop/frontend');
    // The design's flows reach the chart once the Traffic trace is in: the rate climbs above 0.
    await app.page.waitForFunction(() => {
      const chart = document.querySelector('[data-testid="metrics-chart"]');
      return chart !== null && Number(chart.getAttribute('data-points')) > 10 && document.querySelector('.metrics-plot canvas') !== null && /[1-9]/.test(document.querySelector('.metrics-readout')?.textContent ?? '');
    }, undefined, { timeout: 30_000 });
    expect(Number(await byTestId('metrics-chart').getAttribute('data-points'))).toBeGreaterThan(10);
    // The readout at the cursor (the end of the run) is the rate the shoppers' flow delivers.
    expect(await app.page.locator('.metrics-readout').textContent()).toMatch(/\d+(\.\d)?\/s$/);
    await app.screenshot('metrics-service-rate-1440x900');

    // A pod's CPU, then a node's memory.
    await app.page.selectOption('[data-testid="metrics-kind"]', 'pod');
    await app.page.click('[data-testid="metric-cpu"]');
    await app.page.waitForFunction(() => Number(document.querySelector('[data-testid="metrics-chart"]')?.getAttribute('data-points')) > 10);
    expect(await app.page.locator('.metrics-readout').textContent()).toMatch(/\d+m$/);
    await app.page.selectOption('[data-testid="metrics-kind"]', 'node');
    await app.page.click('[data-testid="metric-memory"]');
    await app.page.waitForFunction(() => document.querySelector('.metrics-readout')?.textContent?.endsWith('Mi') === true);
  });

  it('a click on the chart moves the timeline there', async () => {
    // From the start of the timeline, a click late on the chart brings it to the run's end.
    await app.page.mouse.move(5, 5);
    await app.page.keyboard.press('Home');
    await app.page.waitForFunction(() => (window as unknown as { __kubeplanSimulation: SimHooks }).__kubeplanSimulation.store.getState().cursor === 0);
    const plot = app.page.locator('.metrics-plot .u-over');
    await plot.waitFor();
    const box = (await plot.boundingBox())!;
    await app.page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    await app.page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
    await app.page.waitForFunction(() => {
      const s = (window as unknown as { __kubeplanSimulation: SimHooks }).__kubeplanSimulation.store.getState();
      return s.cursor === s.frameCount - 1;
    });
  });

  it('a pinned pod chip opens the pod\'s logs: the frontend serves the shoppers\' requests', async () => {
    const chips = await app.page.evaluate(() => (window as unknown as { __kubeplanSimulation: SimHooks }).__kubeplanSimulation.overlay().chips.filter((c) => c.type === 'pod').map((c) => ({ ...c, pod: c.pod ? { namespace: c.pod.namespace, name: c.pod.name } : undefined })));
    const frontend = chips.find((c) => c.pod?.name.startsWith('frontend-'))!;
    expect(frontend).toBeDefined();
    const v = await app.page.evaluate(() => (window as unknown as { __kubeplan: { store: { getState(): { viewport: { x: number; y: number; scale: number } } } } }).__kubeplan.store.getState().viewport);
    const p = await app.toPage({ x: (frontend.x + frontend.width / 2) * v.scale + v.x, y: (frontend.y + frontend.height / 2) * v.scale + v.y });
    await app.page.mouse.move(p.x, p.y);
    await app.page.mouse.click(p.x, p.y);
    await byTestId('pod-logs-open').click();
    await byTestId('pod-logs').waitFor();
    await app.page.waitForFunction(() => /GET \/ HTTP\/1.1" 200/.test(document.querySelector('[data-testid="pod-logs-text"]')?.textContent ?? ''), undefined, { timeout: 20_000 });
    const text = (await byTestId('pod-logs-text').textContent()) ?? '';
    expect(text.split('\n')[0]).toMatch(/^\/docker-entrypoint.sh: |INFO {2}starting /);
    expect(await app.page.locator('.pod-logs-command').textContent()).toBe(`$ kubectl logs ${frontend.pod!.name} -n shop`);
    // --previous: this pod never restarted, so the kubelet's error.
    await byTestId('logs-previous').check();
    await app.page.waitForFunction(() => document.querySelector('[data-testid="pod-logs-text"]')?.textContent?.includes('previous terminated container') === true);
    await byTestId('logs-previous').uncheck();
    await app.page.waitForFunction(() => /HTTP\/1.1" 200/.test(document.querySelector('[data-testid="pod-logs-text"]')?.textContent ?? ''));
    await app.screenshot('pod-logs-1440x900');
    expect(app.errors).toEqual([]);
  });

  it('HPA decisions are drawn on the chart as dashed markers (an answer with a decision, as an HPA run gives)', async () => {
    await app.page.evaluate(() => {
      const api = (window as unknown as { __kubeplanApi: { observeSimulation(runId: string, q: unknown): Promise<{ ok: boolean; value: { query: string; series?: { markers: unknown[] } } }> } }).__kubeplanApi;
      (window as unknown as { __kubeplanObserve: { provideObserveApi(a: unknown): void } }).__kubeplanObserve.provideObserveApi({
        async observeSimulation(runId: string, q: unknown) {
          const r = await api.observeSimulation(runId, q);
          if (r.ok && r.value.series) r.value.series.markers = [{ time: 30, namespace: 'shop', hpa: 'frontend', target: 'Deployment/frontend', from: 3, to: 6, message: 'New size: 6; reason: cpu resource utilization (percentage of request) above target' }];
          return r;
        },
      });
    });
    await app.page.selectOption('[data-testid="metrics-kind"]', 'pod');
    await app.page.selectOption('[data-testid="metrics-kind"]', 'service');
    await app.page.selectOption('[data-testid="metrics-target"]', 'service/shop/frontend');
    await app.page.waitForFunction(() => document.querySelector('.metrics-note')?.textContent?.includes('1') === true);
    await app.screenshot('metrics-hpa-marker-1440x900');
    await app.page.evaluate(() => (window as unknown as { __kubeplanObserve: { provideObserveApi(a: unknown): void } }).__kubeplanObserve.provideObserveApi(undefined));
  });

  it('fits at 1024×768', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await app.page.waitForTimeout(300);
    await app.screenshot('pod-logs-1024x768');
    await app.page.click('[data-testid="pod-logs"] .sim-close');
    await app.page.click('[data-testid="tab-metrics"]');
    await app.page.selectOption('[data-testid="metrics-kind"]', 'service');
    await app.page.selectOption('[data-testid="metrics-target"]', 'service/shop/frontend');
    await app.page.waitForFunction(() => Number(document.querySelector('[data-testid="metrics-chart"]')?.getAttribute('data-points')) > 10);
    await app.page.waitForTimeout(300);
    await app.screenshot('metrics-service-rate-1024x768');
    expect(app.errors).toEqual([]);
  });
});
