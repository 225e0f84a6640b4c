// `npm run bench simulation`: 10,000 pods on 500 nodes in 50 namespaces with 200 NetworkPolicies
// to steady state (budget ≤ 1 s), then 100,000 requests resolved through the network resolver.
import { cpus, loadavg, totalmem } from 'node:os';
import type { ClusterSpec } from '../../shared/design/types';
import { benchmarkNodes, benchmarkObjects, NAMESPACES } from './cluster10k';
import { Simulation } from '../../shared/simulation/simulate';
import { DEFAULT_KEYFRAME_EVERY, SimulationSession } from '../../shared/simulation/session';
import type { ScenarioStep } from '../../shared/simulation/types';
import { flowRequest, networkSnapshot } from '../../shared/simulation/traffic';
import { NetworkResolver, type NetRequest } from '../../shared/simulation/network';

declare const gc: (() => void) | undefined;


const cluster: ClusterSpec = { nodes: benchmarkNodes() };

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 5);

function steady(record: boolean) {
  if (typeof gc === 'function') gc();
  const input = benchmarkObjects({ policies: true });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const sim = new Simulation({ objects: input, cluster, seed: 1, options: { record } });
  sim.apply(input);
  const ok = sim.cluster.runToSteady(() => sim.tick());
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  sample();
  const pods = sim.cluster.store.list('Pod');
  const running = pods.filter((p) => (p.status as { phase?: string }).phase === 'Running').length;
  return { sim, ms, cpuMs, ok, pods: pods.length, running, messages: sim.cluster.messages.length, events: sim.cluster.events.length };
}

/** A run's figures without its cluster, so earlier runs' heaps do not weigh on later runs' GC. */
function figures(r: ReturnType<typeof steady>) {
  const { sim: _sim, ...rest } = r;
  return rest;
}

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const loadBefore = load();
const warm = figures(steady(false));
// Three plain runs after the warm-up: on a shared machine one run's CPU time varies by ±30%.
const plain = [figures(steady(false)), figures(steady(false)), figures(steady(false))];
const quiet = [...plain].sort((a, b) => a.cpuMs - b.cpuMs)[1];
const recorded = figures(steady(true));
const last = steady(false);
const fmt = (r: { ms: number; cpuMs: number }) => `${r.cpuMs.toFixed(0)} ms cpu / ${r.ms.toFixed(0)} ms wall`;
console.log(`steady state, 10,000 pods / 500 nodes / 50 namespaces / 200 NetworkPolicies (budget 1000 ms):`);
console.log(`  without recording: median ${fmt(quiet)} (runs: ${plain.map(fmt).join('; ')}; first, cold run ${fmt(warm)})`);
console.log(`  recording ticks, messages and timeline: ${fmt(recorded)}`);
console.log(`  load average before ${loadBefore}, after ${load()} on ${cpus().length} cores (wall time is only meaningful on an idle machine; cpu time also inflates under load)`);
console.log(`  ${quiet.pods} pods, ${quiet.running} Running, steady=${quiet.ok}, simulated ${last.sim.cluster.now} s, ${recorded.messages} control-plane messages, ${recorded.events} events`);

const c = last.sim.cluster;
const t1 = performance.now();
const resolver = new NetworkResolver(networkSnapshot(c));
const snapMs = performance.now() - t1;
const requests: NetRequest[] = [];
for (let n = 0; n < NAMESPACES; n++) {
  for (const to of ['app-1:80', 'app-2:80', 'app-0:80']) {
    const r = flowRequest(c, { name: 'f', from: `team-${n}/app-0`, to: `team-${n}/${to}`, rate: 1 });
    if (typeof r !== 'string') requests.push(r);
  }
}
const N = 100_000;
const verdicts = new Map<string, number>();
const t2 = performance.now();
for (let i = 0; i < N; i++) {
  const r = resolver.resolve({ ...requests[i % requests.length], seq: i });
  verdicts.set(r.verdict, (verdicts.get(r.verdict) ?? 0) + 1);
}
const resolveMs = performance.now() - t2;
sample();
console.log(`traffic: snapshot + resolver setup ${snapMs.toFixed(0)} ms; ${N.toLocaleString('en')} requests in ${resolveMs.toFixed(0)} ms = ${Math.round(N / (resolveMs / 1000)).toLocaleString('en')} requests/s (${[...verdicts].map(([v, n]) => `${v} ${n}`).join(', ')})`);

// The live view's timeline: the same 10,000 pods, then ten minutes of scaling, rollouts, pod
// deletions and drains, stepped as a session; then scrubbing to random points of it.
const steps: ScenarioStep[] = [{ action: 'wait', steady: true }];
for (let k = 0; k < 20; k++) {
  const namespace = `team-${k}`;
  steps.push({ action: 'wait', seconds: 30 });
  if (k % 4 === 0) steps.push({ action: 'scale', kind: 'Deployment', namespace, name: 'app-1', replicas: 80 });
  if (k % 4 === 1) steps.push({ action: 'setImage', kind: 'Deployment', namespace, name: 'app-2', image: 'nginx:1.28' });
  if (k % 4 === 2) steps.push({ action: 'deletePod', namespace, owner: 'Deployment/app-3' });
  if (k % 4 === 3) steps.push({ action: 'drain', node: `node-${k}` });
}
if (typeof gc === 'function') gc();
const heap0 = process.memoryUsage().heapUsed;
const t3 = performance.now();
const session = new SimulationSession({ objects: benchmarkObjects({ policies: true }), cluster, seed: 1, scenario: { steps } });
session.runToEnd();
const runMs = performance.now() - t3;
if (typeof gc === 'function') gc();
const heap1 = process.memoryUsage().heapUsed;
const frames = session.frames;
let bytes = 0;
for (const f of frames) bytes += JSON.stringify(f).length;
const podsAtEnd = session.view().pods.length;
// Deterministic random points (a fixed LCG), so runs compare.
let x = 12345;
const rand = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const scrubs: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = rand() * session.now;
  const s0 = performance.now();
  session.snapshotAt(t);
  scrubs.push(performance.now() - s0);
}
scrubs.sort((a, b) => a - b);
const pct = (p: number) => scrubs[Math.min(scrubs.length - 1, Math.floor((p / 100) * scrubs.length))].toFixed(1);
console.log(`session: 10,000 pods, ${session.now} simulated s (${steps.length} scenario steps), ${frames.length} frames, ${podsAtEnd} pods at the end, run ${runMs.toFixed(0)} ms wall`);
console.log(`  scrubbing to 200 random points (budget 100 ms): p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${scrubs.at(-1)?.toFixed(1)} ms`);
console.log(`  keyframes: ${session.keyframeCount} (every ${DEFAULT_KEYFRAME_EVERY} frames or when changes outgrow the view), ${session.keyframeSlots.toLocaleString('en')} record references ≈ ${((session.keyframeSlots * 8) / 2 ** 20).toFixed(1)} MiB; session heap after the run ${((heap1 - heap0) / 2 ** 20).toFixed(0)} MiB (records, frames, cluster)`);
// The boot, apply and first second carry every pod and its first events; after that only changes travel.
const burst = frames.filter((f) => f.time <= 1);
const burstBytes = burst.reduce((n, f) => n + JSON.stringify(f).length, 0);
const later = session.now - 1;
console.log(`  stream: ${(bytes / 2 ** 20).toFixed(1)} MiB of JSON frames over ${session.now} s: the first second (boot, apply, pods starting) ${(burstBytes / 2 ** 20).toFixed(1)} MiB, then ${Math.round((bytes - burstBytes) / later / 1024).toLocaleString('en')} KiB per simulated second`);
clearInterval(timer);
console.log(`peak memory (rss): ${(peak / 2 ** 20).toFixed(0)} MiB; machine: ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
