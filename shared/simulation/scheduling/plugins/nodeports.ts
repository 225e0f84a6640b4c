/** NodePorts (pkg/scheduler/framework/plugins/nodeports): a host port is taken once per node. */
import type { Pod } from 'kubernetes-types/core/v1';
import type { FilterPlugin } from '../types';

const PORTS = ["node(s) didn't have free ports for the requested pod ports"];

/** A pod's host ports as `PROTOCOL/port`. */
export function hostPorts(pod: Pod): string[] {
  const out: string[] = [];
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
  return out;
}

export const NodePorts: FilterPlugin = {
  name: 'NodePorts',
  preemptible: true,
  preFilter: (state) => (state.ports.length > 0 ? 'run' : 'skip'),
  filter(state, info) {
    for (const p of state.ports) if (info.ports.has(p)) return PORTS;
    return null;
  },
};
