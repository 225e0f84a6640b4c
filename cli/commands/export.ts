import type { CliCommand } from '../main';

// Placeholder until the command lands; replaced by its owner.
export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'kubeplan export',
  summary: 'not available yet',
  run: async (_args, io) => {
    io.stderr('kubeplan export: not available yet\n');
    return 2;
  },
};
