import { describe, expect, it } from 'vitest';
import { container, deployment, eventsOf, ns, pod, run } from './helpers';

const crash = { action: 'crash' as const, namespace: 'app', owner: 'Deployment/web' };

describe('the kubelet', () => {
  it('takes a pod Pending → ContainerCreating → Running, Ready after the probe delay', () => {
    const web = deployment('web', 'app', 1, [container('web', undefined, { readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 3 } })]);
    const r = run([ns('app'), web]);
    const statuses = r.ticks.map((t) => `${t.time}:${t.pods[0]?.[2]}`);
    expect(statuses[0]).toBe('0:ContainerCreating');
    expect(statuses).toContain('1:Running');
    expect(r.timeline.find((f) => f.time === 4)?.pods.length).toBe(1);
    expect(r.endpoints).toEqual([]);
    expect(r.pods[0]).toMatchObject({ ready: '1/1', status: 'Running' });
  });

  it('restarts a crashed container, with CrashLoopBackOff between repeated crashes', () => {
    const r = run([ns('app'), deployment('web', 'app', 1, [container('web')])], { scenario: { steps: [{ action: 'wait', steady: true }, crash, { action: 'wait', seconds: 5 }, crash, { action: 'wait', seconds: 2 }] } });
    expect(r.ticks.some((t) => t.pods[0][2] === 'CrashLoopBackOff')).toBe(true);
    expect(r.pods[0]).toMatchObject({ restarts: 2, status: 'Running', ready: '1/1' });
    expect(eventsOf(r, 'BackOff')[0]).toMatch(/^Back-off restarting failed container web in pod web-\S+_app\([0-9a-f-]+\)$/);
  });

  it('fails a restartPolicy Never pod, and its ReplicaSet does not restart it in place', () => {
    const bare = pod('once', 'app', [container('c')], { restartPolicy: 'Never' });
    const r = run([ns('app'), bare], { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'crash', namespace: 'app', name: 'once' }] } });
    expect(r.pods[0]).toMatchObject({ phase: 'Failed', status: 'Error', restarts: 0 });
  });

  it('terminates gracefully: Terminating with a Killing event, then gone', () => {
    const r = run([ns('app'), pod('p', 'app', [container('c')], { terminationGracePeriodSeconds: 30 })], { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'deletePod', namespace: 'app', name: 'p' }] } });
    expect(r.ticks.some((t) => t.pods[0]?.[2] === 'Terminating')).toBe(true);
    expect(eventsOf(r, 'Killing')).toEqual(['Stopping container c']);
    expect(r.pods).toEqual([]);
  });

  it('reports nodes Ready, and cordoned ones as SchedulingDisabled', () => {
    const r = run([], { scenario: { steps: [{ action: 'cordon', node: 'node-2' }] } });
    expect(r.nodes.map((n) => `${n.name} ${n.status}`)).toEqual(['node-1 Ready', 'node-2 Ready,SchedulingDisabled', 'node-3 Ready']);
    expect(eventsOf(r, 'NodeNotSchedulable')).toEqual(['Node node-2 status is now: NodeNotSchedulable']);
  });
});
