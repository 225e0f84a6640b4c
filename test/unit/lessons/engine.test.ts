import { describe, expect, it } from 'vitest';
import { advanceProgress, conditionHolds, EMPTY_SNAPSHOT, evaluateStep, needsSimulation, sortLessons, stepReady, type Lesson, type LessonSnapshot, type LessonStep } from '../../../shared/lessons';

const text = { en: 'x', 'zh-CN': '甲' };
const step = (until?: LessonStep['until']): LessonStep => ({ caption: text, ...(until ? { until } : {}) });

const cluster: LessonSnapshot = {
  objects: [
    { kind: 'Deployment', namespace: 'shop', name: 'web', object: { spec: { replicas: 3, template: { spec: { containers: [{ image: 'nginx:1.27' }] } } } } },
    { kind: 'Service', namespace: 'shop', name: 'web', object: { spec: { type: 'ClusterIP' } } },
    { kind: 'ConfigMap', namespace: 'shop', name: 'a' },
    { kind: 'ConfigMap', namespace: 'other', name: 'b' },
  ],
  edges: [{ from: { kind: 'Service', namespace: 'shop', name: 'web' }, to: { kind: 'Deployment', namespace: 'shop', name: 'web' } }],
  commands: new Set(['view:fit']),
  simulation: {
    pods: [
      { namespace: 'shop', name: 'web-1', owner: 'apps/Deployment/shop/web', status: 'Running' },
      { namespace: 'shop', name: 'web-2', owner: 'apps/Deployment/shop/web', status: 'Running' },
      { namespace: 'shop', name: 'web-3', owner: 'apps/Deployment/shop/web', status: 'Pending', reason: 'Unschedulable' },
      { namespace: 'shop', name: 'db-0', owner: 'apps/StatefulSet/shop/db', status: 'Running' },
    ],
    events: [
      { type: 'Normal', reason: 'SuccessfulCreate', namespace: 'shop', object: 'ReplicaSet/web-5d8f7c9b4' },
      { type: 'Warning', reason: 'FailedScheduling', namespace: 'shop', object: 'Pod/web-3' },
    ],
  },
};

describe('lesson step conditions', () => {
  it('a step without conditions is always ready; an empty snapshot satisfies no cluster condition', () => {
    expect(stepReady(step(), EMPTY_SNAPSHOT)).toBe(true);
    expect(stepReady(step({ simulation: 'running' }), EMPTY_SNAPSHOT)).toBe(false);
    expect(stepReady(step({ pods: { status: 'Running' } }), EMPTY_SNAPSHOT)).toBe(false);
    expect(stepReady(step({ event: { reason: 'SuccessfulCreate' } }), EMPTY_SNAPSHOT)).toBe(false);
  });

  it('command: holds once the command ran during the step', () => {
    expect(conditionHolds({ command: 'view:fit' }, cluster)).toBe(true);
    expect(conditionHolds({ command: 'edit:undo' }, cluster)).toBe(false);
  });

  it('card: by kind, name, namespace, count and field value', () => {
    expect(conditionHolds({ card: { kind: 'ConfigMap', count: 2 } }, cluster)).toBe(true);
    expect(conditionHolds({ card: { kind: 'ConfigMap', count: 3 } }, cluster)).toBe(false);
    expect(conditionHolds({ card: { kind: 'ConfigMap', namespace: 'other' } }, cluster)).toBe(true);
    expect(conditionHolds({ card: { kind: 'ConfigMap', name: 'b', namespace: 'shop' } }, cluster)).toBe(false);
    expect(conditionHolds({ card: { kind: 'Deployment', name: 'web', field: 'spec.replicas', equals: 3 } }, cluster)).toBe(true);
    expect(conditionHolds({ card: { kind: 'Deployment', name: 'web', field: 'spec.replicas', equals: 5 } }, cluster)).toBe(false);
    expect(conditionHolds({ card: { kind: 'Deployment', field: 'spec.template.spec.containers.0.image', equals: 'nginx:1.27' } }, cluster)).toBe(true);
    expect(conditionHolds({ card: { kind: 'Service', field: 'spec.type', equals: 'LoadBalancer' } }, cluster)).toBe(false);
  });

  it('connected: an edge between matching cards, in that direction', () => {
    expect(conditionHolds({ connected: { from: { kind: 'Service' }, to: { kind: 'Deployment', name: 'web' } } }, cluster)).toBe(true);
    expect(conditionHolds({ connected: { from: { kind: 'Deployment' }, to: { kind: 'Service' } } }, cluster)).toBe(false);
  });

  it('pods: counts pods by status, reason, namespace and owner', () => {
    expect(conditionHolds({ pods: { owner: 'Deployment/web', status: 'Running', count: 2 } }, cluster)).toBe(true);
    expect(conditionHolds({ pods: { owner: 'Deployment/web', status: 'Running', count: 3 } }, cluster)).toBe(false);
    expect(conditionHolds({ pods: { owner: 'StatefulSet/web', status: 'Running' } }, cluster)).toBe(false);
    expect(conditionHolds({ pods: { owner: 'web', status: 'Pending', reason: 'Unschedulable' } }, cluster)).toBe(true);
    expect(conditionHolds({ pods: { namespace: 'shop', status: 'Running', count: 3 } }, cluster)).toBe(true);
    expect(conditionHolds({ pods: { namespace: 'other', status: 'Running' } }, cluster)).toBe(false);
    expect(conditionHolds({ pods: { owner: 'Deployment/web', namespace: 'other' } }, cluster)).toBe(false);
  });

  it('event: by reason, type and object (a ReplicaSet counts for its Deployment\'s name prefix)', () => {
    expect(conditionHolds({ event: { reason: 'FailedScheduling', type: 'Warning' } }, cluster)).toBe(true);
    expect(conditionHolds({ event: { reason: 'FailedScheduling', type: 'Normal' } }, cluster)).toBe(false);
    expect(conditionHolds({ event: { reason: 'SuccessfulCreate', object: 'ReplicaSet/web' } }, cluster)).toBe(true);
    expect(conditionHolds({ event: { reason: 'SuccessfulCreate', object: 'ReplicaSet/db' } }, cluster)).toBe(false);
    expect(conditionHolds({ event: { reason: 'Started' } }, cluster)).toBe(false);
  });

  it('a list of conditions needs all of them; evaluateStep reports each', () => {
    const s = step([{ command: 'view:fit' }, { event: { reason: 'Started' } }]);
    expect(evaluateStep(s, cluster).map((c) => c.met)).toEqual([true, false]);
    expect(stepReady(s, cluster)).toBe(false);
    expect(needsSimulation(s)).toBe(true);
    expect(needsSimulation(step({ command: 'view:fit' }))).toBe(false);
  });
});

describe('lesson progress', () => {
  const lesson = { steps: [step(), step(), step()] } as Lesson;
  it('remembers the furthest step and finishes after the last', () => {
    let p = advanceProgress(lesson, undefined, 1);
    expect(p).toEqual({ reached: 1, done: false });
    p = advanceProgress(lesson, p, 0);
    expect(p).toEqual({ reached: 1, done: false });
    p = advanceProgress(lesson, p, 3);
    expect(p).toEqual({ reached: 2, done: true });
    expect(advanceProgress(lesson, p, 0)).toEqual({ reached: 2, done: true });
  });

  it('lists by order, then id', () => {
    expect(sortLessons([{ id: 'b' }, { id: 'a', order: 2 }, { id: 'c', order: 1 }, { id: 'a2' }]).map((l) => l.id)).toEqual(['c', 'a', 'a2', 'b']);
  });
});

describe('conditions on the live simulation', () => {
  const live: LessonSnapshot = {
    ...cluster,
    commandRuns: [{ id: 'simulate:scale', args: { replicas: 5 } }, { id: 'simulate:applyAgain' }],
    commands: new Set(['simulate:scale', 'simulate:applyAgain']),
    applied: [{ kind: 'Deployment', namespace: 'shop', name: 'web', result: 'unchanged' }],
    traffic: [{ flow: 'grafana-to-mq', verdicts: ['denied', 'denied'] }],
    simulation: {
      ...cluster.simulation!,
      events: [
        { type: 'Normal', reason: 'SuccessfulCreate', namespace: 'shop', object: 'ReplicaSet/web-5d8f7c9b4', message: 'Created pod: web-5d8f7c9b4-x', fresh: false },
        { type: 'Warning', reason: 'FailedCreate', namespace: 'shop', object: 'ReplicaSet/web-5d8f7c9b4', message: 'pods "web-5d8f7c9b4-y" is forbidden: exceeded quota: q, requested: pods=1', fresh: true },
      ],
      objects: [
        { kind: 'Node', namespace: '', name: 'node-1', object: { kind: 'Node', name: 'node-1', unschedulable: true } },
        { kind: 'Node', namespace: '', name: 'node-2', object: { kind: 'Node', name: 'node-2', unschedulable: false } },
        { kind: 'ResourceQuota', namespace: 'shop', name: 'q', object: { used: { 'limits.cpu': '8', pods: '16' } } },
      ],
    },
  };

  it('command with arguments: each argument given must equal the one the command ran with', () => {
    expect(conditionHolds({ command: { id: 'simulate:scale', args: { replicas: 5 } } }, live)).toBe(true);
    expect(conditionHolds({ command: { id: 'simulate:scale', args: { replicas: 3 } } }, live)).toBe(false);
    expect(conditionHolds({ command: { id: 'simulate:applyAgain' } }, live)).toBe(true);
    expect(conditionHolds({ command: { id: 'simulate:setImage', args: { image: 'x' } } }, live)).toBe(false);
  });

  it('event: only those recorded or counted up since the step began, unless since: run; message is a substring', () => {
    expect(conditionHolds({ event: { reason: 'SuccessfulCreate' } }, live)).toBe(false);
    expect(conditionHolds({ event: { reason: 'SuccessfulCreate', since: 'run' } }, live)).toBe(true);
    expect(conditionHolds({ event: { reason: 'FailedCreate', message: 'exceeded quota' } }, live)).toBe(true);
    expect(conditionHolds({ event: { reason: 'FailedCreate', message: 'Insufficient cpu' } }, live)).toBe(false);
  });

  it('object: a record of the simulated cluster with a field equal to the value (dotted keys found whole)', () => {
    expect(conditionHolds({ object: { kind: 'Node', field: 'unschedulable', equals: true } }, live)).toBe(true);
    expect(conditionHolds({ object: { kind: 'Node', field: 'unschedulable', equals: true, count: 2 } }, live)).toBe(false);
    expect(conditionHolds({ object: { kind: 'ResourceQuota', name: 'q', field: 'used.limits.cpu', equals: '8' } }, live)).toBe(true);
    expect(conditionHolds({ object: { kind: 'ResourceQuota', name: 'q', field: 'used.pods', equals: 20 } }, live)).toBe(false);
    expect(conditionHolds({ object: { kind: 'Node', name: 'node-2' } }, { ...live, simulation: null })).toBe(false);
  });

  it('applied and traffic: kubectl apply output of the step, a flow verdict', () => {
    expect(conditionHolds({ applied: { result: 'unchanged', kind: 'Deployment', name: 'web' } }, live)).toBe(true);
    expect(conditionHolds({ applied: { result: 'configured' } }, live)).toBe(false);
    expect(conditionHolds({ traffic: { flow: 'grafana-to-mq', verdict: 'denied' } }, live)).toBe(true);
    expect(conditionHolds({ traffic: { verdict: 'delivered' } }, live)).toBe(false);
  });

  it('a step that waits for a live action needs the simulation', () => {
    expect(needsSimulation(step({ command: { id: 'simulate:scale', args: { replicas: 2 } } }))).toBe(true);
    expect(needsSimulation(step({ applied: { result: 'unchanged' } }))).toBe(true);
    expect(needsSimulation(step({ command: 'edit:undo' }))).toBe(false);
  });
});
