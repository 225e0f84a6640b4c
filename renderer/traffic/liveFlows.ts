/**
 * The design's flows run in the simulated cluster (SimulationInput.flows, docs/traffic.md): a run
 * starts them after its initial apply. Editing a flow in the Traffic tab while a run is live (added,
 * its rate or target changed, removed — or an undo of any of these) sends the change to the running
 * cluster as a live action (`startTraffic` of the flow's name replaces the running one;
 * `stopTraffic` ends it), so the timeline continues and a HorizontalPodAutoscaler reacts to the new
 * rate (docs/live-view.md).
 */
import type { DesignFlow } from '../../shared/design/types';
import type { LiveAction } from '../../shared/ipc/api';
import { flowSpecs } from '../../shared/simulation/traffic';
import { liveRunId, runLiveAction } from '../simulation/actions';
import { useKubeplanStore } from '../store';

/** The live actions that take the running flows from `before` to `after`, by flow name. */
export function flowActions(before: readonly DesignFlow[], after: readonly DesignFlow[]): LiveAction[] {
  const was = new Map(flowSpecs(before).map((f) => [f.name, f]));
  const now = new Map(flowSpecs(after).map((f) => [f.name, f]));
  const out: LiveAction[] = [];
  for (const name of was.keys()) if (!now.has(name)) out.push({ action: 'stopTraffic', name });
  for (const [name, flow] of now) {
    if (JSON.stringify(was.get(name)) !== JSON.stringify(flow)) out.push({ action: 'startTraffic', flow });
  }
  return out;
}

/** Actions are sent one after another, in the order the edits were made. */
let queue: Promise<unknown> = Promise.resolve();

useKubeplanStore.subscribe((s, prev) => {
  if (s.design === prev.design || s.design.flows === prev.design.flows) return;
  if (s.mode !== 'simulate' || !liveRunId()) return;
  const actions = flowActions(prev.design.flows ?? [], s.design.flows ?? []);
  for (const action of actions) queue = queue.then(() => runLiveAction(action));
});
