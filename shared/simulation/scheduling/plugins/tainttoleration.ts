/**
 * TaintToleration (pkg/scheduler/framework/plugins/tainttoleration): Filter on NoSchedule and
 * NoExecute taints (the first untolerated one is the reason); Score counts untolerated
 * PreferNoSchedule taints, normalised so the node with the most scores 0.
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import type { FilterPlugin, ScorePlugin } from '../types';

/** v1helper.TolerationsTolerateTaint. */
export function tolerates(tolerations: Toleration[], taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.key && t.key !== taint.key) return false;
    if (!t.key && t.operator !== 'Exists') return false;
    if ((t.operator ?? 'Equal') === 'Exists') return true;
    return (t.value ?? '') === (taint.value ?? '');
  });
}

export const TaintToleration: FilterPlugin & ScorePlugin = {
  name: 'TaintToleration',
  preFilter: (_state, handle) => (handle.counts.hardTainted === 0 ? 'skip' : 'run'),
  filter(state, info) {
    for (const t of info.hardTaints) if (!tolerates(state.tolerations, t)) return [`node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`];
    return null;
  },
  preScore: (_state, handle) => handle.counts.preferTainted > 0,
  score(state, nodes, out) {
    for (let i = 0; i < nodes.length; i++) {
      let n = 0;
      for (const t of nodes[i].preferTaints) if (!tolerates(state.tolerations, t)) n++;
      out[i] = n;
    }
  },
  normalize(scores, n) {
    let max = 0;
    for (let i = 0; i < n; i++) if (scores[i] > max) max = scores[i];
    for (let i = 0; i < n; i++) scores[i] = max === 0 ? 100 : Math.floor(100 - (scores[i] * 100) / max);
  },
};
