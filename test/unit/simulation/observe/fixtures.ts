// A small shop for the observation tests: a web Deployment behind a Service with an HPA, traffic, crashes and load.
import type { KubeObject } from '../../../../shared/model/object';
import { SimulationSession } from '../../../../shared/simulation/session';
import type { ScenarioStep } from '../../../../shared/simulation/types';
import { container, deployment, nodes, ns } from '../helpers';

export const web = deployment('web', 'app', 2, [
  container('web', { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m' } }, { ports: [{ containerPort: 80 }], readinessProbe: { httpGet: { path: '/', port: 80 } } }),
]);
export const service: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'app' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] } };
export const hpa: KubeObject = {
  apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'app' },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 6, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
};
export const crash: ScenarioStep = { action: 'crash', namespace: 'app', owner: 'Deployment/web' };

export function session(steps: ScenarioStep[], objects: KubeObject[] = [ns('app'), web, service, hpa]): SimulationSession {
  const s = new SimulationSession({ objects, cluster: nodes(2), seed: 1, scenario: { steps } });
  s.runToEnd();
  return s;
}
