/**
 * Entry of the `kubeplan` command line. Each command lives in cli/commands/<name>.ts and exports a
 * `CliCommand`; exit codes: 0 success, 1 problems found / request denied, 2 input unreadable or bad usage.
 */
import { COMMANDS } from './commands';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
};

export function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(78)}\n      ${c.summary}`);
  return `Usage: kubeplan <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`kubeplan: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    io.stderr(`kubeplan ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}
