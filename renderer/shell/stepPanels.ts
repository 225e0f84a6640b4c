/**
 * The panels a lesson step shows (renderer/lessons/store.ts): while a lesson runs, the palette and
 * the inspector appear only when the step points at them and the dock folds to its tab bar, so on
 * a 1024×768 projector the canvas keeps the room; in presenter mode the panels a step points at
 * come back over the large canvas. `dock` asks the dock to bring a tab forward (or to fold, null);
 * `request` counts the asks so the same tab can be asked for twice. A leaf module: App and the
 * dock read it, lessons write it.
 */
import { create } from 'zustand';
import type { PanelName } from '../files/panels';

export interface StepPanels {
  /** The panels the current step shows; null when no lesson runs (the user's own choice holds). */
  shown: Record<PanelName, boolean> | null;
  /** The dock tab the step brings forward, or null to fold the dock. */
  dock: string | null;
  request: number;
}

export const useStepPanels = create<StepPanels>()(() => ({ shown: null, dock: null, request: 0 }));

export function showStepPanels(shown: Record<PanelName, boolean> | null, dock: string | null): void {
  useStepPanels.setState((s) => ({ shown, dock, request: s.request + 1 }));
}
