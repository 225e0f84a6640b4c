/**
 * Changes that are not design history: selection, viewport, mode and tool, file state, loading a design.
 */
import type { Design } from '../../shared/design/types';
import { ACTIVE_MODES, type Mode } from '../../shared/ipc/commands';
import { clearHistory } from './history';
import { useKubeplanStore, type ToolId, type Viewport } from './store';

const store = useKubeplanStore;

export function select(ids: readonly string[]): void {
  store.setState({ selection: [...new Set(ids)] });
}

/** Shift-click: add a resource to the selection, or take it out if it is already in. */
export function toggleSelected(id: string): void {
  const { selection } = store.getState();
  store.setState({ selection: selection.includes(id) ? selection.filter((s) => s !== id) : [...selection, id] });
}

export function selectAll(): void {
  select(store.getState().design.resources.map((r) => r.id));
}

/** Switch mode; only the modes the app offers today (ACTIVE_MODES) are accepted. */
export function setMode(mode: Mode): boolean {
  if (!ACTIVE_MODES.includes(mode)) return false;
  if (store.getState().mode !== mode) store.setState({ mode });
  return true;
}

export function setTool(tool: ToolId): void {
  if (store.getState().tool !== tool) store.setState({ tool });
}

export function clearSelection(): void {
  if (store.getState().selection.length > 0) store.setState({ selection: [] });
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 4;

export function setViewport(v: Viewport): void {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, v.scale));
  const cur = store.getState().viewport;
  if (cur.x === v.x && cur.y === v.y && cur.scale === scale) return;
  store.setState({ viewport: { x: v.x, y: v.y, scale } });
}

/**
 * Load a design (new, open, import, example): selection and history are cleared and the file
 * state starts clean.
 */
export function replaceDesign(design: Design, path?: string): void {
  store.setState({
    design,
    selection: [],
    clipboard: store.getState().clipboard,
    file: { path, dirty: false, savedDesign: design },
  });
  clearHistory();
}

/** The design was written to `path`: it is no longer dirty. */
export function markSaved(path?: string): void {
  const { design, file } = store.getState();
  store.setState({ file: { path: path ?? file.path, dirty: false, savedDesign: design } });
}
