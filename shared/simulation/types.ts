/** The simulator's public contract: what goes in (objects, cluster, scenario, seed) and what comes out. */
import type { ClusterNode, ClusterSpec } from '../design/types';
import type { KubeObject } from '../model/object';
import type { SimulationLimits, SimulationStop } from './limits';

export interface SimulationOptions {
  /** Seconds from binding to containers running (image pull + start). Default 1. */
  containerStartSeconds?: number;
  /** Seconds from running to Ready for containers whose readinessProbe sets no initialDelaySeconds. Default 0. */
  readinessDelaySeconds?: number;
  /** Cap on a terminating pod's stay (the container exits on SIGTERM); grace period still bounds it. Default 1. */
  terminationSeconds?: number;
  /** How long a Job's pod runs before it succeeds (annotation `kubeplan.io/run-seconds` overrides). Default 5. */
  jobRunSeconds?: number;
  /** Longest a run to steady state may take, in simulated seconds. Default 600. */
  steadyTimeoutSeconds?: number;
  /** Record per-tick state, the control-plane messages and the animation timeline. Default true. */
  record?: boolean;
  /**
   * Boot the cluster with a default StorageClass of this name (provisioner `rancher.io/local-path`,
   * WaitForFirstConsumer), as kind ships `standard`. Default: none, like a bare cluster.
   */
  defaultStorageClass?: string;
  /** Tighter (or, for a caller that knows better, looser) bounds than shared/simulation/limits.ts's. */
  limits?: Partial<SimulationLimits>;
}

/** A traffic flow a scenario starts: who sends, to what, how many requests per second. */
export interface TrafficFlowSpec {
  name: string;
  /** `external`, or `<namespace>/<workload>` (Deployment, StatefulSet… or a bare pod's name). */
  from: string;
  /** `http://host/path` (through the Ingress), `node:<port>` (a NodePort), `<ns>/<service>:<port>`, `<ns>/<workload>:<port>`, or `<ip>:<port>`. */
  to: string;
  /** Requests per second. */
  rate: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
}

export type ScenarioStep = StepUser & (
  | { action: 'apply'; objects: KubeObject[]; files?: string[]; line?: number; /** The file of each object, for kubectl's messages. */ sources?: string[] }
  | { action: 'applyAgain'; line?: number }
  | { action: 'wait'; seconds?: number; steady?: boolean; line?: number }
  | { action: 'scale'; kind: string; namespace: string; name: string; replicas: number; line?: number }
  | { action: 'setImage'; kind: string; namespace: string; name: string; container?: string; image: string; line?: number }
  | { action: 'rollback'; kind: string; namespace: string; name: string; toRevision?: number; line?: number }
  | { action: 'deletePod'; namespace: string; name?: string; owner?: string; line?: number }
  | { action: 'crash'; namespace: string; name?: string; owner?: string; container?: string; line?: number }
  | { action: 'delete'; kind: string; namespace: string; name: string; line?: number }
  | { action: 'cordon' | 'uncordon' | 'drain'; node: string; line?: number }
  | { action: 'addNode'; node: ClusterNode; line?: number }
  | { action: 'setLoad'; kind: string; namespace: string; name: string; cpu: string; line?: number }
  | { action: 'startTraffic'; flow: TrafficFlowSpec; line?: number }
  | { action: 'stopTraffic'; name: string; line?: number }
  /**
   * A kubectl command (docs/kubectl.md) as the context's user: `argv` without `kubectl`; `files`
   * are what `-f` may name (path → YAML text), `stdin` what `-f -` reads.
   */
  | { action: 'kubectl'; argv: string[]; context?: string; files?: Record<string, string>; stdin?: string; line?: number }
);

/**
 * Who a step's requests are sent as (docs/scenarios.md, "Steps as a user"): the step's `user`, else
 * the scenario's, else the built-in `admin`. The API server authorises them with RBAC.
 */
export interface StepUser {
  user?: string;
}

export interface Scenario {
  name?: string;
  /** The user every step acts as unless the step names its own (default the built-in `admin`). */
  user?: string;
  /** Apply the simulation's input objects at time 0 before the first step. Default true. */
  applyInputs?: boolean;
  steps: ScenarioStep[];
}

export interface SimulationInput {
  objects: KubeObject[];
  /** The file each object was read from (same order), for kubectl's messages (`from "app.yaml"`). */
  sources?: string[];
  cluster: ClusterSpec;
  scenario?: Scenario;
  seed?: number;
  options?: SimulationOptions;
  /**
   * The design's traffic flows (docs/traffic.md): they send from the start of the run, through the
   * running cluster, like a scenario's `startTraffic` — so the HorizontalPodAutoscaler sees their
   * CPU and a live `startTraffic` of the same name changes one's rate.
   */
  flows?: TrafficFlowSpec[];
}

export type ApplyResult = 'created' | 'configured' | 'unchanged' | 'failed';

export interface AppliedEntry {
  /** Index of the scenario step (0 is the initial apply of the inputs when a scenario adds steps). */
  step: number;
  time: number;
  kind: string;
  namespace: string;
  name: string;
  result: ApplyResult;
  message?: string;
}

export interface EventRecord {
  type: 'Normal' | 'Warning';
  reason: string;
  namespace: string;
  /** `Kind/name` of the involved object. */
  object: string;
  message: string;
  /** The reporting component, as `kubectl get events` shows it (`replicaset-controller`, `default-scheduler`, `kubelet`). */
  source: string;
  count: number;
  firstTime: number;
  lastTime: number;
}

export interface PodSummary {
  namespace: string;
  name: string;
  /** `Kind/name` of the top owner (Deployment, StatefulSet…), `Pod/<name>` for bare pods. */
  owner: string;
  phase: string;
  /** The STATUS column of `kubectl get pods`: Pending, ContainerCreating, Running, Terminating, Completed… */
  status: string;
  ready: string;
  restarts: number;
  node: string;
  ip: string;
  age: number;
  /** Seconds since a container last terminated, when one has restarted (RESTARTS `6 (12s ago)`). */
  lastRestartAge?: number;
}

export interface QuotaSummary {
  namespace: string;
  name: string;
  hard: Record<string, string>;
  used: Record<string, string>;
}

export interface ClaimSummary {
  namespace: string;
  name: string;
  phase: string;
  volume: string;
  capacity: string;
  storageClass: string;
}

export interface VolumeSummary {
  name: string;
  phase: string;
  claim: string;
  capacity: string;
  storageClass: string;
}

export interface DeploymentSummary {
  namespace: string;
  name: string;
  replicas: number;
  ready: number;
  upToDate: number;
  available: number;
  revision: string;
  /** status.conditions as `kubectl get -o yaml` shows them (Available, Progressing, ReplicaFailure). */
  conditions?: ConditionSummary[];
}

export interface ConditionSummary {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** A ReplicaSet as `kubectl get rs` and its status show it. */
export interface ReplicaSetSummary {
  namespace: string;
  name: string;
  /** The Deployment that owns it, or '' for a bare ReplicaSet. */
  owner: string;
  replicas: number;
  ready: number;
  available: number;
  conditions: ConditionSummary[];
}

export interface EndpointSummary {
  namespace: string;
  service: string;
  /** `ip:port` of the ready endpoints, as `kubectl get endpoints` lists them. */
  endpoints: string[];
}

export interface NodeSummary {
  name: string;
  status: string;
  pods: number;
  cpuRequests: string;
  memoryRequests: string;
}

/** One message of the control-plane walkthrough: who told whom what, when. */
export interface ControlPlaneMessage {
  time: number;
  /** The scenario step it follows from (0: the initial apply), for animating one step's flow. */
  step: number;
  from: string;
  to: string;
  /** `create`, `update`, `bind`, `write`, `watch ADDED`… */
  action: string;
  /** `Kind/namespace/name` */
  object: string;
}

/** The state at the end of a tick where something changed. Pods as [namespace, name, phase/status, node]. */
export interface TickState {
  time: number;
  pods: [string, string, string, string][];
  quotas: { namespace: string; name: string; used: Record<string, string> }[];
  persistentVolumeClaims: [string, string, string][];
  endpoints: { namespace: string; service: string; ready: number }[];
}

export interface TrafficEdgeAggregate {
  time: number;
  flow: string;
  /** The hop, `from → to`, as the canvas draws it (object keys or `external`). */
  from: string;
  to: string;
  verdict: 'delivered' | 'denied' | 'dropped';
  reason: string;
  requests: number;
}

/** What the renderer animates per tick: messages, event indexes and pod changes. */
export interface TimelineFrame {
  time: number;
  messages: ControlPlaneMessage[];
  /** Indexes into `events` whose lastTime is this tick. */
  events: number[];
  /** Pods that changed: [namespace, name, status, node]; status `Deleted` when gone. */
  pods: [string, string, string, string][];
}

export interface SimulationResult {
  seed: number;
  endTime: number;
  steady: boolean;
  applied: AppliedEntry[];
  pods: PodSummary[];
  events: EventRecord[];
  quotas: QuotaSummary[];
  persistentVolumeClaims: ClaimSummary[];
  persistentVolumes: VolumeSummary[];
  deployments: DeploymentSummary[];
  /** The ReplicaSets with their conditions (ReplicaFailure); simulate always sets it. */
  replicaSets?: ReplicaSetSummary[];
  endpoints: EndpointSummary[];
  nodes: NodeSummary[];
  traffic: TrafficEdgeAggregate[];
  ticks: TickState[];
  timeline: TimelineFrame[];
  /** Set when the run hit one of the simulator's limits (shared/simulation/limits.ts): the result is the state then. */
  stopped?: SimulationStop;
  /**
   * Set when the run reached steady state with containers still crash-looping: every change left
   * is a restart at the kubelet's 5-minute back-off cap, repeating for ever (docs/simulator.md, "Crash loops").
   */
  crashLoops?: CrashLoopNote[];
}

/** A container left in a crash loop at the end of a run. */
export interface CrashLoopNote {
  namespace: string;
  pod: string;
  container: string;
  restarts: number;
  /** The wait before its next restart, in seconds (the 300 s cap). */
  backOffSeconds: number;
  /** One line for the user: `Pod app/web-1: container web in CrashLoopBackOff (6 restarts), restarting every 5m0s`. */
  message: string;
}
