/** Registers the workload controllers beyond Deployment/ReplicaSet, in the controller-manager's order. */
import type { Cluster } from '../cluster';
import { DaemonSetController } from './daemonset';
import { HorizontalPodAutoscalerController } from './hpa';
import { CronJobController, JobController } from './jobs';
import { StatefulSetController } from './statefulset';

export function registerWorkloadControllers(c: Cluster): void {
  c.register(new StatefulSetController(c));
  c.register(new DaemonSetController(c));
  c.register(new CronJobController(c));
  c.register(new JobController(c));
  c.register(new HorizontalPodAutoscalerController(c));
}
