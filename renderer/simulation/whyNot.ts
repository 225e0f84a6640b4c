/**
 * "Why not this node" for one pod of the run at the timeline cursor: the scheduler recorder's last
 * attempt for it at or before the cursor's time (shared/simulation/scheduling/recorder.ts), as
 * `kubeplan explain --pod` prints it. The renderer replays the live session with the recorder on
 * for that pod only — a `SimulationSession` from the design the run started from, with the same
 * engine, seed and inputs, then every live action sent to the run in order (scale, drain, re-apply…)
 * — so the same pod names, the same nodes and the same verdicts as the run's worker. It does so
 * when the user asks, never per frame.
 */
import { designObjects } from '../../shared/design';
import type { Design } from '../../shared/design/types';
import type { LiveAction } from '../../shared/ipc/api';
import { SchedulingRecorder, simulate, type SchedulingRecord, type ScenarioStep } from '../../shared/simulation';
import { SimulationSession } from '../../shared/simulation/session';

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

/**
 * The attempt for `namespace/name` at or before simulated time `time` in a replay of the live run:
 * the design it started from, then `actions` — the live actions sent to it, in order, up to the
 * cursor (liveActionsOf; an action takes no simulated time, so the cursor's frame, not its time,
 * says which actions had run). Undefined when the scheduler had not tried the pod by then.
 */
export function explainPodAt(design: Design, actions: readonly LiveAction[], namespace: string, name: string, time: number): WhyNot | undefined {
  const key = `${namespace}/${name}`;
  const recorder = new SchedulingRecorder((pod) => pod === key);
  // As the hosts' workers start a run (startSession): recorded, default seed, no scenario.
  const session = new SimulationSession({ objects: designObjects(design), cluster: design.cluster, options: { record: true } }, { recorder });
  session.runToEnd();
  for (const action of actions) {
    const step = (action.action === 'reapply' ? { action: 'apply', objects: designObjects(action.design) } : action) as ScenarioStep;
    try {
      session.act(step);
    } catch {
      break; // the run stopped at a limit: the worker's did too
    }
  }
  const attempts = recorder.attempts(key);
  const last = attempts.filter((a) => a.time === undefined || a.time <= time).at(-1);
  return last ? toWhyNot(last) : undefined;
}
