/**
 * `kubeplan simulate <design|file|dir>... [--scenario <file>] [--seed N] [--json]`: run the design
 * on the simulated cluster to steady state (or through a scenario) and print the final state and
 * events the way kubectl would, or everything as one JSON object.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCluster, type ClusterSpec, type DesignFlow } from '../../shared/design/types';
import type { KubeObject } from '../../shared/model/object';
import { clusterProblems, formatApplied, formatEvents, formatPods, parseScenario, simulate, type Scenario, type SimulationInput } from '../../shared/simulation';
import { writeJson } from '../output/json';
import { loadInputs } from '../../main/core/inputs';
import { usageLine } from '../help';
import type { CliCommand, CliIo } from '../main';
import { flowSpecs } from '../../shared/simulation/traffic';

interface InputError {
  file: string;
  line?: number;
  message: string;
}

/** How inputs are read: main/core/inputs.ts `loadInputs` (designs, manifests, folders); tests may pass another. */
export type LoadInputs = (paths: string[]) => Promise<{
  objects: { object: KubeObject; source?: { file: string } }[];
  design?: { cluster: ClusterSpec; flows?: DesignFlow[] };
  designFile?: string;
  errors: InputError[];
  /** Non-fatal notes (documents skipped inside a folder), printed as warnings. */
  warnings?: string[];
}>;

function where(e: InputError): string {
  return `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`;
}

export async function runSimulate(args: string[], io: CliIo, load: LoadInputs = (paths) => loadInputs(paths)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { ...SIMULATION_FLAGS, json: { type: 'boolean' } } });
  } catch (err) {
    io.stderr(`kubeplan simulate: ${err instanceof Error ? err.message : String(err)}\nUsage: ${usageLine('simulate')}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    io.stderr(`kubeplan simulate: give at least one design, file or folder\nUsage: ${usageLine('simulate')}\n`);
    return 2;
  }
  const input = await simulationInput('simulate', values, positionals, io, load);
  if (typeof input === 'number') return input;
  const result = simulate(input);
  const failed = result.applied.some((a) => a.result === 'failed') || result.stepErrors.length > 0 || result.stopped !== undefined;
  const stopped = () => {
    if (result.stopped) io.stderr(`kubeplan simulate: stopped at t=${result.stopped.time}s: ${result.stopped.message}\n`);
    // A crash loop never settles: the run ends once its restarts only repeat at the back-off cap (docs/simulator.md).
    const loops = result.crashLoops ?? [];
    for (const l of loops.slice(0, 5)) io.stderr(`kubeplan simulate: steady at t=${result.endTime}s but for a crash loop: ${l.message}\n`);
    if (loops.length > 5) io.stderr(`kubeplan simulate: …and ${(loops.length - 5).toLocaleString('en-US')} more crash loops (--json lists them all in crashLoops)\n`);
  };
  if (values.json) {
    // Written element by element: at 100,000 pods the whole result does not fit one string.
    writeJson(result, io.stdout);
    stopped();
    return failed ? 1 : 0;
  }
  let lastStep = -1;
  let applied = '';
  for (const a of result.applied) {
    if (a.step !== lastStep) {
      applied += `${lastStep >= 0 ? '\n' : ''}$ kubectl apply  # ${a.step === 0 ? 'inputs' : `scenario step ${a.step}`}, t=${a.time}s\n`;
      lastStep = a.step;
    }
    applied += formatApplied([a]);
  }
  io.stdout(`${applied}\n$ kubectl get pods -A -o wide  # t=${result.endTime}s${result.steady ? '' : ' (not steady yet)'}\n${formatPods(result.pods)}\n$ kubectl get events -A\n${formatEvents(result.events, result.endTime)}`);
  for (const e of result.stepErrors) io.stderr(`${values.scenario ?? 'scenario'}${e.line ? `:${e.line}` : ''}: step ${e.step}: ${e.message}\n`);
  stopped();
  return failed ? 1 : 0;
}

/** The flags that shape a simulation run, shared by `simulate` and `explain --pod`. */
export const SIMULATION_FLAGS = { scenario: { type: 'string' }, seed: { type: 'string' }, 'storage-class': { type: 'string' } } as const;

/** The simulation input the command line asks for: inputs, scenario, seed, default class; an exit code after printing a problem. */
export async function simulationInput(
  command: string,
  values: { scenario?: string; seed?: string; 'storage-class'?: string },
  positionals: string[],
  io: CliIo,
  load: LoadInputs,
): Promise<SimulationInput | number> {
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    io.stderr(`kubeplan ${command}: --seed must be a whole number from 0 to 4294967295, got "${values.seed}"\n`);
    return 2;
  }
  const inputs = await load(positionals.map((p) => resolve(io.cwd, p)));
  for (const w of inputs.warnings ?? []) io.stderr(`warning: ${w}\n`);
  if (inputs.errors.length) {
    for (const e of inputs.errors) io.stderr(`${where(e)}\n`);
    return 2;
  }
  let scenario: Scenario | undefined;
  if (values.scenario) {
    const file = resolve(io.cwd, values.scenario);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      io.stderr(`${values.scenario}: cannot read: no such file\n`);
      return 2;
    }
    const r = parseScenario(text, values.scenario);
    if ('error' in r) {
      io.stderr(`${where(r.error)}\n`);
      return 2;
    }
    scenario = r.scenario;
    for (const step of scenario.steps) {
      if (step.action !== 'apply' || !step.files?.length) continue;
      const loaded = await load(step.files.map((f) => resolve(dirname(file), f)));
      if (loaded.errors.length) {
        for (const e of loaded.errors) io.stderr(`${values.scenario}${step.line ? `:${step.line}` : ''}: ${where(e)}\n`);
        return 2;
      }
      step.objects = loaded.objects.map((o) => o.object);
      step.sources = loaded.objects.map((o) => displayFile(o.source?.file, io.cwd));
    }
  }
  const cluster = inputs.design?.cluster ?? defaultCluster();
  const problems = clusterProblems(cluster);
  if (problems.length) {
    for (const p of problems) io.stderr(`${inputs.designFile ?? positionals[0]}: ${p}\n`);
    return 2;
  }
  const storageClass = values['storage-class'];
  const sources = inputs.objects.map((o) => displayFile(o.source?.file, io.cwd));
  // A design's traffic flows send through the run as they do in the app (docs/traffic.md, "In the running cluster").
  const flows = flowSpecs(inputs.design?.flows);
  return { objects: inputs.objects.map((o) => o.object), sources, cluster, scenario, seed, ...(storageClass ? { options: { defaultStorageClass: storageClass } } : {}), ...(flows.length ? { flows } : {}) };
}

export const simulateCommand: CliCommand = {
  name: 'simulate',
  run: (args, io) => runSimulate(args, io),
};

/** The file as kubectl names it in messages: relative to the working directory when under it. */
function displayFile(file: string | undefined, cwd: string): string {
  if (!file) return 'STDIN';
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}
