// `kubeplan validate` and the simulated API server read one list of field rules: on generated
// objects with hostile numbers, schedules and ports, validate reports a field error exactly when
// apply refuses the object as invalid, with the same `<path>: <message>` lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/model/object';
import { validateObjects } from '../../../shared/validation';
import { run } from '../simulation/helpers';

const num = fc.oneof(fc.integer({ min: -3, max: 5 }), fc.constantFrom(0, 65535, 65536, 30000, 32767, 32768, 1_000_000_000));
const schedule = fc.constantFrom('*/5 * * * *', '*/0 * * * *', '61 * * * *', '@hourly', '@fortnightly', '* * * *');
const containers = fc.array(fc.record({ port: num, hostPort: fc.constantFrom(undefined, 0, 8080, -1, 70000) }), { maxLength: 2 }).map((cs) =>
  cs.map((c, i) => ({ name: `c${i}`, image: 'nginx', ports: [{ containerPort: c.port, ...(c.hostPort !== undefined ? { hostPort: c.hostPort } : {}) }] })),
);
const template = (cs: unknown[]) => ({ metadata: { labels: { app: 'x' } }, spec: { restartPolicy: 'Never', containers: cs } });

const object: fc.Arbitrary<KubeObject> = fc.oneof(
  fc.record({ replicas: num, cs: containers }).map(({ replicas, cs }) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'default' }, spec: { replicas, selector: { matchLabels: { app: 'x' } }, template: { ...template(cs), spec: { containers: cs } } } })),
  fc.record({ completions: num, parallelism: num, cs: containers }).map(({ completions, parallelism, cs }) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', namespace: 'default' }, spec: { completions, parallelism, template: template(cs) } })),
  fc.record({ schedule, cs: containers }).map(({ schedule: s, cs }) => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c', namespace: 'default' }, spec: { schedule: s, jobTemplate: { spec: { template: template(cs) } } } })),
  fc.record({ type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'), port: num, nodePort: fc.constantFrom(undefined, 0, 30080, 40000, 80, 70000) }).map(({ type, port, nodePort }) => ({
    apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { type, selector: { app: 'x' }, ports: [{ port, ...(nodePort !== undefined ? { nodePort } : {}) }] },
  })),
);

describe('validate and apply agree on the field rules', () => {
  it('a field error in validate exactly when apply says "is invalid", with the same lines', () => {
    fc.assert(
      fc.property(object, (o) => {
        const lines = validateObjects([o]).filter((p) => p.rule === 'field' || p.rule === 'port-range').map((p) => `${p.path}: ${p.message}`);
        const applied = run([structuredClone(o)], { options: { limits: { simulatedSeconds: 1, podsCreatedFloor: 20, podsCreatedPerLivePod: 0 }, record: false } }).applied[0];
        if (lines.length === 0) {
          expect(applied.message ?? '').not.toContain('is invalid');
          return;
        }
        // The API server lists them in its validation order, validate by field path: same lines, any order.
        // kubectl prints the causes of an Invalid error: one after the prefix, several one per `* ` line.
        const prefix = `The ${o.kind} "${o.metadata.name}" is invalid: `;
        expect(applied.result).toBe('failed');
        expect(applied.message?.startsWith(prefix)).toBe(true);
        const detail = applied.message!.slice(prefix.length);
        const listed = detail.startsWith('\n') ? detail.slice(1).split('\n').map((l) => l.replace(/^\* /, '')) : [detail];
        expect([...listed].sort()).toEqual([...lines].sort());
      }),
      { numRuns: 50 },
    );
  });
});
