/**
 * Traffic at the timeline cursor (docs/traffic.md, "At the timeline cursor"): in simulate mode the
 * flows are traced again over the cluster the timeline shows — the design's steady state with the
 * pods of the frame under the cursor (shared/simulation/session/networkAt.ts) — so the particles
 * and the Traffic tab's verdicts follow a scale to 0 (no endpoints), the start of the run (nothing
 * running yet), a rollout or a drain. The worker's report (the steady state) stays the base: its
 * matrix and its list of waiting workloads; only its flows are replaced. At most once per animation
 * frame, and never when the design has no flows.
 */
import { designObjects } from '../../shared/design';
import type { Design } from '../../shared/design/types';
import type { TrafficReport } from '../../shared/ipc/traffic';
import { traceFlows, type NetworkSnapshot } from '../../shared/simulation/network';
import { networkAt } from '../../shared/simulation/session';
import { steadyNetworkSnapshot } from '../../shared/simulation/session/network';
import { useSimulationStore } from '../simulation/store';
import { useKubeplanStore } from '../store';
import { useTrafficStore } from './store';

let steady: { of: Design['resources']; cluster: Design['cluster']; snapshot: NetworkSnapshot } | undefined;
/** The worker's report the cursor's flows replace, and the report this module last made from it. */
let base: TrafficReport | null = null;
let mine: TrafficReport | null = null;

function steadyFor(design: Design): NetworkSnapshot {
  if (!steady || steady.of !== design.resources || steady.cluster !== design.cluster) {
    steady = { of: design.resources, cluster: design.cluster, snapshot: steadyNetworkSnapshot(designObjects(design), design.cluster) };
  }
  return steady.snapshot;
}

/** The report for the cursor now, or undefined when there is nothing to follow. */
export function reportAtCursor(): TrafficReport | undefined {
  const design = useKubeplanStore.getState().design;
  const view = useSimulationStore.getState().view;
  const flows = design.flows ?? [];
  if (!base || !view || flows.length === 0 || useKubeplanStore.getState().mode !== 'simulate') return undefined;
  return { ...base, flows: traceFlows(networkAt(steadyFor(design), view.pods), flows) };
}

/** Follow the cursor while mounted (the traffic layer, in simulate mode); returns the stop. */
export function followCursor(): () => void {
  let frame = 0;
  const update = () => {
    frame = 0;
    const next = reportAtCursor();
    if (!next) return;
    mine = next;
    useTrafficStore.setState({ report: next });
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(update);
  };
  const offTraffic = useTrafficStore.subscribe((s) => {
    // A new report from the worker (not ours): it becomes the base, and the cursor's flows replace its own.
    if (s.report !== mine) {
      base = s.report;
      if (base) schedule();
    }
  });
  const offSimulation = useSimulationStore.subscribe((s, prev) => {
    if (s.view !== prev.view) schedule();
  });
  base = useTrafficStore.getState().report;
  schedule();
  return () => {
    cancelAnimationFrame(frame);
    offTraffic();
    offSimulation();
    // Back to the worker's report (the steady state) for design mode.
    if (base && useTrafficStore.getState().report === mine) useTrafficStore.setState({ report: base });
    base = mine = null;
    steady = undefined;
  };
}
