/**
 * One CPU model (shared/simulation/usage.ts): the HorizontalPodAutoscaler reads the CPU the traffic
 * costs the pods it reaches, as the Metrics chart and `kubectl top` show it, inside the running
 * cluster — so raising a flow's rate scales the workload up, the new pods take their share of the
 * requests (each pod's CPU falls), and lowering it scales down after the stabilization window.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../shared/model/object';
import type { ScenarioStep } from '../../../../shared/simulation/types';
import { kubectlLogs } from '../../../../shared/simulation/observe';
import { SimulationSession } from '../../../../shared/simulation/session';
import { nodes, ns } from '../helpers';
import { hpa, service, session, web } from './fixtures';

const hpa10: KubeObject = { ...hpa, spec: { ...(hpa.spec as object), maxReplicas: 10 } };
const objects = [ns('app'), web, service, hpa10];
const flow = (rate: number): ScenarioStep => ({ action: 'startTraffic', flow: { name: 'shoppers', from: 'external', to: 'app/web:80', rate } });
const rescales = (s: ReturnType<typeof session>) => s.frames.flatMap((f) => f.events).filter((e) => e.reason === 'SuccessfulRescale').map((e) => ({ time: e.firstTime, message: e.message }));
const stepTime = (s: ReturnType<typeof session>, n: number) => s.frames.find((f) => f.cause.type === 'step' && f.cause.step === n)!.time;

describe('the HPA scales on the CPU that traffic costs', () => {
  const s = session([{ action: 'wait', steady: true }, { action: 'wait', seconds: 60 }, flow(200), { action: 'wait', seconds: 120 }], objects);
  const start = stepTime(s, 3);

  it('raising a flow\'s rate scales up within the sync period, by at most max(2×, +4) at a time', () => {
    const up = rescales(s);
    expect(up[0].time - start).toBeLessThanOrEqual(15);
    // 200 requests/s over 2 pods of 100m: 2m a request, so about 200 % of the request each; the first step is capped at 6.
    expect(up[0].message).toBe('New size: 6; reason: cpu resource utilization (percentage of request) above target');
    expect(up[1].time - up[0].time).toBeGreaterThanOrEqual(15);
    // 400m of requests plus 4m idle each over 9 pods: 48 %, inside the 10 % tolerance of 50 %, so it stays.
    expect(up.map((r) => r.message.slice(0, 12))).toEqual(['New size: 6;', 'New size: 9;']);
    expect(s.view().pods.filter((p) => p.namespace === 'app' && p.phase === 'Running')).toHaveLength(9);
  });

  it('feeds back: the requests spread over the new pods, and each pod\'s CPU falls (chart and HPA status alike)', () => {
    const obs = s.observation();
    const [first] = obs.hpaDecisions;
    const old = obs.podsAt(first.time - 1, 'app')[0];
    const before = obs.podUsage(old, first.time - 1)!.cpu;
    const after = obs.podUsage(old, obs.end)!.cpu;
    // 100 requests/s each at first (about 204m), 200/9 at the end (about 48m).
    expect(before).toBeGreaterThan(170);
    expect(after).toBeLessThan(70);
    expect(obs.podRequests(old, obs.end).ok).toBeLessThanOrEqual(23);
    const status = session([{ action: 'wait', steady: true }, { action: 'wait', seconds: 60 }, flow(200), { action: 'wait', seconds: 120 }], objects)
      .kubectl(['get', 'hpa', 'web', '-n', 'app', '-o', 'json'], { context: 'admin' }).output.stdout;
    const current = JSON.parse(status).status.currentMetrics[0].resource.current;
    expect(current.averageUtilization).toBeLessThanOrEqual(55);
    expect(current.averageUtilization).toBeGreaterThanOrEqual(40);
  });

  it('the HPA reads the number the chart draws, without its per-second noise', () => {
    const obs = s.observation();
    const t = s.now;
    const ready = obs.podsAt(t, 'app').filter((p) => obs.podUsage(p, t));
    const chart = ready.reduce((sum, p) => sum + obs.podUsage(p, t)!.cpu, 0) / ready.length;
    const out = s.kubectl(['get', 'hpa', 'web', '-n', 'app', '-o', 'json'], { context: 'admin' }).output.stdout;
    const average = Number(JSON.parse(out).status.currentMetrics[0].resource.current.averageValue.replace('m', ''));
    // The noise is at most ±10 % of the request work and ±30 % of the idle floor.
    expect(Math.abs(average - chart)).toBeLessThanOrEqual(0.1 * chart);
  });

  it('kubectl get hpa shows the utilization the traffic causes against the target (golden)', () => {
    expect(s.kubectl(['get', 'hpa', '-n', 'app'], { context: 'admin' }).output.stdout).toBe(
      'NAME   REFERENCE        TARGETS        MINPODS   MAXPODS   REPLICAS   AGE\n' +
      'web    Deployment/web   cpu: 48%/50%   2         10        9          3m1s\n',
    );
    const describe = s.kubectl(['describe', 'hpa', 'web', '-n', 'app'], { context: 'admin' }).output.stdout;
    // kubectl's HorizontalPodAutoscalerDescriber: the target, current / target per metric, the bounds, the target's pods.
    expect(describe.split('\nEvents:')[0]!.split('\n').filter((l) => !l.startsWith('CreationTimestamp:')).join('\n')).toBe([
      'Name:                                                  web',
      'Namespace:                                             app',
      'Labels:                                                <none>',
      'Annotations:                                           <none>',
      'Reference:                                             Deployment/web',
      'Metrics:                                               ( current / target )',
      '  resource cpu on pods  (as a percentage of request):  48% (48m) / 50%',
      'Min replicas:                                          2',
      'Max replicas:                                          10',
      'Deployment pods:                                       9 current / 9 desired',
    ].join('\n'));
    expect(describe).toMatch(/Normal +SuccessfulRescale +\S+ +horizontal-pod-autoscaler +New size: 6; reason: cpu resource utilization \(percentage of request\) above target/);
  });
});

describe('lowering the rate', () => {
  it('scales down only after the 300 s stabilization window', () => {
    const s = session([{ action: 'wait', steady: true }, { action: 'wait', seconds: 60 }, flow(200), { action: 'wait', seconds: 120 }, flow(20), { action: 'wait', seconds: 500 }], objects);
    const lowered = stepTime(s, 5);
    const down = rescales(s).filter((r) => r.message.endsWith('All metrics below target'));
    expect(down.length).toBeGreaterThan(0);
    expect(down[0].time - lowered).toBeGreaterThanOrEqual(300 - 15);
    // 20 requests/s: 40m plus idle floors, at most 2 pods' worth of the 50 % target.
    expect(down[down.length - 1].message).toBe('New size: 2; reason: All metrics below target');
  });

  it('stopping the flow does too; requests a NetworkPolicy drops never count', () => {
    const s = session([{ action: 'wait', steady: true }, { action: 'wait', seconds: 60 }, flow(200), { action: 'wait', seconds: 60 }, { action: 'stopTraffic', name: 'shoppers' }, { action: 'wait', seconds: 400 }], objects);
    expect(rescales(s).map((r) => r.message.slice(0, 12))).toEqual(['New size: 6;', 'New size: 9;', 'New size: 2;']);
    const deny: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'app' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } };
    const denied = session([{ action: 'wait', steady: true }, { action: 'wait', seconds: 60 }, flow(200), { action: 'wait', seconds: 120 }], [...objects, deny]);
    expect(rescales(denied)).toEqual([]);
    const obs = denied.observation();
    expect(obs.serviceStats('app', 'web', obs.end)).toMatchObject({ rate: 200, errors: 200 });
  });
});

describe('the design\'s flows run in the cluster', () => {
  const run = (rate: number) => {
    const s = new SimulationSession({ objects, cluster: nodes(2), seed: 1, flows: [{ name: 'shoppers', from: 'external', to: 'app/web:80', rate }] });
    s.runToEnd();
    return s;
  };

  it('they send from the start; the HPA reads them and the observation counts them', () => {
    const s = run(20);
    expect(rescales(s)).toEqual([]);
    const obs = s.observation();
    expect(obs.serviceStats('app', 'web', obs.end).rate).toBe(20);
  });

  it('a run that settles before the flows\' first second still charts them through the steady tail', () => {
    const s = new SimulationSession({ objects: [ns('app'), web, service], cluster: nodes(2), seed: 1, flows: [{ name: 'shoppers', from: 'external', to: 'app/web:80', rate: 30 }] });
    s.runToEnd();
    const obs = s.observation();
    expect(obs.serviceStats('app', 'web', obs.end).rate).toBe(30);
    expect(obs.podsAt(obs.end, 'app').map((p) => obs.podRequests(p, obs.end).ok)).toEqual([15, 15]);
  });

  it('a flow through the Ingress writes its request path in the pods\' access logs', () => {
    const ingress: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop', namespace: 'app' }, spec: { ingressClassName: 'nginx', rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } };
    const s = new SimulationSession({ objects: [...objects, ingress], cluster: nodes(2), seed: 1, flows: [{ name: 'shoppers', from: 'external', to: 'http://shop.example.com/cart', rate: 10 }] });
    s.runToEnd();
    const obs = s.observation();
    const pod = obs.podsAt(obs.end, 'app')[0];
    expect(kubectlLogs(obs, { pod: pod.name, namespace: 'app', tail: 1 }).stdout).toMatch(/"GET \/cart HTTP\/1.1" 200 \d+ /);
  });

  it('raising the rate live (startTraffic of the same name) continues the timeline and the HPA reacts; lowering it scales down after the window', () => {
    const s = run(20);
    const frames = s.frames.length;
    const up = s.act({ action: 'startTraffic', flow: { name: 'shoppers', from: 'external', to: 'app/web:80', rate: 200 } });
    expect(up.frames[0].seq).toBe(frames);
    expect(up.frames[0].cause).toMatchObject({ type: 'step', action: 'startTraffic' });
    const raised = up.frames[0].time;
    const scaled = rescales(s);
    expect(scaled[0].time - raised).toBeLessThanOrEqual(15);
    expect(scaled.map((r) => r.message.slice(0, 12))).toEqual(['New size: 6;', 'New size: 9;']);
    const obs = s.observation();
    // The chart's markers are the HPA's decisions, at the times of its events.
    expect(obs.hpaDecisions.map((d) => [d.time, d.to])).toEqual(scaled.map((r) => [r.time, Number(/New size: (\d+)/.exec(r.message)![1])]));
    const down = s.act({ action: 'startTraffic', flow: { name: 'shoppers', from: 'external', to: 'app/web:80', rate: 20 } });
    const lowered = down.frames[0].time;
    const after = rescales(s).filter((r) => r.time > lowered);
    expect(after.length).toBeGreaterThan(0);
    expect(after[0].time - lowered).toBeGreaterThanOrEqual(300 - 15);
    expect(after[after.length - 1].message).toBe('New size: 2; reason: All metrics below target');
  });
});
