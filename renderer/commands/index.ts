export { COMMAND_REGISTRY, getCommand, findCommand, NUDGE } from './registry';
export { execute, commandForKey, handleShortcut, runMenuCommand, isAvailable, isEnabled } from './execute';
export { matchesKey, keyCaps, ariaKey, menuOwnsKey, type KeyLike } from './keys';
export { useKeyboardShortcuts } from './useKeyboardShortcuts';
export { useCommand } from './useCommand';
export type { Command, CommandBehaviour, CommandResult } from './types';
