import type { CliCommand } from '../main';

// Placeholder until the command lands; replaced by its owner.
export const explainCommand: CliCommand = {
  name: 'explain',
  usage: 'kubeplan explain',
  summary: 'not available yet',
  run: async (_args, io) => {
    io.stderr('kubeplan explain: not available yet\n');
    return 2;
  },
};
