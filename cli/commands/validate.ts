import type { CliCommand } from '../main';

// Placeholder until the command lands; replaced by its owner.
export const validateCommand: CliCommand = {
  name: 'validate',
  usage: 'kubeplan validate',
  summary: 'not available yet',
  run: async (_args, io) => {
    io.stderr('kubeplan validate: not available yet\n');
    return 2;
  },
};
