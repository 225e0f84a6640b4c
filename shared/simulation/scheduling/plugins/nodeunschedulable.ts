/** NodeUnschedulable (pkg/scheduler/framework/plugins/nodeunschedulable): cordoned nodes take only pods tolerating the unschedulable taint. */
import type { FilterPlugin } from '../types';
import { tolerates } from './tainttoleration';

const UNSCHEDULABLE = ['node(s) were unschedulable'];
const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export const NodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  preFilter: (_state, handle) => (handle.counts.cordoned === 0 ? 'skip' : 'run'),
  filter: (state, info) => (info.cordoned && !tolerates(state.tolerations, UNSCHEDULABLE_TAINT) ? UNSCHEDULABLE : null),
};
