/**
 * InterPodAffinity (k8s.io/kubernetes pkg/scheduler/framework/plugins/interpodaffinity, v1.30):
 * required pod affinity and anti-affinity filter nodes, preferred terms score them, by topology
 * domain (`kubernetes.io/hostname`, `topology.kubernetes.io/zone`, any node label).
 *
 * Filter (filtering.go), in upstream's order and words:
 * - the pod's required affinity: every term's topology label on the node, and a matching pod in
 *   that domain, else `node(s) didn't match pod affinity rules` (UnschedulableAndUnresolvable:
 *   preemption cannot help). A pod whose terms match itself may go first when no pod matches yet.
 * - the pod's required anti-affinity: no matching pod in the node's domain of any term, else
 *   `node(s) didn't match pod anti-affinity rules`;
 * - existing pods' required anti-affinity that the pod matches, in their domains:
 *   `node(s) didn't satisfy existing pods anti-affinity rules` (both Unschedulable: evicting the
 *   pods in the way could help).
 * Score (scoring.go): per topology domain, + weight for each existing pod the pod's preferred
 * affinity terms match, − weight for its preferred anti-affinity, and the same for existing pods'
 * preferred terms that match the pod (their required affinity counts with hardPodAffinityWeight 1);
 * normalised to 0–100 between the lowest and the highest node.
 *
 * Pods without pod affinity pay nothing: PreFilter skips when neither the pod nor any pod in the
 * cluster (the store's index of affinity pods) has a required term, PreScore when none has any term;
 * with neither, PreFilter reads one empty index and returns.
 */
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../../model/object';
import { selectorMatches } from '../../../model/selector';
import { isTerminal } from '../../controllers/util';
import { nsOf } from '../../store';
import type { ClusterReader, FilterPlugin, NodeInfo, ScorePlugin, SchedulerHandle } from '../types';

export const AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
export const EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";
const AFFINITY = [AFFINITY_RULES_NOT_MATCH];
const ANTI_AFFINITY = [ANTI_AFFINITY_RULES_NOT_MATCH];
const EXISTING_ANTI_AFFINITY = [EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH];
/** Upstream's default hardPodAffinityWeight (InterPodAffinityArgs). */
const HARD_POD_AFFINITY_WEIGHT = 1;

/** A term with its namespaces resolved (upstream framework.AffinityTerm). */
interface Term {
  selector: LabelSelector | undefined;
  /** The namespaces listed, or the pod's own when neither namespaces nor namespaceSelector is set. */
  namespaces: ReadonlySet<string>;
  namespaceSelector: LabelSelector | undefined;
  topologyKey: string;
  weight: number;
}

/** `key\0value` → count, as upstream's topologyToMatchedTermCount. */
type Counts = Map<string, number>;

export interface AffinityState {
  affinity: Term[];
  anti: Term[];
  affinityCounts: Counts;
  antiCounts: Counts;
  existingAntiCounts: Counts;
  /** No pod in the cluster matches all of the pod's affinity terms, and the pod matches them itself. */
  firstOfItsKind: boolean;
}

export interface AffinityScoreState {
  /** `key\0value` → summed weight. */
  scores: Counts;
  keys: string[];
}

const pair = (key: string, value: string) => `${key}\u0000${value}`;

function add(m: Counts, key: string, value: string, by: number): void {
  const k = pair(key, value);
  m.set(k, (m.get(k) ?? 0) + by);
}

function termOf(t: PodAffinityTerm | undefined, ns: string, weight: number): Term | undefined {
  if (!t || typeof t.topologyKey !== 'string' || !t.topologyKey) return undefined;
  const listed = Array.isArray(t.namespaces) ? t.namespaces.filter((n): n is string => typeof n === 'string') : [];
  return {
    selector: t.labelSelector ?? undefined,
    namespaces: new Set(listed.length === 0 && !t.namespaceSelector ? [ns] : listed),
    namespaceSelector: t.namespaceSelector ?? undefined,
    topologyKey: t.topologyKey,
    weight,
  };
}

function terms(list: readonly PodAffinityTerm[] | undefined, ns: string): Term[] {
  const out: Term[] = [];
  if (Array.isArray(list)) for (const t of list) {
    const term = termOf(t, ns, 1);
    if (term) out.push(term);
  }
  return out;
}

function weighted(list: readonly WeightedPodAffinityTerm[] | undefined, ns: string): Term[] {
  const out: Term[] = [];
  if (Array.isArray(list)) for (const w of list) {
    const term = termOf(w?.podAffinityTerm, ns, typeof w?.weight === 'number' ? w.weight : 0);
    if (term) out.push(term);
  }
  return out;
}

/** Upstream AffinityTerm.Matches: the pod's namespace is listed or selected, and its labels match. */
function matches(term: Term, pod: KubeObject, cluster: ClusterReader): boolean {
  const ns = nsOf(pod);
  let nsOk = term.namespaces.has(ns);
  if (!nsOk && term.namespaceSelector) nsOk = selectorMatches(term.namespaceSelector, cluster.getBy('Namespace', '', ns)?.metadata.labels ?? { 'kubernetes.io/metadata.name': ns });
  return nsOk && selectorMatches(term.selector, pod.metadata.labels);
}

type PodSpec = NonNullable<Pod['spec']>;
const specOf = (p: KubeObject) => p.spec as PodSpec | undefined;

/** Pods on a node that count: bound, not finished, not being deleted. */
function placed(p: KubeObject): boolean {
  return !!specOf(p)?.nodeName && !isTerminal(p) && !p.metadata.deletionTimestamp;
}

const NONE: KubeObject[] = [];

function affinityPods(cluster: ClusterReader): KubeObject[] {
  if (cluster.podsWithAffinity) {
    const pods = cluster.podsWithAffinity();
    return pods.length ? pods : NONE;
  }
  return cluster.list('Pod').filter((p) => specOf(p)?.affinity?.podAffinity || specOf(p)?.affinity?.podAntiAffinity);
}

function nodeLabels(handle: SchedulerHandle, p: KubeObject): Record<string, string> | undefined {
  return handle.nodeInfo(specOf(p)?.nodeName ?? '')?.node.metadata.labels;
}

function preFilterState(pod: Pod & KubeObject, handle: SchedulerHandle): AffinityState | undefined {
  const ns = nsOf(pod);
  const aff = pod.spec?.affinity;
  const affinity = terms(aff?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution, ns);
  const anti = terms(aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution, ns);
  const cluster = handle.cluster;
  // Existing pods' required anti-affinity terms that match this pod (getExistingAntiAffinityCounts).
  const existingAntiCounts: Counts = new Map();
  for (const p of affinityPods(cluster)) {
    if (p === pod || !placed(p)) continue;
    const own = terms(specOf(p)?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution, nsOf(p));
    if (own.length === 0) continue;
    const labels = nodeLabels(handle, p);
    if (!labels) continue;
    for (const t of own) if (labels[t.topologyKey] !== undefined && matches(t, pod, cluster)) add(existingAntiCounts, t.topologyKey, labels[t.topologyKey], 1);
  }
  if (affinity.length === 0 && anti.length === 0 && existingAntiCounts.size === 0) return undefined;
  // The pod's own required terms over every placed pod (getIncomingAffinityAntiAffinityCounts).
  const affinityCounts: Counts = new Map();
  const antiCounts: Counts = new Map();
  if (affinity.length || anti.length) {
    for (const p of cluster.list('Pod')) {
      if (p === pod || !placed(p)) continue;
      const labels = nodeLabels(handle, p);
      if (!labels) continue;
      if (affinity.length && affinity.every((t) => matches(t, p, cluster))) {
        for (const t of affinity) if (labels[t.topologyKey] !== undefined) add(affinityCounts, t.topologyKey, labels[t.topologyKey], 1);
      }
      for (const t of anti) if (labels[t.topologyKey] !== undefined && matches(t, p, cluster)) add(antiCounts, t.topologyKey, labels[t.topologyKey], 1);
    }
  }
  const firstOfItsKind = affinityCounts.size === 0 && affinity.every((t) => matches(t, pod, cluster));
  return { affinity, anti, affinityCounts, antiCounts, existingAntiCounts, firstOfItsKind };
}

function filterNode(s: AffinityState, info: NodeInfo): readonly string[] | null {
  const labels = info.node.metadata.labels ?? {};
  // satisfyPodAffinity: every topology label present; pods matching in each domain, or the first of its kind.
  let podsExist = true;
  for (const t of s.affinity) {
    const v = labels[t.topologyKey];
    if (v === undefined) return AFFINITY;
    if ((s.affinityCounts.get(pair(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  if (!podsExist && !s.firstOfItsKind) return AFFINITY;
  // satisfyPodAntiAffinity.
  for (const t of s.anti) {
    const v = labels[t.topologyKey];
    if (v !== undefined && (s.antiCounts.get(pair(t.topologyKey, v)) ?? 0) > 0) return ANTI_AFFINITY;
  }
  // satisfyExistingPodsAntiAffinity.
  if (s.existingAntiCounts.size) {
    for (const [key, value] of Object.entries(labels)) if ((s.existingAntiCounts.get(pair(key, value)) ?? 0) > 0) return EXISTING_ANTI_AFFINITY;
  }
  return null;
}

function scoreState(pod: Pod & KubeObject, handle: SchedulerHandle): AffinityScoreState | undefined {
  const ns = nsOf(pod);
  const aff = pod.spec?.affinity;
  const preferred = weighted(aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, ns);
  const preferredAnti = weighted(aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, ns);
  const cluster = handle.cluster;
  // Without preferred terms of its own, only pods with affinity can score (upstream: HavePodsWithAffinityList).
  const others = preferred.length || preferredAnti.length ? cluster.list('Pod') : affinityPods(cluster);
  const scores: Counts = new Map();
  for (const p of others) {
    if (p === pod || !placed(p)) continue;
    const labels = nodeLabels(handle, p);
    if (!labels) continue;
    const count = (list: Term[], sign: number, target: KubeObject) => {
      for (const t of list) if (labels[t.topologyKey] !== undefined && matches(t, target, cluster)) add(scores, t.topologyKey, labels[t.topologyKey], sign * t.weight);
    };
    count(preferred, 1, p);
    count(preferredAnti, -1, p);
    const theirs = specOf(p)?.affinity;
    if (theirs?.podAffinity || theirs?.podAntiAffinity) {
      const pns = nsOf(p);
      count(terms(theirs.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution, pns).map((t) => ({ ...t, weight: HARD_POD_AFFINITY_WEIGHT })), 1, pod);
      count(weighted(theirs.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, pns), 1, pod);
      count(weighted(theirs.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, pns), -1, pod);
    }
  }
  for (const [k, v] of scores) if (v === 0) scores.delete(k);
  if (scores.size === 0) return undefined;
  return { scores, keys: [...new Set([...scores.keys()].map((k) => k.slice(0, k.indexOf('\u0000'))))] };
}

export const InterPodAffinity: FilterPlugin & ScorePlugin = {
  name: 'InterPodAffinity',
  preFilter(state, handle) {
    // The common case first, allocation-free: neither this pod nor any pod in the cluster has pod affinity.
    const aff = state.pod.spec?.affinity;
    if (!aff?.podAffinity && !aff?.podAntiAffinity && affinityPods(handle.cluster).length === 0) {
      state.podAffinity = undefined;
      state.podAffinityScores = undefined;
      return 'skip';
    }
    state.podAffinity = preFilterState(state.pod, handle);
    // The scores too (PreScore is left out when a recorder is attached; PreFilter always runs).
    state.podAffinityScores = scoreState(state.pod, handle);
    return state.podAffinity ? 'run' : 'skip';
  },
  filter(state, info) {
    return state.podAffinity ? filterNode(state.podAffinity, info) : null;
  },
  // Affinity: UnschedulableAndUnresolvable; the anti-affinity reasons: Unschedulable.
  preemptibleReason: (reason) => reason !== AFFINITY_RULES_NOT_MATCH,
  preScore: (state) => state.podAffinityScores !== undefined,
  score(state, nodes, out) {
    const s = state.podAffinityScores;
    for (let i = 0; i < nodes.length; i++) {
      let total = 0;
      if (s) {
        const labels = nodes[i].node.metadata.labels ?? {};
        for (const key of s.keys) {
          const v = labels[key];
          if (v !== undefined) total += s.scores.get(pair(key, v)) ?? 0;
        }
      }
      out[i] = total;
    }
  },
  normalize(scores, n) {
    let max = -Infinity;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      if (scores[i] > max) max = scores[i];
      if (scores[i] < min) min = scores[i];
    }
    const diff = max - min;
    for (let i = 0; i < n; i++) scores[i] = diff > 0 ? Math.floor((100 * (scores[i] - min)) / diff) : 0;
  },
};
