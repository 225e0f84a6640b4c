/**
 * The lesson being followed: which lesson and step, the commands run since the step began, and
 * each lesson's progress (kept in localStorage). Starting a lesson opens its example and switches
 * to lesson mode; the step's conditions are judged by the pure engine (shared/lessons/engine.ts)
 * against a snapshot of the stores (./snapshot.ts). See docs/lessons.md.
 */
import i18next from 'i18next';
import { create } from 'zustand';
import type { CommandId } from '../../shared/ipc/commands';
import { advanceProgress, stepReady, type Lesson, type LessonProgress, type LessonStep, type LessonText, type SnapshotApplied, type SnapshotCommand, type SnapshotKubectl } from '../../shared/lessons';
import { formatManifestError } from '../../shared/manifests/types';
import { metadataNamespace } from '../../shared/model/object';
import { kubeplanApi } from '../api';
import { pickTextFiles } from '../api/pickFiles';
import { onCommandExecuted } from '../commands/executed';
import { onConsoleRan } from '../console/ran';
import { openExample } from '../files/actions';
import { dismiss, notify } from '../files/notices';
import { setPresenterCaption, usePresenter } from '../shell/presenter';
import { showStepPanels } from '../shell/stepPanels';
import { select, setMode, useKubeplanStore, type KubeplanState } from '../store';
import { useLiveActions } from '../simulation/actions';
import { sessionFrames, useSimulationStore } from '../simulation/store';
import { useTrafficStore } from '../traffic/store';
import { BUNDLED_LESSONS, readLesson } from './catalogue';
import { frameStep } from './frame';
import { buildSnapshot, type EventMark } from './snapshot';

const PROGRESS_KEY = 'kubeplan.lessons.progress';

export interface LessonsState {
  /** Lessons opened from files this session (a lesson with a bundled one's id replaces it). */
  opened: Lesson[];
  active: { id: string; step: number } | null;
  progress: Record<string, LessonProgress>;
  /** Commands run since the current step began. */
  commands: ReadonlySet<string>;
  /** The same, in order, with the arguments each was given (`simulate:scale` with `{ replicas: 5 }`). */
  commandRuns: readonly SnapshotCommand[];
  /** `kubectl apply` output lines (Apply again, Re-apply) since the step began. */
  applied: readonly SnapshotApplied[];
  /** Console commands (their words, user, exit code and output) since the step began. */
  kubectl: readonly SnapshotKubectl[];
  /** The simulation's event log when the step began: event conditions count only what came after. */
  eventMark: EventMark | null;
  /** The design's resources the current simulation run started from (null: none ran). */
  simulated: KubeplanState['design']['resources'] | null;
}

function storedProgress(): Record<string, LessonProgress> {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(PROGRESS_KEY) ?? '{}') as unknown;
    if (!raw || typeof raw !== 'object') return {};
    const out: Record<string, LessonProgress> = {};
    for (const [id, p] of Object.entries(raw as Record<string, Partial<LessonProgress>>)) {
      if (typeof p?.reached === 'number' && typeof p.done === 'boolean') out[id] = { reached: p.reached, done: p.done };
    }
    return out;
  } catch {
    return {};
  }
}

export const useLessons = create<LessonsState>()(() => ({ opened: [], active: null, progress: storedProgress(), ...freshStep(null), simulated: null }));

/** The event log as it stands now: the run and each event's count (over every frame received, not only up to the cursor). */
function markEvents(): EventMark {
  const counts = new Map<number, number>();
  for (const f of sessionFrames()) for (const e of f.events) counts.set(e.index, e.count);
  return { runId: useSimulationStore.getState().runId, counts };
}

/** What a step starts with: no commands, no apply output, the event log as it stands. */
function freshStep(mark: EventMark | null = markEvents()): Pick<LessonsState, 'commands' | 'commandRuns' | 'applied' | 'kubectl' | 'eventMark'> {
  return { commands: new Set(), commandRuns: [], applied: [], kubectl: [], eventMark: mark };
}

const get = () => useLessons.getState();

/** Every lesson in list order: the bundled ones, with opened ones added (or replacing by id). */
export function allLessons(opened: readonly Lesson[] = get().opened): Lesson[] {
  const ids = new Set(opened.map((l) => l.id));
  return [...BUNDLED_LESSONS.filter((l) => !ids.has(l.id)), ...opened];
}

export function findLesson(id: string): Lesson | undefined {
  return allLessons().find((l) => l.id === id);
}

/** The text in the interface's language. */
export function localized(text: LessonText | undefined): string {
  if (!text) return '';
  return i18next.language === 'zh-CN' ? text['zh-CN'] : text.en;
}

export function currentStep(s: LessonsState = get()): { lesson: Lesson; step: LessonStep; index: number } | undefined {
  if (!s.active) return undefined;
  const lesson = findLesson(s.active.id);
  const step = lesson?.steps[s.active.step];
  return lesson && step ? { lesson, step, index: s.active.step } : undefined;
}

/** The snapshot the engine judges the current step against. */
export function snapshotNow(s: LessonsState = get()) {
  return buildSnapshot(useKubeplanStore.getState().design, useSimulationStore.getState(), s, useTrafficStore.getState());
}

/** Whether the current step's conditions hold now (Next is enabled). */
export function currentStepReady(): boolean {
  const cur = currentStep();
  if (!cur) return false;
  return stepReady(cur.step, snapshotNow());
}

function saveProgress(progress: Record<string, LessonProgress>): void {
  try {
    globalThis.localStorage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Storage full or disabled: progress lasts for this session only.
  }
}

/** Select the step's cards and mark its panels (styles.css outlines `[data-lesson-panels~=…]`). */
function showHighlight(step: LessonStep | undefined): void {
  const root = globalThis.document?.documentElement;
  const panels = step?.highlight?.panels ?? [];
  if (root) {
    if (panels.length > 0) root.dataset.lessonPanels = panels.join(' ');
    else delete root.dataset.lessonPanels;
  }
  const cards = step?.highlight?.cards;
  if (!step) return;
  // The panels the step points at show; the others step aside for the canvas (the dock folds to its tabs).
  const tab = step.highlight?.tab;
  const dock = tab !== undefined || panels.includes('dock');
  showStepPanels({ palette: panels.includes('palette'), inspector: panels.includes('inspector'), dock }, dock ? (tab ?? '') : null);
  // A step without cards to show clears the previous step's, so the canvas matches the caption.
  const ids = cards
    ? useKubeplanStore.getState().design.resources
        .filter((r) => cards.some((c) => r.object.kind === c.kind && (c.name === undefined || r.object.metadata?.name === c.name) && (c.namespace === undefined || metadataNamespace(r.object) === c.namespace)))
        .map((r) => r.id)
    : [];
  select(ids);
  // Fit them above the step card once it has its new size (the caption's length changes it).
  clearTimeout(framing);
  framing = setTimeout(() => frameStep(ids), 150);
}

let framing: ReturnType<typeof setTimeout> | undefined;

/** Frame the current step's cards again soon (the canvas or the step card changed size, a live action ended). */
export function reframeStep(): void {
  if (!get().active) return;
  clearTimeout(framing);
  framing = setTimeout(() => frameStep(useKubeplanStore.getState().selection), 150);
}

function showCaption(): void {
  const cur = currentStep();
  setPresenterCaption(cur && usePresenter.getState().on ? localized(cur.step.caption) : null);
}

/** The "Lesson finished" notice, taken down when the next lesson starts. */
let finishedNotice: number | undefined;

function goTo(index: number): void {
  const s = get();
  if (!s.active) return;
  const lesson = findLesson(s.active.id);
  if (!lesson) return;
  const progress = { ...s.progress, [lesson.id]: advanceProgress(lesson, s.progress[lesson.id], index) };
  saveProgress(progress);
  if (index >= lesson.steps.length) {
    useLessons.setState({ progress, active: null, ...freshStep() });
    leaveLessonMode();
    finishedNotice = notify({ tone: 'success', text: i18next.t('lessons.finished') });
    return;
  }
  useLessons.setState({ progress, active: { id: lesson.id, step: Math.max(0, index) }, ...freshStep() });
  showHighlight(lesson.steps[Math.max(0, index)]);
  showCaption();
}

function leaveLessonMode(): void {
  showHighlight(undefined);
  // The user's own panels again, and the Lessons tab with the lesson's progress.
  showStepPanels(null, 'lessons');
  setPresenterCaption(null);
  if (useKubeplanStore.getState().mode === 'lesson') setMode('design');
}

/** Open the lesson's example (asking first if the design has unsaved changes) and show step `from`. */
export async function startLesson(id: string, from = 0): Promise<boolean> {
  if (finishedNotice !== undefined) dismiss(finishedNotice);
  const lesson = findLesson(id);
  if (!lesson) return false;
  useSimulationStore.getState().stopSimulation();
  if (!(await openExample(lesson.example))) return false;
  useLessons.setState({ active: { id, step: 0 }, ...freshStep() });
  setMode('lesson');
  goTo(Math.min(from, lesson.steps.length - 1));
  return true;
}

/** Next: the following step, or the end of the lesson after the last one. Only when the step's conditions hold. */
export function nextStep(): boolean {
  const s = get();
  if (!s.active || !currentStepReady()) return false;
  goTo(s.active.step + 1);
  return true;
}

export function previousStep(): boolean {
  const s = get();
  if (!s.active || s.active.step === 0) return false;
  goTo(s.active.step - 1);
  return true;
}

export function closeLesson(): void {
  if (!get().active) return;
  useLessons.setState({ active: null, ...freshStep() });
  leaveLessonMode();
}

export const isLessonActive = () => get().active !== null;

/** Add a lesson from its text (Open lesson…); errors are shown with file and line. */
export function addLessonText(text: string, file: string): Lesson | undefined {
  const r = readLesson(text, file);
  if (!r.ok) {
    notify({ tone: 'error', text: i18next.t('lessons.loadFailed', { message: r.errors.map(formatManifestError).join('\n') }), sticky: true });
    return undefined;
  }
  useLessons.setState((s) => ({ opened: [...s.opened.filter((l) => l.id !== r.lesson.id), r.lesson] }));
  notify({ tone: 'success', text: i18next.t('lessons.loaded', { title: localized(r.lesson.title) }) });
  return r.lesson;
}

/** Open lesson…: pick a lesson file and add it to the list. */
export async function openLessonFile(): Promise<void> {
  try {
    // The desktop app opens it through main's dialog (File ▸ Open Lesson…); a browser tab picks it here.
    const api = kubeplanApi();
    if (api.openLesson) {
      const r = await api.openLesson();
      if (!r.ok) throw new Error(r.error.message);
      if (r.value) addLessonText(r.value.text, r.value.name);
      return;
    }
    const files = await pickTextFiles({ multiple: false });
    const file = files?.[0];
    if (file) addLessonText(file.text, file.name);
  } catch (err) {
    notify({ tone: 'error', text: i18next.t('lessons.loadFailed', { message: err instanceof Error ? err.message : String(err) }) });
  }
}

let installed = false;

/**
 * Wire lessons to the app once: count commands toward the step, keep lesson mode while a lesson
 * runs (the simulation switches to simulate mode and back to design), and follow presenter mode
 * and the language with the caption.
 */
export function installLessons(): void {
  if (installed) return;
  installed = true;
  onCommandExecuted((id: CommandId, args?: unknown) => {
    if (!get().active || id.startsWith('lesson:')) return;
    useLessons.setState((s) => ({ commands: new Set([...s.commands, id]), commandRuns: [...s.commandRuns, { id, ...(args !== undefined ? { args } : {}) }] }));
  });
  // The console's commands count toward a step's kubectl conditions.
  onConsoleRan((run) => {
    if (!get().active) return;
    useLessons.setState((s) => ({ kubectl: [...s.kubectl, { argv: [...run.argv], user: run.user, exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr }] }));
  });
  // kubectl apply's output of a live Apply again / Re-apply counts toward the step.
  useLiveActions.subscribe((s, prev) => {
    // A live action ended: frame the step's cards again, below the notice it brought.
    if (prev.busy && !s.busy) reframeStep();
    if (!get().active || !s.lastApply || s.lastApply === prev.lastApply) return;
    const lines = s.lastApply.lines.map((l) => ({ kind: l.kind, namespace: l.namespace, name: l.name, result: l.result }));
    // A Re-apply sent the design as it is: the run shows it now, so the step judges it (not the design the run started from).
    const simulated = s.lastApply.action === 'reapply' ? { simulated: useKubeplanStore.getState().design.resources } : {};
    useLessons.setState((st) => ({ applied: [...st.applied, ...lines], ...simulated }));
  });
  useKubeplanStore.subscribe((s, prev) => {
    if (s.mode === 'design' && prev.mode !== 'design' && get().active) setMode('lesson');
  });
  useSimulationStore.subscribe((s, prev) => {
    if (s.runId !== prev.runId) useLessons.setState({ simulated: s.runId ? useKubeplanStore.getState().design.resources : null });
  });
  usePresenter.subscribe((s, prev) => {
    if (s.on === prev.on) return;
    showCaption();
    // The step's panels and framing follow: presenter mode hides what the step does not point at.
    showHighlight(currentStep()?.step);
  });
  i18next.on('languageChanged', showCaption);
}
