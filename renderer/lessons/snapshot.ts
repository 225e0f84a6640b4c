/**
 * What the lesson engine (shared/lessons/engine.ts) judges a step against, read from the stores:
 * the design's objects and references, the commands run during the step, and the simulation at
 * its cursor (pods and the events recorded so far).
 */
import { metadataNamespace } from '../../shared/model/object';
import type { LessonSnapshot, SnapshotEdge } from '../../shared/lessons';
import { designIndex, type KubeplanState } from '../store';
import { eventsAt, type SimulationState } from '../simulation/store';

/**
 * `simulated` is the design's resources the current run was started with: a simulation of an
 * older design (the learner edited since) does not count, so a step waits for the next run.
 */
export function buildSnapshot(
  design: KubeplanState['design'],
  simulation: Pick<SimulationState, 'status' | 'view' | 'cursor'>,
  commands: ReadonlySet<string>,
  simulated: KubeplanState['design']['resources'] | null,
): LessonSnapshot {
  const byId = new Map(design.resources.map((r) => [r.id, r.object]));
  const ref = (id: string) => {
    const o = byId.get(id)!;
    return { kind: o.kind, namespace: metadataNamespace(o), name: o.metadata?.name ?? '' };
  };
  const edges: SnapshotEdge[] = [];
  for (const e of designIndex(design).edges) if (e.targetId && byId.has(e.sourceId) && byId.has(e.targetId)) edges.push({ from: ref(e.sourceId), to: ref(e.targetId) });
  const objects = design.resources.map((r) => ({ ...ref(r.id), object: r.object }));
  const running = simulation.status !== 'idle' && simulation.view !== null && simulated === design.resources;
  return {
    objects,
    edges,
    commands,
    simulation: running
      ? {
          pods: simulation.view!.pods.map((p) => ({ namespace: p.namespace, name: p.name, owner: p.owner, status: p.status, ...(p.reason ? { reason: p.reason } : {}) })),
          events: eventsAt(simulation.cursor).map((e) => ({ type: e.type, reason: e.reason, namespace: e.namespace, object: e.object })),
        }
      : null,
  };
}
