/**
 * Scenario files (docs/scenarios.md): YAML with a list of timed steps. Parsing is pure; files an
 * `apply` step names are left for the caller to read (relative to the scenario file).
 */
import { load } from 'js-yaml';
import { kindAliases } from '../kinds/registry';
import { parseManifests } from '../manifests';
import { MAX_ALIASES, MAX_DEPTH } from '../manifests/limits';
import { prototypeKeyMessage, prototypeKeyPath } from '../model/keys';
import { isPlainObject } from '../model/object';
import { commandWords } from './kubectl/run';
import { formatSeconds, SIMULATION_LIMITS } from './limits';
import type { Scenario, ScenarioStep, TrafficFlowSpec } from './types';

export interface ScenarioError {
  file: string;
  line?: number;
  message: string;
}

export type ParsedScenario = { scenario: Scenario } | { error: ScenarioError };

/** `deployment/web`, `deploy/web` or `Deployment/web` → kind and name, as kubectl reads them. */
export function parseTarget(target: string): { kind: string; name: string } | undefined {
  const i = target.indexOf('/');
  if (i <= 0) return undefined;
  const k = target.slice(0, i);
  const kind = kindAliases().get(k.toLowerCase().replace(/\.apps$|\.batch$/, '')) ?? (/^[A-Z]/.test(k) ? k : undefined);
  return kind ? { kind, name: target.slice(i + 1) } : undefined;
}

/** `30s`, `2m`, `1h`, or a number of seconds. */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number' && v >= 0) return v;
  if (typeof v !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return Math.ceil(unit === 'ms' ? n / 1000 : unit === 'm' ? n * 60 : unit === 'h' ? n * 3600 : n);
}

class StepError extends Error {}

function str(o: Record<string, unknown>, key: string, what: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '') throw new StepError(`${what}: "${key}" must be a non-empty string`);
  return v;
}

function targetOf(o: Record<string, unknown>, what: string): { kind: string; name: string; namespace: string } {
  const t = parseTarget(str(o, 'target', what));
  if (!t) throw new StepError(`${what}: target must look like deployment/web`);
  return { ...t, namespace: typeof o.namespace === 'string' ? o.namespace : 'default' };
}

function stepLines(text: string): number[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^steps\s*:/.test(l));
  if (start < 0) return [];
  let indent = -1;
  const out: number[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const m = /^(\s*)-\s/.exec(lines[i]);
    if (/^\S/.test(lines[i]) && !lines[i].startsWith('-') && !lines[i].startsWith('#')) break;
    if (!m) continue;
    if (indent < 0) indent = m[1].length;
    if (m[1].length === indent) out.push(i + 1);
  }
  return out;
}

/** A step with its `user:` (a key beside the action: `- scale: {…}` and `user: dev`). */
function parseStep(raw: unknown, line: number | undefined): ScenarioStep {
  const step = parseAction(raw, line);
  if (!isPlainObject(raw) || !('user' in raw)) return step;
  if (typeof raw.user !== 'string' || raw.user === '') throw new StepError('user: give the name of a user of the cluster, like "dev"');
  return { ...step, user: raw.user };
}

function parseAction(raw: unknown, line: number | undefined): ScenarioStep {
  if (typeof raw === 'string' && raw === 'applyAgain') return { action: 'applyAgain', line };
  if (!isPlainObject(raw)) throw new StepError('a step must be a mapping like "wait: 10s"');
  const keys = Object.keys(raw).filter((k) => k !== 'user');
  if (keys.length !== 1) throw new StepError(`a step has exactly one action, found ${keys.length ? keys.join(', ') : 'none'}`);
  const action = keys[0];
  const v = raw[action];
  const obj = isPlainObject(v) ? v : {};
  switch (action) {
    case 'wait': {
      if (v === 'steady') return { action: 'wait', steady: true, line };
      const seconds = parseDuration(v);
      if (seconds === undefined) throw new StepError('wait: use a duration like 30s or 2m, or "steady"');
      if (!(seconds <= SIMULATION_LIMITS.simulatedSeconds)) throw new StepError(`wait: ${String(v)} is longer than the ${formatSeconds(SIMULATION_LIMITS.simulatedSeconds)} of simulated time one run may cover`);
      return { action: 'wait', seconds, line };
    }
    case 'apply': {
      if (typeof v === 'string') return { action: 'apply', objects: [], files: [v], line };
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return { action: 'apply', objects: [], files: v as string[], line };
      if (isPlainObject(v) && typeof v.manifests === 'string') {
        // The same parser and limits (size, depth, aliases) as manifest files.
        const parsed = parseManifests(v.manifests, 'manifests');
        const [first] = parsed.errors;
        if (first) throw new StepError(`apply: manifests${first.line ? `, line ${first.line} of the block` : ''}: ${first.message}`);
        return { action: 'apply', objects: parsed.objects.map((o) => o.object), line };
      }
      throw new StepError('apply: give a file, a list of files, or "manifests: |" with YAML');
    }
    case 'applyAgain':
      return { action: 'applyAgain', line };
    case 'scale': {
      const t = targetOf(obj, 'scale');
      if (!Number.isInteger(obj.replicas) || (obj.replicas as number) < 0) throw new StepError('scale: "replicas" must be a whole number ≥ 0');
      return { action: 'scale', ...t, replicas: obj.replicas as number, line };
    }
    case 'setImage': {
      const t = targetOf(obj, 'setImage');
      return { action: 'setImage', ...t, image: str(obj, 'image', 'setImage'), ...(typeof obj.container === 'string' ? { container: obj.container } : {}), line };
    }
    case 'rollback': {
      const t = targetOf(obj, 'rollback');
      return { action: 'rollback', ...t, ...(Number.isInteger(obj.toRevision) ? { toRevision: obj.toRevision as number } : {}), line };
    }
    case 'deletePod': {
      const namespace = typeof obj.namespace === 'string' ? obj.namespace : 'default';
      if (typeof obj.name === 'string') return { action: 'deletePod', namespace, name: obj.name, line };
      const owner = parseTarget(str(obj, 'owner', 'deletePod'));
      if (!owner) throw new StepError('deletePod: owner must look like deployment/web');
      return { action: 'deletePod', namespace, owner: `${owner.kind}/${owner.name}`, line };
    }
    case 'crash': {
      const namespace = typeof obj.namespace === 'string' ? obj.namespace : 'default';
      const container = typeof obj.container === 'string' ? { container: obj.container } : {};
      if (typeof obj.name === 'string') return { action: 'crash', namespace, name: obj.name, ...container, line };
      const owner = parseTarget(str(obj, 'owner', 'crash'));
      if (!owner) throw new StepError('crash: owner must look like deployment/web');
      return { action: 'crash', namespace, owner: `${owner.kind}/${owner.name}`, ...container, line };
    }
    case 'delete':
      return { action: 'delete', ...targetOf(obj, 'delete'), line };
    case 'cordon':
    case 'uncordon':
    case 'drain':
      if (typeof v !== 'string') throw new StepError(`${action}: give the node name`);
      return { action, node: v, line };
    case 'addNode': {
      const name = str(obj, 'name', 'addNode');
      return {
        action: 'addNode', line,
        node: {
          name, cpu: String(obj.cpu ?? '4'), memory: String(obj.memory ?? '8Gi'), pods: Number(obj.pods ?? 110),
          ...(typeof obj.zone === 'string' ? { zone: obj.zone } : {}),
          ...(isPlainObject(obj.labels) ? { labels: obj.labels as Record<string, string> } : {}),
        },
      };
    }
    case 'setLoad': {
      const t = targetOf(obj, 'setLoad');
      const cpu = String(obj.cpu ?? '');
      if (!/^\d+(m)?$/.test(cpu)) throw new StepError('setLoad: "cpu" is the total CPU the workload is asked for, like 1500m or 2');
      return { action: 'setLoad', ...t, cpu, line };
    }
    case 'startTraffic': {
      const rate = Number(obj.rate ?? 1);
      if (!Number.isInteger(rate) || rate < 0) throw new StepError('startTraffic: "rate" is whole requests per second');
      if (rate > SIMULATION_LIMITS.trafficRatePerFlow) throw new StepError(`startTraffic: rate ${rate} is over the ${SIMULATION_LIMITS.trafficRatePerFlow.toLocaleString('en-US')} requests per second one flow may send`);
      const flow: TrafficFlowSpec = { name: str(obj, 'name', 'startTraffic'), from: str(obj, 'from', 'startTraffic'), to: str(obj, 'to', 'startTraffic'), rate };
      if (obj.protocol === 'TCP' || obj.protocol === 'UDP' || obj.protocol === 'SCTP') flow.protocol = obj.protocol;
      return { action: 'startTraffic', flow, line };
    }
    case 'stopTraffic':
      if (typeof v !== 'string') throw new StepError('stopTraffic: give the flow name');
      return { action: 'stopTraffic', name: v, line };
    case 'kubectl': {
      // `kubectl: scale deploy/web --replicas=3 -n shop`, or `{command: "…", context: dev}` to run as another user.
      const command = typeof v === 'string' ? v : typeof obj.command === 'string' ? obj.command : undefined;
      if (command === undefined) throw new StepError('kubectl: give the command line, like "scale deploy/web --replicas=3 -n shop"');
      let argv: string[];
      try {
        argv = commandWords(command);
      } catch (err) {
        throw new StepError(`kubectl: ${err instanceof Error ? err.message.replace(/^error: /, '') : String(err)}`);
      }
      if (argv.length === 0) throw new StepError('kubectl: the command line is empty');
      return { action: 'kubectl', argv, ...(typeof obj.context === 'string' ? { context: obj.context } : {}), line };
    }
    default:
      throw new StepError(`unknown step "${action}" (known: wait, apply, applyAgain, scale, setImage, rollback, deletePod, crash, delete, cordon, uncordon, drain, addNode, setLoad, startTraffic, stopTraffic, kubectl)`);
  }
}

export function parseScenario(text: string, file: string): ParsedScenario {
  let doc: unknown;
  try {
    doc = load(text, { maxAliases: MAX_ALIASES, maxDepth: MAX_DEPTH });
  } catch (err) {
    const mark = (err as { mark?: { line?: number } }).mark;
    const reason = (err as { reason?: string }).reason ?? (err instanceof Error ? err.message.split('\n')[0] : String(err));
    return { error: { file, ...(mark?.line !== undefined ? { line: mark.line + 1 } : {}), message: reason } };
  }
  const reserved = prototypeKeyPath(doc);
  if (reserved) return { error: { file, line: 1, message: prototypeKeyMessage(reserved) } };
  if (!isPlainObject(doc) || !Array.isArray(doc.steps)) return { error: { file, line: 1, message: 'a scenario is a mapping with a "steps" list' } };
  const lines = stepLines(text);
  // Flow-style lists (`steps: [...]`) have no line per step: point at the `steps:` line instead.
  const stepsLine = text.split(/\r?\n/).findIndex((l) => /^steps\s*:/.test(l)) + 1 || undefined;
  const steps: ScenarioStep[] = [];
  for (const [i, raw] of doc.steps.entries()) {
    try {
      steps.push(parseStep(raw, lines[i]));
    } catch (err) {
      const line = lines[i] ?? stepsLine;
      if (err instanceof StepError || err instanceof Error) return { error: { file, ...(line ? { line } : {}), message: `step ${i + 1}: ${err.message.split('\n')[0]}` } };
      throw err;
    }
  }
  if (doc.user !== undefined && (typeof doc.user !== 'string' || doc.user === '')) {
    const userLine = text.split(/\r?\n/).findIndex((l) => /^user\s*:/.test(l)) + 1;
    return { error: { file, ...(userLine ? { line: userLine } : {}), message: 'user: give the name of a user of the cluster, like "dev"' } };
  }
  return {
    scenario: {
      ...(typeof doc.name === 'string' ? { name: doc.name } : {}),
      ...(typeof doc.user === 'string' ? { user: doc.user } : {}),
      ...(doc.applyInputs === false ? { applyInputs: false } : {}),
      steps,
    },
  };
}
