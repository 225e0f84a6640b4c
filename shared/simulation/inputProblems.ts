/**
 * What stops a design before the network view is built from it (connectivity, explain): a cluster
 * the API server would not have, objects it would refuse (negative replicas, bad schedules), and
 * more pods than the view lays out (SIMULATION_LIMITS.networkPods).
 */
import type { ClusterSpec } from '../design/types';
import type { KubeObject } from '../model/object';
import { fieldError } from './admission/validation';
import { clusterProblems, SIMULATION_LIMITS } from './limits';
import { nsOf } from './store';

/** Pods an object asks the network view for (its replicas; a DaemonSet one per node). */
function podsWanted(o: KubeObject, nodes: number): number {
  const spec = (o.spec ?? {}) as Record<string, unknown>;
  const n = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(0, v) : fallback);
  switch (o.kind) {
    case 'Pod':
      return 1;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'ReplicationController':
      return n(spec.replicas, 1);
    case 'DaemonSet':
      return nodes;
    case 'Job':
      return n(spec.parallelism, 1);
    case 'CronJob':
      return n((spec.jobTemplate as { spec?: { parallelism?: unknown } } | undefined)?.spec?.parallelism, 1);
    default:
      return 0;
  }
}

export function networkInputProblems(objects: readonly KubeObject[], cluster: ClusterSpec | undefined): string[] {
  const out = clusterProblems(cluster);
  if (out.length) return out;
  const nodes = cluster?.nodes?.length ?? 3;
  const limit = SIMULATION_LIMITS.networkPods;
  let total = 0;
  for (const o of objects) {
    if (!o?.metadata || typeof o.kind !== 'string') continue;
    const invalid = fieldError(o);
    if (invalid) out.push(`${invalid.startsWith(o.kind) ? 'The ' : ''}${invalid}`);
    const wanted = podsWanted(o, nodes);
    total += wanted;
    if (total > limit) {
      out.push(`${o.kind} ${nsOf(o) ? `${nsOf(o)}/` : ''}${o.metadata.name}: ${wanted.toLocaleString('en-US')} pods bring the design past the ${limit.toLocaleString('en-US')} pods the network view lays out`);
      break;
    }
  }
  return out;
}
