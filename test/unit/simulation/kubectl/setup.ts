// A small cluster for kubectl tests: a `shop` namespace with a Deployment and a Service, run to steady state.
import type { KubeObject } from '../../../../shared/model/object';
import { Simulation } from '../../../../shared/simulation/simulate';
import { runKubectlLine, type KubectlEnv } from '../../../../shared/simulation/kubectl';
import type { ClusterUser } from '../../../../shared/simulation/rbac';
import { container, deployment, ns } from '../helpers';

export const shopObjects = (): KubeObject[] => [
  ns('shop'),
  ns('prod'),
  deployment('web', 'shop', 2, [container('web', { requests: { cpu: '100m', memory: '64Mi' } }, { ports: [{ containerPort: 80 }] })]),
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] } },
];

export const USERS: ClusterUser[] = [
  { name: 'dev', groups: ['team-a'], namespace: 'shop' },
  { name: 'ops', groups: ['operators'] },
];

export function cluster(extra: KubeObject[] = [], users: ClusterUser[] = USERS) {
  const objects = [...shopObjects(), ...extra];
  const sim = new Simulation({ objects, cluster: { nodes: [] }, seed: 1 });
  sim.apply(objects);
  sim.cluster.runToSteady(() => sim.tick());
  let context = 'admin';
  const env = (): KubectlEnv => ({ cluster: sim.cluster, users, context });
  /** Run a line as the console does: the command, then the cluster to steady state. */
  const kubectl = (line: string, files?: KubectlEnv['files'], stdin?: string) => {
    const r = runKubectlLine({ ...env(), ...(files ? { files } : {}), ...(stdin !== undefined ? { stdin } : {}) }, line);
    context = r.context;
    sim.cluster.runToSteady(() => sim.tick());
    return r;
  };
  return { sim, kubectl };
}
