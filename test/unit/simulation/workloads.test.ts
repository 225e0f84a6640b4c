import { describe, expect, it } from 'vitest';
import { nextRun } from '../../../shared/simulation/controllers/jobs';
import { parseCron } from '../../../shared/model/cron';
import { container, eventsOf, ns, run, storageClass } from './helpers';

const template = (app: string, extra: Record<string, unknown> = {}) => ({ metadata: { labels: { app } }, spec: { containers: [container(app, { requests: { cpu: '100m' } })], ...extra } });

describe('StatefulSet', () => {
  const sts = (podManagementPolicy?: string) => ({
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'data' },
    spec: {
      replicas: 3, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: template('db'),
      ...(podManagementPolicy ? { podManagementPolicy } : {}),
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  });

  it('creates db-0, db-1, db-2 in order, each after the previous is Ready, with one claim per pod', () => {
    const r = run([ns('data'), storageClass('standard', 'rancher.io/local-path', {}, true), sts()]);
    expect(r.pods.map((p) => `${p.name} ${p.status}`)).toEqual(['db-0 Running', 'db-1 Running', 'db-2 Running']);
    expect(r.persistentVolumeClaims.map((c) => `${c.name} ${c.phase}`)).toEqual(['data-db-0 Bound', 'data-db-1 Bound', 'data-db-2 Bound']);
    const created = r.events.filter((e) => e.reason === 'SuccessfulCreate' && e.message.startsWith('create Pod'));
    expect(created.map((e) => e.message)).toEqual(['create Pod db-0 in StatefulSet db successful', 'create Pod db-1 in StatefulSet db successful', 'create Pod db-2 in StatefulSet db successful']);
    expect(created[1].firstTime).toBeGreaterThan(created[0].firstTime);
    expect(eventsOf(r, 'SuccessfulCreate')).toContain('create Claim data-db-0 Pod db-0 in StatefulSet db success');
  });

  it('Parallel creates them all at once', () => {
    const r = run([ns('data'), storageClass('standard', 'rancher.io/local-path', {}, true), sts('Parallel')]);
    const created = r.events.filter((e) => e.message.startsWith('create Pod'));
    expect(new Set(created.map((e) => e.firstTime)).size).toBe(1);
  });

  it('scales down from the highest ordinal and keeps the claims', () => {
    const r = run([ns('data'), storageClass('standard', 'rancher.io/local-path', {}, true), sts()], { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'scale', kind: 'StatefulSet', namespace: 'data', name: 'db', replicas: 1 }] } });
    expect(r.pods.map((p) => p.name)).toEqual(['db-0']);
    expect(eventsOf(r, 'SuccessfulDelete')).toEqual(['delete Pod db-2 in StatefulSet db successful', 'delete Pod db-1 in StatefulSet db successful']);
    expect(r.persistentVolumeClaims).toHaveLength(3);
  });
});

describe('DaemonSet', () => {
  it('runs one pod per eligible node, skipping nodes with untolerated taints, and follows added nodes', () => {
    const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: template('agent') } };
    const cluster = { nodes: [{ name: 'a', cpu: '2', memory: '4Gi', pods: 110 }, { name: 'b', cpu: '2', memory: '4Gi', pods: 110, taints: [{ key: 'x', effect: 'NoSchedule' as const }] }] };
    const r = run([ds], { cluster, scenario: { steps: [{ action: 'wait', steady: true }, { action: 'addNode', node: { name: 'c', cpu: '2', memory: '4Gi', pods: 110 } }, { action: 'cordon', node: 'c' }] } });
    expect(r.pods.map((p) => p.node).sort()).toEqual(['a', 'c']);
    expect(r.pods.every((p) => p.owner === 'DaemonSet/agent' && p.status === 'Running')).toBe(true);
  });
});

describe('Job and CronJob', () => {
  it('runs a Job to its completions, parallelism at a time', () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'batch', namespace: 'default' }, spec: { completions: 3, parallelism: 2, template: template('batch', { restartPolicy: 'Never' }) } };
    const r = run([job], { options: { jobRunSeconds: 5 } });
    expect(r.pods.map((p) => p.status)).toEqual(['Completed', 'Completed', 'Completed']);
    expect(eventsOf(r, 'Completed')).toEqual(['Job completed']);
    const starts = r.events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.firstTime);
    expect(starts[0]).toBe(starts[1]);
    expect(starts[2]).toBeGreaterThan(starts[1]);
  });

  it('parses cron schedules and finds the next run', () => {
    const every5 = parseCron('*/5 * * * *');
    expect(every5).toBeDefined();
    expect(nextRun(every5 as NonNullable<typeof every5>, 0)).toBe(300);
    const daily = parseCron('@daily');
    expect(nextRun(daily as NonNullable<typeof daily>, 10)).toBe(86400);
    expect(parseCron('61 * * *')).toBeUndefined();
  });

  it('creates a Job named <cronjob>-<minutes since epoch> on schedule', () => {
    const cj = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'report', namespace: 'default' }, spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: template('report', { restartPolicy: 'OnFailure' }) } } } };
    const r = run([cj], { scenario: { steps: [{ action: 'wait', seconds: 150 }] } });
    const created = eventsOf(r, 'SuccessfulCreate').filter((m) => m.startsWith('Created job'));
    const epochMinutes = Date.UTC(2026, 0, 1) / 60000;
    expect(created).toEqual([`Created job report-${epochMinutes + 1}`, `Created job report-${epochMinutes + 2}`]);
    expect(r.pods.every((p) => p.owner === 'CronJob/report')).toBe(true);
  });
});

describe('HorizontalPodAutoscaler', () => {
  it('scales a Deployment up from the load the scenario sets, and down after the stabilization window', () => {
    const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template('web') } };
    const hpa = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'default' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 6, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] } };
    const up = run([deploy, hpa], { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'setLoad', kind: 'Deployment', namespace: 'default', name: 'web', cpu: '400m' }, { action: 'wait', seconds: 60 }] } });
    expect(eventsOf(up, 'SuccessfulRescale')[0]).toBe('New size: 6; reason: cpu resource utilization (percentage of request) above target');
    expect(up.deployments[0].replicas).toBe(6);
    // 50m over 6 pods plus their idle floors (4m each): 12 % of the requests, so 2 pods (ceil(0.24 × 6)).
    const later = run([deploy, hpa], { scenario: { steps: [{ action: 'setLoad', kind: 'Deployment', namespace: 'default', name: 'web', cpu: '400m' }, { action: 'wait', seconds: 60 }, { action: 'setLoad', kind: 'Deployment', namespace: 'default', name: 'web', cpu: '50m' }] } });
    expect(later.deployments[0].replicas).toBe(2);
    const downAt = later.events.find((e) => e.message === 'New size: 2; reason: All metrics below target')?.firstTime ?? 0;
    expect(downAt).toBeGreaterThanOrEqual(60 + 300 - 15);
  });

  // pkg/controller/podautoscaler/horizontal.go: `queue: workqueue.NewRateLimitingQueueWithConfig(NewDefaultHPARateLimiter(resyncPeriod), …)`,
  // a fixed 15 s interval per HPA: its own status write or a new load never makes a second decision in between.
  it('decides at most once per 15 s sync period', () => {
    const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: template('web') } };
    const hpa = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'default' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 40, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] } };
    const load = (cpu: string) => ({ action: 'setLoad' as const, kind: 'Deployment', namespace: 'default', name: 'web', cpu });
    const r = run([deploy, hpa], { scenario: { steps: [{ action: 'wait', steady: true }, load('2'), { action: 'wait', seconds: 1 }, load('4'), { action: 'wait', seconds: 1 }, load('8'), { action: 'wait', seconds: 120 }] } });
    const times = r.events.filter((e) => e.reason === 'SuccessfulRescale').map((e) => e.firstTime).sort((a, b) => a - b);
    expect(times.length).toBeGreaterThan(1);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(15);
  });

  // pkg/apis/autoscaling/validation ValidateCrossVersionObjectReference: `field.Required(fldPath.Child("name"), "")`.
  it('a new HPA that names no target is refused at apply (422), so the controller never reports FailedGetScale for it', () => {
    const hpa = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'new', namespace: 'default' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: '' }, maxReplicas: 3 } };
    const r = run([hpa]);
    const entry = r.applied.find((a) => a.kind === 'HorizontalPodAutoscaler')!;
    expect(entry.message).toBe('The HorizontalPodAutoscaler "new" is invalid: spec.scaleTargetRef.name: Required value');
    expect(eventsOf(r, 'FailedGetScale')).toEqual([]);
  });

  // pkg/controller/podautoscaler/horizontal.go: `a.eventRecorder.Event(hpa, v1.EventTypeWarning, "FailedGetScale", err.Error())`.
  it('an HPA whose target is missing reports FailedGetScale with the scale client\'s NotFound', () => {
    const hpa = (kind: string, name: string) => ({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name, namespace: 'default' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind, name: 'gone' }, maxReplicas: 3 } });
    const r = run([hpa('StatefulSet', 'a'), hpa('Widget', 'b')]);
    expect(new Set(eventsOf(r, 'FailedGetScale'))).toEqual(new Set(['statefulsets.apps "gone" not found', 'no matches for kind "Widget" in group "apps"']));
  });
});

describe('namespace deletion', () => {
  it('deletes everything inside, then the namespace', () => {
    const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'gone' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template('web') } };
    const r = run([ns('gone'), deploy], { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'delete', kind: 'Namespace', namespace: '', name: 'gone' }] } });
    expect(r.pods).toEqual([]);
    expect(r.deployments).toEqual([]);
  });
});
