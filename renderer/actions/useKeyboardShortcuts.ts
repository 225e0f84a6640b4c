/**
 * Canvas shortcuts on the window: undo/redo, select all, copy/paste/duplicate, delete, nudge, fit,
 * zoom. Keys typed into inputs, textareas and editors are left alone.
 */
import { useEffect } from 'react';
import { isTypingTarget } from '../canvas/typing';
import { actionForKey } from './registry';

export function handleShortcut(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || isTypingTarget(e.target)) return false;
  const action = actionForKey(e);
  if (!action) return false;
  e.preventDefault();
  action.perform();
  return true;
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', handleShortcut);
    return () => window.removeEventListener('keydown', handleShortcut);
  }, []);
}
