// Generated manifests with hostile numbers, schedules and selectors: simulate, connectivity and
// explain each end within their limits (counted in pods, events, simulated seconds, requests).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCluster } from '../../../shared/design/types';
import type { KubeObject } from '../../../shared/model/object';
import { simulate } from '../../../shared/simulation';
import { networkInputProblems } from '../../../shared/simulation/inputProblems';
import { connectivityLines, NetworkResolver } from '../../../shared/simulation/network';
import type { ScenarioStep } from '../../../shared/simulation/types';
import { steadyNetworkSnapshot } from '../../../shared/simulation/session/network';

const hostile = fc.oneof(fc.integer({ min: -5, max: 40 }), fc.constantFrom(0, 1, 1.5, -1, 1_000_000_000, 2 ** 31 - 1, 2 ** 53, 1e308));
const schedule = fc.oneof(fc.constantFrom('* * * * *', '*/0 * * * *', '*/5 * * * *', '@hourly', '61 * * * *', '* * * *', '@every 1m', '0-59/0 * * * *', ''), fc.string({ maxLength: 12 }));
const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'x'), fc.constantFrom('web', 'db', 'a', ''), { maxKeys: 2 });
const port = fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constantFrom(0, -1, 70000, 80));
const containers = fc.record({ cpu: fc.constantFrom('100m', '-1', '0', '1e3', '999999'), port }).map(({ cpu, port: p }) => [{ name: 'c', image: 'nginx', ports: [{ containerPort: p }], resources: { requests: { cpu } } }]);

const workload = fc.oneof(
  fc.record({ kind: fc.constant('Deployment'), replicas: hostile, labels, selector: labels, containers }),
  fc.record({ kind: fc.constant('StatefulSet'), replicas: hostile, labels, selector: labels, containers }),
  fc.record({ kind: fc.constant('Job'), completions: hostile, parallelism: hostile, labels, containers }),
  fc.record({ kind: fc.constant('CronJob'), schedule, parallelism: hostile, labels, containers }),
  fc.record({ kind: fc.constant('Service'), selector: labels, port }),
  fc.record({ kind: fc.constant('NetworkPolicy'), selector: labels, from: labels, port }),
);

function manifest(w: Record<string, unknown>, i: number): KubeObject {
  const metadata = { name: `o${i}`, namespace: 'default' };
  const template = { metadata: { labels: w.labels }, spec: { restartPolicy: w.kind === 'Job' || w.kind === 'CronJob' ? 'Never' : 'Always', containers: w.containers } };
  switch (w.kind) {
    case 'Deployment':
    case 'StatefulSet':
      return { apiVersion: 'apps/v1', kind: w.kind, metadata, spec: { replicas: w.replicas, serviceName: 'o', selector: { matchLabels: w.selector }, template } };
    case 'Job':
      return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: { completions: w.completions, parallelism: w.parallelism, template } };
    case 'CronJob':
      return { apiVersion: 'batch/v1', kind: 'CronJob', metadata, spec: { schedule: w.schedule, jobTemplate: { spec: { parallelism: w.parallelism, template } } } };
    case 'Service':
      return { apiVersion: 'v1', kind: 'Service', metadata, spec: { selector: w.selector, ports: [{ port: w.port }] } };
    default:
      return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec: { podSelector: { matchLabels: w.selector }, ingress: [{ from: [{ podSelector: { matchLabels: w.from } }], ports: [{ port: w.port }] }] } };
  }
}

const objectsArb = fc.array(workload, { minLength: 1, maxLength: 6 }).map((ws) => ws.map((w, i) => manifest(w as Record<string, unknown>, i)));
const step: fc.Arbitrary<ScenarioStep> = fc.oneof(
  fc.record({ action: fc.constant('wait' as const), seconds: fc.oneof(fc.integer({ min: 0, max: 3600 }), fc.constantFrom(7200, 86_400, 1e308)) }),
  fc.record({ action: fc.constant('startTraffic' as const), flow: fc.record({ name: fc.constantFrom('f', 'g'), from: fc.constant('external'), to: fc.constantFrom('default/o0:80', 'default/o1', '10.244.0.1:80'), rate: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constant(1e9)) }) }),
  fc.record({ action: fc.constant('scale' as const), kind: fc.constant('Deployment'), namespace: fc.constant('default'), name: fc.constantFrom('o0', 'o1'), replicas: fc.constantFrom(0, 5, 1_000_000_000) }),
);

// Tight limits so every run is quick; the bounds asserted are these limits, whatever the input.
const limits = { pendingPodsBeyondCapacity: 100, podsCreatedFloor: 400, podsCreatedPerLivePod: 0, events: 3000, timerRuns: 20_000, trafficRequests: 5000, simulatedSeconds: 7200 };
const capacity = defaultCluster().nodes.reduce((n, x) => n + x.pods, 0);

describe('the simulator ends within its limits on generated hostile manifests', () => {
  it('simulate: a result (perhaps stopped at a named limit) with pods, events, time and requests within the limits', () => {
    fc.assert(
      fc.property(objectsArb, fc.array(step, { maxLength: 4 }), (objects, steps) => {
        const r = simulate({ objects, cluster: defaultCluster(), scenario: { steps }, seed: 1, options: { limits, record: false } });
        expect(r.pods.length).toBeLessThanOrEqual(capacity + limits.pendingPodsBeyondCapacity);
        expect(r.events.length).toBeLessThanOrEqual(limits.events);
        expect(r.endTime).toBeLessThanOrEqual(limits.simulatedSeconds);
        expect(r.traffic.reduce((n, a) => n + a.requests, 0)).toBeLessThanOrEqual(limits.trafficRequests);
        if (r.stopped) expect(r.stopped.message).toMatch(/^[^\n]+$/);
      }),
      { numRuns: 40 },
    );
  });

  it('connectivity and explain: refused with a message, or a list no longer than every ordered pair of workloads', () => {
    fc.assert(
      fc.property(objectsArb, fc.constantFrom('o0', 'o1', 'o2'), (objects, target) => {
        const problems = networkInputProblems(objects, defaultCluster());
        if (problems.length) {
          for (const p of problems) expect(p).toMatch(/^[^\n]+$/);
          return;
        }
        const snapshot = steadyNetworkSnapshot(objects, defaultCluster());
        let lines = 0;
        for (const line of connectivityLines(snapshot)) {
          lines++;
          expect(line.src).not.toBe(line.dst);
        }
        const workloads = new Set(snapshot.pods.map((p) => `${p.namespace}/${p.owner}`)).size;
        expect(lines).toBeLessThanOrEqual((workloads + 2) * (workloads + 2));
        const result = new NetworkResolver(snapshot).resolve({ from: { kind: 'external' }, to: { kind: 'service', namespace: 'default', name: target } });
        expect(typeof result.verdict).toBe('string');
      }),
      { numRuns: 80 },
    );
  });
});
