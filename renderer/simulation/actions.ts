/**
 * Live actions: what the user does to the running cluster once a run has reached its end — scale,
 * set image (a rolling update), rollback, delete a pod, cordon, uncordon, drain, add a node, apply
 * again, edit & re-apply. Each goes to the host's simulation worker (`actSimulation`), which keeps
 * the run's session alive (shared/simulation/session/live.ts); the frames it returns continue the
 * timeline through `useSimulationStore.getState().appendFrames`. Nothing here writes the design
 * store except the cluster edits (add / edit node), which are ordinary design changes with undo.
 * See docs/live-view.md.
 */
import i18next from 'i18next';
import { create } from 'zustand';
import { defaultCluster, type ClusterNode, type Design } from '../../shared/design/types';
import type { KubeplanApi, LiveAction, LiveActionResult } from '../../shared/ipc/api';
import { objectKey, type KubeObject } from '../../shared/model/object';
import { kubeplanApi } from '../api';
import { actAsUser } from '../console/asUser';
import { testHooksEnabled } from '../canvas/testHooks';
import { notify } from '../files/notices';
import { useKubeplanStore, type KubeplanState, type StoreChange } from '../store';
import { eventsAt, sessionFrames, useSimulationStore } from './store';

/** Kinds a live scale / set image / rollback applies to (what `kubectl scale` and `rollout undo` take). */
export const SCALABLE_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);
export const ROLLOUT_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
export const IMAGE_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']);

export type AppliedLine = LiveActionResult['applied'][number];

export interface LiveActionsState {
  /** An action is on its way to the worker (buttons wait; one at a time). */
  busy: boolean;
  /** The output of the last apply (apply again, re-apply), `kind/name result` as kubectl prints it. */
  lastApply: { action: string; lines: AppliedLine[] } | null;
  /** Replicas set by live scale actions, per workload design key (the design keeps its own). */
  replicas: Record<string, number>;
  /** The run these belong to: they are forgotten when another run starts. */
  runId: string | null;
}

export const useLiveActions = create<LiveActionsState>()(() => ({ busy: false, lastApply: null, replicas: {}, runId: null }));

type LiveApi = Pick<KubeplanApi, 'actSimulation'>;
let provided: LiveApi | undefined;

/** Send live actions through `next` (tests); undefined restores the host's API. */
export function provideLiveApi(next: LiveApi | undefined): void {
  provided = next;
}

/** The run live actions go to: one that has ended (status `ready`) without an error. */
export function liveRunId(): string | null {
  const s = useSimulationStore.getState();
  return s.status === 'ready' && s.runId && s.frameCount > 0 ? s.runId : null;
}

function stateFor(runId: string): LiveActionsState {
  const s = useLiveActions.getState();
  if (s.runId === runId) return s;
  const fresh = { busy: false, lastApply: null, replicas: {}, runId };
  useLiveActions.setState(fresh);
  return fresh;
}

/** The live actions sent to the current run, in order (a "why not this node" replay repeats them). */
const actionLog: { runId: string | null; actions: { action: LiveAction; from: number }[] } = { runId: null, actions: [] };

/** The live actions sent to run `runId` whose frames start at or before frame `seq`. */
export function liveActionsOf(runId: string, seq = Infinity): LiveAction[] {
  return actionLog.runId === runId ? actionLog.actions.filter((a) => a.from <= seq).map((a) => a.action) : [];
}

/**
 * Send one action to the run's live session and append its frames to the timeline. Resolves to
 * the result, or undefined when nothing ran (no live run, another action busy, or an error the
 * user was told about).
 */
export async function runLiveAction(action: LiveAction): Promise<LiveActionResult | undefined> {
  const runId = liveRunId();
  if (!runId) {
    notify({ tone: 'error', text: i18next.t('live.notReady') });
    return undefined;
  }
  if (stateFor(runId).busy) return undefined;
  useLiveActions.setState({ busy: true });
  try {
    // As the console's user when it is not the admin: RBAC authorises the action (renderer/console/asUser.ts).
    const result = (await actAsUser(runId, action)) ?? (await (provided ?? kubeplanApi()).actSimulation(runId, action));
    // Another run started meanwhile: its timeline is not this one's.
    if (useSimulationStore.getState().runId !== runId) return undefined;
    if (!result.ok) {
      notify({ tone: 'error', text: i18next.t('live.failed', { message: result.error.message }) });
      return undefined;
    }
    if (actionLog.runId !== runId) Object.assign(actionLog, { runId, actions: [] });
    actionLog.actions.push({ action, from: sessionFrames().length });
    useSimulationStore.getState().appendFrames(result.value.frames);
    // The action acted on the newest state: show its outcome even if the user had scrubbed back.
    useSimulationStore.getState().seek(sessionFrames().length - 1);
    if (action.action === 'apply' || action.action === 'applyAgain' || action.action === 'reapply') {
      useLiveActions.setState({ lastApply: { action: action.action, lines: result.value.applied } });
      // A one-line summary; the Events tab heads with every line.
      notify({ tone: 'info', text: result.value.applied.length ? i18next.t('live.applied', { summary: summarizeApplied(result.value.applied) }) : i18next.t('live.nothingApplied') });
    }
    if (result.value.error) notify({ tone: 'error', text: result.value.error });
    if (result.value.stopped) notify({ tone: 'error', text: result.value.stopped });
    return result.value;
  } finally {
    useLiveActions.setState({ busy: false });
  }
}

/** `kubectl apply` output: `deployment.apps/web configured`, one line per object. */
export function formatApplied(lines: readonly AppliedLine[]): string {
  return lines.map((a) => (a.result === 'failed' ? a.message ?? `${resourceName(a.kind)}/${a.name} failed` : `${resourceName(a.kind)}/${a.name} ${a.result}`)).join('\n');
}

/** `3 configured, 17 unchanged`: how many objects got each result (kubectl's words). */
export function summarizeApplied(lines: readonly AppliedLine[]): string {
  const counts = new Map<string, number>();
  for (const a of lines) counts.set(a.result, (counts.get(a.result) ?? 0) + 1);
  return ['created', 'configured', 'unchanged', 'failed'].filter((r) => counts.has(r)).map((r) => `${counts.get(r)} ${r}`).join(', ');
}

const GROUPS: Record<string, string> = {
  Deployment: 'apps', StatefulSet: 'apps', DaemonSet: 'apps', ReplicaSet: 'apps', Job: 'batch', CronJob: 'batch',
  Ingress: 'networking.k8s.io', NetworkPolicy: 'networking.k8s.io', HorizontalPodAutoscaler: 'autoscaling',
  PodDisruptionBudget: 'policy', StorageClass: 'storage.k8s.io', Role: 'rbac.authorization.k8s.io', RoleBinding: 'rbac.authorization.k8s.io',
  ClusterRole: 'rbac.authorization.k8s.io', ClusterRoleBinding: 'rbac.authorization.k8s.io',
};

/** `deployment.apps`, `service`, `networkpolicy.networking.k8s.io`: the resource kubectl names. */
function resourceName(kind: string): string {
  const group = GROUPS[kind];
  return `${kind.toLowerCase()}${group ? `.${group}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// What an action acts on: the selected card, its pods, the nodes.

/** The one selected resource's object, if any. */
export function selectedObject(s: Pick<KubeplanState, 'selection' | 'design'> = useKubeplanStore.getState()): KubeObject | undefined {
  if (s.selection.length !== 1) return undefined;
  return s.design.resources.find((r) => r.id === s.selection[0])?.object;
}

function target(o: KubeObject) {
  return { kind: o.kind, namespace: o.metadata.namespace || 'default', name: o.metadata.name };
}

/** The replicas a workload runs now: the last live scale, else its spec (default 1). */
export function liveReplicas(o: KubeObject): number {
  const runId = liveRunId();
  const scaled = runId && useLiveActions.getState().runId === runId ? useLiveActions.getState().replicas[objectKey(o)] : undefined;
  if (scaled !== undefined) return scaled;
  const r = (o.spec as { replicas?: unknown } | undefined)?.replicas;
  return typeof r === 'number' ? r : 1;
}

/** The pods of a workload at the timeline cursor (by top owner), Running first. */
export function podsOf(o: KubeObject) {
  const key = objectKey(o);
  const pods = useSimulationStore.getState().view?.pods.filter((p) => p.owner === key) ?? [];
  return [...pods].sort((a, b) => Number(b.phase === 'Running') - Number(a.phase === 'Running') || a.name.localeCompare(b.name));
}

export function canScale(s?: KubeplanState): boolean {
  const o = selectedObject(s);
  return liveRunId() !== null && !!o && SCALABLE_KINDS.has(o.kind);
}

export async function scaleSelected(replicas: number, o = selectedObject()): Promise<void> {
  if (!o || !Number.isInteger(replicas) || replicas < 0) return;
  const done = await runLiveAction({ action: 'scale', ...target(o), replicas });
  if (done && !done.error) useLiveActions.setState((s) => ({ replicas: { ...s.replicas, [objectKey(o)]: replicas } }));
}

export function scaleBy(delta: number): Promise<void> {
  const o = selectedObject();
  if (!o) return Promise.resolve();
  return scaleSelected(Math.max(0, liveReplicas(o) + delta), o);
}

export function setImageSelected(image: string, container?: string, o = selectedObject()): Promise<unknown> {
  if (!o || !image.trim()) return Promise.resolve();
  return runLiveAction({ action: 'setImage', ...target(o), image: image.trim(), ...(container ? { container } : {}) });
}

export function rollbackSelected(o = selectedObject()): Promise<unknown> {
  if (!o) return Promise.resolve();
  return runLiveAction({ action: 'rollback', ...target(o) });
}

/** Delete one pod: the one named, else the first running pod of the selected workload. */
export function deletePod(name?: string, namespace?: string): Promise<unknown> {
  const o = selectedObject();
  const pod = name ? { name, namespace: namespace ?? o?.metadata.namespace ?? 'default' } : o ? podsOf(o)[0] : undefined;
  if (!pod) return Promise.resolve();
  return runLiveAction({ action: 'deletePod', namespace: pod.namespace, name: pod.name });
}

/**
 * Crash a container (the scenario step `crash`: its process exits with code 1 and the kubelet
 * restarts it with back-off): of the pod named, else of the first running pod of the selected
 * workload; the first container unless one is named.
 */
export function crashContainer(name?: string, namespace?: string, container?: string): Promise<unknown> {
  const o = selectedObject();
  // A crash-looping pod (phase Running, waiting in CrashLoopBackOff) has no running container to crash.
  const pod = name ? { name, namespace: namespace ?? o?.metadata.namespace ?? 'default' } : o ? podsOf(o).find((p) => p.phase === 'Running' && !p.reason) : undefined;
  if (!pod) return Promise.resolve();
  return runLiveAction({ action: 'crash', namespace: pod.namespace, name: pod.name, ...(container ? { container } : {}) });
}

/** The total CPU clients ask of the selected workload (`1500m`, `2`): a HorizontalPodAutoscaler measures it against the pods' requests. */
export function setLoadSelected(cpu: string, o = selectedObject()): Promise<unknown> {
  if (!o || !/^\d+m?$/.test(cpu.trim())) return Promise.resolve();
  return runLiveAction({ action: 'setLoad', ...target(o), cpu: cpu.trim() });
}

export const cordonNode = (node: string, on = true) => runLiveAction({ action: on ? 'cordon' : 'uncordon', node });
export const drainNode = (node: string) => runLiveAction({ action: 'drain', node });
export const applyAgain = () => runLiveAction({ action: 'applyAgain' });

/** Send the design as it is now: changed objects come back `configured`, the rest `unchanged`. */
export async function reapplyDesign(design: Design = useKubeplanStore.getState().design): Promise<void> {
  const done = await runLiveAction({ action: 'reapply', design });
  // The design's replicas count again.
  if (done) useLiveActions.setState({ replicas: {} });
}

// ---------------------------------------------------------------------------------------------
// The design's cluster section (design store, with undo): add and edit nodes.

/** The nodes the design simulates: its own, or the default cluster when it names none. */
export function designNodes(design: Design): ClusterNode[] {
  return design.cluster?.nodes?.length ? design.cluster.nodes : defaultCluster().nodes;
}

/** A new node like the last one, named `node-N` after the highest number in use. */
export function newNode(nodes: readonly ClusterNode[]): ClusterNode {
  const last = nodes.at(-1);
  let n = nodes.length + 1;
  const names = new Set(nodes.map((x) => x.name));
  while (names.has(`node-${n}`)) n++;
  const name = `node-${n}`;
  const labels = { ...(last?.labels ?? {}), 'kubernetes.io/hostname': name };
  return { name, cpu: last?.cpu ?? '4', memory: last?.memory ?? '8Gi', pods: last?.pods ?? 110, ...(last?.zone ? { zone: last.zone } : {}), labels };
}

/** Add a node to the design's cluster (one undo step); in a live run it also joins the running cluster. */
export function addNodeChange(s: KubeplanState, node?: ClusterNode): StoreChange {
  const nodes = designNodes(s.design);
  const added = node ?? newNode(nodes);
  if (liveRunId()) void runLiveAction({ action: 'addNode', node: { ...added } });
  return { design: { ...s.design, cluster: { ...s.design.cluster, nodes: [...nodes, added] } } };
}

/** Problems with a node edit, one line each (empty when it is fine). */
export function nodeProblems(node: ClusterNode, others: readonly ClusterNode[]): string[] {
  const out: string[] = [];
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(node.name)) out.push(i18next.t('live.nodes.badName', { name: node.name }));
  if (others.some((o) => o.name === node.name)) out.push(i18next.t('live.nodes.duplicate', { name: node.name }));
  if (!/^\d+(\.\d+)?m?$/.test(node.cpu)) out.push(i18next.t('live.nodes.badCpu', { value: node.cpu }));
  if (!/^\d+(\.\d+)?([KMGTPE]i?)?$/.test(node.memory)) out.push(i18next.t('live.nodes.badMemory', { value: node.memory }));
  if (!Number.isInteger(node.pods) || node.pods < 1) out.push(i18next.t('live.nodes.badPods', { value: String(node.pods) }));
  return out;
}

/** Replace node `name` in the design's cluster (one undo step); undefined when the edit has problems. */
export function editNodeChange(s: KubeplanState, name: string, node: ClusterNode): StoreChange | undefined {
  const nodes = designNodes(s.design);
  const i = nodes.findIndex((n) => n.name === name);
  if (i < 0) return undefined;
  const problems = nodeProblems(node, nodes.filter((_, j) => j !== i));
  if (problems.length) {
    notify({ tone: 'error', text: problems.join('; ') });
    return undefined;
  }
  const next = [...nodes];
  next[i] = node;
  return { design: { ...s.design, cluster: { ...s.design.cluster, nodes: next } } };
}

// End-to-end tests drive the simulation through `window.__kubeplanLive` (as canvas/testHooks.ts does).
if (typeof window !== 'undefined' && testHooksEnabled()) {
  (window as unknown as { __kubeplanLive?: unknown }).__kubeplanLive = {
    simulation: useSimulationStore, live: useLiveActions, eventsAt, sessionFrames,
    runLiveAction, scaleSelected, setImageSelected, rollbackSelected, deletePod, cordonNode, drainNode, applyAgain, reapplyDesign,
  };
}
