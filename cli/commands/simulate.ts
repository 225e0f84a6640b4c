import type { CliCommand } from '../main';

// Placeholder until the command lands; replaced by its owner.
export const simulateCommand: CliCommand = {
  name: 'simulate',
  usage: 'kubeplan simulate',
  summary: 'not available yet',
  run: async (_args, io) => {
    io.stderr('kubeplan simulate: not available yet\n');
    return 2;
  },
};
