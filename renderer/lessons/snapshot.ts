/**
 * What the lesson engine (shared/lessons/engine.ts) judges a step against, read from the stores:
 * the design's objects and references, the commands run during the step (with their arguments),
 * `kubectl apply`'s output and the console's commands during the step, the traffic flows' verdicts, and the simulation at its
 * cursor (pods, the cluster's nodes, quotas and claims, and the events, each marked whether it was
 * recorded or counted up since the step began).
 */
import { metadataNamespace } from '../../shared/model/object';
import type { LessonSnapshot, SnapshotApplied, SnapshotCommand, SnapshotEdge, SnapshotKubectl } from '../../shared/lessons';
import type { TrafficReport } from '../../shared/ipc/traffic';
import { designIndex, type KubeplanState } from '../store';
import { eventsAt, type SimulationState } from '../simulation/store';

/** The event log as it stood when the step began: which run, and each event's count then. */
export interface EventMark {
  runId: string | null;
  counts: ReadonlyMap<number, number>;
}

/** What the lessons store keeps about the step (renderer/lessons/store.ts). */
export interface StepRecord {
  commands: ReadonlySet<string>;
  commandRuns?: readonly SnapshotCommand[];
  applied?: readonly SnapshotApplied[];
  /** Console commands since the step began. */
  kubectl?: readonly SnapshotKubectl[];
  eventMark?: EventMark | null;
  /** The design's resources the current simulation run started from (null: none ran). */
  simulated: KubeplanState['design']['resources'] | null;
}

/**
 * `simulated` is the design's resources the current run was started with: a simulation of an
 * older design (the learner edited since) does not count, so a step waits for the next run.
 */
export function buildSnapshot(
  design: KubeplanState['design'],
  simulation: Pick<SimulationState, 'status' | 'view' | 'cursor'> & { runId?: string | null },
  step: StepRecord,
  traffic?: { report: TrafficReport | null; of: unknown } | null,
): LessonSnapshot {
  const byId = new Map(design.resources.map((r) => [r.id, r.object]));
  const ref = (id: string) => {
    const o = byId.get(id)!;
    return { kind: o.kind, namespace: metadataNamespace(o), name: o.metadata?.name ?? '' };
  };
  const edges: SnapshotEdge[] = [];
  for (const e of designIndex(design).edges) if (e.targetId && byId.has(e.sourceId) && byId.has(e.targetId)) edges.push({ from: ref(e.sourceId), to: ref(e.targetId) });
  const objects = design.resources.map((r) => ({ ...ref(r.id), object: r.object }));
  const running = simulation.status !== 'idle' && simulation.view !== null && step.simulated === design.resources;
  const mark = step.eventMark;
  // An event is new to the step when the run began after the step did, or it is not in the mark, or it was counted up since.
  const fresh = (index: number, count: number) => !mark || mark.runId !== (simulation.runId ?? null) || (mark.counts.get(index) ?? 0) < count;
  const view = simulation.view;
  return {
    objects,
    edges,
    commands: step.commands,
    commandRuns: step.commandRuns ?? [],
    applied: step.applied ?? [],
    kubectl: step.kubectl ?? [],
    traffic: traffic?.report && traffic.of === design ? traffic.report.flows.map((f) => ({ flow: f.name, verdicts: f.routes.map((r) => r.verdict) })) : null,
    simulation: running
      ? {
          pods: view!.pods.map((p) => ({ namespace: p.namespace, name: p.name, owner: p.owner, status: p.status, ...(p.reason ? { reason: p.reason } : {}) })),
          events: eventsAt(simulation.cursor).map((e) => ({ type: e.type, reason: e.reason, namespace: e.namespace, object: e.object, message: e.message, fresh: fresh(e.index, e.count) })),
          objects: [...view!.pods, ...view!.nodes, ...view!.quotas, ...view!.claims].map((r) => ({ kind: r.kind, namespace: 'namespace' in r ? r.namespace : '', name: r.name, object: r })),
        }
      : null,
  };
}
