/**
 * Traffic particles benchmark (`npm run bench traffic`): the shop-default-deny example in the
 * browser build, in headless Chromium, in simulate mode with its flows' rates raised until the
 * traffic layer animates 2,000 particles (green and red, on every route). Prints the interval
 * between animation frames and the traffic layer's own draw time per frame, over 6 seconds, at the
 * fitted zoom and at 100 %. Budget: p95 frame ≤ 16.7 ms.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import type { Page } from 'playwright-core';
import { browserSkipReason, CHROMIUM_PATH, openApp, stopServer } from '../e2e/harness';

const PARTICLES = 2000;
const SECONDS = 6;

function stats(xs: number[]): string {
  if (xs.length === 0) return 'no frames';
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `p50 ${q(0.5).toFixed(2)} ms  p95 ${q(0.95).toFixed(2)} ms  max ${s[s.length - 1]!.toFixed(2)} ms  (${s.length} frames)`;
}

interface TrafficHooks {
  __kubeplanTraffic: { layer: { scene: { particles: number; routes: unknown[] }; frames: number; drawTimes: number[]; budget?: number }; simulation: { getState(): { runSimulation(): Promise<void> } } };
  __kubeplan: { store: { getState(): { design: { flows?: { rate: number }[] } }; setState(s: object): void } };
}

async function measure(page: Page, label: string): Promise<void> {
  const r = await page.evaluate(async (seconds) => {
    const w = window as unknown as TrafficHooks;
    w.__kubeplanTraffic.layer.drawTimes.length = 0;
    const frames: number[] = [];
    let last = performance.now();
    const end = last + seconds * 1000;
    await new Promise<void>((done) => {
      const tick = (t: number) => {
        frames.push(t - last);
        last = t;
        if (t < end) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame((t) => {
        last = t;
        requestAnimationFrame(tick);
      });
    });
    return { frames, draws: [...w.__kubeplanTraffic.layer.drawTimes] };
  }, SECONDS);
  console.log(`${label.padEnd(22)} frame interval     ${stats(r.frames)}`);
  console.log(`${''.padEnd(22)} traffic layer draw ${stats(r.draws)}`);
}

async function main(): Promise<void> {
  const skip = browserSkipReason();
  if (skip) {
    console.log(`traffic bench skipped: ${skip}`);
    return;
  }
  const app = await openApp('example=shop-default-deny');
  try {
    const page = app.page;
    // tsx (esbuild keepNames) wraps named closures in __name(); give the page a no-op for evaluate().
    await page.evaluate('window.__name = (f) => f');
    console.log(`machine: ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${CHROMIUM_PATH} headless, --disable-gpu (software raster); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (the 2 cores are shared: tails include other processes)`);
    await page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('shop-default-deny'));
    // Raise the rates (×100) so the wanted particles exceed the budget, which is then exactly PARTICLES.
    await page.evaluate((budget) => {
      const w = window as unknown as TrafficHooks;
      w.__kubeplanTraffic.layer.budget = budget;
      const s = w.__kubeplan.store.getState();
      w.__kubeplan.store.setState({ design: { ...s.design, flows: (s.design.flows ?? []).map((f) => ({ ...f, rate: f.rate * 100 })) } });
      void w.__kubeplanTraffic.simulation.getState().runSimulation();
    }, PARTICLES);
    await page.waitForFunction(() => (window as unknown as TrafficHooks).__kubeplanTraffic.layer.scene.particles > 0 && (window as unknown as TrafficHooks).__kubeplanTraffic.layer.frames > 60, undefined, { timeout: 120_000 });
    const scene = await page.evaluate(() => ({ particles: (window as unknown as TrafficHooks).__kubeplanTraffic.layer.scene.particles, routes: (window as unknown as TrafficHooks).__kubeplanTraffic.layer.scene.routes.length }));
    console.log(`\n== ${scene.particles} particles on ${scene.routes} routes (budget ${PARTICLES}), ${SECONDS} s each`);
    await measure(page, 'fitted view');
    await page.keyboard.press('0');
    await page.waitForTimeout(300);
    await measure(page, 'at 100 % zoom');
    if (app.errors.length) console.log(`page errors: ${app.errors.join(' | ')}`);
  } finally {
    await app.stop();
    await stopServer();
  }
}

await main();
