import type { CliCommand } from '../main';

// Placeholder until the command lands; replaced by its owner.
export const connectivityCommand: CliCommand = {
  name: 'connectivity',
  usage: 'kubeplan connectivity',
  summary: 'not available yet',
  run: async (_args, io) => {
    io.stderr('kubeplan connectivity: not available yet\n');
    return 2;
  },
};
