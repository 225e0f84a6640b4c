/**
 * `kubeplan connectivity <design|file|dir>... [--format txt|json]`: every allowed connection between
 * workloads, the Ingress controller and external ranges, in netpol-analyzer's connectivity-list
 * format. Also holds the input loading and network options that `explain` shares.
 */
import { parseArgs } from 'node:util';
import { loadInputs, type LoadedInputs } from '../../main/core/inputs';
import { defaultCluster } from '../../shared/design/types';
import { networkInputProblems } from '../../shared/simulation/inputProblems';
import { SimulationLimitError } from '../../shared/simulation/limits';
import { connectivityLines, writeConnectivity, type NetworkOptions } from '../../shared/simulation/network';
import { steadyNetworkSnapshot, type SteadyNetwork } from '../../shared/simulation/session/network';
import { commandHelp } from '../help';
import type { CliCommand, CliIo } from '../main';

/** How inputs are read: main/core/inputs.ts `loadInputs` (designs, manifests, folders). */
export type LoadInputs = (paths: readonly string[], options: { cwd: string }) => Promise<Pick<LoadedInputs, 'objects' | 'design' | 'errors'> & Partial<Pick<LoadedInputs, 'warnings'>>>;

export const NETWORK_OPTION_FLAGS = {
  'ipblock-matches-pods': { type: 'boolean' },
  'pod-to-self': { type: 'string' },
  hairpin: { type: 'string' },
  'nodeport-source': { type: 'string' },
} as const;

/** Network options from the shared flags; a string describing the problem when a value is bad. */
export function networkOptions(values: Record<string, unknown>): Partial<NetworkOptions> | string {
  const out: Partial<NetworkOptions> = {};
  if (values['ipblock-matches-pods'] === true) out.ipBlockMatchesPods = true;
  const pick = <T extends string>(flag: string, allowed: readonly T[]): T | undefined | string => {
    const v = values[flag];
    if (v === undefined) return undefined;
    return allowed.includes(v as T) ? (v as T) : `--${flag} must be one of ${allowed.join(', ')}`;
  };
  const self = pick('pod-to-self', ['allowed', 'evaluated'] as const);
  const hairpin = pick('hairpin', ['evaluated', 'allowed'] as const);
  const source = pick('nodeport-source', ['client', 'node'] as const);
  for (const v of [self, hairpin, source]) if (typeof v === 'string' && v.startsWith('--')) return v;
  if (self) out.podToSelf = self as NetworkOptions['podToSelf'];
  if (hairpin) out.hairpinViaService = hairpin as NetworkOptions['hairpinViaService'];
  if (source) out.nodePortSource = source as NetworkOptions['nodePortSource'];
  return out;
}

/**
 * Loads the inputs and builds the network snapshot of the design at steady state, as `simulate`
 * runs it (the same pod names, nodes and IPs); undefined after printing errors.
 */
export async function loadSnapshot(command: string, paths: string[], io: CliIo, load: LoadInputs): Promise<SteadyNetwork | undefined> {
  const loaded = await load(paths, { cwd: io.cwd });
  for (const w of loaded.warnings ?? []) io.stderr(`kubeplan ${command}: warning: ${w}\n`);
  if (loaded.errors.length > 0) {
    for (const e of loaded.errors) io.stderr(`kubeplan ${command}: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
    return undefined;
  }
  const problems = networkInputProblems(loaded.objects.map((o) => o.object), loaded.design?.cluster);
  if (problems.length > 0) {
    for (const p of problems) io.stderr(`kubeplan ${command}: ${paths[0]}: ${p}\n`);
    return undefined;
  }
  try {
    return steadyNetworkSnapshot(loaded.objects.map((o) => o.object), loaded.design?.cluster ?? defaultCluster());
  } catch (err) {
    // The design runs on the simulator first: a run that reaches one of its limits says which.
    if (!(err instanceof SimulationLimitError)) throw err;
    io.stderr(`kubeplan ${command}: ${paths[0]}: ${err.message}\n`);
    return undefined;
  }
}

const USAGE = commandHelp('connectivity');

/** `ns/owner k of n` for each workload with pods the scheduler could not place; '' when every pod runs. */
function unplacedPods(snapshot: SteadyNetwork): string {
  const byOwner = new Map<string, { unplaced: number; all: number }>();
  // Running pods have an IP and are in `pods`; the simulation's Pending ones are in `waiting`.
  for (const p of [...snapshot.pods, ...snapshot.waiting]) {
    const key = `${p.namespace}/${p.owner}`;
    const e = byOwner.get(key) ?? { unplaced: 0, all: 0 };
    e.all++;
    if (!p.node) e.unplaced++;
    byOwner.set(key, e);
  }
  return [...byOwner].filter(([, e]) => e.unplaced > 0).map(([k, e]) => `${k} ${e.unplaced} of ${e.all}`).join(', ');
}

export function createConnectivityCommand(load: LoadInputs = loadInputs): CliCommand {
  return {
    name: 'connectivity',
    run: async (args, io) => {
      let parsed;
      try {
        parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, ...NETWORK_OPTION_FLAGS } });
      } catch (err) {
        io.stderr(`kubeplan connectivity: ${(err as Error).message}\n${USAGE}`);
        return 2;
      }
      const { values, positionals } = parsed;
      const format = values.format ?? 'txt';
      if (format !== 'txt' && format !== 'json') {
        io.stderr(`kubeplan connectivity: --format must be txt or json, not "${format}"\n`);
        return 2;
      }
      if (positionals.length === 0) {
        io.stderr(`kubeplan connectivity: name at least one design, manifest file or folder\n${USAGE}`);
        return 2;
      }
      const options = networkOptions(values);
      if (typeof options === 'string') {
        io.stderr(`kubeplan connectivity: ${options}\n`);
        return 2;
      }
      const snapshot = await loadSnapshot('connectivity', positionals, io, load);
      if (!snapshot) return 2;
      const unplaced = unplacedPods(snapshot);
      if (unplaced) io.stderr(`kubeplan connectivity: pods that fit no node have no connections: ${unplaced} (\`kubeplan simulate\` shows the FailedScheduling reasons)\n`);
      // Streamed: at 100,000 pods the list does not fit one string.
      writeConnectivity(connectivityLines(snapshot, options), format, io.stdout);
      return 0;
    },
  };
}

export const connectivityCommand: CliCommand = createConnectivityCommand();
