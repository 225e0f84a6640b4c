/**
 * `kubeplan explain <design|file|dir>... --pod <ns>/<name>`: run the design on the simulated
 * cluster with the scheduling recorder on for that pod, then print why the scheduler chose its
 * node and why every other node it looked at did not fit (Filter verdicts, Score table).
 */
import { formatSchedulingRecord, simulate, SchedulingRecorder, type SchedulingRecord } from '../../shared/simulation';
import type { CliIo } from '../main';
import type { LoadInputs } from './connectivity';
import { simulationInput } from './simulate';

interface PodValues {
  pod?: string;
  json?: boolean;
  scenario?: string;
  seed?: string;
  'storage-class'?: string;
}

export async function explainPod(values: PodValues, positionals: string[], io: CliIo, load: LoadInputs): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`kubeplan explain: ${message}\n`);
    return 2;
  };
  const wanted = values.pod ?? '';
  const [namespace, name, extra] = wanted.includes('/') ? wanted.split('/') : ['default', wanted];
  if (!namespace || !name || extra !== undefined) return fail(`--pod "${wanted}" is not <ns>/<name> or <name>`);
  const input = await simulationInput('explain', values, positionals, io, (paths) => load(paths, { cwd: io.cwd }));
  if (typeof input === 'number') return input;
  const exact = `${namespace}/${name}`;
  // A workload's pods are `<workload>-<suffix>`: record those too, so `ns/web` explains web's first pod.
  const recorder = new SchedulingRecorder((pod) => pod === exact || pod.startsWith(`${exact}-`));
  const result = simulate(input, recorder);
  const recorded = recorder.recordedPods().sort();
  const pod = recorded.includes(exact) ? exact : recorded[0];
  if (!pod) {
    const exists = result.pods.find((p) => p.namespace === namespace && (p.name === name || p.name.startsWith(`${name}-`)));
    if (exists) return fail(`pod ${namespace}/${exists.name} was never scheduled by the default scheduler (it names its node, or another scheduler)`);
    const names = result.pods.filter((p) => p.namespace === namespace).map((p) => p.name).sort();
    const some = names.length ? `; pods in ${namespace}: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''}` : `; no pods in namespace ${namespace}`;
    return fail(`pod "${exact}" not found after the simulation${some}`);
  }
  const attempts = recorder.attempts(pod);
  const last = attempts[attempts.length - 1];
  if (values.json) io.stdout(`${JSON.stringify({ pod, attempts }, null, 2)}\n`);
  else io.stdout(formatAttempts(pod, exact, attempts));
  return last.selected ? 0 : 1;
}

/** The last attempt in full, the earlier ones as one line each. */
function formatAttempts(pod: string, asked: string, attempts: readonly SchedulingRecord[]): string {
  const last = attempts[attempts.length - 1];
  const lines: string[] = [];
  if (pod !== asked) lines.push(`(${asked} is not a pod: explaining ${pod}, its first pod by name)`);
  for (const a of attempts.slice(0, -1)) lines.push(`Attempt ${a.attempt}${a.time !== undefined ? ` at t=${a.time}s` : ''}: ${a.selected ? `scheduled to ${a.selected}` : a.message}`);
  return `${lines.length ? `${lines.join('\n')}\n\n` : ''}${formatSchedulingRecord(last)}`;
}
