/** A user command: its identity from the shared table plus what the renderer does with it. */
import type { CommandId, CommandSpec } from '../../shared/ipc/commands';
import type { KubeplanState, StoreChange } from '../store';
import type { KeyLike } from './keys';

/**
 * What `perform` gives back: the change to the store (applied in one update, one undo step when
 * it touches the design), nothing when the command acts outside the store (view, panels), or a
 * promise for file commands, which report their own outcome.
 */
export type CommandResult = StoreChange | undefined | void | Promise<unknown>;

export interface CommandBehaviour {
  /** Whether it can run now (toolbar buttons grey out; keys and menu items do nothing). */
  enabled?(state: KubeplanState): boolean;
  /**
   * Compute the change from the state; `event` is the key press, when a key ran it; `args` are
   * what a parametrised command is given (the palette's kind and drop point).
   */
  perform(state: KubeplanState, event?: KeyLike, args?: unknown): CommandResult;
  /** Its keys also work while a text field has focus (Ctrl+S saves from the inspector). */
  whileTyping?: true;
  /** A key runs it only when this holds (copy leaves a text selection to the browser). */
  keyApplies?(): boolean;
}

export interface Command extends CommandSpec, CommandBehaviour {
  readonly id: CommandId;
}
