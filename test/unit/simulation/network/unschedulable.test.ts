import { describe, expect, it } from 'vitest';
import { createConnectivityCommand } from '../../../../cli/commands/connectivity';
import type { ClusterSpec } from '../../../../shared/design/types';
import type { KubeObject } from '../../../../shared/model/object';
import { steadyNetworkSnapshot } from '../../../../shared/simulation/session/network';
import { container, deployment, pod } from '../helpers';
import { capture } from './cliHelpers';

const cluster: ClusterSpec = {
  nodes: [
    { name: 'big', cpu: '8', memory: '16Gi', pods: 110 },
    { name: 'small', cpu: '2', memory: '4Gi', pods: 110, labels: { disk: 'ssd' } },
    { name: 'gpu', cpu: '8', memory: '16Gi', pods: 110, taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }] },
  ],
};
const cpu = (n: string) => [container('c', { requests: { cpu: n } })];
// Bare pods in name order: the order both the simulator (design order) and the snapshot (sorted) schedule them in.
const pods: KubeObject[] = [
  pod('a-large', 'default', cpu('6')),
  pod('b-ssd', 'default', cpu('500m'), { nodeSelector: { disk: 'ssd' } }),
  pod('c-gpu', 'default', cpu('1'), { tolerations: [{ key: 'gpu', operator: 'Exists' }], affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['gpu'] }] } }] } } }),
  pod('d-medium', 'default', cpu('3')),
  pod('e-medium', 'default', cpu('3')),
  pod('f-none', 'default', cpu('7')),
];

describe('connectivity over the simulated steady state', () => {
  it('a pod that fits no node is not Ready, has no IP, and the command says so on stderr', async () => {
    const snapshot = steadyNetworkSnapshot(pods, cluster);
    expect(snapshot.pods.find((p) => p.name === 'f-none')).toBeUndefined();
    expect(snapshot.waiting.find((p) => p.name === 'f-none')).toMatchObject({ node: '' });
    const io = capture();
    // 5 CPUs each: only "big" takes one ("small" is too small, "gpu" is tainted).
    const design = [deployment('web', 'default', 3, cpu('5'))];
    const command = createConnectivityCommand(async () => ({ objects: design.map((object) => ({ object })) as never, design: { cluster } as never, errors: [] }));
    expect(await command.run(['design.kubeplan'], io)).toBe(0);
    expect(io.err).toBe('kubeplan connectivity: pods that fit no node have no connections: default/Deployment/web 2 of 3 (`kubeplan simulate` shows the FailedScheduling reasons)\n');
  });
});
