/**
 * "Why not this node" for one pod of the run: the scheduler recorder's last attempt for it
 * (shared/simulation/scheduling/recorder.ts), as `kubeplan explain --pod` prints it. The renderer
 * replays the open design with the recorder on for that pod only — the same engine, seed and
 * inputs as the run, so the same pod names and the same verdicts — when the user asks, not per frame.
 */
import { designObjects } from '../../shared/design';
import type { Design } from '../../shared/design/types';
import { SchedulingRecorder, simulate, type SchedulingRecord } from '../../shared/simulation';

export interface NodeRow {
  node: string;
  feasible: boolean;
  chosen: boolean;
  /** The Filter plugin that rejected the node and its reasons (`NodeResourcesFit: Insufficient cpu`). */
  failed?: { plugin: string; reasons: string[] };
}

export interface WhyNot {
  pod: string;
  attempt: number;
  message?: string;
  /** A PreFilter that rejected the pod on every node. */
  preFilter?: { plugin: string; reason?: string };
  rows: NodeRow[];
  notEvaluated: number;
}

export function toWhyNot(r: SchedulingRecord): WhyNot {
  const pre = r.preFilter.find((p) => p.status === 'Unschedulable');
  return {
    pod: r.pod, attempt: r.attempt, ...(r.message ? { message: r.message } : {}),
    ...(pre ? { preFilter: { plugin: pre.plugin, ...(pre.reason ? { reason: pre.reason } : {}) } } : {}),
    rows: r.filters.map((n) => {
      const failed = n.filters.find((f) => f.status === 'Unschedulable');
      return { node: n.node, feasible: n.feasible, chosen: n.node === r.selected, ...(failed ? { failed: { plugin: failed.plugin, reasons: failed.reasons ?? [] } } : {}) };
    }),
    notEvaluated: r.notEvaluated,
  };
}

/** The last scheduling attempt for `namespace/name` in a run of `design`; undefined when the scheduler never tried it. */
export function explainPod(design: Design, namespace: string, name: string): WhyNot | undefined {
  const key = `${namespace}/${name}`;
  const recorder = new SchedulingRecorder((pod) => pod === key);
  simulate({ objects: designObjects(design), cluster: design.cluster }, recorder);
  const last = recorder.attempts(key).at(-1);
  return last ? toWhyNot(last) : undefined;
}
