/**
 * `simulate`, `connectivity` and `explain` read one simulated cluster: the pods explain routes to
 * and connectivity lists are the pods simulate shows Running, with the same names, nodes and IPs;
 * a pod simulate leaves Pending has no IP and receives no traffic.
 */
import { describe, expect, it } from 'vitest';
import { createExplainCommand } from '../../../../cli/commands/explain';
import type { KubeObject } from '../../../../shared/model/object';
import { simulate } from '../../../../shared/simulation';
import { computeConnectivity, NetworkResolver } from '../../../../shared/simulation/network';
import { SimulationSession } from '../../../../shared/simulation/session';
import { steadyNetworkSnapshot } from '../../../../shared/simulation/session/network';
import { capture } from '../network/cliHelpers';
import { container, deployment, nodes, ns, quota } from '../helpers';

const service = (name: string, namespace: string): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector: { app: name }, ports: [{ port: 80 }] } });

// `huge` asks for more cpu than any node has (Pending, Unschedulable); `api` runs into its quota.
const objects = (): KubeObject[] => [
  ns('shop'), ns('ops'), quota('pods', 'ops', { pods: '1' }),
  deployment('web', 'shop', 3, [container('web', { requests: { cpu: '100m' } })]),
  deployment('huge', 'shop', 1, [container('huge', { requests: { cpu: '64' } })]),
  deployment('api', 'ops', 2, [container('api')]),
  service('web', 'shop'), service('huge', 'shop'),
];
const cluster = nodes(3);

describe('simulate, connectivity and explain read the same cluster', () => {
  it('the network view has exactly the Running pods of simulate, with their nodes and IPs', () => {
    const sim = simulate({ objects: objects(), cluster, seed: 1 });
    const snapshot = steadyNetworkSnapshot(objects(), cluster, 1);
    const running = sim.pods.filter((p) => p.phase === 'Running').map((p) => [p.namespace, p.name, p.node, p.ip]);
    expect(running).toHaveLength(4);
    expect(snapshot.pods.map((p) => [p.namespace, p.name, p.node, p.ip]).sort()).toEqual([...running].sort());
    const session = new SimulationSession({ objects: objects(), cluster, seed: 1 });
    session.runToEnd();
    expect(session.view().pods.filter((p) => p.phase === 'Running').map((p) => [p.namespace, p.name, p.node, p.ip])).toEqual(running);
    expect(sim.pods.find((p) => p.name.startsWith('huge-'))).toMatchObject({ phase: 'Pending', ip: '' });
    expect(snapshot.pods.some((p) => p.name.startsWith('huge-'))).toBe(false);
  });

  it('explain routes to a pod simulate shows Running, by its name and IP; a Service whose pod is Pending has no endpoints', () => {
    const sim = simulate({ objects: objects(), cluster, seed: 1 });
    const resolver = new NetworkResolver(steadyNetworkSnapshot(objects(), cluster, 1));
    const byName = new Map(sim.pods.map((p) => [p.name, p]));
    for (let seq = 0; seq < 3; seq++) {
      const r = resolver.resolve({ from: { kind: 'external' }, to: { kind: 'service', namespace: 'shop', name: 'web', port: 80 }, seq });
      expect(r.verdict).toBe('delivered');
      const target = byName.get(r.pod?.name ?? '');
      expect(target).toMatchObject({ phase: 'Running' });
      expect(r.hops.find((h) => h.hop === 'endpoint')?.reason).toContain(`${target?.ip}:80`);
    }
    const pending = resolver.resolve({ from: { kind: 'external' }, to: { kind: 'service', namespace: 'shop', name: 'huge', port: 80 } });
    expect(pending.verdict).toBe('no-endpoints');
  });

  it('connectivity lists no workload whose pods are all Pending', () => {
    const lines = computeConnectivity(steadyNetworkSnapshot(objects(), cluster, 1));
    expect(lines.some((l) => l.src === 'shop/web[Deployment]')).toBe(true);
    expect(lines.some((l) => l.src.includes('huge') || l.dst.includes('huge'))).toBe(false);
  });

  it('kubeplan explain prints a pod name and IP that kubeplan simulate prints for the same design', async () => {
    const load = async () => ({ objects: objects().map((object) => ({ object })), design: { cluster }, errors: [] });
    const io = capture();
    const code = await createExplainCommand(load as never).run(['design', '--from', 'external', '--to', 'shop/web', '--port', '80'], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    const sim = simulate({ objects: objects(), cluster, seed: 1 });
    const web = sim.pods.filter((p) => p.name.startsWith('web-'));
    expect(web.some((p) => io.out.includes(`pod shop/${p.name} ${p.ip}:80`))).toBe(true);
  });
});
