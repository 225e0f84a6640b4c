/**
 * Simulate-mode benchmark (`npm run bench simulate`). Sections (pick with
 * `npx tsx test/bench/simulate.bench.ts <section…>`):
 * - `seek`: a 10-minute, 10,000-pod timeline (scaling, rollouts, pod deletions, drains) built with
 *   the shared session and fed to the renderer's simulation store with `appendFrames`; then the
 *   store's `seek` to 200 random points, alone and with the overlay model rebuilt for the view.
 *   Budget: ≤ 100 ms a scrub.
 * - `chips`: in headless Chromium, 100 Deployments × 5 replicas (500 pod chips) run, then the
 *   timeline jumps between the start and the end so every chip keeps growing in: the animation-frame
 *   interval and the overlay layer's draw time. Budget: p95 frame ≤ 16.7 ms.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import type { ClusterSpec, Design } from '../../shared/design/types';
import type { KubeObject } from '../../shared/model/object';
import { SimulationSession } from '../../shared/simulation/session';
import type { ScenarioStep } from '../../shared/simulation/types';
import { browserSkipReason, CHROMIUM_PATH, openApp, stopServer } from '../e2e/harness';

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
}

function stats(xs: number[]): string {
  if (xs.length === 0) return 'no samples';
  return `p50 ${pct(xs, 0.5).toFixed(1)} ms  p95 ${pct(xs, 0.95).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms  (${xs.length})`;
}

/** 50 namespaces × 4 Deployments × 50 replicas on 500 nodes: 10,000 pods. */
function tenThousand(): { objects: KubeObject[]; cluster: ClusterSpec; steps: ScenarioStep[] } {
  const objects: KubeObject[] = [];
  for (let n = 0; n < 50; n++) {
    const ns = `team-${n}`;
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    for (let d = 0; d < 4; d++) {
      const app = `app-${d}`;
      objects.push({
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: app, namespace: ns },
        spec: { replicas: 50, selector: { matchLabels: { app } }, template: { metadata: { labels: { app } }, spec: { containers: [{ name: app, image: 'nginx:1.27', resources: { requests: { cpu: '50m', memory: '64Mi' } } }] } } },
      });
    }
  }
  const cluster: ClusterSpec = { nodes: Array.from({ length: 500 }, (_, i) => ({ name: `node-${i + 1}`, cpu: '8', memory: '32Gi', pods: 110, zone: `zone-${i % 3}` })) };
  // Ten minutes: a change every 30 s (as the simulation bench's live-view timeline).
  const steps: ScenarioStep[] = [{ action: 'wait', steady: true }];
  for (let k = 0; k < 20; k++) {
    const namespace = `team-${k}`;
    steps.push({ action: 'wait', seconds: 30 });
    if (k % 4 === 0) steps.push({ action: 'scale', kind: 'Deployment', namespace, name: 'app-1', replicas: 80 });
    if (k % 4 === 1) steps.push({ action: 'setImage', kind: 'Deployment', namespace, name: 'app-2', image: 'nginx:1.28' });
    if (k % 4 === 2) steps.push({ action: 'deletePod', namespace, owner: 'Deployment/app-3' });
    if (k % 4 === 3) steps.push({ action: 'drain', node: `node-${k}` });
  }
  return { objects, cluster, steps };
}

async function seekSection(): Promise<void> {
  const { objects, cluster, steps } = tenThousand();
  const t0 = performance.now();
  const session = new SimulationSession({ objects, cluster, seed: 1, scenario: { steps } });
  session.runToEnd();
  const runMs = performance.now() - t0;
  // The renderer's store and overlay, in Node: the same modules the page runs.
  const { useSimulationStore, sessionFrames } = await import('../../renderer/simulation/store');
  const { buildOverlay } = await import('../../renderer/simulation/overlay/model');
  const store = useSimulationStore.getState();
  const t1 = performance.now();
  for (let i = 0; i < session.frames.length; i += 64) store.appendFrames(session.frames.slice(i, i + 64));
  const feedMs = performance.now() - t1;
  const frames = sessionFrames();
  const end = frames.at(-1)!.time;
  // A design with one card per Deployment, so the overlay places every pod.
  const design: Design = { formatVersion: 1, name: 'bench', resources: [], layout: { positions: {}, frames: {} }, cluster };
  objects.forEach((o, i) => {
    design.resources.push({ id: `r${i}`, object: o });
    design.layout.positions[`r${i}`] = { x: (i % 40) * 200, y: Math.floor(i / 40) * 100 };
  });
  let x = 12345;
  const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const seeks: number[] = [];
  const seekCpu: number[] = [];
  const withOverlay: number[] = [];
  const { frameAtTime } = await import('../../renderer/simulation/store');
  for (let i = 0; i < 200; i++) {
    const seq = frameAtTime(rand() * end);
    const c0 = process.cpuUsage();
    const s0 = performance.now();
    useSimulationStore.getState().seek(seq);
    seeks.push(performance.now() - s0);
    const c1 = process.cpuUsage(c0);
    seekCpu.push((c1.user + c1.system) / 1000);
    const s1 = performance.now();
    useSimulationStore.getState().seek(frameAtTime(rand() * end));
    const v = useSimulationStore.getState().view;
    buildOverlay(design, v, []);
    withOverlay.push(performance.now() - s1);
  }
  const pods = useSimulationStore.getState().view?.pods.length ?? 0;
  console.log(`seek: 10,000-pod timeline of ${end} simulated s, ${frames.length} frames (session run ${runMs.toFixed(0)} ms, appendFrames ${feedMs.toFixed(0)} ms); ${pods} pods at the last point`);
  console.log(`  store.seek to 200 random points (budget 100 ms):        ${stats(seeks)}`);
  console.log(`  the same, CPU time of this process (what load does not add): ${stats(seekCpu)}`);
  console.log(`  seek + overlay model for the view (200 random points): ${stats(withOverlay)}`);
}

async function chipsSection(): Promise<void> {
  const skip = browserSkipReason();
  if (skip) {
    console.log(`chips section skipped: ${skip}`);
    return;
  }
  const design: Design = { formatVersion: 1, name: 'chips-500', resources: [], layout: { positions: {}, frames: {} }, cluster: { nodes: Array.from({ length: 10 }, (_, i) => ({ name: `node-${i + 1}`, cpu: '64', memory: '256Gi', pods: 110 })) } };
  let n = 0;
  for (let k = 0; k < 4; k++) {
    const ns = `team-${k}`;
    const fx = (k % 2) * 1250;
    const fy = Math.floor(k / 2) * 700;
    design.layout.frames[ns] = { x: fx, y: fy, width: 1200, height: 650 };
    design.resources.push({ id: `r${++n}`, object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } });
    for (let j = 0; j < 25; j++) {
      const id = `r${++n}`;
      design.resources.push({ id, object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `app-${j}`, namespace: ns }, spec: { replicas: 5, selector: { matchLabels: { app: `app-${j}` } }, template: { metadata: { labels: { app: `app-${j}` } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } } });
      design.layout.positions[id] = { x: fx + 40 + (j % 5) * 225, y: fy + 70 + Math.floor(j / 5) * 110 };
    }
  }
  let chromium = 'chromium';
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // keep the generic name
  }
  console.log(`chips: ${chromium} headless, software raster`);
  const app = await openApp('', { width: 1440, height: 900 });
  const page = app.page;
  try {
    await page.evaluate('window.__name = (f) => f');
    await page.evaluate((d) => {
      const k = (window as unknown as { __kubeplan: { actions: { replaceDesign(d: unknown): void }; fitToContent(): void } }).__kubeplan;
      k.actions.replaceDesign(d);
      k.fitToContent();
    }, design);
    await page.locator('[data-testid="run-simulation"]').click();
    await page.waitForFunction(() => (window as unknown as { __kubeplanSimulation?: { store: { getState(): { status: string } } } }).__kubeplanSimulation?.store.getState().status === 'ready', undefined, { timeout: 120_000 });
    const result = await page.evaluate(async () => {
      const sim = (window as unknown as { __kubeplanSimulation: { store: { getState(): { seek(n: number): void; frameCount: number } }; overlay(): { chips: Array<{ type: string }> } } }).__kubeplanSimulation;
      const k = (window as unknown as { __kubeplan: { stage: { findOne(s: string): { on(e: string, f: () => void): void } } } }).__kubeplan;
      const layer = k.stage.findOne('.simulation-overlay');
      const draws: number[] = [];
      let start = 0;
      layer.on('beforeDraw', () => (start = performance.now()));
      layer.on('draw', () => draws.push(performance.now() - start));
      const last = sim.store.getState().frameCount - 1;
      sim.store.getState().seek(last);
      // Baseline: the same page for 2 s with nothing moving (what the machine's load alone costs a frame).
      const idle: number[] = [];
      await new Promise<void>((resolve) => {
        let before = 0;
        const i0 = performance.now();
        const tick = (t: number) => {
          if (before) idle.push(t - before);
          before = t;
          if (t - i0 < 2000) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      const chips = sim.overlay().chips.filter((c) => c.type === 'pod').length;
      const frames: number[] = [];
      const seekFrames: number[] = [];
      let prev = 0;
      let seeked = false;
      const t0 = performance.now();
      let jumps = 0;
      await new Promise<void>((resolve) => {
        const tick = (t: number) => {
          // A frame that followed a jump carries the two seeks' work; the others only animate.
          if (prev) (seeked ? seekFrames : frames).push(t - prev);
          prev = t;
          seeked = false;
          // Every 300 ms: back to the start and to the end again, so all 500 chips grow in anew.
          if (t - t0 > jumps * 300) {
            jumps++;
            seeked = true;
            sim.store.getState().seek(0);
            sim.store.getState().seek(last);
          }
          if (t - t0 < 4000) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      return { chips, frames, seekFrames, draws, idle };
    });
    console.log(`  ${result.chips} pod chips animating for 4 s (budget p95 ≤ 16.7 ms):`);
    console.log(`  frame interval, animating     ${stats(result.frames)}`);
    console.log(`  frame interval after a jump   ${stats(result.seekFrames)} (two seeks and the React updates they cause)`);
    console.log(`  overlay draw   ${stats(result.draws)}`);
    console.log(`  idle baseline  ${stats(result.idle)} (the same page, nothing moving)`);
  } finally {
    await app.stop();
    await stopServer();
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const sections = wanted.length ? wanted : ['seek', 'chips'];
  console.log(`machine: ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 shared cores: tails include other processes)`);
  if (sections.includes('seek')) await seekSection();
  if (sections.includes('chips')) await chipsSection();
}

await main();
