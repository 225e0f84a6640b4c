/**
 * `kubectl logs [-f] [-p] (POD | TYPE/NAME | -l SELECTOR) [-c CONTAINER]`: the simulated containers'
 * logs (docs/observability.md), read from the session's observation with kubectl's formats and
 * errors (../../observe/kubectl.ts). Authorised as upstream: `get` on the `pods/log` subresource of
 * each pod (and `list` of pods for `-l`). `TYPE/NAME` of a workload picks its first pod, as
 * kubectl's LogsForObject does (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/logsforobject.go);
 * `-l` reads every matching pod, 10 lines each unless `--tail` says otherwise
 * (staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go).
 *
 * `-f` follows only where the caller gives a log window (the console: it reads on as the timeline
 * moves, docs/kubectl.md "Following logs"); elsewhere a simulated run has ended, so `-f` prints
 * what the containers have written and returns.
 */
import { kubectlLogs } from '../../observe/kubectl';
import type { PodLife } from '../../observe/recorder';
import { exists } from '../../observe/observation';
import { boolFlag, flag } from '../argv';
import { parseTargets, serverError, stub } from '../resources';
import { KubectlError, registerVerb, type VerbContext } from '../types';
import { listObjects, send } from './common';

/** kubectl's `--max-log-requests` default: how many streams `-f` may follow at once. */
const MAX_LOG_REQUESTS = 5;

const UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Go's time.ParseDuration (`5s`, `2m`, `1h30m`, `1.5h`), in seconds; undefined when it does not parse. */
export function goDuration(text: string): number | undefined {
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(text);
  if (!m) return text === '0' ? 0 : undefined;
  let total = 0;
  for (const part of text.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * UNITS[part[2]]!;
  return m[1] === '-' ? -total : total;
}

function intFlag(ctx: VerbContext, name: string): number | undefined {
  const text = flag(ctx.args, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^[-+]?\d+$/.test(text) || !Number.isSafeInteger(n)) throw new KubectlError(`error: invalid argument "${text}" for "--${name}" flag: strconv.ParseInt: parsing "${text}": invalid syntax`);
  return n;
}

/** The pods a command reads: one by name or TYPE/NAME, or every pod `-l` selects. */
function targetPods(ctx: VerbContext, at: number, quiet: boolean): string[] {
  const observation = ctx.env.observation!();
  const ns = ctx.namespace;
  const words = ctx.args.positional;
  const selector = flag(ctx.args, 'selector');
  if (selector !== undefined) {
    if (words.length > 0) throw new KubectlError('error: only a selector (-l) or a POD name is allowed');
    // The live pods the selector matches (a LIST, so RBAC's `list pods`), in name order.
    const listed = new Set(listObjects(ctx, 'Pod', { selector }).map((o) => o.metadata.name));
    return observation.podsAt(at, ns).filter((p) => listed.has(p.name)).map((p) => p.name).sort();
  }
  let pod = words[0]!;
  if (!pod.includes('/')) return [pod];
  const [target] = parseTargets([pod]);
  const name = target?.names[0] ?? '';
  if (target?.kind === 'Pod') return [name];
  const owner = `${target?.kind}/${name}`;
  const r = send(ctx, { verb: 'get', object: stub(target?.kind ?? '', ns, name) });
  if (!r.ok) throw new KubectlError(serverError(r.code, r.message));
  const pods = observation.pods.filter((p: PodLife) => p.namespace === ns && p.owner === owner && exists(p, at)).sort((a, b) => a.created - b.created || a.name.localeCompare(b.name));
  if (pods.length === 0) throw new KubectlError(`error: timed out waiting for the condition`);
  if (pods.length > 1 && !quiet) ctx.err(`Found ${pods.length} pods, using pod/${pods[0]!.name}\n`);
  pod = pods[0]!.name;
  return [pod];
}

registerVerb({
  name: 'logs',
  summary: 'Print the logs for a container in a pod',
  mutates: false,
  boolFlags: ['previous', 'timestamps', 'all-containers', 'prefix', 'follow'],
  valueFlags: ['container', 'tail', 'since', 'max-log-requests'],
  shortFlags: { c: 'container', p: 'previous', f: 'follow' },
  run(ctx) {
    const words = ctx.args.positional;
    const selector = flag(ctx.args, 'selector');
    if (words.length === 0 && selector === undefined) throw new KubectlError("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
    const observation = ctx.env.observation?.();
    if (!observation) throw new KubectlError('error: logs are kept by a live simulation: run kubectl in the console or with kubeplan kubectl');
    const ns = ctx.namespace;
    const follow = boolFlag(ctx.args, 'follow');
    const logWindow = follow ? ctx.env.logWindow : undefined;
    const now = logWindow?.until ?? observation.end;
    const start = logWindow?.start ?? now;
    const continuing = logWindow?.after !== undefined;

    const sinceText = flag(ctx.args, 'since');
    let since: number | undefined;
    if (sinceText !== undefined) {
      const d = goDuration(sinceText);
      if (d === undefined) throw new KubectlError(`error: invalid argument "${sinceText}" for "--since" flag: time: invalid duration "${sinceText}"`);
      // logs.go rounds up to whole seconds and refuses a negative one (LogsOptions.Validate).
      if (d < 0) throw new KubectlError('error: --since must be greater than 0');
      if (d > 0) since = start - Math.ceil(d);
    }
    const tailFlag = intFlag(ctx, 'tail');
    if (tailFlag !== undefined && tailFlag < -1) throw new KubectlError('error: --tail must be greater than or equal to -1');
    // Without --tail, -l shows the last 10 lines of each pod, a pod by name all of them.
    const tail = tailFlag ?? (selector !== undefined ? 10 : -1);
    const maxRequests = intFlag(ctx, 'max-log-requests') ?? MAX_LOG_REQUESTS;

    let pods = continuing && logWindow?.pods ? logWindow.pods : continuing && selector === undefined && !words[0]!.includes('/') ? [words[0]!] : targetPods(ctx, start, continuing);
    // A followed pod a later change removed before the logWindow (a live action runs at the last
    // event, before the steady tail the follow had read): its stream has ended.
    if (continuing) pods = pods.filter((name) => observation.podAt(ns, name, start));
    if (continuing && pods.length === 0) return 0;
    if (pods.length === 0) {
      ctx.err(`No resources found in ${ns} namespace.\n`);
      return 0;
    }
    const container = flag(ctx.args, 'container') ?? (selector === undefined ? words[1] : undefined);
    const allContainers = boolFlag(ctx.args, 'all-containers');
    for (const pod of pods) {
      const auth = send(ctx, { verb: 'get', subresource: 'log', object: stub('Pod', ns, pod) });
      if (!auth.ok) throw new KubectlError(serverError(auth.code, auth.message));
    }
    if (follow) {
      // One stream per pod, or per container with --all-containers (logs.go parallelConsumeRequest).
      const streams = allContainers ? pods.reduce((n, name) => n + (observation.podAt(ns, name, start)?.containers.length ?? 1), 0) : pods.length;
      if (streams > 1 && streams > maxRequests) throw new KubectlError(`error: you are attempting to follow ${streams} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit`);
    }
    let code = 0;
    for (const pod of pods) {
      const out = kubectlLogs(observation, {
        pod,
        namespace: ns,
        ...(container !== undefined ? { container } : {}),
        previous: boolFlag(ctx.args, 'previous'),
        timestamps: boolFlag(ctx.args, 'timestamps'),
        allContainers,
        prefix: boolFlag(ctx.args, 'prefix'),
        ...(!continuing && tail >= 0 ? { tail } : {}),
        ...(!continuing && since !== undefined ? { since } : {}),
        ...(continuing ? { after: logWindow!.after!, quiet: true } : {}),
        time: now,
        podTime: start,
      });
      ctx.out(out.stdout);
      if (out.stderr) ctx.err(out.stderr);
      if (out.exitCode !== 0) return out.exitCode;
      code = out.exitCode;
    }
    // The stream stays open while a followed pod is there (the kubelet ends it with the container).
    if (logWindow && !boolFlag(ctx.args, 'previous') && pods.some((name) => observation.podAt(ns, name, now))) ctx.follow({ start, until: now, pods });
    return code;
  },
});
