/**
 * The interface's size (View → Larger / Smaller interface, Ctrl+= / Ctrl+- / Ctrl+0): one factor
 * for panels and text, kept for the next start. The canvas keeps its own zoom.
 */
import { create } from 'zustand';

/** The sizes offered, as browsers step their page zoom. */
export const UI_ZOOM_STEPS = [0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;
const KEY = 'kubeplan.uiZoom';

function initial(): number {
  const stored = Number(globalThis.localStorage?.getItem(KEY));
  return (UI_ZOOM_STEPS as readonly number[]).includes(stored) ? stored : 1;
}

export const useUiZoom = create<{ zoom: number }>()(() => ({ zoom: initial() }));

/** The next size up (`direction` 1) or down (-1) from `zoom`, staying within the steps. */
export function nextUiZoom(zoom: number, direction: 1 | -1): number {
  const steps: readonly number[] = UI_ZOOM_STEPS;
  const up = steps.find((s) => s > zoom + 1e-6);
  const down = [...steps].reverse().find((s) => s < zoom - 1e-6);
  return (direction === 1 ? up : down) ?? zoom;
}

export function setUiZoom(zoom: number): void {
  useUiZoom.setState({ zoom });
  globalThis.localStorage?.setItem(KEY, String(zoom));
}

export const canZoomUiIn = () => nextUiZoom(useUiZoom.getState().zoom, 1) !== useUiZoom.getState().zoom;
export const canZoomUiOut = () => nextUiZoom(useUiZoom.getState().zoom, -1) !== useUiZoom.getState().zoom;
export const zoomUi = (direction: 1 | -1) => setUiZoom(nextUiZoom(useUiZoom.getState().zoom, direction));
