/** Who hears that a command ran (lessons wait for one). A leaf module, so listeners import it without a cycle. */
import type { CommandId } from '../../shared/ipc/commands';

const listeners = new Set<(id: CommandId, args?: unknown) => void>();

/** Be told of every command that runs; returns the unsubscribe. */
export function onCommandExecuted(listener: (id: CommandId, args?: unknown) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Called by `execute` after a command ran, with what it was given (the palette's kind, a live scale's replicas). */
export function commandExecuted(id: CommandId, args?: unknown): void {
  for (const listener of listeners) listener(id, args);
}
