/**
 * `kubeplan import <file|dir>... -o <design.kubeplan.yaml>`: manifests (and designs) → one design
 * file, auto-laid-out. Objects are kept exactly as read; a design among the inputs keeps its
 * layout, cluster and name, and the other objects are added beside it.
 */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../main/core/files';
import { designNameFromFile, fillMissingLayout, highestResourceNumber, serializeDesign, type Design } from '../../shared/design';
import { importAsDesign } from '../../shared/design/import';
import type { LoadedInputs } from '../../main/core/inputs';
import { usageLine } from '../help';
import type { CliCommand } from '../main';
import { count, loadOrReport, parseCliArgs, refuse } from './export';
import { isStdout, outputProblem } from './output';

const USAGE = usageLine('import');

export const importCommand: CliCommand = {
  name: 'import',
  run: async (args, io) => {
    const parsed = parseCliArgs(args, { output: { type: 'string', short: 'o' }, name: { type: 'string' }, force: { type: 'boolean' } }, io, 'import', USAGE);
    if (!parsed) return 2;
    const output = parsed.values.output as string | undefined;
    const inputs = await loadOrReport(parsed.positionals, io, 'import', USAGE);
    if (!inputs) return 2;
    const name = (parsed.values.name as string | undefined) ?? (!isStdout(output) ? designNameFromFile(output!) : undefined);
    const design = buildDesign(inputs, name ?? 'Untitled');
    const text = serializeDesign(design);
    if (isStdout(output)) {
      io.stdout(text);
      return 0;
    }
    const target = resolve(io.cwd, output!);
    const problem = await outputProblem(target, output!, inputs, parsed.values.force === true);
    if (problem) return refuse(io, 'import', problem);
    await writeFileAtomic(target, text);
    io.stdout(`imported ${count(design.resources.length, 'object')} from ${count(inputs.files, 'file')} into ${output}\n`);
    return 0;
  },
};

function buildDesign(inputs: LoadedInputs, name: string): Design {
  const base = inputs.design;
  if (!base) return importAsDesign(inputs.objects, name);
  // Objects from the design are already in it; add the rest with fresh ids and lay out only those.
  const extra = inputs.objects.filter((o) => o.source.file !== inputs.designFile);
  let next = highestResourceNumber(base);
  const design: Design = { ...base, resources: [...base.resources, ...extra.map((o) => ({ id: `r${++next}`, object: o.object }))] };
  return fillMissingLayout(design);
}
