// `npm run bench large-output`: `kubeplan simulate --json` and `kubeplan connectivity` (txt and
// json) at 100,000 pods (1,000 nodes, 500 Deployments of 200 replicas, 100 namespaces), output
// streamed to a sink that only counts bytes; and connectivity over 100,000 bare pods (9.9 million
// pairs, each pod its own workload). Before streaming: "Invalid string length" and
// "Map maximum size exceeded". One command per process (`node … large-output.bench.ts simulate`),
// so each peak RSS is its own; run without an argument to run all three.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { Design } from '../../shared/design/types';
import type { KubeObject } from '../../shared/model/object';
import { createConnectivityCommand } from '../../cli/commands/connectivity';
import { runSimulate } from '../../cli/commands/simulate';

const NAMESPACES = 100;
const DEPLOYMENTS = 5;
const REPLICAS = 200;

function objects(): KubeObject[] {
  const out: KubeObject[] = [];
  for (let n = 0; n < NAMESPACES; n++) {
    const namespace = `team-${n}`;
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    for (let d = 0; d < DEPLOYMENTS; d++) {
      const app = `app-${d}`;
      out.push({
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: app, namespace },
        spec: { replicas: REPLICAS, selector: { matchLabels: { app } }, template: { metadata: { labels: { app, tier: d === 0 ? 'front' : 'back' } }, spec: { containers: [{ name: app, image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080 }], resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } } },
      });
      out.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: app, namespace }, spec: { selector: { app }, ports: [{ port: 80, targetPort: 'http' }] } });
    }
    out.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'front-to-back', namespace }, spec: { podSelector: { matchLabels: { tier: 'back' } }, ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'front' } } }], ports: [{ port: 'http' }] }] } });
  }
  return out;
}

/** 100,000 bare pods (as a `kubectl get pods -o yaml` dump reads): each its own workload, 100 to a namespace that admits only itself. */
function barePods(): KubeObject[] {
  const out: KubeObject[] = [];
  for (let n = 0; n < 1000; n++) {
    const namespace = `ns-${n}`;
    out.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'same-namespace', namespace }, spec: { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] } });
    for (let i = 0; i < 100; i++) out.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${i}`, namespace, labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 8080 }] }] } });
  }
  return out;
}

const cluster: Design['cluster'] = { nodes: Array.from({ length: 1000 }, (_, i) => ({ name: `node-${i + 1}`, cpu: '16', memory: '64Gi', pods: 110, zone: `zone-${i % 3}` })) };
const loaded = (bare = false) => ({ objects: (bare ? barePods() : objects()).map((object, index) => ({ object, source: { file: 'bench', line: 1, index } })), design: { cluster } as Design, errors: [] });

async function measure(what: string): Promise<void> {
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 20);
  let bytes = 0;
  const io = { stdout: (t: string) => void (bytes += t.length), stderr: (t: string) => void process.stderr.write(t), cwd: '.' };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let code: number;
  if (what === 'simulate') code = await runSimulate(['bench', '--json'], io, async () => loaded());
  else code = await createConnectivityCommand(async () => loaded(what === 'connectivity-pods')).run(['bench', '--format', what === 'connectivity-json' ? 'json' : 'txt'], io);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  sample();
  clearInterval(timer);
  console.log(`  ${what.padEnd(18)} exit ${code}: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms cpu / ${ms.toFixed(0)} ms wall, ${(bytes / 2 ** 20).toFixed(0)} MiB written, peak rss ${(peak / 2 ** 20).toFixed(0)} MiB`);
}

const which = process.argv[2];
if (which) await measure(which);
else {
  console.log(`100,000 pods / 1,000 nodes / 500 Deployments / 100 namespaces; machine: ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  for (const w of ['simulate', 'connectivity-txt', 'connectivity-json', 'connectivity-pods']) spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, w], { stdio: 'inherit' });
}
