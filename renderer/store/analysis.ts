/**
 * Validation of the design, kept off the editing path: it re-runs only when the objects change
 * (the design's `resources` array; moves within a namespace and selection keep it), debounced, in
 * the worker when the host provides one (`validateInBackground`), else on the UI thread once the
 * user pauses. Until a run finishes the last result stays on screen, marked stale.
 */
import type { Design } from '../../shared/design/types';
import { designIndex } from './derived';
import { designServices, type Problem } from './services';
import { useKubeplanStore, type KubeplanState } from './store';

/** Validation waits for this pause in editing, so a burst of edits costs one run. */
export const VALIDATE_DEBOUNCE_MS = 150;

const store = useKubeplanStore;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Bumped per run: a slow run that finishes after a newer one is dropped. */
let runId = 0;
let running: Promise<void> | undefined;

async function problemsOf(resources: Design['resources'], d: Design): Promise<Problem[]> {
  const services = designServices();
  if (services.validateInBackground) {
    try {
      return await services.validateInBackground(resources.map((r) => r.object));
    } catch {
      // The worker is gone (or cannot clone): validate here instead of showing nothing.
    }
  }
  return services.validateObjects(designIndex(d).index);
}

async function run(): Promise<void> {
  timer = undefined;
  const d = store.getState().design;
  const resources = d.resources;
  if (store.getState().problems.of === resources) return;
  const id = ++runId;
  // Counted by the canvas benchmark: which store updates re-run validation.
  performance.mark('kubeplan:validate');
  const list = await problemsOf(resources, d);
  if (id !== runId) return;
  store.setState({ problems: { list, of: resources } });
}

/** A validator that throws is a bug: say so in one line and keep the last problems, marked stale. */
function start(): Promise<void> {
  return run().catch((e: unknown) => console.error(`validation failed: ${e instanceof Error ? e.message : String(e)}`));
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    running = start();
  }, VALIDATE_DEBOUNCE_MS);
}

/** Validate now instead of after the pause (tests, and before a save that reports problems). */
export async function flushProblems(): Promise<void> {
  if (timer) {
    clearTimeout(timer);
    timer = undefined;
  }
  await running;
  running = start();
  await running;
}

store.subscribe((s, prev) => {
  if (s.design.resources !== prev.design.resources && s.design.resources !== s.problems.of) schedule();
});
schedule();

export const selectProblems = (s: KubeplanState) => s.problems.list;
/** True while the shown problems belong to an older version of the objects (a run is pending). */
export const selectProblemsStale = (s: KubeplanState) => s.problems.of !== s.design.resources;
