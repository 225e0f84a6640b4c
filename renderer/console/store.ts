/**
 * The kubectl console's state (docs/kubectl.md): the current kubeconfig context (user), the
 * command history, YAML pasted for `-f -`, and a counter the focus command bumps to bring the
 * Console tab forward.
 */
import { create } from 'zustand';

export const HISTORY_LIMIT = 500;

export interface ConsoleState {
  /** The kubeconfig context the console runs as (a user of the design's cluster section). */
  context: string;
  history: string[];
  /** YAML pasted into the console: what the next `apply -f -` / `create -f -` reads. */
  pasted: string | null;
  /** A command is on its way to the worker. */
  busy: boolean;
  /** Bumped by `console:focus`: the dock shows the Console tab and the terminal takes the keyboard. */
  reveal: number;
}

export const useConsoleStore = create<ConsoleState>()(() => ({ context: 'admin', history: [], pasted: null, busy: false, reveal: 0 }));

export function pushHistory(line: string): void {
  const { history } = useConsoleStore.getState();
  if (!line.trim() || history.at(-1) === line) return;
  useConsoleStore.setState({ history: [...history, line].slice(-HISTORY_LIMIT) });
}

/** The `console:focus` command. */
export function revealConsole(): void {
  useConsoleStore.setState((s) => ({ reveal: s.reveal + 1 }));
}
