/**
 * Undo and redo over the design only. A gesture that updates the design live (resizing a frame)
 * pauses history at its start and records one step at its end, so the gesture undoes in one go.
 */
import type { Design } from '../../shared/design/types';
import { useKubeplanStore, type HistoryEntry, type StoreChange } from './store';

const store = useKubeplanStore;
const temporal = () => store.temporal.getState();

/** Keep the selection pointing at resources that still exist after history moves. */
function pruneSelection(): void {
  const { design, selection } = store.getState();
  if (selection.length === 0) return;
  const ids = new Set(design.resources.map((r) => r.id));
  const kept = selection.filter((id) => ids.has(id));
  if (kept.length !== selection.length) store.setState({ selection: kept });
}

export function undo(): void {
  if (gestureStart) endGesture();
  temporal().undo();
  pruneSelection();
}

export function redo(): void {
  if (gestureStart) endGesture();
  temporal().redo();
  pruneSelection();
}

/**
 * Apply a change in one store update. Every command's change enters the store here, so one
 * command is one undo step (zundo records the design; selection and clipboard are not history).
 */
export function commit(change: StoreChange | undefined): boolean {
  if (!change || Object.keys(change).length === 0) return false;
  store.setState(change);
  return true;
}

export function canUndo(): boolean {
  return temporal().pastStates.length > 0;
}

export function canRedo(): boolean {
  return temporal().futureStates.length > 0;
}

let gestureStart: Design | undefined;

/** Start a gesture: design changes until `endGesture` are not recorded one by one. */
export function beginGesture(): void {
  if (gestureStart) return;
  gestureStart = store.getState().design;
  temporal().pause();
}

/** End a gesture: record the whole gesture as one undo step (none if nothing changed). */
export function endGesture(): void {
  const start = gestureStart;
  if (!start) return;
  gestureStart = undefined;
  temporal().resume();
  if (store.getState().design === start) return;
  const { pastStates } = temporal();
  store.temporal.setState({ pastStates: [...pastStates, { design: start } as HistoryEntry], futureStates: [] });
}

/** End a gesture and put the design back as it was before it (Escape during a drag). */
export function cancelGesture(): void {
  const start = gestureStart;
  if (!start) return;
  gestureStart = undefined;
  store.setState({ design: start });
  temporal().resume();
}

export function clearHistory(): void {
  gestureStart = undefined;
  temporal().resume();
  temporal().clear();
}
