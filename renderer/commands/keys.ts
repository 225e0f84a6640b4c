/**
 * Keys as the command table writes them (`Mod+Shift+Z`, shared/ipc/commands.ts): matching a key
 * press, showing a key, and the keys the desktop app's native menu registers.
 */
import { menuRegisteredKeys, parseKey } from '../../shared/ipc/commands';

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const NAMED: Record<string, string> = { Plus: '+', Space: ' ' };

/** Whether a key press is this key. Letters also match by position (`KeyZ`), for other layouts. */
export function matchesKey(shortcut: string, e: KeyLike): boolean {
  const { modifiers, key } = parseKey(shortcut);
  const want = NAMED[key] ?? key;
  if (modifiers.includes('Mod') !== (e.ctrlKey || e.metaKey)) return false;
  if (modifiers.includes('Alt') !== e.altKey) return false;
  // A symbol's Shift is part of typing it (`?`, `+` on most layouts), so it is not compared.
  const symbol = want.length === 1 && !/[\p{L}\p{N}]/u.test(want);
  if (!symbol && modifiers.includes('Shift') !== e.shiftKey) return false;
  if (/^[A-Z]$/.test(want)) return e.key.toLowerCase() === want.toLowerCase() || e.code === `Key${want}`;
  return e.key === want;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The caps a key shows (`Mod+Shift+Z` → Ctrl, Shift, Z; ⌘ on macOS). */
export function keyCaps(shortcut: string, mac = isMac): string[] {
  const glyph: Record<string, string> = { Mod: mac ? '⌘' : 'Ctrl', ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Plus: '+' };
  const { modifiers, key } = parseKey(shortcut);
  return [...modifiers, key].map((k) => glyph[k] ?? k);
}

/** A key in `aria-keyshortcuts` form (WAI-ARIA): `Control+Shift+Z`, `Meta+Z` on macOS. */
export function ariaKey(shortcut: string, mac = isMac): string {
  const { modifiers, key } = parseKey(shortcut);
  return [...modifiers.map((m) => (m === 'Mod' ? (mac ? 'Meta' : 'Control') : m)), key].join('+');
}

const MENU_KEYS = menuRegisteredKeys();

/**
 * In the desktop app the native menu owns the keys it registers: the page leaves them alone, or
 * one press would undo twice. Keys the menu only shows (Delete, F) stay the page's.
 */
export function menuOwnsKey(e: KeyLike): boolean {
  return MENU_KEYS.some((k) => matchesKey(k, e));
}
