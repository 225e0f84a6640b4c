/**
 * The scheduling framework's extension points, shaped like upstream's
 * (pkg/scheduler/framework/interface.go): PreFilter and Filter decide which nodes fit,
 * PreScore, Score and NormalizeScore rank the nodes that do. See README.md for the registry.
 */
import type { Node, NodeSelectorTerm, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../model/object';
import type { PodRequests } from '../resources';
import type { SpreadState } from './plugins/podtopologyspread';
import type { AffinityScoreState, AffinityState } from './plugins/interpodaffinity';

/** One node as the scheduler sees it: allocatable, what its pods request, and its taints sorted by effect. */
export interface NodeInfo {
  node: Node & KubeObject;
  name: string;
  allocCpu: number;
  allocMemory: number;
  allocPods: number;
  cpu: number;
  memory: number;
  /** Requests with upstream's non-zero defaults, for scoring. */
  scoreCpu: number;
  scoreMemory: number;
  pods: number;
  ports: Set<string>;
  cordoned: boolean;
  /** NoSchedule and NoExecute taints, in the node's order (the ones TaintToleration filters on). */
  hardTaints: Taint[];
  /** PreferNoSchedule taints (the ones TaintToleration scores on). */
  preferTaints: Taint[];
}

/** What the plugins read from the pod being scheduled, worked out once per attempt (upstream CycleState). */
export interface CycleState {
  readonly pod: Pod & KubeObject;
  readonly req: PodRequests;
  /** Host ports as `PROTOCOL/port`. */
  readonly ports: string[];
  readonly tolerations: Toleration[];
  readonly nodeSelector: [string, string][];
  readonly requiredTerms: NodeSelectorTerm[] | undefined;
  /** PodTopologySpread's counts, set by its PreFilter when the pod has constraints. */
  spread?: SpreadState;
  /** InterPodAffinity's counts, set by its PreFilter / PreScore when affinity is in play. */
  podAffinity?: AffinityState;
  podAffinityScores?: AffinityScoreState;
}

/** The objects plugins may read besides the nodes (the simulated store, or a design). */
export interface ClusterReader {
  getBy(kind: string, namespace: string, name: string): KubeObject | undefined;
  list(kind: string, namespace?: string): KubeObject[];
  /** Pods with podAffinity or podAntiAffinity; a reader without this index has InterPodAffinity scan every pod. */
  podsWithAffinity?(): KubeObject[];
}

/** What the framework offers plugins (upstream framework.Handle). */
export interface SchedulerHandle {
  readonly cluster: ClusterReader;
  /** Every node, in the order they joined. */
  readonly nodes: readonly NodeInfo[];
  nodeInfo(name: string): NodeInfo | undefined;
  /** How many nodes are cordoned, have NoSchedule/NoExecute taints, have PreferNoSchedule taints. */
  readonly counts: { cordoned: number; hardTainted: number; preferTainted: number };
}

/**
 * A PreFilter verdict: `run` checks every node with Filter; `skip` means the plugin has nothing to
 * check for this pod (upstream's Skip status); `unresolvable` rejects the pod before any node is
 * looked at (the message replaces the per-node reasons); `everyNode` fails every node with one reason.
 */
export type PreFilterResult = 'run' | 'skip' | { unresolvable: string } | { everyNode: string };

export interface FilterPlugin {
  readonly name: string;
  /** Reasons this plugin gives can be fixed by evicting pods (upstream Unschedulable, not UnschedulableAndUnresolvable). */
  readonly preemptible?: boolean;
  preFilter?(state: CycleState, handle: SchedulerHandle): PreFilterResult;
  /**
   * Per reason, where a plugin gives both kinds (upstream Unschedulable vs UnschedulableAndUnresolvable):
   * true when evicting pods could fix it. Overrides `preemptible` when present.
   */
  preemptibleReason?(reason: string): boolean;
  /** Why the pod does not fit on the node, in upstream's words; null when it fits. */
  filter(state: CycleState, info: NodeInfo): readonly string[] | null;
}

export interface ScorePlugin {
  readonly name: string;
  /** False when every feasible node would get the same normalised score, so ranking can leave the plugin out. */
  preScore?(state: CycleState, handle: SchedulerHandle): boolean;
  /**
   * The raw scores of the feasible nodes into `out[0..nodes.length)`. One call per pod with the
   * loop inside (upstream calls Score per node) keeps the hot loop in one function.
   */
  score(state: CycleState, nodes: readonly NodeInfo[], out: Float64Array): void;
  /** Rewrites `scores[0..n)` in place to 0–100 over the feasible nodes (upstream NormalizeScore). */
  normalize?(scores: Float64Array, n: number): void;
}

/** The plugins a scheduler runs, in order, with the score weights (upstream KubeSchedulerProfile). */
export interface Profile {
  filters: readonly FilterPlugin[];
  scores: readonly { plugin: ScorePlugin; weight: number }[];
}
