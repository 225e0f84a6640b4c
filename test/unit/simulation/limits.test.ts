// The simulator ends on any input: each hostile input either simulates to a result or stops at a
// limit of shared/simulation/limits.ts with a message naming the object and the limit.
import { describe, expect, it } from 'vitest';
import { defaultCluster } from '../../../shared/design/types';
import type { KubeObject } from '../../../shared/model/object';
import { clusterProblems, parseScenario, SIMULATION_LIMITS } from '../../../shared/simulation';
import { compileCron } from '../../../shared/model/cron';
import { container, deployment, nodes, run } from './helpers';

const job = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', namespace: 'default' },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [container('a')] } }, ...spec },
});
const cronJob = (schedule: string): KubeObject => ({
  apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c', namespace: 'default' },
  spec: { schedule, jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [container('a')] } } } } },
});

describe('CronJob schedules (robfig/cron v3, quoted by batch/validation validateScheduleFormat)', () => {
  it.each([
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    // Names of Object.prototype's members are just words that are not five fields.
    ['toString', 'expected exactly 5 fields, found 1: [toString]'],
    ['@constructor', 'unrecognized descriptor: @constructor'],
  ])('%s: %s', (schedule, message) => {
    expect(compileCron(schedule)).toEqual({ error: message });
  });

  it('reads names, steps from a start and macros as the standard parser does', () => {
    const at = (s: string, iso: string) => (compileCron(s) as { match: (d: Date) => boolean }).match(new Date(iso));
    expect(at('0 9 * jan mon-fri', '2026-01-05T09:00:00Z')).toBe(true);
    expect(at('0 9 * jan mon-fri', '2026-01-04T09:00:00Z')).toBe(false);
    expect(at('10/20 * * * *', '2026-01-01T00:50:00Z')).toBe(true);
    expect(at('@hourly', '2026-01-01T03:00:00Z')).toBe(true);
  });

  it('a CronJob with "*/0 * * * *" is refused by the API server, and the run ends', () => {
    const r = run([cronJob('*/0 * * * *')]);
    expect(r.applied[0]).toMatchObject({ result: 'failed', message: 'The CronJob "c" is invalid: spec.schedule: Invalid value: "*/0 * * * *": step of range should be a positive number: */0' });
    expect(r.steady).toBe(true);
  });
});

describe('API server field validation (apps/batch/core validation messages)', () => {
  it('negative replicas are refused on create and on update', () => {
    const r = run([deployment('web', 'default', -3, [container('web')])]);
    expect(r.applied[0].message).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -3: must be greater than or equal to 0');
    const again = run([deployment('web', 'default', 1, [container('web')])], { scenario: { steps: [{ action: 'apply', objects: [deployment('web', 'default', -1, [container('web')])] }] } });
    expect(again.applied.map((a) => a.result)).toEqual(['created', 'failed']);
    expect(again.pods).toHaveLength(1);
  });

  it('negative requests are refused with the field path of the template', () => {
    const r = run([deployment('web', 'default', 1, [container('web', { requests: { cpu: '-100m' } })])]);
    expect(r.applied[0].message).toBe('The Deployment "web" is invalid: spec.template.spec.containers[0].resources.requests[cpu]: Invalid value: "-100m": must be greater than or equal to 0');
    expect(r.pods).toHaveLength(0);
  });

  it('several errors are listed together, as apierrors.NewInvalid does', () => {
    const r = run([job({ completions: -1, parallelism: -2 })]);
    expect(r.applied[0].message).toBe('The Job "j" is invalid: \n* spec.parallelism: Invalid value: -2: must be greater than or equal to 0\n* spec.completions: Invalid value: -1: must be greater than or equal to 0');
  });
});

describe('bounded runs', () => {
  it('a Job of a billion completions and parallelism stops at the pod limit, naming the Job', () => {
    const r = run([job({ completions: 1_000_000_000, parallelism: 1_000_000_000 })]);
    const cap = 330 + SIMULATION_LIMITS.pendingPodsBeyondCapacity;
    expect(r.pods).toHaveLength(cap);
    expect(r.stopped).toMatchObject({ limit: 'pendingPodsBeyondCapacity', object: 'Job/default/j' });
    expect(r.stopped?.message).toBe(`the inputs: Job/default/j: asks for far more pods than the cluster can hold (330 on 3 nodes); the simulation stops at ${cap.toLocaleString('en-US')} pods (${SIMULATION_LIMITS.pendingPodsBeyondCapacity.toLocaleString('en-US')} pending beyond capacity) at t=0s`);
  });

  it('replicas far beyond the cluster stop at the cap, naming the Deployment (not its ReplicaSet)', () => {
    const r = run([deployment('web', 'default', 1_000_000, [container('web')])], { cluster: nodes(1, { pods: 10 }), options: { limits: { pendingPodsBeyondCapacity: 50 } } });
    expect(r.pods).toHaveLength(60);
    expect(r.stopped).toMatchObject({ limit: 'pendingPodsBeyondCapacity', object: 'Deployment/default/web' });
  });

  it('a run that churns through pods stops at the pods-per-run limit', () => {
    const r = run([cronJob('* * * * *')], { scenario: { steps: [{ action: 'wait', seconds: 3600 }] }, options: { limits: { podsCreatedFloor: 20, podsCreatedPerLivePod: 0 } } });
    expect(r.stopped).toMatchObject({ limit: 'podsCreatedFloor', object: 'CronJob/default/c' });
    expect(r.stopped?.message).toMatch(/^scenario step 1: CronJob\/default\/c: the simulation creates at most 20 pods in one run for this cluster; stopped at t=\d+s$/);
  });

  it('a wait past the simulated-time limit stops before running (a scenario object, as the worker may be sent one)', () => {
    const r = run([cronJob('* * * * *')], { scenario: { steps: [{ action: 'wait', seconds: 1e308 }] } });
    expect(r.stopped).toMatchObject({ limit: 'simulatedSeconds', object: 'scenario', time: 0 });
    expect(r.stopped?.message).toBe('scenario step 1: waiting until t=1e+308s goes past the 1d of simulated time one run may cover; stopped at t=0s');
  });

  it('a flood of traffic stops at the rate limit, and a long one at the request limit', () => {
    const web = deployment('web', 'default', 1, [container('web', undefined, { ports: [{ containerPort: 80 }] })]);
    const flood = run([web], { scenario: { steps: [{ action: 'startTraffic', flow: { name: 'f', from: 'external', to: 'default/web:80', rate: 1e9 } }] } });
    expect(flood.stopped).toMatchObject({ limit: 'trafficRatePerFlow', object: 'flow/f' });
    const long = run([web], { scenario: { steps: [{ action: 'startTraffic', flow: { name: 'f', from: 'external', to: 'default/web:80', rate: 100 } }, { action: 'wait', seconds: 60 }] }, options: { limits: { trafficRequests: 1000 } } });
    expect(long.stopped).toMatchObject({ limit: 'trafficRequests', object: 'flow/f' });
    expect(long.traffic.reduce((n, a) => n + a.requests, 0)).toBe(1000);
  });

  it('events and timers have their limits too', () => {
    const events = run([deployment('web', 'default', 100, [container('web')])], { options: { limits: { events: 50 } } });
    expect(events.stopped?.limit).toBe('events');
    expect(events.events).toHaveLength(50);
    const timers = run([cronJob('* * * * *')], { scenario: { steps: [{ action: 'wait', seconds: 7200 }] }, options: { limits: { timerRuns: 100 } } });
    expect(timers.stopped?.limit).toBe('timerRuns');
  });
});

describe('scenario files go through the same limits as manifest files', () => {
  it('an alias bomb in apply.manifests is refused at once, with the step and line', () => {
    let manifests = '        a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 1; i < 9; i++) {
      const [n, p] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      manifests += `        ${n}: &${n} [${Array(9).fill(`*${p}`).join(',')}]\n`;
    }
    const text = `steps:\n  - wait: 1s\n  - apply:\n      manifests: |\n${manifests}        apiVersion: v1\n        kind: ConfigMap\n        metadata: {name: bomb}\n        data: {x: *i}\n`;
    expect(parseScenario(text, 's.yaml')).toEqual({ error: { file: 's.yaml', line: 3, message: 'step 2: apply: manifests, line 1 of the block: document aliases expand to more than 200,000 nodes (an alias bomb?)' } });
  });

  it('a wait longer than the limit and a rate over the limit are refused with the file and line', () => {
    expect(parseScenario('steps:\n  - wait: 8760h\n', 's.yaml')).toEqual({ error: { file: 's.yaml', line: 2, message: 'step 1: wait: 8760h is longer than the 1d of simulated time one run may cover' } });
    expect(parseScenario('steps:\n  - wait: 1e308\n', 's.yaml')).toMatchObject({ error: { line: 2, message: 'step 1: wait: 1e+308 is longer than the 1d of simulated time one run may cover' } });
    expect(parseScenario('steps:\n  - startTraffic: {name: f, from: external, to: "default/web:80", rate: 1000000000}\n', 's.yaml')).toMatchObject({ error: { line: 2, message: 'step 1: startTraffic: rate 1000000000 is over the 10,000 requests per second one flow may send' } });
  });
});

describe('the cluster a design describes', () => {
  it('needs at least one node, unique names and no negative capacity', () => {
    expect(clusterProblems(defaultCluster())).toEqual([]);
    expect(clusterProblems({ nodes: [] })).toEqual(['cluster.nodes: Required value: a cluster needs at least one node to run pods']);
    expect(clusterProblems({ nodes: [...nodes(2).nodes, { name: 'node-1', cpu: '-1', memory: '1Gi', pods: -5 }] })).toEqual([
      'cluster.nodes[2]: Duplicate value: nodes "node-1" already exists',
      'cluster.nodes[2].cpu: Invalid value: "-1": must be greater than or equal to 0',
      'cluster.nodes[2].pods: Invalid value: -5: must be greater than or equal to 0',
    ]);
  });

  it('simulate refuses such a cluster instead of falling back to the default one', () => {
    expect(() => run([], { cluster: { nodes: [] } })).toThrow('cluster.nodes: Required value');
  });
});
