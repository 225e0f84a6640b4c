/**
 * PodTopologySpread (pkg/scheduler/framework/plugins/podtopologyspread): counts matching pods per
 * topology value over the nodes the pod may land on; DoNotSchedule constraints filter on maxSkew,
 * ScheduleAnyway constraints score (fewer matching pods scores higher).
 */
import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../model/object';
import { nsOf } from '../../store';
import { selectorMatches } from '../../../model/selector';
import { isTerminal } from '../../controllers/util';
import type { FilterPlugin, NodeInfo, ScorePlugin, SchedulerHandle } from '../types';
import { matchesNodeSelectorAndAffinity } from './nodeaffinity';

const SPREAD_LABEL = ["node(s) didn't match pod topology spread constraints (missing required label)"];
const SPREAD = ["node(s) didn't match pod topology spread constraints"];

interface SpreadEntry {
  c: TopologySpreadConstraint;
  counts: Map<string, number>;
  min: number;
}

export interface SpreadState {
  hard: SpreadEntry[];
  soft: SpreadEntry[];
}

export const PodTopologySpread: FilterPlugin & ScorePlugin = {
  name: 'PodTopologySpread',
  // filtering.go: a missing topology label is UnschedulableAndUnresolvable (ErrReasonNodeLabelNotMatch);
  // a skew too large is Unschedulable (ErrReasonConstraintsNotMatch): evicting pods could fix it.
  preemptibleReason: (reason) => reason === SPREAD[0],
  preFilter(state, handle) {
    state.spread = spreadCounts(state.pod, handle);
    return state.spread && state.spread.hard.length > 0 ? 'run' : 'skip';
  },
  filter(state, info) {
    for (const s of (state.spread as SpreadState).hard) {
      const value = info.node.metadata.labels?.[s.c.topologyKey];
      if (value === undefined) return SPREAD_LABEL;
      const count = s.counts.get(value) ?? 0;
      if (count + 1 - s.min > s.c.maxSkew) return SPREAD;
    }
    return null;
  },
  preScore: (state) => (state.spread?.soft.length ?? 0) > 0,
  score(state, nodes, out) {
    for (let i = 0; i < nodes.length; i++) out[i] = spreadScore(state.spread, nodes[i]);
  },
  normalize(scores, n) {
    let max = -Infinity;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      if (scores[i] > max) max = scores[i];
      if (scores[i] < min) min = scores[i];
    }
    for (let i = 0; i < n; i++) scores[i] = max === min ? 100 : Math.floor(((max - scores[i]) * 100) / (max - min));
  },
};

function spreadScore(spread: SpreadState | undefined, info: NodeInfo): number {
  if (!spread) return 0;
  let s = 0;
  for (const e of spread.soft) s += e.counts.get(info.node.metadata.labels?.[e.c.topologyKey] ?? '') ?? 0;
  return s;
}

function spreadCounts(pod: Pod & KubeObject, handle: SchedulerHandle): SpreadState | undefined {
  const constraints = pod.spec?.topologySpreadConstraints ?? [];
  if (constraints.length === 0) return undefined;
  const peers = handle.cluster.list('Pod', nsOf(pod)).filter((p) => (p.spec as Pod['spec'])?.nodeName && !isTerminal(p) && !p.metadata.deletionTimestamp);
  const state: SpreadState = { hard: [], soft: [] };
  for (const cst of constraints) {
    const counts = new Map<string, number>();
    for (const info of handle.nodes) {
      const v = info.node.metadata.labels?.[cst.topologyKey];
      if (v !== undefined && matchesNodeSelectorAndAffinity(pod, info.node as Node & KubeObject)) counts.set(v, counts.get(v) ?? 0);
    }
    for (const p of peers) {
      if (!selectorMatches(cst.labelSelector, p.metadata.labels)) continue;
      const v = handle.nodeInfo((p.spec as Pod['spec'])?.nodeName ?? '')?.node.metadata.labels?.[cst.topologyKey];
      if (v !== undefined && counts.has(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const min = counts.size ? Math.min(...counts.values()) : 0;
    (cst.whenUnsatisfiable === 'DoNotSchedule' ? state.hard : state.soft).push({ c: cst, counts, min });
  }
  return state;
}
