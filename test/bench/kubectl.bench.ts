// `npm run bench kubectl`: console / CLI kubectl latency on the 10,000-pod benchmark cluster (50
// namespaces × 4 Deployments × 50 replicas on 500 nodes, as simulation.bench.ts): `get pods -A`
// (budget 200 ms), `get pods -n`, `describe deploy`, `auth can-i --list`, as admin and as a user
// whose RBAC rules are evaluated on every request.
import { cpus, loadavg } from 'node:os';
import type { ClusterSpec } from '../../shared/design/types';
import type { KubeObject } from '../../shared/model/object';
import { benchmarkNodes, benchmarkObjects } from './cluster10k';
import { SimulationSession } from '../../shared/simulation/session';


const cluster: ClusterSpec = { nodes: benchmarkNodes(), users: [{ name: 'reader', groups: ['readers'] }] };

const t0 = performance.now();
// Readers of every namespace through a ClusterRoleBinding to the built-in `view` role.
const readers = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'readers' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'readers' }] } as KubeObject;
const session = new SimulationSession({ objects: [...benchmarkObjects(), readers], cluster, seed: 1 });
session.runToEnd();
console.log(`cluster: ${session.view().pods.length} pods on ${cluster.nodes.length} nodes, run to steady state in ${(performance.now() - t0).toFixed(0)} ms`);

function time(label: string, argv: string[], context: string, budget?: number) {
  const runs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    const r = session.kubectl(argv, { context });
    runs.push(performance.now() - start);
    bytes = r.output.stdout.length;
    if (r.output.exitCode !== 0) throw new Error(`${label}: ${r.output.stderr}`);
  }
  runs.sort((a, b) => a - b);
  const median = runs[3];
  console.log(`${label.padEnd(44)} median ${median.toFixed(1).padStart(7)} ms  max ${runs[6].toFixed(1).padStart(7)} ms  (${(bytes / 1024).toFixed(0)} KiB of output)${budget ? `  budget ${budget} ms ${median <= budget ? 'ok' : 'OVER'}` : ''}`);
}

time('kubectl get pods -A (admin)', ['get', 'pods', '-A'], 'admin', 200);
time('kubectl get pods -A (reader, RBAC)', ['get', 'pods', '-A'], 'reader', 200);
time('kubectl get pods -A -o wide', ['get', 'pods', '-A', '-o', 'wide'], 'admin');
time('kubectl get pods -n team-7', ['get', 'pods', '-n', 'team-7'], 'admin');
time('kubectl get pods -A -l app=app-1', ['get', 'pods', '-A', '-l', 'app=app-1'], 'admin');
time('kubectl describe deploy app-0 -n team-7', ['describe', 'deploy', 'app-0', '-n', 'team-7'], 'admin');
time('kubectl auth can-i --list (reader)', ['auth', 'can-i', '--list'], 'reader');
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
