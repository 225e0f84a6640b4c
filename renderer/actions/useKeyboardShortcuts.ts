/**
 * Canvas shortcuts on the window: undo/redo, select all, copy/paste/duplicate, delete, nudge, fit,
 * zoom. Keys typed into inputs, textareas and editors are left alone.
 */
import { useEffect } from 'react';
import { isTypingTarget } from '../canvas/typing';
import { actionForKey } from './registry';

/** Whether the user last pressed the pointer on the canvas or palette (not on the YAML, inspector…). */
let workingOnCanvas = true;

function trackPointer(e: PointerEvent): void {
  const el = e.target as Element | null;
  workingOnCanvas = !el || typeof el.closest !== 'function' || el.closest('.design-canvas, .palette') !== null || el === document.body;
}

function hasTextSelection(): boolean {
  return typeof window !== 'undefined' && typeof window.getSelection === 'function' && (window.getSelection()?.toString() ?? '') !== '';
}

/**
 * Run the action a key press means. Copy and select-all stay the browser's when the user is
 * working with text elsewhere (a selection in the YAML tab, a click in the inspector).
 */
export function handleShortcut(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || isTypingTarget(e.target)) return false;
  const action = actionForKey(e);
  if (!action) return false;
  if (action.name === 'copy' && hasTextSelection()) return false;
  if (action.name === 'selectAll' && !workingOnCanvas) return false;
  e.preventDefault();
  action.perform();
  return true;
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', handleShortcut);
    window.addEventListener('pointerdown', trackPointer, true);
    return () => {
      window.removeEventListener('keydown', handleShortcut);
      window.removeEventListener('pointerdown', trackPointer, true);
    };
  }, []);
}
