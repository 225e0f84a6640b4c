/**
 * NodeResourcesFit (pkg/scheduler/framework/plugins/noderesources): Filter on requested cpu,
 * memory and pod count (every short resource is a reason); Score with the default LeastAllocated
 * strategy. NodeResourcesBalancedAllocation scores how evenly cpu and memory would be used.
 * Scores use requests with upstream's non-zero defaults (100m cpu, 200Mi memory).
 */
import type { FilterPlugin, NodeInfo, ScorePlugin } from '../types';
import type { PodRequests } from '../../resources';

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
  score(state, info) {
    const [cpu, memory] = fractions(state.req, info);
    return Math.floor((Math.max(0, 1 - cpu) * 100 + Math.max(0, 1 - memory) * 100) / 2);
  },
};

export const NodeResourcesBalancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  score(state, info) {
    const [cpu, memory] = fractions(state.req, info);
    return Math.floor((1 - Math.abs(Math.min(cpu, 1) - Math.min(memory, 1)) / 2) * 100);
  },
};

const scratch: [number, number] = [0, 0];

/** The share of allocatable cpu and memory the node would have requested with the pod on it. */
function fractions(req: PodRequests, info: NodeInfo): [number, number] {
  scratch[0] = info.allocCpu ? (info.scoreCpu + req.scoreCpu) / info.allocCpu : 1;
  scratch[1] = info.allocMemory ? (info.scoreMemory + req.scoreMemory) / info.allocMemory : 1;
  return scratch;
}
