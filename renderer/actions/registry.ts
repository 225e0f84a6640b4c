/**
 * The registered canvas actions. Shortcuts, the toolbar, the Electron menu and tests all call the
 * same `perform` through `runAction(name)`. Plain letters (C, V, D, F) act only without Ctrl/Cmd;
 * Ctrl/Cmd+C/V/D do the same, as every editor does.
 */
import {
  autoLayout, copy, deleteResources, duplicate, moveResources, paste, redo, selectAll, setViewport, undo,
  useKubeplanStore,
} from '../store';
import { currentViewport, fitToContent, view, zoomBy } from '../canvas/view';
import type { ActionName, CanvasAction, KeyLike } from './types';

const mod = (e: KeyLike) => e.ctrlKey || e.metaKey;
const plain = (e: KeyLike) => !e.ctrlKey && !e.metaKey && !e.altKey;
const letter = (e: KeyLike, l: string) => e.key.toLowerCase() === l || e.code === `Key${l.toUpperCase()}`;
const selection = () => useKubeplanStore.getState().selection;

/** How far the arrow keys move the selection (world units); Shift moves ten times as far. */
export const NUDGE = 1;

function nudge(name: ActionName, key: string, dx: number, dy: number): CanvasAction[] {
  return [
    { name, labelKey: `canvas.actions.${name}`, shortcut: key, perform: () => moveResources(selection(), dx * NUDGE, dy * NUDGE), keyTest: (e) => e.key === key && !e.shiftKey && plain(e) },
    // The big step shares the label; its name is internal to the shortcut table.
    { name, labelKey: `canvas.actions.${name}`, shortcut: `Shift+${key}`, perform: () => moveResources(selection(), dx * NUDGE * 10, dy * NUDGE * 10), keyTest: (e) => e.key === key && e.shiftKey && plain(e) },
  ];
}

export const ACTIONS: readonly CanvasAction[] = [
  { name: 'undo', labelKey: 'canvas.actions.undo', shortcut: 'Mod+Z', perform: undo, keyTest: (e) => mod(e) && !e.shiftKey && letter(e, 'z') },
  { name: 'redo', labelKey: 'canvas.actions.redo', shortcut: 'Mod+Shift+Z', perform: redo, keyTest: (e) => (mod(e) && e.shiftKey && letter(e, 'z')) || (e.ctrlKey && !e.shiftKey && letter(e, 'y')) },
  { name: 'selectAll', labelKey: 'canvas.actions.selectAll', shortcut: 'Mod+A', perform: selectAll, keyTest: (e) => mod(e) && letter(e, 'a') },
  { name: 'copy', labelKey: 'canvas.actions.copy', shortcut: 'C', perform: () => copy(), keyTest: (e) => letter(e, 'c') && !e.shiftKey && !e.altKey },
  { name: 'paste', labelKey: 'canvas.actions.paste', shortcut: 'V', perform: () => void paste(), keyTest: (e) => letter(e, 'v') && !e.shiftKey && !e.altKey },
  { name: 'duplicate', labelKey: 'canvas.actions.duplicate', shortcut: 'D', perform: () => void duplicate(), keyTest: (e) => letter(e, 'd') && !e.shiftKey && !e.altKey },
  { name: 'delete', labelKey: 'canvas.actions.delete', shortcut: 'Delete', perform: () => deleteResources(selection()), keyTest: (e) => (e.key === 'Delete' || e.key === 'Backspace') && plain(e) },
  ...nudge('nudgeLeft', 'ArrowLeft', -1, 0),
  ...nudge('nudgeRight', 'ArrowRight', 1, 0),
  ...nudge('nudgeUp', 'ArrowUp', 0, -1),
  ...nudge('nudgeDown', 'ArrowDown', 0, 1),
  { name: 'fit', labelKey: 'canvas.actions.fit', shortcut: 'F', perform: () => fitToContent(), keyTest: (e) => plain(e) && !e.shiftKey && letter(e, 'f') },
  { name: 'zoomIn', labelKey: 'canvas.actions.zoomIn', shortcut: 'Mod+=', perform: () => zoomBy(1.25), keyTest: (e) => (e.key === '+' || e.key === '=') && (mod(e) || plain(e)) },
  { name: 'zoomOut', labelKey: 'canvas.actions.zoomOut', shortcut: 'Mod+-', perform: () => zoomBy(0.8), keyTest: (e) => (e.key === '-' || e.key === '_') && (mod(e) || plain(e)) },
  {
    name: 'zoomReset', labelKey: 'canvas.actions.zoomReset', shortcut: 'Mod+0',
    perform: () => {
      const v = currentViewport();
      const cx = view.width / 2;
      const cy = view.height / 2;
      setViewport({ scale: 1, x: cx - ((cx - v.x) / v.scale), y: cy - ((cy - v.y) / v.scale) });
    },
    keyTest: (e) => e.key === '0' && mod(e),
  },
  { name: 'autoLayout', labelKey: 'canvas.actions.autoLayout', shortcut: 'Shift+L', perform: () => void autoLayout(), keyTest: (e) => e.shiftKey && !mod(e) && letter(e, 'l') },
];

/** The first action of this name (the one toolbars and menus mean). */
export function getAction(name: ActionName): CanvasAction | undefined {
  return ACTIONS.find((a) => a.name === name);
}

/** Run an action by name: what the toolbar and Electron menu commands call. */
export function runAction(name: ActionName): boolean {
  const action = getAction(name);
  if (!action) return false;
  action.perform();
  return true;
}

/** The action a key press means, if any. */
export function actionForKey(e: KeyLike): CanvasAction | undefined {
  return ACTIONS.find((a) => a.keyTest?.(e));
}
