// Hostile inputs for the simulator through the real CLI (`node bin/kubeplan.mjs`): each ends with
// its exit code and a one-line message naming the object and the limit, within a time bound and a
// 512 MB heap (--max-old-space-size: a run that needs more dies and fails the row).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
let dir = '';

const template = 'template: {spec: {restartPolicy: Never, containers: [{name: a, image: busybox}]}}';
const files: Record<string, string> = {
  'cron-step-zero.yaml': `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: every-zero}\nspec:\n  schedule: "*/0 * * * *"\n  jobTemplate: {spec: {${template}}}\n`,
  'cron-every-minute.yaml': `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: tick}\nspec:\n  schedule: "* * * * *"\n  jobTemplate: {spec: {${template}}}\n`,
  'job-billion.yaml': `apiVersion: batch/v1\nkind: Job\nmetadata: {name: huge}\nspec:\n  completions: 1000000000\n  parallelism: 1000000000\n  ${template}\n`,
  'replicas-negative.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: -3\n  selector: {matchLabels: {app: web}}\n  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: nginx}]}}\n',
  'replicas-billion.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1000000000\n  selector: {matchLabels: {app: web}}\n  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}}\n',
  'no-nodes.kubeplan.yaml': 'kubeplan: 1\nname: empty\ncluster: {nodes: []}\nresources: []\n',
  'wait-year.yaml': 'steps:\n  - wait: 8760h\n',
  'wait-huge.yaml': 'steps:\n  - wait: 1e308\n',
  'traffic-flood.yaml': 'steps:\n  - startTraffic: {name: flood, from: external, to: "default/web:80", rate: 1000000000}\n  - wait: 10s\n',
  'alias-bomb.yaml': (() => {
    let block = '        a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 1; i < 9; i++) block += `        ${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]\n`;
    return `steps:\n  - apply:\n      manifests: |\n${block}        apiVersion: v1\n        kind: ConfigMap\n        metadata: {name: bomb}\n        data: {x: *i}\n`;
  })(),
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubeplan-bounds-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
});

function kubeplan(args: string[]) {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=512', join(root, 'bin', 'kubeplan.mjs'), ...args], { cwd: dir, encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, seconds: (Date.now() - started) / 1000 };
}

describe('the simulator ends on hostile input, through the CLI', () => {
  it.each<[string, string[], number, string]>([
    ['a CronJob schedule with step 0 is refused as the API server does', ['simulate', 'cron-step-zero.yaml'], 1, 'The CronJob "every-zero" is invalid: spec.schedule: Invalid value: "*/0 * * * *": step of range should be a positive number: */0'],
    ['a Job of a billion completions stops at the pod cap', ['simulate', 'job-billion.yaml'], 1, 'kubeplan simulate: stopped at t=0s: the inputs: Job/default/huge: asks for far more pods than the cluster can hold (330 on 3 nodes)'],
    ['a billion replicas stop at the pod cap, naming the Deployment', ['simulate', 'replicas-billion.yaml', '--json'], 1, 'Deployment/default/web: asks for far more pods than the cluster can hold'],
    ['negative replicas are refused', ['simulate', 'replicas-negative.yaml'], 1, 'spec.replicas: Invalid value: -3: must be greater than or equal to 0'],
    ['a cluster without nodes is refused', ['simulate', 'no-nodes.kubeplan.yaml'], 2, 'no-nodes.kubeplan.yaml: cluster.nodes: Required value: a cluster needs at least one node to run pods'],
    ['wait: 8760h is refused with the scenario line', ['simulate', 'cron-every-minute.yaml', '--scenario', 'wait-year.yaml'], 2, 'wait-year.yaml:2: step 1: wait: 8760h is longer than the 1d of simulated time one run may cover'],
    ['wait: 1e308 is refused with the scenario line', ['simulate', 'cron-every-minute.yaml', '--scenario', 'wait-huge.yaml'], 2, 'wait-huge.yaml:2: step 1: wait: 1e+308 is longer than the 1d of simulated time one run may cover'],
    ['a billion requests a second is refused', ['simulate', 'replicas-negative.yaml', '--scenario', 'traffic-flood.yaml'], 2, 'traffic-flood.yaml:2: step 1: startTraffic: rate 1000000000 is over the 10,000 requests per second one flow may send'],
    ['an alias bomb in apply.manifests is refused at once', ['simulate', 'cron-every-minute.yaml', '--scenario', 'alias-bomb.yaml'], 2, 'alias-bomb.yaml:2: step 1: apply: manifests, line 1 of the block: document aliases expand to more than 200,000 nodes (an alias bomb?)'],
    ['connectivity refuses a billion replicas', ['connectivity', 'replicas-billion.yaml'], 2, 'kubeplan connectivity: replicas-billion.yaml: Deployment default/web: 1,000,000,000 pods bring the design past the 250,000 pods the network view lays out'],
    ['explain refuses negative replicas as the API server does', ['explain', 'replicas-negative.yaml', '--from', 'external', '--to', 'default/web'], 2, 'The Deployment "web" is invalid: spec.replicas: Invalid value: -3: must be greater than or equal to 0'],
  ])('%s', (_what, args, code, message) => {
    const r = kubeplan(args);
    expect({ code: r.code, message: `${r.stdout}\n${r.stderr}`.split('\n').find((l) => l.includes(message)) !== undefined }).toEqual({ code, message: true });
    expect(r.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
    // Generous for a loaded 2-core machine: the hanging inputs ran for minutes before.
    expect(r.seconds).toBeLessThan(60);
  });
});
