// `npm run bench observe`: logs and metrics of the 10,000-pod benchmark cluster (the same 50
// namespaces × 4 Deployments × 50 replicas on 500 nodes as `npm run bench simulation`), run with
// traffic and a load for a minute: deriving the series of every node, of every Service, of pods,
// and `kubectl top` / `kubectl logs` over it (docs/observability.md).
import { cpus, loadavg, totalmem } from 'node:os';
import type { ClusterSpec } from '../../shared/design/types';
import { benchmarkNodes, benchmarkObjects } from './cluster10k';
import { kubectlLogs, kubectlTopNodes, kubectlTopPods } from '../../shared/simulation/observe';
import { SimulationSession } from '../../shared/simulation/session';
import type { ScenarioStep } from '../../shared/simulation/types';

declare const gc: (() => void) | undefined;


const cluster: ClusterSpec = { nodes: benchmarkNodes() };
const steps: ScenarioStep[] = [
  { action: 'wait', steady: true },
  ...Array.from({ length: 10 }, (_, i): ScenarioStep => ({ action: 'startTraffic', flow: { name: `shoppers-${i}`, from: 'external', to: `team-${i}/app-0:80`, rate: 100 } })),
  { action: 'setLoad', kind: 'Deployment', namespace: 'team-1', name: 'app-1', cpu: '2' },
  { action: 'wait', seconds: 60 },
];

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
};
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

const loadBefore = load();
if (typeof gc === 'function') gc();
const heap0 = process.memoryUsage().heapUsed;
const [session, runMs] = time(() => {
  const s = new SimulationSession({ objects: benchmarkObjects(), cluster, seed: 1, scenario: { steps } });
  s.runToEnd();
  return s;
});
if (typeof gc === 'function') gc();
const heap1 = process.memoryUsage().heapUsed;
const rec = session.recorder;
const runs = rec.pods.reduce((n, p) => n + p.runs.length, 0);
const [obs, buildMs] = time(() => session.observation());
const times = obs.sampleTimes();
const [nodes, nodesMs] = time(() => obs.nodeSeries(times));
const [, oneNodeMs] = time(() => obs.series({ kind: 'node', name: 'node-1' }, times));
const services = obs.services;
const [, servicesMs] = time(() => services.map((s) => obs.series({ kind: 'service', namespace: s.namespace, name: s.name }, times)));
const sample = obs.podsAt().filter((_, i) => i % 100 === 0);
const [, podsMs] = time(() => sample.map((p) => obs.series({ kind: 'pod', namespace: p.namespace, name: p.name }, times)));
const [topPods, topPodsMs] = time(() => kubectlTopPods(obs, { allNamespaces: true }));
const [, topNodesMs] = time(() => kubectlTopNodes(obs, {}));
const busy = obs.podsAt(obs.end, 'team-0')[0];
const [logs, logsMs] = time(() => kubectlLogs(obs, { pod: busy.name, namespace: 'team-0' }));
// The console's commands, through the API server (RBAC, the metrics API, the log window of a follow).
const [viaApi, viaApiMs] = time(() => session.kubectl(['top', 'pods', '-A'], { context: 'admin' }).output);
const [, followMs] = time(() => session.kubectl(['logs', '-f', busy.name, '-n', 'team-0'], { context: 'admin', logWindow: { start: session.now, after: session.now } }).output);

console.log(`observation of 10,000 pods / 500 nodes / 200 Services, ${session.now} s run + ${obs.end - session.now} s steady tail, ${times.length} samples per series:`);
console.log(`  session run with the recorder: ${runMs.toFixed(0)} ms wall; recorder: ${rec.pods.length.toLocaleString('en')} pods, ${runs.toLocaleString('en')} container runs, ${rec.hpaDecisions.length} HPA decisions; session heap ${((heap1 - heap0) / 2 ** 20).toFixed(0)} MiB`);
console.log(`  observation build ${buildMs.toFixed(1)} ms; every node's series (${nodes.length} × cpu+memory, one pass) ${nodesMs.toFixed(0)} ms; one node ${oneNodeMs.toFixed(0)} ms`);
console.log(`  every Service's series (${services.length} × rate+errors+latency) ${servicesMs.toFixed(0)} ms (${(servicesMs / services.length).toFixed(1)} ms each); ${sample.length} pods' series ${podsMs.toFixed(0)} ms (${(podsMs / sample.length).toFixed(2)} ms each)`);
console.log(`  kubectl top pods -A ${topPodsMs.toFixed(0)} ms (${topPods.stdout.split('\n').length - 2} rows); kubectl top nodes ${topNodesMs.toFixed(0)} ms; kubectl logs of a pod serving 2 req/s ${logsMs.toFixed(0)} ms (${logs.stdout.split('\n').length - 1} lines)`);
console.log(`  console kubectl top pods -A through the API server ${viaApiMs.toFixed(0)} ms (${viaApi.stdout.split('\n').length - 2} rows); a logs -f read of the steady tail ${followMs.toFixed(0)} ms`);
console.log(`  load average before ${loadBefore}, after ${load()} on ${cpus().length} cores; ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
