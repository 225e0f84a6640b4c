/**
 * `npm run bench validation`: validateObjects over 10,000 objects of a realistic mix (50
 * namespaces, each with a quota, a LimitRange, a NetworkPolicy and 28 apps of Deployment or
 * StatefulSet + Service + ConfigMap + Secret + PVC + HPA + Ingress). Budget: ≤ 1 s.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { KubeObject } from '../../shared/model/object';
import { ObjectIndex } from '../../shared/kinds/objectIndex';
import { resolveReferences } from '../../shared/references';
import { validateObjects } from '../../shared/validation';
import { schemaErrors } from '../../shared/validation/schema';

const BUDGET_MS = 1000;
const RUNS = 7;

function app(ns: string, i: number): KubeObject[] {
  const name = `app-${i}`;
  const labels = { app: name, tier: i % 3 === 0 ? 'db' : 'web' };
  const container = {
    name,
    image: `registry.example.com/${name}:1.${i}`,
    ports: [{ name: 'http', containerPort: 8080 }],
    env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: `${name}-config`, key: 'mode' } } }],
    envFrom: [{ secretRef: { name: `${name}-secret` } }],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 5 },
    volumeMounts: [{ name: 'data', mountPath: '/data' }],
  };
  const stateful = i % 4 === 0;
  const workload: KubeObject = {
    apiVersion: 'apps/v1',
    kind: stateful ? 'StatefulSet' : 'Deployment',
    metadata: { name, namespace: ns, labels },
    spec: {
      replicas: 2 + (i % 3),
      ...(stateful ? { serviceName: name } : {}),
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [container], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: `${name}-data` } }] },
      },
    },
  };
  return [
    workload,
    { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: i % 10 === 0 ? 'https' : 'http' }] } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-config`, namespace: ns }, data: { mode: 'production', 'app.properties': 'a=1\nb=2\n' } },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: `${name}-secret`, namespace: ns }, type: 'Opaque', stringData: { PASSWORD: 's3cret' } },
    { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: `${name}-data`, namespace: ns }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } } },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name, namespace: ns },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: workload.kind, name }, minReplicas: 2, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name, namespace: ns },
      spec: { rules: [{ host: `${name}.${ns}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { name: 'http' } } } }] } }] },
    },
  ];
}

function namespace(n: number): KubeObject[] {
  const ns = `team-${n}`;
  const objects: KubeObject[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { team: ns } } },
    { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: ns }, spec: { hard: { 'requests.cpu': '20', 'requests.memory': '40Gi', 'limits.cpu': '40', 'limits.memory': '80Gi', pods: '200' } } },
    { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults', namespace: ns }, spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] } },
    { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: ns }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
  ];
  for (let i = 0; i < 28; i++) objects.push(...app(ns, i));
  return objects;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const cpu: number[] = [];

/** Wall time in ms; the process's CPU time goes to `cpu` (the machine is shared, so both are shown). */
function time(fn: () => void, cpuOut?: number[]): number {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(c);
  cpuOut?.push((used.user + used.system) / 1000);
  return wall;
}

const objects: KubeObject[] = [
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' },
];
for (let n = 0; n < 50; n++) objects.push(...namespace(n));
objects.pop(); // 10,000 exactly, with the StorageClass
const kinds = new Map<string, number>();
for (const o of objects) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);

console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`objects: ${objects.length} in 50 namespaces (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')})`);

const firstCpu: number[] = [];
const first = time(() => validateObjects(objects), firstCpu);
let problems = 0;
const full: number[] = [];
const schema: number[] = [];
const schemaCpu: number[] = [];
const refs: number[] = [];
const refsCpu: number[] = [];
for (let r = 0; r < RUNS; r++) {
  (globalThis as { gc?: () => void }).gc?.();
  full.push(time(() => (problems = validateObjects(objects).length), cpu));
  schema.push(time(() => objects.forEach((o) => schemaErrors(o)), schemaCpu));
  refs.push(time(() => resolveReferences(new ObjectIndex(objects)), refsCpu));
}
const wall = median(full);
const used = median(cpu);
const ms = (x: number) => `${x.toFixed(0)} ms`;
console.log(`validateObjects, first run (validators compiling): ${ms(first)} wall, ${ms(firstCpu[0])} CPU`);
console.log(`validateObjects, median of ${RUNS}: ${ms(wall)} wall, ${ms(used)} CPU (${problems} problems)`);
console.log(`  of which schema validation: ${ms(median(schema))} wall, ${ms(median(schemaCpu))} CPU; index + references: ${ms(median(refs))} wall, ${ms(median(refsCpu))} CPU`);
console.log(`  load average while measuring: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
// The machine is shared: the process's own CPU time is what the work costs; wall time adds the waiting.
console.log(`budget ${BUDGET_MS} ms (CPU time of the median run): ${used <= BUDGET_MS ? 'ok' : 'OVER'}`);
if (used > BUDGET_MS) process.exitCode = 1;
