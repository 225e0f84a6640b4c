// ResourceQuota rules as upstream's pod evaluator (k8s.io/kubernetes v1.30 pkg/quota/v1/evaluator/core/pods.go).
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/model/object';
import { checkQuotas, usageOf } from '../../../shared/simulation/admission/quota';

const quota = (hard: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: 'app' }, spec: { hard } });
const pod = (containers: { name: string; resources?: unknown }[], phase?: string): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'app' }, spec: { containers: containers.map((c) => ({ image: 'nginx', ...c })) }, ...(phase ? { status: { phase } } : {}),
});

describe('must specify: names the resources as the quota writes them', () => {
  // podEvaluator.Constraints: `errorMessages = append(errorMessages, fmt.Sprintf("%s for: %s", resource,
  // strings.Join(missingSetResourceToContainerNames[corev1.ResourceName(resource)].List(), ",")))`;
  // podComputeUsageHelper counts a cpu request as both `cpu` and `requests.cpu`.
  it.each([
    ['legacy cpu/memory keys stay cpu/memory', { cpu: '2', memory: '1Gi' }, [{ name: 'a' }], 'must specify cpu for: a; memory for: a'],
    ['requests.* and limits.* keys as written', { 'requests.cpu': '2', 'limits.memory': '1Gi' }, [{ name: 'a' }], 'must specify limits.memory for: a; requests.cpu for: a'],
    ['a request covers cpu, not limits.cpu', { cpu: '2', 'limits.cpu': '2' }, [{ name: 'a', resources: { requests: { cpu: '1' } } }], 'must specify limits.cpu for: a'],
    ['container names sorted (sets.String.List())', { memory: '1Gi' }, [{ name: 'zeta' }, { name: 'alpha' }], 'must specify memory for: alpha,zeta'],
  ])('%s', (_name, hard, containers, message) => {
    expect(checkQuotas(pod(containers), [quota(hard)])).toEqual({ error: `failed quota: compute: ${message}` });
  });
});

describe('count/pods counts every pod in storage, pods only the non-terminal ones', () => {
  // pods.go: `pods` is charged through QuotaV1Pod (terminal pods are not); `count/pods` is the
  // generic object count evaluator (every object of the resource).
  it.each([
    ['Running', { 'count/pods': '1', pods: '1' }],
    ['Succeeded', { 'count/pods': '1' }],
    ['Failed', { 'count/pods': '1' }],
  ])('a %s pod', (phase, expected) => {
    const u = usageOf(pod([{ name: 'a' }], phase));
    expect({ 'count/pods': u.get('count/pods')?.nano === 1_000_000_000n ? '1' : undefined, ...(u.has('pods') ? { pods: '1' } : {}) }).toEqual(expected);
  });
});
