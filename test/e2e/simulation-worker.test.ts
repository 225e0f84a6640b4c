import { afterAll, beforeAll, expect, it } from 'vitest';
import type { KubeplanApi, Result, SimulationSummary } from '../../shared/ipc/api';
import type { PodSummary, TimelineFrame } from '../../shared/simulation';
import { openApp, type AppDriver } from './harness';
import { describeBrowser } from './suite';

/** Scales the frontend up and down `rounds` times, 3 s apart: a long timeline to stream. */
function scalingScenario(rounds: number): string {
  const steps: string[] = [];
  for (let i = 0; i < rounds; i++) steps.push(`  - scale: {target: deployment/frontend, namespace: shop, replicas: ${i % 2 ? 3 : 5}}`, '  - wait: 3s');
  return `steps:\n${steps.join('\n')}\n`;
}

interface RunReport {
  result: Result<SimulationSummary>;
  batches: Array<{ runId: string; start: number; count: number; rafAt: number }>;
  frames: TimelineFrame[];
  rafTicks: number;
  longestRafGapMs: number;
  elapsedMs: number;
  framesAfterSettle: number;
}

describeBrowser('simulations in the browser build run in a web worker', () => {
  let app: AppDriver & { stop(): Promise<void> };
  beforeAll(async () => {
    app = await openApp('example=three-tier-shop');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('three-tier-shop'));
    await app.page.waitForFunction(() => (window as { __kubeplanApi?: unknown }).__kubeplanApi !== undefined);
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** Runs in the page: start a rAF counter, run the simulation through the API, record everything. */
  function run(runId: string, scenario: string, cancelAfterFirstBatch = false): Promise<RunReport> {
    return app.page.evaluate(
      async ({ runId, scenario, cancelAfterFirstBatch }) => {
        const w = window as unknown as { __kubeplanApi: KubeplanApi; __kubeplan: { store: { getState(): { design: unknown } } } };
        const api = w.__kubeplanApi;
        let rafTicks = 0;
        let last = performance.now();
        let longestRafGapMs = 0;
        let counting = true;
        const tick = (now: number) => {
          rafTicks++;
          longestRafGapMs = Math.max(longestRafGapMs, now - last);
          last = now;
          if (counting) requestAnimationFrame(tick);
        };
        await new Promise((r) => requestAnimationFrame(r));
        last = performance.now();
        requestAnimationFrame(tick);
        const batches: RunReport['batches'] = [];
        const frames: unknown[] = [];
        let settled = false;
        let framesAfterSettle = 0;
        const started = performance.now();
        const result = await api.runSimulation({ runId, design: w.__kubeplan.store.getState().design as never, scenario }, (batch) => {
          if (settled) framesAfterSettle++;
          batches.push({ runId: batch.runId, start: batch.start, count: batch.frames.length, rafAt: rafTicks });
          frames.push(...batch.frames);
          if (cancelAfterFirstBatch && batches.length === 1) void api.cancelSimulation!(runId);
        });
        settled = true;
        const elapsedMs = performance.now() - started;
        counting = false;
        // Anything still in flight would arrive now.
        await new Promise((r) => setTimeout(r, 200));
        return { result, batches, frames: frames as TimelineFrame[], rafTicks, longestRafGapMs, elapsedMs, framesAfterSettle };
      },
      { runId, scenario, cancelAfterFirstBatch },
    );
  }

  it('streams the timeline in order, ends with every shop pod Running on a node, and the page keeps drawing meanwhile', async () => {
    const report = await run('e2e-1', scalingScenario(600));
    expect(report.result.ok, JSON.stringify(report.result)).toBe(true);
    if (!report.result.ok) return;
    const summary = report.result.value;

    // Frames in order: consecutive batches, every frame delivered once, simulated time never going back.
    expect(report.batches.length).toBeGreaterThan(2);
    let next = 0;
    for (const b of report.batches) {
      expect(b.runId).toBe('e2e-1');
      expect(b.start).toBe(next);
      next += b.count;
    }
    expect(summary.frameCount).toBe(next);
    const times = report.frames.map((f) => f.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(report.framesAfterSettle).toBe(0);

    // Replaying the frames' pod changes gives the summary's final pods: all Running, each on a node.
    const replayed = new Map<string, [string, string]>();
    for (const f of report.frames) {
      for (const [ns, name, status, node] of f.pods) {
        if (status === 'Deleted') replayed.delete(`${ns}/${name}`);
        else replayed.set(`${ns}/${name}`, [status, node]);
      }
    }
    const pods = (summary.result as { pods: PodSummary[] }).pods.filter((p) => p.namespace === 'shop');
    expect(pods.length).toBeGreaterThanOrEqual(6);
    for (const p of pods) {
      expect(p.phase).toBe('Running');
      expect(p.node).toMatch(/^node-\d+$/);
      expect(replayed.get(`shop/${p.name}`)).toEqual(['Running', p.node]);
    }
    expect([...replayed.keys()].filter((k) => k.startsWith('shop/')).sort()).toEqual(pods.map((p) => `shop/${p.name}`).sort());

    // The UI thread stayed free: animation frames kept coming while the worker computed and streamed.
    console.info(`[e2e] simulation: ${summary.frameCount} frames in ${report.batches.length} batches, ${Math.round(report.elapsedMs)} ms, ${report.rafTicks} animation frames, longest gap ${Math.round(report.longestRafGapMs)} ms`);
    expect(report.rafTicks).toBeGreaterThan(5);
    expect(report.batches[0]!.rafAt).toBeGreaterThan(0);
    expect(report.longestRafGapMs).toBeLessThan(Math.max(250, report.elapsedMs / 2));
    expect(app.errors).toEqual([]);
  });

  it('cancelling stops the stream and settles with code "cancelled"', async () => {
    const report = await run('e2e-2', scalingScenario(600), true);
    expect(report.result).toEqual({ ok: false, error: { message: 'simulation e2e-2 cancelled', code: 'cancelled' } });
    expect(report.batches).toHaveLength(1);
    expect(report.framesAfterSettle).toBe(0);
    // The API is usable again afterwards, under the same id.
    const again = await run('e2e-2', scalingScenario(2));
    expect(again.result.ok).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
