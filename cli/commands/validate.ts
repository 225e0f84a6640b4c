/**
 * `kubeplan validate <design|file|dir>... [--json]`: schema, names, duplicates and broken
 * references of designs and plain manifests. Exit 0 without errors (warnings allowed), 1 with
 * errors, 2 when an input cannot be read or the usage is wrong.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { loadInputs } from '../../main/core/inputs';
import { formatReport, validateSourced, type SourcedObject } from '../../shared/validation';
import { usageLine } from '../help';
import type { CliCommand, CliIo } from '../main';

const USAGE = usageLine('validate');

export const validateCommand: CliCommand = {
  name: 'validate',
  run: runValidate,
};

async function runValidate(args: string[], io: CliIo): Promise<number> {
  let json = false;
  const paths: string[] = [];
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg.startsWith('-')) {
      io.stderr(`kubeplan validate: unknown option "${arg}"\nUsage: ${USAGE}\n`);
      return 2;
    } else paths.push(arg);
  }
  if (paths.length === 0) {
    io.stderr(`kubeplan validate: no input given\nUsage: ${USAGE}\n`);
    return 2;
  }
  const loaded = await loadInputs(paths.map((p) => resolve(io.cwd, p)));
  if (loaded.errors.length > 0) {
    for (const e of loaded.errors) io.stderr(`${displayPath(e.file, io.cwd)}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}\n`);
    return 2;
  }
  for (const w of loaded.warnings) io.stderr(`kubeplan validate: ${w}\n`);
  // The loader lists a design's objects too, with the design file's lines.
  const objects: SourcedObject[] = loaded.objects.map((o) => ({ object: o.object, source: { file: displayPath(o.source.file, io.cwd), line: o.source.line } }));
  const report = validateSourced(objects);
  if (json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(formatReport(report));
  return report.errors > 0 ? 1 : 0;
}

/** Paths under the working directory are shown relative to it, as compilers do. */
function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
