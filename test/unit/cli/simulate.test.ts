// End to end: the scenario files of test/fixtures/scenarios run through `node bin/kubeplan.mjs simulate`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/design';

const root = join(import.meta.dirname, '..', '..', '..');
const scenarios = join(root, 'test', 'fixtures', 'scenarios');

function kubeplan(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'kubeplan.mjs'), 'simulate', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Json {
  pods: { namespace: string; name: string; owner: string; phase: string; node: string; status: string }[];
  events: { type: string; reason: string; namespace: string; object: string; message: string }[];
  quotas: { namespace: string; name: string; hard: Record<string, string>; used: Record<string, string> }[];
  persistentVolumeClaims: { namespace: string; name: string; phase: string; volume: string }[];
  applied: { step: number; kind: string; namespace: string; name: string; result: string; message?: string }[];
  deployments: { name: string; revision: string; replicas: number; available: number }[];
}

function scenario(name: string, ...extra: string[]) {
  const r = kubeplan(join(scenarios, name, 'manifests.yaml'), '--scenario', join(scenarios, name, 'scenario.yaml'), '--json', ...extra);
  return { ...r, json: JSON.parse(r.stdout) as Json };
}

const reasons = (j: Json, reason: string) => j.events.filter((e) => e.reason === reason);

describe('kubeplan simulate answers as a real cluster would', () => {
  it('quota exhaustion: FailedCreate with the exceeded-quota message, and the must-specify refusal', () => {
    const { code, json } = scenario('quota-exhaustion');
    expect(code).toBe(1);
    expect(json.pods.filter((p) => p.owner === 'Deployment/web' && p.phase === 'Running')).toHaveLength(3);
    const failed = reasons(json, 'FailedCreate');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].object).toMatch(/^ReplicaSet\/web-/);
    expect(failed[0].message).toMatch(/^Error creating: pods "web-\w+-\w{5}" is forbidden: exceeded quota: compute, requested: requests\.cpu=300m, used: requests\.cpu=900m, limited: requests\.cpu=1$/);
    expect(json.quotas).toEqual([{ namespace: 'team-a', name: 'compute', hard: { 'limits.cpu': '2', 'limits.memory': '2Gi', pods: '4', 'requests.cpu': '1', 'requests.memory': '1Gi' }, used: { 'limits.cpu': '1500m', 'limits.memory': '1536Mi', pods: '3', 'requests.cpu': '900m', 'requests.memory': '768Mi' } }]);
    expect(json.applied.at(-1)).toEqual({ step: 4, time: 11, kind: 'Pod', namespace: 'team-a', name: 'debug', result: 'failed', message: 'Error from server (Forbidden): error when creating "STDIN": pods "debug" is forbidden: failed quota: compute: must specify limits.cpu for: shell; limits.memory for: shell; requests.cpu for: shell; requests.memory for: shell' });
  });

  it('LimitRange defaulting: pods without resources run, a greedy pod is refused with LimitRanger\'s messages', () => {
    const { json } = scenario('limitrange-defaulting');
    expect(json.pods.filter((p) => p.owner === 'Deployment/api' && p.phase === 'Running')).toHaveLength(2);
    expect(json.quotas[0].used).toEqual({ 'limits.cpu': '1', 'requests.cpu': '200m' });
    expect(json.applied.find((a) => a.name === 'greedy')?.message).toBe('Error from server (Forbidden): error when creating "STDIN": pods "greedy" is forbidden: [minimum memory usage per Container is 64Mi, but request is 32Mi, maximum cpu usage per Container is 800m, but limit is 1500m]');
  });

  it('unschedulable pods: Insufficient cpu until a node is added, node affinity never', () => {
    const { json } = scenario('unschedulable');
    const msgs = reasons(json, 'FailedScheduling').map((e) => e.message);
    expect(msgs).toContain('0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..');
    expect(msgs).toContain("0/4 nodes are available: 4 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling..");
    expect(json.pods.filter((p) => p.owner === 'Deployment/crunch').map((p) => p.phase)).toEqual(['Running', 'Running', 'Running', 'Running']);
    expect(json.pods.find((p) => p.name === 'gpu-job')).toMatchObject({ phase: 'Pending', node: '' });
    expect(json.pods.filter((p) => p.node === 'node-4')).toHaveLength(1);
  });

  it('claims: the smallest fitting volume binds; an unbindable claim waits until a volume appears', () => {
    const { json } = scenario('claims');
    expect(json.persistentVolumeClaims).toEqual([
      { namespace: 'default', name: 'archive', phase: 'Bound', volume: 'pv-large', capacity: '50Gi', storageClass: '' },
      { namespace: 'default', name: 'logs', phase: 'Bound', volume: 'pv-medium', capacity: '5Gi', storageClass: '' },
    ]);
    expect(reasons(json, 'FailedBinding')[0].message).toBe('no persistent volumes available for this claim and no storage class is set');
    expect(reasons(json, 'FailedScheduling')[0].message).toBe('0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..');
    expect(json.pods[0]).toMatchObject({ name: 'archiver', phase: 'Running' });
  });

  it('rolling update and rollback: revision 3 runs the first template again', () => {
    const { json } = scenario('rolling-update');
    expect(json.deployments[0]).toMatchObject({ name: 'web', revision: '3', replicas: 4, available: 4 });
    const scaled = reasons(json, 'ScalingReplicaSet').map((e) => e.message);
    const first = /replica set (\S+) from 0 to 4/.exec(scaled[0])?.[1];
    expect(json.pods.every((p) => p.name.startsWith(`${first}-`) && p.phase === 'Running')).toBe(true);
    expect(scaled).toContain(`Scaled up replica set ${first} from 0 to 1`);
  });

  it('idempotent re-apply: every object unchanged, nothing restarted', () => {
    const { json, code } = scenario('idempotent-apply');
    expect(code).toBe(0);
    expect(json.applied.filter((a) => a.step === 2).map((a) => a.result)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(reasons(json, 'SuccessfulCreate')).toHaveLength(4);
  });

  it('prints byte-identical JSON for the same seed', () => {
    const a = scenario('rolling-update', '--seed', '9');
    const b = scenario('rolling-update', '--seed', '9');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(scenario('rolling-update', '--seed', '10').stdout);
  });

  it('prints kubectl-style pods and events without --json', () => {
    const r = kubeplan(join(scenarios, 'unschedulable', 'manifests.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('deployment.apps/crunch created');
    expect(r.stdout).toMatch(/NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES/);
    expect(r.stdout).toMatch(/default\s+gpu-job\s+0\/1\s+Pending\s+0\s+\d+s\s+<none>\s+<none>/);
    expect(r.stdout).toMatch(/NAMESPACE\s+LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE/);
    expect(r.stdout).toContain('Warning   FailedScheduling');
  });

  it('names the file and line of a bad scenario step, and a missing input', () => {
    const bad = kubeplan(join(scenarios, 'claims', 'manifests.yaml'), '--scenario', join(scenarios, 'claims', 'big-volume.yaml'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/big-volume\.yaml:1: a scenario is a mapping with a "steps" list/);
    const missing = kubeplan('no-such-file.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-file.yaml');
  });

  it('runs a design file on the cluster its design describes', () => {
    const file = join(root, 'assets', 'examples', 'multi-tenant.kubeplan.yaml');
    const parsed = parseDesign(readFileSync(file, 'utf8'), file);
    if ('error' in parsed) throw new Error(parsed.error.message);
    const r = kubeplan(file, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Json & { nodes: { name: string }[] };
    expect(json.nodes.map((n) => n.name)).toEqual(parsed.design.cluster.nodes.map((n) => n.name));
    expect(json.pods.length).toBeGreaterThan(0);
    expect(json.pods.every((p) => p.phase === 'Running')).toBe(true);
    expect(json.quotas.map((q) => q.namespace)).toEqual(['team-a', 'team-b', 'team-c']);
    // team-c's Deployment asks for five pods under a quota of three: three run, the ReplicaSet reports the rest.
    expect(json.pods.filter((p) => p.namespace === 'team-c')).toHaveLength(3);
    const rejected = json.events.find((e) => e.namespace === 'team-c' && e.reason === 'FailedCreate');
    expect(rejected?.message).toMatch(/^Error creating: pods "batch-[a-z0-9]+-[a-z0-9]+" is forbidden: exceeded quota: team-c-quota, requested: pods=1, used: pods=3, limited: pods=3$/);
  });

  it('--storage-class gives the bare cluster a default class, as kind ships one', () => {
    const file = join(root, 'test', 'fixtures', 'apps', 'stateful.yaml');
    const bare = JSON.parse(kubeplan(file, '--json').stdout) as Json;
    expect(bare.persistentVolumeClaims[0].phase).toBe('Pending');
    expect(bare.events.find((e) => e.reason === 'ProvisioningFailed')?.message).toBe('storageclass.storage.k8s.io "standard" not found');
    const kind = JSON.parse(kubeplan(file, '--storage-class', 'standard', '--json').stdout) as Json;
    expect(kind.persistentVolumeClaims[0]).toMatchObject({ phase: 'Bound', storageClass: 'standard' });
    expect(kind.pods.every((p) => p.phase === 'Running')).toBe(true);
  });
});
