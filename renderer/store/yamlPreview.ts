/**
 * The YAML preview's data: the export of the whole design or of the selection, re-run only when
 * those objects change (a move within a namespace keeps the resources array, so it never
 * re-exports; a selection change re-exports only in selection scope), debounced, through the
 * services seam (`exportYaml`, the worker in the app). The preview exists only while someone
 * watches it: the YAML tab watches while it is shown.
 */
import type { Design } from '../../shared/design/types';
import { designServices } from './services';
import { useKubeplanStore, type KubeplanState } from './store';

export type YamlScope = 'design' | 'selection';

export interface YamlPreview {
  text: string;
  /** How many objects `text` holds (0: nothing to export). */
  count: number;
  /** True while an export for newer objects is pending: `text` is the previous one. */
  stale: boolean;
}

/** Export runs at most this often while the user edits. */
export const YAML_DEBOUNCE_MS = 120;

/** Call `onChange` with the preview now and whenever it changes; returns the function that stops. */
export function watchYamlPreview(scope: YamlScope, onChange: (p: YamlPreview) => void): () => void {
  let lastResources: Design['resources'] | undefined;
  let lastSelection: string[] | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: YamlPreview = { text: '', count: 0, stale: true };
  let runId = 0;
  let stopped = false;
  const show = (p: YamlPreview) => {
    current = p;
    onChange(p);
  };
  const update = (s: KubeplanState) => {
    const resources = s.design.resources;
    const selection = scope === 'selection' ? s.selection : undefined;
    if (resources === lastResources && selection === lastSelection) return;
    lastResources = resources;
    lastSelection = selection;
    if (timer) clearTimeout(timer);
    const chosenIds = selection && new Set(selection);
    const chosen = chosenIds ? resources.filter((r) => chosenIds.has(r.id)) : resources;
    const id = ++runId;
    // Nothing to export says so at once (no round trip to the worker).
    if (chosen.length === 0) return show({ text: '', count: 0, stale: false });
    if (!current.stale) show({ ...current, stale: true });
    timer = setTimeout(() => {
      timer = undefined;
      const objects = chosen.map((r) => r.object);
      performance.mark('kubeplan:export-yaml'); // counted by the canvas benchmark
      void Promise.resolve()
        .then(() => designServices().exportYaml(objects))
        .then((text) => {
          if (!stopped && id === runId) show({ text, count: objects.length, stale: false });
        });
    }, YAML_DEBOUNCE_MS);
  };
  update(useKubeplanStore.getState());
  const unsubscribe = useKubeplanStore.subscribe(update);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}

/** The first `max` lines of `text` (what the preview draws), how many lines it has, and whether it was cut. */
export function previewHead(text: string, max: number): { shown: string; lines: number; cut: boolean } {
  let at = -1;
  let lines = 0;
  let end = -1;
  while ((at = text.indexOf('\n', at + 1)) !== -1) {
    lines++;
    if (lines === max) end = at;
  }
  if (text.length > 0 && !text.endsWith('\n')) lines++;
  return lines <= max ? { shown: text, lines, cut: false } : { shown: text.slice(0, end + 1), lines, cut: true };
}
