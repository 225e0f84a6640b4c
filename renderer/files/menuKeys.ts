/**
 * In Electron the native menu owns its accelerators (shared/ipc/commands.ts): the renderer must
 * not act on those keys too, or one press would undo twice. Keys the menu only displays stay ours.
 */
import { MENU_SHORTCUTS, REDO_ALT_ACCELERATOR } from '../../shared/ipc/commands';

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

function matches(accelerator: string, e: KeyLike): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop()!.toLowerCase();
  const mod = parts.includes('CmdOrCtrl');
  const shift = parts.includes('Shift');
  if (mod !== (e.ctrlKey || e.metaKey) || shift !== e.shiftKey || e.altKey) return false;
  return e.key.toLowerCase() === key;
}

const OWNED = [...MENU_SHORTCUTS.filter((s) => !s.display).map((s) => s.accelerator), REDO_ALT_ACCELERATOR];

export function menuOwnsKey(e: KeyLike): boolean {
  return OWNED.some((a) => matches(a, e));
}
