/**
 * `kubeplan kubectl <design|file|dir>... [--as USER] [--script FILE] -- <kubectl arguments>`: run
 * the design on the simulated cluster to steady state, then run kubectl commands against it as
 * the console does (shared/simulation/kubectl, docs/kubectl.md), printing exactly what the console
 * prints. Exit status: kubectl's (0, or 1 for an error; `exec` passes the command's on).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportManifests } from '../../shared/manifests';
import { commandWords } from '../../shared/simulation/kubectl';
import { SimulationSession } from '../../shared/simulation/session';
import { loadInputs } from '../../main/core/inputs';
import { usageLine } from '../help';
import type { CliCommand, CliIo } from '../main';
import { SIMULATION_FLAGS, simulationInput, type LoadInputs } from './simulate';

/** What a command reads with `-f` (designs, manifests, folders), as YAML text keyed by the path given. */
async function filesFor(argv: readonly string[], io: CliIo, load: LoadInputs): Promise<{ files: Record<string, string>; errors: string[] }> {
  const files: Record<string, string> = {};
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const path = a === '-f' || a === '--filename' ? argv[i + 1] : a.startsWith('--filename=') ? a.slice(11) : a.startsWith('-f') && a.length > 2 ? a.slice(2).replace(/^=/, '') : undefined;
    if (path === undefined || path === '-' || Object.hasOwn(files, path)) continue;
    const loaded = await load([resolve(io.cwd, path)]);
    if (loaded.errors.length) {
      // A path that does not exist is left to kubectl's own message.
      if (loaded.errors.every((e) => /no such file|cannot read|does not exist|ENOENT/i.test(e.message))) continue;
      for (const e of loaded.errors) errors.push(`error: error parsing ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`);
      continue;
    }
    files[path] = exportManifests(loaded.objects.map((o) => o.object));
  }
  return { files, errors };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runKubectlCommand(args: string[], io: CliIo, load: LoadInputs = (paths) => loadInputs(paths), stdin: () => Promise<string> = readStdin): Promise<number> {
  const dash = args.indexOf('--');
  const own = dash < 0 ? args : args.slice(0, dash);
  const kubectlArgs = dash < 0 ? [] : args.slice(dash + 1);
  let parsed;
  try {
    parsed = parseArgs({ args: own, allowPositionals: true, options: { ...SIMULATION_FLAGS, as: { type: 'string' }, script: { type: 'string' } } });
  } catch (err) {
    io.stderr(`kubeplan kubectl: ${err instanceof Error ? err.message : String(err)}\nUsage: ${usageLine('kubectl')}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    io.stderr(`kubeplan kubectl: give at least one design, file or folder\nUsage: ${usageLine('kubectl')}\n`);
    return 2;
  }
  if (!values.script && kubectlArgs.length === 0) {
    io.stderr(`kubeplan kubectl: give the kubectl arguments after --, or --script FILE\nUsage: ${usageLine('kubectl')}\n`);
    return 2;
  }
  const commands: { argv: string[]; line?: number }[] = [];
  if (values.script) {
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, values.script), 'utf8');
    } catch {
      io.stderr(`${values.script}: cannot read: no such file\n`);
      return 2;
    }
    for (const [i, raw] of text.split(/\r?\n/).entries()) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      try {
        commands.push({ argv: commandWords(line), line: i + 1 });
      } catch (err) {
        io.stderr(`${values.script}:${i + 1}: ${err instanceof Error ? err.message : String(err)}\n`);
        return 2;
      }
    }
  }
  if (kubectlArgs.length) commands.push({ argv: kubectlArgs[0] === 'kubectl' ? kubectlArgs.slice(1) : kubectlArgs });
  const input = await simulationInput('kubectl', values, positionals, io, load);
  if (typeof input === 'number') return input;
  // --as USER runs as that user's context; a user the design does not define is one with no groups.
  let context = values.as ?? 'admin';
  const users = [...(input.cluster.users ?? [])];
  if (values.as && values.as !== 'admin' && !users.some((u) => u.name === values.as)) users.push({ name: values.as });
  const session = new SimulationSession({ ...input, cluster: { ...input.cluster, users }, options: { ...input.options } });
  session.runToEnd();
  if (session.stopped) {
    io.stderr(`kubeplan kubectl: the simulation stopped at t=${session.stopped.time}s: ${session.stopped.message}\n`);
    return 2;
  }
  let code = 0;
  for (const c of commands) {
    const { files, errors } = await filesFor(c.argv, io, load);
    if (errors.length) {
      for (const e of errors) io.stderr(`${e}\n`);
      code = 1;
      continue;
    }
    const wantsStdin = c.argv.some((a, i) => (a === '-f' || a === '--filename') && c.argv[i + 1] === '-') || c.argv.includes('--filename=-') || c.argv.includes('-f-');
    if (values.script) io.stdout(`$ kubectl ${c.argv.join(' ')}\n`);
    const r = session.kubectl(c.argv, { context, files, ...(wantsStdin ? { stdin: await stdin() } : {}) });
    io.stdout(r.output.stdout);
    io.stderr(r.output.stderr);
    context = r.output.context;
    if (r.output.exitCode !== 0) code = r.output.exitCode;
    if (r.stopped) {
      io.stderr(`kubeplan kubectl: the simulation stopped: ${r.stopped}\n`);
      return 2;
    }
  }
  return code;
}

export const kubectlCommand: CliCommand = {
  name: 'kubectl',
  run: (args, io) => runKubectlCommand(args, io),
};
