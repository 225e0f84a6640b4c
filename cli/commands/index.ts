/**
 * The commands of `kubeplan`, each loaded only when it runs: help and version need none of them,
 * and a command pulls in only what it uses (the schema validators alone weigh about 0.9 MB).
 */
import type { CliCommand } from '../main';
import type { CommandName } from '../help';

export const COMMANDS: Record<CommandName, () => Promise<CliCommand>> = {
  export: async () => (await import('./export')).exportCommand,
  import: async () => (await import('./import')).importCommand,
  validate: async () => (await import('./validate')).validateCommand,
  simulate: async () => (await import('./simulate')).simulateCommand,
  connectivity: async () => (await import('./connectivity')).connectivityCommand,
  explain: async () => (await import('./explain')).explainCommand,
  kubectl: async () => (await import('./kubectl')).kubectlCommand,
  render: async () => (await import('./render')).renderCommand,
};
