/**
 * The scheduling recorder, as kube-scheduler-simulator keeps it: per attempt, each PreFilter's
 * verdict, each Filter plugin's verdict and reasons on every node looked at, and each Score
 * plugin's raw and normalised score with the weighted total. Off unless a recorder is attached;
 * `wants` limits it to the pods asked about.
 */

/** Success: the node passed; Unschedulable: the node failed here; Skip: nothing to check for this pod; NotRun: an earlier plugin already failed the node. */
export type FilterStatus = 'Success' | 'Unschedulable' | 'Skip' | 'NotRun';

export interface FilterVerdict {
  plugin: string;
  status: FilterStatus;
  reasons?: string[];
}

export interface NodeVerdicts {
  node: string;
  feasible: boolean;
  filters: FilterVerdict[];
}

export interface PluginScore {
  plugin: string;
  weight: number;
  raw: number;
  normalized: number;
}

export interface NodeScores {
  node: string;
  plugins: PluginScore[];
  /** Σ weight × normalised score. */
  total: number;
}

export interface SchedulingRecord {
  /** `namespace/name`. */
  pod: string;
  /** 1 for the first attempt to schedule the pod, then 2, 3… */
  attempt: number;
  /** Simulated seconds, when the recorder has a clock. */
  time?: number;
  /** Nodes in the cluster. */
  nodes: number;
  preFilter: { plugin: string; status: 'Success' | 'Skip' | 'Unschedulable'; reason?: string }[];
  /** The nodes the Filter plugins looked at, in the order they were looked at. */
  filters: NodeVerdicts[];
  /** Nodes not looked at: the scheduler stops once it has enough feasible nodes (percentageOfNodesToScore). */
  notEvaluated: number;
  /** The feasible nodes' scores; empty when fewer than two nodes were feasible (nothing to rank). */
  scores: NodeScores[];
  /** The node the pod was bound to. */
  selected?: string;
  /** Nodes that shared the best total (the seeded tie-break picked `selected` among them). */
  tied?: string[];
  /** The FailedScheduling message. */
  message?: string;
}

export class SchedulingRecorder {
  private readonly byPod = new Map<string, SchedulingRecord[]>();
  /** Simulated time, set by whoever runs the scheduler. */
  clock?: () => number;

  /** `pods`: which pods to record (`namespace/name`); every pod when left out. */
  constructor(private readonly pods?: (pod: string) => boolean) {}

  wants(pod: string): boolean {
    return !this.pods || this.pods(pod);
  }

  begin(pod: string, nodes: number): SchedulingRecord {
    const attempt = (this.byPod.get(pod)?.length ?? 0) + 1;
    const time = this.clock?.();
    return { pod, attempt, ...(time !== undefined ? { time } : {}), nodes, preFilter: [], filters: [], notEvaluated: 0, scores: [] };
  }

  add(record: SchedulingRecord): void {
    const list = this.byPod.get(record.pod);
    if (list) list.push(record);
    else this.byPod.set(record.pod, [record]);
  }

  /** Every recorded attempt for a pod, oldest first. */
  attempts(pod: string): readonly SchedulingRecord[] {
    return this.byPod.get(pod) ?? [];
  }

  /** The pods with at least one recorded attempt. */
  recordedPods(): string[] {
    return [...this.byPod.keys()];
  }
}
