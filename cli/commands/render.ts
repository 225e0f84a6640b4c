/**
 * `kubeplan render <design|files|dirs>... -o <out.svg|out.png> [--scale N] [--title <text>]`: a
 * picture of the design for slides — the same drawing the app exports (shared/design/picture.ts).
 * A design keeps its layout; manifests are laid out as `kubeplan import` would. PNG goes through
 * resvg, loaded lazily (main/core/picture.ts). Written atomically; nothing is written on an error.
 */
import { basename, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../../main/core/files';
import { importAsDesign, renderDesignPicture } from '../../shared/design';
import { usageLine } from '../help';
import type { CliCommand } from '../main';
import { count, loadOrReport, parseCliArgs, refuse } from './export';
import { outputProblem } from './output';

const USAGE = usageLine('render');

export const renderCommand: CliCommand = {
  name: 'render',
  run: async (args, io) => {
    const options = { output: { type: 'string', short: 'o' }, scale: { type: 'string' }, title: { type: 'string' }, force: { type: 'boolean' } } as const;
    const parsed = parseCliArgs(args, options, io, 'render', USAGE);
    if (!parsed) return 2;
    const output = parsed.values.output as string | undefined;
    if (!output) return refuse(io, 'render', `-o <file.svg|file.png> is required\nUsage: ${USAGE}`);
    const format = /\.svg$/i.test(output) ? 'svg' : /\.png$/i.test(output) ? 'png' : undefined;
    if (!format) return refuse(io, 'render', `${output}: the output must end in .svg or .png`);
    const scaleText = parsed.values.scale as string | undefined;
    const scale = scaleText === undefined ? 2 : Number(scaleText);
    if (!Number.isFinite(scale) || scale <= 0 || scale > 8) return refuse(io, 'render', `--scale ${scaleText}: give a number above 0 and at most 8`);
    const inputs = await loadOrReport(parsed.positionals, io, 'render', USAGE);
    if (!inputs) return 2;
    const target = resolve(io.cwd, output);
    const problem = await outputProblem(target, output, inputs, parsed.values.force === true);
    if (problem) return refuse(io, 'render', problem);
    // One design alone keeps its layout; anything else is laid out from its objects.
    const onlyDesign = inputs.design && inputs.objects.every((o) => o.source.file === inputs.designFile);
    const name = (parsed.values.title as string | undefined) ?? (inputs.design?.name ?? basename(output).replace(/\.(svg|png)$/i, ''));
    const design = onlyDesign ? inputs.design! : importAsDesign(inputs.objects, name);
    if (inputs.objects.length === 0) io.stderr(`kubeplan render: no Kubernetes objects found in ${parsed.positionals.join(', ')}\n`);
    const picture = renderDesignPicture(design, { title: name });
    if (format === 'svg') {
      await writeFileAtomic(target, picture.svg);
      io.stdout(`rendered ${count(picture.cards, 'card')} and ${count(picture.edges, 'edge')} to ${relative(io.cwd, target) || output} (${picture.width}×${picture.height} SVG)\n`);
      return 0;
    }
    const { svgToPng } = await import('../../main/core/picture');
    let image;
    try {
      image = await svgToPng(picture.svg, scale);
    } catch (err) {
      return refuse(io, 'render', err instanceof Error ? err.message : String(err));
    }
    await writeFileAtomic(target, image.png);
    io.stdout(`rendered ${count(picture.cards, 'card')} and ${count(picture.edges, 'edge')} to ${relative(io.cwd, target) || output} (${image.width}×${image.height} PNG)\n`);
    return 0;
  },
};
