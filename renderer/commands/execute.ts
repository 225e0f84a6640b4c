/**
 * Running commands: by id (toolbar, native menu, tests) or by key. A command runs only in the
 * modes it declares and when it is enabled; its change enters the store through `commit`.
 */
import { OPEN_EXAMPLE_PREFIX, OPEN_PATH_PREFIX, type CommandId } from '../../shared/ipc/commands';
import { isTypingTarget } from '../canvas/typing';
import { openDesign, openExample } from '../files/actions';
import { commit, useKubeplanStore, type KubeplanState } from '../store';
import { commandExecuted } from './executed';
import { matchesKey, menuOwnsKey, type KeyLike } from './keys';
import { COMMAND_REGISTRY, findCommand, getCommand } from './registry';
import type { Command } from './types';

export function isAvailable(command: Command, state: Pick<KubeplanState, 'mode'> = useKubeplanStore.getState()): boolean {
  return command.modes.includes(state.mode);
}

export function isEnabled(command: Command, state: KubeplanState = useKubeplanStore.getState()): boolean {
  return isAvailable(command, state) && (command.enabled?.(state) ?? true);
}

/** Run a command; false when it is not available in this mode or not enabled now. */
export function execute(id: CommandId, event?: KeyLike, args?: unknown): boolean {
  const command = getCommand(id);
  const state = useKubeplanStore.getState();
  if (!isEnabled(command, state)) return false;
  const result = command.perform(state, event, args);
  if (result instanceof Promise) void result;
  else if (result) commit(result);
  commandExecuted(id, args);
  return true;
}

/**
 * The command a key press means in the current mode, if any. A key two commands share in a mode
 * (the arrows: a lesson's pages, or the simulation timeline's events) goes to the one whose
 * `keyApplies` holds now; the table test checks that never both do.
 */
export function commandForKey(e: KeyLike, state: KubeplanState = useKubeplanStore.getState()): Command | undefined {
  const bound = COMMAND_REGISTRY.filter((c) => isAvailable(c, state) && c.keys?.some((k) => matchesKey(k, e)));
  return bound.length > 1 ? (bound.find((c) => c.keyApplies?.() ?? true) ?? bound[0]) : bound[0];
}

/**
 * A command id from the native menu (or `example:<id>`, `file:openPath:<path>`). In a text field
 * the native edit role (undo typing, copy text) wins over the design's `edit:*` commands.
 */
export function runMenuCommand(name: string): boolean {
  if (name.startsWith(OPEN_EXAMPLE_PREFIX)) {
    void openExample(name.slice(OPEN_EXAMPLE_PREFIX.length));
    return true;
  }
  if (name.startsWith(OPEN_PATH_PREFIX)) {
    void openDesign(name.slice(OPEN_PATH_PREFIX.length));
    return true;
  }
  if (name.startsWith('edit:') && isTypingTarget(document.activeElement)) return false;
  const command = findCommand(name);
  return command ? execute(command.id) : false;
}

/**
 * The window's key handler: run the command a key means. Keys typed into text fields are left
 * alone (but Ctrl+S still saves); with a native menu (`nativeMenu`, the desktop app) the keys it
 * registers are its own.
 */
export function handleShortcut(e: KeyboardEvent, nativeMenu = false): boolean {
  if (e.defaultPrevented) return false;
  if (nativeMenu && menuOwnsKey(e)) return false;
  const command = commandForKey(e);
  if (!command) return false;
  if (isTypingTarget(e.target) && !command.whileTyping) return false;
  if (command.keyApplies && !command.keyApplies()) return false;
  e.preventDefault();
  execute(command.id, e);
  return true;
}
