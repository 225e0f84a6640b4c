/**
 * Listeners told of every console command that ran (the lessons count them toward a step's
 * `kubectl` condition: docs/lessons.md). Only the console's own lines, not the canvas's live
 * actions sent as kubectl for a non-admin user (renderer/console/asUser.ts).
 */
export interface ConsoleRun {
  /** The command's words without a leading `kubectl`. */
  argv: readonly string[];
  /** The console's user when the command ran (after `config use-context`, the new one). */
  user: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

type Listener = (run: ConsoleRun) => void;
const listeners = new Set<Listener>();

/** Be told of each console command that ran; returns the unsubscribe function. */
export function onConsoleRan(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function consoleRan(run: ConsoleRun): void {
  for (const l of listeners) l(run);
}
