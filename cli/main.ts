/**
 * Entry of the `kubeplan` command line. Each command lives in cli/commands/<name>.ts and exports a
 * `CliCommand`, loaded only when it runs; its help is in ./help.ts. Exit codes: 0 success,
 * 1 problems found / request denied, 2 input unreadable or bad usage.
 */
import { version } from '../package.json';
import { COMMANDS } from './commands';
import { commandHelp, HELP, topHelp, type CommandName } from './help';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export interface CliCommand {
  name: string;
  run(args: string[], io: CliIo): Promise<number>;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
};

const isCommand = (name: string): name is CommandName => Object.hasOwn(HELP, name);

/** `-h`/`--help` anywhere before `--` asks for the command's help instead of running it. */
const asksHelp = (args: string[]) => args.slice(0, args.includes('--') ? args.indexOf('--') : undefined).some((a) => a === '-h' || a === '--help');

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest[0] && isCommand(rest[0])) {
    io.stdout(commandHelp(rest[0]));
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(topHelp());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (!isCommand(name)) {
    io.stderr(`kubeplan: unknown command "${name}"\n${topHelp()}`);
    return 2;
  }
  if (asksHelp(rest)) {
    io.stdout(commandHelp(name));
    return 0;
  }
  try {
    const command = await COMMANDS[name]();
    return await command.run(rest, io);
  } catch (err) {
    io.stderr(`kubeplan ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}
