/**
 * The simulator's bounds, in one place: every run either reaches a result or stops at one of these
 * with a message naming the object and the limit, so no input (a Job of a billion completions, a
 * CronJob over a year, a flood of traffic) can run for minutes or fill the memory. The figures are
 * documented in docs/simulation-limits.md; the CLI, the desktop worker and the live view share them.
 */
import type { ClusterSpec } from '../design/types';
import { isQuantity, parseQuantity } from '../model/quantity';

export const SIMULATION_LIMITS: Readonly<Record<
  'pendingPodsBeyondCapacity' | 'podsCreatedFloor' | 'podsCreatedPerLivePod' | 'simulatedSeconds' | 'timerRuns' | 'events' | 'trafficRatePerFlow' | 'trafficRequests' | 'nodes' | 'networkPods',
  number
>> = {
  /** Pods that may wait unscheduled beyond what the nodes hold (the sum of their `pods` capacity). */
  pendingPodsBeyondCapacity: 10_000,
  /** Pods created over a whole run (Jobs, CronJobs and replacements churn through pods): at least this… */
  podsCreatedFloor: 50_000,
  /** …or this many times the pods the cluster may hold at once, whichever is more. */
  podsCreatedPerLivePod: 3,
  /** Simulated time one run may cover: scenario waits plus the run to steady state. */
  simulatedSeconds: 24 * 3600,
  /** Timers fired (container starts, retries, periodic syncs, CronJob schedules, traffic seconds). */
  timerRuns: 2_000_000,
  /** Distinct event records (repeats only count up, as `kubectl get events` shows `(x5 over 2m)`). */
  events: 500_000,
  /** Requests per second one traffic flow may send. */
  trafficRatePerFlow: 10_000,
  /** Requests resolved hop by hop over the whole run, all flows together. */
  trafficRequests: 2_000_000,
  /** Nodes in the simulated cluster. */
  nodes: 5_000,
  /** Pods the network view (connectivity, explain) lays out from the workloads' replicas. */
  networkPods: 250_000,
};

export type SimulationLimits = { [K in keyof typeof SIMULATION_LIMITS]: number };

/** Why a simulation stopped early: which limit, what it was doing, and the message for the user. */
export class SimulationLimitError extends Error {
  constructor(
    readonly limit: keyof typeof SIMULATION_LIMITS,
    /** The object that hit the limit, `Kind/namespace/name`, or `scenario` for a step. */
    readonly object: string,
    message: string,
  ) {
    super(message);
    this.name = 'SimulationLimitError';
  }
}

/** What a stopped run reports: where it stopped and why (the result holds everything up to then). */
export interface SimulationStop {
  limit: keyof typeof SIMULATION_LIMITS;
  object: string;
  time: number;
  message: string;
}

/** `7d`, `2h`, `90s`: a duration for messages. */
export function formatSeconds(s: number): string {
  if (s % 86400 === 0) return `${s / 86400}d`;
  if (s % 3600 === 0) return `${s / 3600}h`;
  if (s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}

/**
 * What the API server would say about the design's cluster, or nothing: at least one node, names
 * unique (a second Node of the same name is `nodes "x" already exists`), capacities not negative.
 */
export function clusterProblems(cluster: ClusterSpec | undefined): string[] {
  const nodes = cluster?.nodes;
  if (!nodes) return [];
  if (!Array.isArray(nodes)) return ['cluster.nodes: Invalid value: must be a list of nodes'];
  if (nodes.length === 0) return ['cluster.nodes: Required value: a cluster needs at least one node to run pods'];
  if (nodes.length > SIMULATION_LIMITS.nodes) return [`cluster.nodes: Too many: ${nodes.length}: must have at most ${SIMULATION_LIMITS.nodes.toLocaleString('en-US')} nodes (the simulator's limit)`];
  const out: string[] = [];
  const seen = new Set<string>();
  nodes.forEach((n, i) => {
    const name = typeof n?.name === 'string' ? n.name : '';
    if (!name) out.push(`cluster.nodes[${i}].name: Required value`);
    else if (seen.has(name)) out.push(`cluster.nodes[${i}]: Duplicate value: nodes "${name}" already exists`);
    seen.add(name);
    for (const field of ['cpu', 'memory'] as const) {
      const v = n?.[field];
      if (isQuantity(v) && parseQuantity(v as string).nano < 0n) out.push(`cluster.nodes[${i}].${field}: Invalid value: "${n[field]}": must be greater than or equal to 0`);
    }
    if (n?.pods !== undefined && !(Number.isInteger(n.pods) && n.pods >= 0)) out.push(`cluster.nodes[${i}].pods: Invalid value: ${String(n.pods)}: must be greater than or equal to 0`);
  });
  return out;
}

/**
 * The desktop app's simulation workers (main/core/workerClient.ts): how many run at once (one more
 * is refused as `busy`) and the heap each may use (Node worker_threads `resourceLimits`); a run that
 * outgrows it is ended and reported, the app goes on.
 */
export const WORKER_LIMITS = {
  concurrentSimulations: 2,
  simulationHeapMegabytes: 1536,
  sharedWorkerHeapMegabytes: 2048,
} as const;
