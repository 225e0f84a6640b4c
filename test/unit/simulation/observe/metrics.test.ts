/**
 * Metrics follow what the simulation does: traffic raises a Service's request rate and its pods'
 * CPU, the scenario's load is shared by the ready pods, nodes carry their pods, and the HPA's
 * decisions are marked at the times it scaled.
 */
import { describe, expect, it } from 'vitest';
import { kubectlLogs, MAX_SAMPLES, STEADY_TAIL } from '../../../../shared/simulation/observe';
import { SimulationSession } from '../../../../shared/simulation/session';
import { nodes, ns } from '../helpers';
import { hpa, service, session, web } from './fixtures';

const load = { action: 'setLoad' as const, kind: 'Deployment', namespace: 'app', name: 'web', cpu: '400m' };

describe('metrics series', () => {
  const s = session([{ action: 'wait', steady: true }, { action: 'wait', seconds: 30 }, { action: 'startTraffic', flow: { name: 'shoppers', from: 'external', to: 'app/web:80', rate: 40 } }, { action: 'wait', seconds: 60 }]);
  const obs = s.observation();
  const trafficAt = s.frames.find((f) => f.cause.type === 'step' && f.cause.action === 'startTraffic')!.time;

  it('traffic raises the Service\'s request rate from zero to the flow\'s rate', () => {
    const svc = obs.series({ kind: 'service', namespace: 'app', name: 'web' });
    const at = (t: number) => svc.values.rate[svc.times.indexOf(t)];
    expect(at(trafficAt - 5)).toBe(0);
    expect(at(trafficAt + 10)).toBe(40);
    expect(svc.values.errorRate[svc.times.indexOf(trafficAt + 10)]).toBe(0);
    expect(svc.values.latency[svc.times.indexOf(trafficAt + 10)]).toBeGreaterThan(0);
    expect(svc.values.latency[svc.times.indexOf(trafficAt - 5)]).toBeNull();
  });

  it('traffic raises the CPU of the pods that serve it', () => {
    const p = obs.podsAt()[0];
    const cpu = obs.series({ kind: 'pod', namespace: 'app', name: p.name });
    const at = (t: number) => cpu.values.cpu[cpu.times.indexOf(t)]!;
    // 20 requests per second each, 2 millicores a request: about 40m more than idle.
    expect(at(trafficAt + 10) - at(trafficAt - 5)).toBeGreaterThan(25);
    expect(cpu.values.memory[cpu.times.indexOf(trafficAt + 10)]).toBeGreaterThan(cpu.values.memory[cpu.times.indexOf(trafficAt - 5)]!);
    // Before it was scheduled and started, nothing to measure.
    expect(cpu.values.cpu[0]).toBeNull();
  });

  it('a node carries the pods it runs, on top of its own use', () => {
    const t = trafficAt + 10;
    for (const n of obs.nodes) {
      const sum = obs.podsAt(t).filter((p) => p.node === n.name).reduce((acc, p) => acc + (obs.podUsage(p, t)?.cpu ?? 0), 0);
      const node = obs.nodeUsage(n.name, t).cpu;
      expect(node).toBeGreaterThan(sum);
      expect(node - sum).toBeLessThan(120);
    }
    const all = obs.nodeSeries();
    expect(all.map((x) => x.values.cpu[all[0].times.indexOf(t)])).toEqual(obs.nodes.map((n) => obs.nodeUsage(n.name, t).cpu));
  });

  it('samples every second up to MAX_SAMPLES, then evenly', () => {
    expect(obs.sampleTimes(0, 100)).toHaveLength(101);
    const long = obs.sampleTimes(0, 6000);
    expect(long.length).toBeLessThanOrEqual(MAX_SAMPLES + 1);
    expect(long[long.length - 1]).toBe(6000);
  });
});

describe('HPA decisions as markers', () => {
  const s = session([{ action: 'wait', steady: true }, load, { action: 'wait', seconds: 60 }, { ...load, cpu: '50m' }, { action: 'wait', seconds: 400 }]);
  const obs = s.observation();
  const rescales = s.frames.flatMap((f) => f.events).filter((e) => e.reason === 'SuccessfulRescale');

  it('one marker per scaling, at the time and with the message of its SuccessfulRescale event', () => {
    expect(rescales.length).toBeGreaterThanOrEqual(2);
    expect(obs.hpaDecisions.map((d) => [d.time, d.message])).toEqual(rescales.map((e) => [e.lastTime, e.message]));
    expect(obs.hpaDecisions[0]).toMatchObject({ namespace: 'app', hpa: 'web', target: 'Deployment/web', from: 2, to: 6 });
    expect(obs.hpaDecisions[obs.hpaDecisions.length - 1].to).toBe(2);
  });

  it('the pods\', the Service\'s and the nodes\' charts carry them', () => {
    const p = obs.pods[0];
    expect(obs.series({ kind: 'pod', namespace: 'app', name: p.name }).markers).toEqual(obs.hpaDecisions);
    expect(obs.series({ kind: 'service', namespace: 'app', name: 'web' }).markers).toEqual(obs.hpaDecisions);
    expect(obs.series({ kind: 'node', name: 'node-1' }).markers).toEqual(obs.hpaDecisions);
  });

  it('the load is shared by the ready pods: scaling from 2 to 6 brings each pod\'s CPU down', () => {
    const first = obs.hpaDecisions[0];
    const p = obs.pods[0];
    const before = obs.podUsage(p, first.time - 1)!.cpu;
    const after = obs.podUsage(p, first.time + 30)!.cpu;
    // 400m over 2 pods, then over 6.
    expect(before).toBeGreaterThan(190);
    expect(after).toBeLessThan(100);
  });
});

describe('the steady tail after the run', () => {
  it('scenario flows still sending at the end go on through the tail; the present is STEADY_TAIL after the last event', () => {
    const s = session([{ action: 'wait', steady: true }, { action: 'startTraffic', flow: { name: 'shoppers', from: 'external', to: 'app/web:80', rate: 10 } }, { action: 'wait', seconds: 10 }]);
    const obs = s.observation();
    expect(obs.end).toBe(s.now + STEADY_TAIL);
    expect(obs.serviceStats('app', 'web', obs.end).rate).toBe(10);
  });

  it('the design\'s flows reach the pods the traffic engine sends them to, once those pods are ready', () => {
    const s = new SimulationSession({ objects: [ns('app'), web, service, hpa], cluster: nodes(2), seed: 1, flows: [{ name: 'shoppers', from: 'external', to: 'app/web:80', rate: 30 }] });
    s.runToEnd();
    const obs = s.observation();
    expect(obs.serviceStats('app', 'web', obs.end)).toMatchObject({ rate: 30, errors: 0 });
    const pod = obs.podsAt(obs.end, 'app')[0];
    expect(kubectlLogs(obs, { pod: pod.name, namespace: 'app', tail: 1 }).stdout).toMatch(/"GET \/ HTTP\/1.1" 200 \d+ /);
    // Before the pod was ready, no requests reach it.
    expect(obs.podRequests(pod, pod.created)).toEqual({ ok: 0, failed: 0 });
  });
});
