/**
 * The lesson engine: whether a step's conditions hold, as a pure function of a snapshot of what
 * the learner has (the design's objects and references, the commands run during the step, the
 * simulated cluster). The renderer builds the snapshot from its stores; tests build it by hand.
 */
import type { CardRef, Lesson, LessonCondition, LessonStep } from './schema';

export interface SnapshotObject {
  kind: string;
  namespace: string;
  name: string;
  /** The whole object, for `field`/`equals` conditions. */
  object?: unknown;
}

export interface SnapshotEdge {
  from: { kind: string; namespace: string; name: string };
  to: { kind: string; namespace: string; name: string };
}

export interface SnapshotPod {
  namespace: string;
  name: string;
  /** Design key of the top owner (`apps/Deployment/shop/web`); a bare pod its own. */
  owner: string;
  status: string;
  reason?: string;
}

export interface SnapshotEvent {
  type: string;
  reason: string;
  namespace: string;
  /** `Kind/name` */
  object: string;
  message?: string;
  /** Recorded (or counted up) since the step began; absent: it was. */
  fresh?: boolean;
}

/** A record of the simulated cluster's view (shared/simulation/session/records.ts). */
export interface SnapshotClusterObject {
  kind: string;
  namespace: string;
  name: string;
  object: unknown;
}

/** A command run during the step, with what it was given. */
export interface SnapshotCommand {
  id: string;
  args?: unknown;
}

/** One line of `kubectl apply` output during the step: `deployment.apps/web configured`. */
export interface SnapshotApplied {
  kind: string;
  namespace?: string;
  name: string;
  result: string;
}

/** A command the console ran during the step (renderer/console/ran.ts). */
export interface SnapshotKubectl {
  /** Its words without a leading `kubectl`. */
  argv: readonly string[];
  user: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface LessonSnapshot {
  objects: readonly SnapshotObject[];
  edges: readonly SnapshotEdge[];
  /** Command ids run since the step began. */
  commands: ReadonlySet<string>;
  /** The same commands with their arguments, in order (absent: no arguments known). */
  commandRuns?: readonly SnapshotCommand[];
  /** `kubectl apply` results since the step began. */
  applied?: readonly SnapshotApplied[];
  /** Console commands run since the step began. */
  kubectl?: readonly SnapshotKubectl[];
  /** The design's traffic flows traced on the design as it is now: each flow's name and its routes' verdicts. */
  traffic?: readonly { flow: string; verdicts: readonly string[] }[] | null;
  /** The simulation, when one runs or has run; null in design mode. */
  simulation: { pods: readonly SnapshotPod[]; events: readonly SnapshotEvent[]; objects?: readonly SnapshotClusterObject[] } | null;
}

export const EMPTY_SNAPSHOT: LessonSnapshot = { objects: [], edges: [], commands: new Set(), simulation: null };

/** The step's conditions as a list (none: Next is always enabled). */
export function stepConditions(step: LessonStep): LessonCondition[] {
  if (step.until === undefined) return [];
  return Array.isArray(step.until) ? step.until : [step.until];
}

function matchesCard(ref: CardRef, o: { kind: string; namespace: string; name: string }): boolean {
  return o.kind === ref.kind && (ref.name === undefined || o.name === ref.name) && (ref.namespace === undefined || o.namespace === ref.namespace);
}

/**
 * The value at a dotted path (`spec.replicas`, `spec.ports.0.port`). A key with dots in it is found
 * too when it is the rest of the path: a quota's `used.limits.cpu` is `used["limits.cpu"]`.
 */
export function fieldAt(object: unknown, path: string): unknown {
  let v = object;
  const segs = path.split('.');
  for (let i = 0; i < segs.length; i++) {
    if (v === null || typeof v !== 'object') return undefined;
    const rest = segs.slice(i).join('.');
    if (i < segs.length - 1 && Object.hasOwn(v, rest)) return (v as Record<string, unknown>)[rest];
    v = (v as Record<string, unknown>)[segs[i]!];
  }
  return v;
}

/** `apps/Deployment/shop/web` → kind Deployment, name web (the group and namespace are not compared unless given). */
function ownerMatches(ownerKey: string, owner: string, namespace: string | undefined): boolean {
  const parts = ownerKey.split('/');
  const [kind, ns, name] = parts.slice(-3);
  const [wantKind, wantName] = owner.includes('/') ? owner.split('/', 2) : [undefined, owner];
  return (wantKind === undefined || kind === wantKind) && name === wantName && (namespace === undefined || ns === namespace);
}

/** Whether every argument the condition names equals the command's; `flow.rate` names a field of an object argument. */
function argsMatch(want: Record<string, unknown> | undefined, got: unknown): boolean {
  if (!want) return true;
  if (got === null || typeof got !== 'object') return Object.keys(want).length === 0;
  const field = (k: string) => k.split('.').reduce<unknown>((o, part) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[part] : undefined), got);
  return Object.entries(want).every(([k, v]) => String(field(k)) === String(v));
}

/** The words a `kubectl` condition's command must start with (a leading `kubectl` dropped). */
export function kubectlWords(command: string): string[] {
  const words = command.trim().split(/\s+/).filter(Boolean);
  return words[0] === 'kubectl' ? words.slice(1) : words;
}

export function conditionHolds(c: LessonCondition, s: LessonSnapshot): boolean {
  if ('kubectl' in c) {
    const k = c.kubectl;
    const words = kubectlWords(k.command);
    return (s.kubectl ?? []).some(
      (r) =>
        words.every((w, i) => r.argv[i] === w) &&
        r.exitCode === (k.exitCode ?? 0) &&
        (k.user === undefined || r.user === k.user) &&
        (k.output === undefined || r.stdout.includes(k.output) || r.stderr.includes(k.output)),
    );
  }
  if ('command' in c) {
    if (typeof c.command === 'string') return s.commands.has(c.command);
    const want = c.command;
    if (!want.args) return s.commands.has(want.id);
    return (s.commandRuns ?? []).some((r) => r.id === want.id && argsMatch(want.args, r.args));
  }
  if ('applied' in c) {
    const a = c.applied;
    return (s.applied ?? []).some((l) => l.result === a.result && (a.kind === undefined || l.kind === a.kind) && (a.name === undefined || l.name === a.name) && (a.namespace === undefined || (l.namespace ?? 'default') === a.namespace));
  }
  if ('traffic' in c) {
    const t = c.traffic;
    return (s.traffic ?? []).some((f) => (t.flow === undefined || f.flow === t.flow) && f.verdicts.includes(t.verdict));
  }
  if ('object' in c) {
    if (!s.simulation) return false;
    const o = c.object;
    const n = (s.simulation.objects ?? []).filter(
      (x) =>
        x.kind === o.kind &&
        (o.name === undefined || x.name === o.name) &&
        (o.namespace === undefined || x.namespace === o.namespace) &&
        (o.field === undefined || (o.equals === undefined ? fieldAt(x.object, o.field) !== undefined : String(fieldAt(x.object, o.field)) === String(o.equals))),
    ).length;
    return n >= (o.count ?? 1);
  }
  if ('card' in c) {
    const matching = s.objects.filter((o) => matchesCard(c.card, o) && (c.card.field === undefined || c.card.equals === undefined || fieldAt(o.object, c.card.field) === c.card.equals));
    return matching.length >= (c.card.count ?? 1);
  }
  if ('connected' in c) return s.edges.some((e) => matchesCard(c.connected.from, e.from) && matchesCard(c.connected.to, e.to));
  if ('simulation' in c) return s.simulation !== null;
  if ('pods' in c) {
    if (!s.simulation) return false;
    const p = c.pods;
    const n = s.simulation.pods.filter(
      (pod) =>
        (p.status === undefined || pod.status === p.status) &&
        (p.reason === undefined || pod.reason === p.reason) &&
        (p.namespace === undefined || pod.namespace === p.namespace) &&
        (p.owner === undefined || ownerMatches(pod.owner, p.owner, p.namespace)),
    ).length;
    return n >= (p.count ?? 1);
  }
  if (!s.simulation) return false;
  const e = c.event;
  return s.simulation.events.some(
    (ev) =>
      ev.reason === e.reason &&
      (e.since === 'run' || ev.fresh !== false) &&
      (e.type === undefined || ev.type === e.type) &&
      (e.namespace === undefined || ev.namespace === e.namespace) &&
      (e.message === undefined || (ev.message ?? '').includes(e.message)) &&
      (e.object === undefined || ev.object === e.object || ev.object.startsWith(`${e.object}-`)),
  );
}

/** Each of the step's conditions with whether it holds now. */
export function evaluateStep(step: LessonStep, s: LessonSnapshot): { condition: LessonCondition; met: boolean }[] {
  return stepConditions(step).map((condition) => ({ condition, met: conditionHolds(condition, s) }));
}

/** Whether Next is enabled on this step. */
export function stepReady(step: LessonStep, s: LessonSnapshot): boolean {
  return stepConditions(step).every((c) => conditionHolds(c, s));
}

/** Whether a step needs the simulation to be running. */
export function needsSimulation(step: LessonStep): boolean {
  return stepConditions(step).some((c) => 'simulation' in c || 'pods' in c || 'event' in c || 'object' in c || 'applied' in c || 'kubectl' in c || ('command' in c && commandId(c).startsWith('simulate:')));
}

/** The id a command condition waits for. */
export function commandId(c: Extract<LessonCondition, { command: unknown }>): string {
  return typeof c.command === 'string' ? c.command : c.command.id;
}

/** Progress through a lesson: the furthest step reached (0-based) and whether it was finished. */
export interface LessonProgress {
  reached: number;
  done: boolean;
}

/** After moving to step `index` (or past the last one, which finishes the lesson). */
export function advanceProgress(lesson: Lesson, previous: LessonProgress | undefined, index: number): LessonProgress {
  const done = (previous?.done ?? false) || index >= lesson.steps.length;
  return { reached: Math.min(lesson.steps.length - 1, Math.max(previous?.reached ?? 0, index)), done };
}

/** Lessons in list order: by `order`, then title. */
export function sortLessons<T extends Pick<Lesson, 'order' | 'id'>>(lessons: readonly T[]): T[] {
  return [...lessons].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.id.localeCompare(b.id));
}
