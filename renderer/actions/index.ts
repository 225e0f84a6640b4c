export { ACTIONS, actionForKey, getAction, runAction, NUDGE } from './registry';
export { useKeyboardShortcuts, handleShortcut } from './useKeyboardShortcuts';
export type { ActionName, CanvasAction, KeyLike } from './types';
