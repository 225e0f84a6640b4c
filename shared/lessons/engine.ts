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
}

export interface LessonSnapshot {
  objects: readonly SnapshotObject[];
  edges: readonly SnapshotEdge[];
  /** Command ids run since the step began. */
  commands: ReadonlySet<string>;
  /** The simulation, when one runs or has run; null in design mode. */
  simulation: { pods: readonly SnapshotPod[]; events: readonly SnapshotEvent[] } | null;
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

/** The value at a dotted path (`spec.replicas`, `spec.ports.0.port`). */
export function fieldAt(object: unknown, path: string): unknown {
  let v = object;
  for (const seg of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg];
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

export function conditionHolds(c: LessonCondition, s: LessonSnapshot): boolean {
  if ('command' in c) return s.commands.has(c.command);
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
    (ev) => ev.reason === e.reason && (e.type === undefined || ev.type === e.type) && (e.namespace === undefined || ev.namespace === e.namespace) && (e.object === undefined || ev.object === e.object || ev.object.startsWith(`${e.object}-`)),
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
  return stepConditions(step).some((c) => 'simulation' in c || 'pods' in c || 'event' in c);
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
