import type { CliCommand } from '../main';

// Placeholder until the command lands; replaced by its owner.
export const importCommand: CliCommand = {
  name: 'import',
  usage: 'kubeplan import',
  summary: 'not available yet',
  run: async (_args, io) => {
    io.stderr('kubeplan import: not available yet\n');
    return 2;
  },
};
