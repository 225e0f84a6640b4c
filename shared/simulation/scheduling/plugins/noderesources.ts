/**
 * NodeResourcesFit (pkg/scheduler/framework/plugins/noderesources): Filter on requested cpu,
 * memory and pod count (every short resource is a reason); Score with the default LeastAllocated
 * strategy. NodeResourcesBalancedAllocation scores how evenly cpu and memory would be used.
 * Scores use requests with upstream's non-zero defaults (100m cpu, 200Mi memory).
 */
import type { CycleState, FilterPlugin, NodeInfo, ScorePlugin } from '../types';

export const NodeResourcesFit: FilterPlugin & ScorePlugin = {
  name: 'NodeResourcesFit',
  preemptible: true,
  filter(state, info) {
    const req = state.req;
    const tooMany = info.pods + 1 > info.allocPods;
    const cpu = req.cpu > 0 && info.cpu + req.cpu > info.allocCpu;
    const memory = req.memory > 0 && info.memory + req.memory > info.allocMemory;
    if (!tooMany && !cpu && !memory) return null;
    const out: string[] = [];
    if (tooMany) out.push('Too many pods');
    if (cpu) out.push('Insufficient cpu');
    if (memory) out.push('Insufficient memory');
    return out;
  },
  score(state, nodes, out) {
    const { cpu, memory } = fractions(state, nodes);
    for (let i = 0; i < nodes.length; i++) out[i] = Math.floor((Math.max(0, 1 - cpu[i]) * 100 + Math.max(0, 1 - memory[i]) * 100) / 2);
  },
};

export const NodeResourcesBalancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  score(state, nodes, out) {
    const { cpu, memory } = fractions(state, nodes);
    for (let i = 0; i < nodes.length; i++) out[i] = Math.floor((1 - Math.abs(Math.min(cpu[i], 1) - Math.min(memory[i], 1)) / 2) * 100);
  },
};

/** The share of allocatable cpu and memory each node would have requested with the pod on it; both plugins read it, worked out once per pod. */
const shares = { state: undefined as CycleState | undefined, nodes: undefined as readonly NodeInfo[] | undefined, cpu: new Float64Array(64), memory: new Float64Array(64) };

function fractions(state: CycleState, nodes: readonly NodeInfo[]): { cpu: Float64Array; memory: Float64Array } {
  if (shares.state === state && shares.nodes === nodes) return shares;
  if (shares.cpu.length < nodes.length) {
    shares.cpu = new Float64Array(nodes.length);
    shares.memory = new Float64Array(nodes.length);
  }
  const req = state.req;
  for (let i = 0; i < nodes.length; i++) {
    const info = nodes[i];
    shares.cpu[i] = info.allocCpu ? (info.scoreCpu + req.scoreCpu) / info.allocCpu : 1;
    shares.memory[i] = info.allocMemory ? (info.scoreMemory + req.scoreMemory) / info.allocMemory : 1;
  }
  shares.state = state;
  shares.nodes = nodes;
  return shares;
}
