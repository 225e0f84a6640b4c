/**
 * Canvas live actions while the console runs as a non-admin user go through kubectl (so through the
 * API server as that user, and RBAC); as the admin they go the ordinary way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { KubectlRequest } from '../../../shared/ipc/api';
import { actAsUser, kubectlFor } from '../../../renderer/console/asUser';
import { useConsoleStore } from '../../../renderer/console/store';

const FORBIDDEN = 'Error from server (Forbidden): deployments.apps "api" is forbidden: User "dev" cannot patch resource "deployments/scale" in API group "apps" in the namespace "prod"';
const sent: KubectlRequest[] = [];
const api = {
  kubectlSimulation: async (req: KubectlRequest) => {
    sent.push(req);
    return { ok: true as const, value: { runId: req.runId, stdout: '', stderr: `${FORBIDDEN}\n`, exitCode: 1, context: req.context, frames: [] } };
  },
};

afterEach(() => {
  sent.length = 0;
  useConsoleStore.setState({ context: 'admin' });
});

describe('live actions as the console user', () => {
  it('are the kubectl commands they stand for', () => {
    expect(kubectlFor({ action: 'scale', kind: 'Deployment', namespace: 'prod', name: 'api', replicas: 3 })).toEqual(['scale', 'deployment/api', '-n', 'prod', '--replicas=3']);
    expect(kubectlFor({ action: 'drain', node: 'node-1' })).toEqual(['drain', 'node-1', '--ignore-daemonsets', '--force']);
    expect(kubectlFor({ action: 'addNode', node: { name: 'n', cpu: '1', memory: '1Gi', pods: 10 } })).toBeUndefined();
  });

  it('as dev: sent as kubectl in dev\'s context, the refusal is the action\'s error; as admin: the ordinary way', async () => {
    useConsoleStore.setState({ context: 'dev' });
    const r = await actAsUser('run-1', { action: 'scale', kind: 'Deployment', namespace: 'prod', name: 'api', replicas: 3 }, api);
    expect(sent.map((s) => [s.argv.join(' '), s.context])).toEqual([['scale deployment/api -n prod --replicas=3', 'dev']]);
    expect(r).toEqual({ ok: true, value: { runId: 'run-1', frames: [], applied: [], error: FORBIDDEN } });
    useConsoleStore.setState({ context: 'admin' });
    expect(await actAsUser('run-1', { action: 'scale', kind: 'Deployment', namespace: 'prod', name: 'api', replicas: 3 }, api)).toBeUndefined();
    expect(sent).toHaveLength(1);
  });
});
