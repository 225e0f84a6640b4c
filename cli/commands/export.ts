/**
 * `kubeplan export <design|files|dirs>... [-o <file.yaml>|<dir>/|-]`: Kubernetes YAML in apply order,
 * to stdout, to one file, or one file per namespace in a folder. Nothing is written when any
 * input cannot be read or `-o` names an input or a non-file (exit 2); files are written atomically,
 * and files of an earlier export into the same folder are named (removed with --clean).
 */
import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../main/core/files';
import { loadInputs, type LoadedInputs } from '../../main/core/inputs';
import { exportManifests, exportManifestsByNamespace, formatManifestError } from '../../shared/manifests';
import { formatProblem, validateSourced } from '../../shared/validation';
import { usageLine } from '../help';
import type { CliCommand, CliIo } from '../main';
import { isStdout, markExported, outputProblem, removeFiles, staleExports } from './output';

const USAGE = usageLine('export');

export const exportCommand: CliCommand = {
  name: 'export',
  run: async (args, io) => {
    const options = { output: { type: 'string', short: 'o' }, clean: { type: 'boolean' }, force: { type: 'boolean' } } as const;
    const parsed = parseCliArgs(args, options, io, 'export', USAGE);
    if (!parsed) return 2;
    const inputs = await loadOrReport(parsed.positionals, io, 'export', USAGE);
    if (!inputs) return 2;
    const objects = inputs.objects.map((o) => o.object);
    if (objects.length === 0) io.stderr(`kubeplan export: no Kubernetes objects found in ${parsed.positionals.join(', ')}\n`);
    warnAboutErrors(inputs, io);
    const output = parsed.values.output as string | undefined;
    const force = parsed.values.force === true;
    if (isStdout(output)) {
      io.stdout(exportManifests(objects));
      return 0;
    }
    const target = resolve(io.cwd, output!);
    if (output!.endsWith('/') || output!.endsWith('\\') || (await isDirectory(target))) {
      const files = exportManifestsByNamespace(objects);
      for (const name of files.keys()) {
        const problem = await outputProblem(join(target, name), join(output!, name), inputs, force);
        if (problem) return refuse(io, 'export', problem);
      }
      for (const [name, text] of files) await writeFileAtomic(join(target, name), markExported(name, text));
      io.stdout(`exported ${count(objects.length, 'object')} to ${output}${files.size ? ` (${[...files.keys()].join(', ')})` : ''}\n`);
      const stale = await staleExports(target, new Set(files.keys()));
      if (stale.length && parsed.values.clean === true) {
        await removeFiles(target, stale);
        io.stdout(`removed ${stale.join(', ')} (from an earlier export, no longer exported)\n`);
      } else if (stale.length) {
        io.stderr(`warning: ${stale.join(', ')} in ${output} ${stale.length === 1 ? 'is' : 'are'} from an earlier export and no longer belong${stale.length === 1 ? 's' : ''}; remove ${stale.length === 1 ? 'it' : 'them'} or export again with --clean\n`);
      }
    } else {
      const problem = await outputProblem(target, output!, inputs, force);
      if (problem) return refuse(io, 'export', problem);
      await writeFileAtomic(target, exportManifests(objects));
      io.stdout(`exported ${count(objects.length, 'object')} to ${output}\n`);
    }
    return 0;
  },
};

/** Errors a cluster would refuse are said on stderr first; the export is still written (as asked). */
function warnAboutErrors(inputs: LoadedInputs, io: CliIo): void {
  const report = validateSourced(inputs.objects.map((o) => ({ object: o.object, source: { file: relative(io.cwd, o.source.file) || o.source.file, line: o.source.line } })));
  if (report.errors === 0) return;
  const errors = report.problems.filter((p) => p.severity === 'error');
  const shown = errors.slice(0, 3).map((p) => `  ${formatProblem({ ...p, hint: undefined })}\n`).join('');
  const more = errors.length > 3 ? `  … and ${count(errors.length - 3, 'more error')} (kubeplan validate lists them all)\n` : '';
  io.stderr(`kubeplan export: warning: ${count(errors.length, 'error')} a cluster would refuse; exporting anyway:\n${shown}${more}`);
}

/** A refused `-o`: one line, exit 2, nothing written. */
export function refuse(io: CliIo, command: string, problem: string): number {
  io.stderr(`kubeplan ${command}: ${problem}\n`);
  return 2;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Parse options with node:util; on a usage error print one line and return undefined (exit 2). */
export function parseCliArgs(args: string[], options: OptionSpec, io: CliIo, command: string, usage: string) {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (err) {
    io.stderr(`kubeplan ${command}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\nUsage: ${usage}\n`);
    return undefined;
  }
}

/** Load the inputs; on any error print `file:line: message` lines and return undefined (exit 2). */
export async function loadOrReport(paths: string[], io: CliIo, command: string, usage: string): Promise<LoadedInputs | undefined> {
  if (paths.length === 0) {
    io.stderr(`kubeplan ${command}: no input given\nUsage: ${usage}\n`);
    return undefined;
  }
  const inputs = await loadInputs(paths, { cwd: io.cwd });
  for (const w of inputs.warnings) io.stderr(`warning: ${w}\n`);
  if (inputs.errors.length) {
    for (const e of inputs.errors) io.stderr(`${formatManifestError(e)}\n`);
    return undefined;
  }
  return inputs;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
