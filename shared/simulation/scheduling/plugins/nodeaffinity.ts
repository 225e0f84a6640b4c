/**
 * NodeAffinity (pkg/scheduler/framework/plugins/nodeaffinity): Filter on nodeSelector and required
 * node affinity; Score sums the weights of the preferred terms a node matches, normalised to the best node.
 */
import type { Node, NodeSelectorTerm, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../model/object';
import type { FilterPlugin, ScorePlugin } from '../types';

export const REQUIRED_SCHEDULING = 'requiredDuringSchedulingIgnoredDuringExecution';
const PREFERRED_SCHEDULING = 'preferredDuringSchedulingIgnoredDuringExecution';
const AFFINITY = ["node(s) didn't match Pod's node affinity/selector"];

export function matchTerm(term: NodeSelectorTerm, node: Node & KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const ok = (key: string, op: string, values: string[] | undefined, source: Record<string, string>) => {
    const has = key in source;
    const v = source[key];
    switch (op) {
      case 'In': return has && (values ?? []).includes(v);
      case 'NotIn': return !has || !(values ?? []).includes(v);
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
      case 'Gt': return has && Number(v) > Number(values?.[0]);
      case 'Lt': return has && Number(v) < Number(values?.[0]);
      default: return false;
    }
  };
  return exprs.every((e) => ok(e.key, e.operator, e.values, labels)) && fields.every((f) => ok(f.key, f.operator, f.values, { 'metadata.name': node.metadata.name }));
}

function fits(selector: [string, string][], required: NodeSelectorTerm[] | undefined, node: Node & KubeObject): boolean {
  if (selector.length) {
    const labels = node.metadata.labels ?? {};
    for (const [k, v] of selector) if (labels[k] !== v) return false;
  }
  return !required || required.some((t) => matchTerm(t, node));
}

export function matchesNodeSelectorAndAffinity(pod: Pod, node: Node & KubeObject): boolean {
  const required = pod.spec?.affinity?.nodeAffinity?.[REQUIRED_SCHEDULING];
  return fits(Object.entries(pod.spec?.nodeSelector ?? {}), required ? required.nodeSelectorTerms ?? [] : undefined, node);
}

export const NodeAffinity: FilterPlugin & ScorePlugin = {
  name: 'NodeAffinity',
  preFilter: (state) => (state.nodeSelector.length > 0 || state.requiredTerms ? 'run' : 'skip'),
  filter: (state, info) => (fits(state.nodeSelector, state.requiredTerms, info.node) ? null : AFFINITY),
  preScore: (state) => (state.pod.spec?.affinity?.nodeAffinity?.[PREFERRED_SCHEDULING]?.length ?? 0) > 0,
  score(state, nodes, out) {
    const preferred = state.pod.spec?.affinity?.nodeAffinity?.[PREFERRED_SCHEDULING] ?? [];
    for (let i = 0; i < nodes.length; i++) {
      let s = 0;
      for (const p of preferred) if (matchTerm(p.preference, nodes[i].node)) s += p.weight;
      out[i] = s;
    }
  },
  normalize(scores, n) {
    let max = 0;
    for (let i = 0; i < n; i++) if (scores[i] > max) max = scores[i];
    for (let i = 0; i < n; i++) scores[i] = max === 0 ? 0 : Math.floor((scores[i] * 100) / max);
  },
};
