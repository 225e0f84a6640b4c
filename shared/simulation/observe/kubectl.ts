/**
 * `kubectl logs` and `kubectl top pods|nodes` over an observation, as kubectl prints them: the
 * output and the errors (stderr, exit code 1) word for word. Independent of argument parsing: the
 * kubectl verbs parse argv and call these with the options.
 *
 * Upstream: staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go and polymorphichelpers/logsforobject.go
 * (defaulting the container), pkg/registry/core/pod/strategy.go (LogLocation's BadRequest
 * messages), pkg/kubelet/kubelet_pods.go (validateContainerLogStatus), and
 * staging/src/k8s.io/kubectl/pkg/cmd/top/top_pod.go, top_node.go and
 * pkg/metricsutil/metrics_printer.go (columns, `m`/`Mi`, percentages of allocatable). See
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_logs/ and
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_top/.
 */
import { containerLogs, rfc3339Nano } from './logs';
import { METRIC_RESOLUTION, MI, type Observation, type PodUsage } from './observation';
import type { PodLife } from './recorder';

export interface KubectlOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface LogsOptions {
  pod: string;
  /** Default `default`. */
  namespace?: string;
  /** `-c`. */
  container?: string;
  /** `-p`, `--previous`. */
  previous?: boolean;
  /** `--tail`; negative or undefined: every line. */
  tail?: number;
  /** `--timestamps`. */
  timestamps?: boolean;
  /** `--all-containers`. */
  allContainers?: boolean;
  /** `--prefix`: each line starts with `[pod/<name>/<container>]`. */
  prefix?: boolean;
  /**
   * When no container is named in a pod of several, kubectl (1.21 and later) takes the first and
   * says so on stderr (`Defaulted container …`); false asks the API server without a container,
   * which refuses with `a container name must be specified for pod x, choose one of: [a b]`.
   */
  defaultContainer?: boolean;
  /** Simulated seconds; default the present (the run's end and its steady tail, Observation.end). */
  time?: number;
  /** `--since`: only lines at or after this simulated time (applied after `tail`, as the kubelet does). */
  since?: number;
  /** A follow's next read: only lines after this simulated time (the last read's `time`). */
  after?: number;
  /** The time the pod is looked up at (a follow keeps the pod it started on); default `time`. */
  podTime?: number;
  /** Leave out kubectl's notes on stderr (`Defaulted container …`): a follow said them once. */
  quiet?: boolean;
}

export interface TopPodsOptions {
  /** Default `default`. */
  namespace?: string;
  /** `-A`. */
  allNamespaces?: boolean;
  /** `--containers`. */
  containers?: boolean;
  /** One pod by name. */
  name?: string;
  /** `--sort-by cpu|memory`. */
  sortBy?: string;
  /** `--no-headers`. */
  noHeaders?: boolean;
  time?: number;
}

export interface TopNodesOptions {
  name?: string;
  sortBy?: string;
  noHeaders?: boolean;
  time?: number;
}

const ok = (stdout: string, stderr = ''): KubectlOutput => ({ stdout, stderr, exitCode: 0 });
const fail = (stderr: string, stdout = ''): KubectlOutput => ({ stdout, stderr: `${stderr}\n`, exitCode: 1 });

/** `kubectl logs`. */
export function kubectlLogs(obs: Observation, o: LogsOptions): KubectlOutput {
  const ns = o.namespace ?? 'default';
  let t = o.time ?? obs.end;
  const pod = obs.podAt(ns, o.pod, o.podTime ?? t);
  if (!pod) return fail(`Error from server (NotFound): pods "${o.pod}" not found`);
  // A followed pod that went away: its log ends where the pod did.
  if (pod.deletedAt !== undefined && pod.deletedAt <= t) t = pod.deletedAt - 1e-6;
  const names = pod.containers.map((c) => c.name);
  let stderr = '';
  let containers: string[];
  if (o.allContainers) containers = names;
  else if (o.container !== undefined) {
    if (!names.includes(o.container)) return fail(`Error from server (BadRequest): container ${o.container} is not valid for pod ${pod.name}`);
    containers = [o.container];
  } else if (names.length > 1 && o.defaultContainer === false) {
    return fail(`Error from server (BadRequest): a container name must be specified for pod ${pod.name}, choose one of: [${names.join(' ')}]`);
  } else {
    containers = [names[0]];
    if (names.length > 1 && !o.quiet) stderr += `Defaulted container "${names[0]}" out of: ${names.join(', ')}\n`;
  }
  let stdout = '';
  for (const c of containers) {
    const read = containerLogs(obs, pod, c, o.previous === true, t);
    if (!read.ok) return { stdout, stderr: `${stderr}Error from server (BadRequest): ${read.error}\n`, exitCode: 1 };
    // Lines written by `t` (a follow reads up to a moment of the timeline), then --tail, then --since.
    const written = o.time !== undefined ? read.lines.filter((l) => l.time <= t) : read.lines;
    let lines = o.tail !== undefined && o.tail >= 0 ? written.slice(Math.max(0, written.length - o.tail)) : written;
    if (o.since !== undefined || o.after !== undefined) lines = lines.filter((l) => (o.since === undefined || l.time >= o.since) && (o.after === undefined || l.time > o.after));
    for (const l of lines) stdout += `${o.prefix ? `[pod/${pod.name}/${c}] ` : ''}${o.timestamps ? `${rfc3339Nano(l.time)} ` : ''}${l.text}\n`;
  }
  return ok(stdout, stderr);
}

/** A table as kubectl's tab writer lays it out (minwidth 10, padding 3; every cell ends with a tab, so trailing padding stays). */
export function tabTable(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length + 3, 10)));
  return rows.map((r) => `${r.map((cell, i) => cell.padEnd(widths[i])).join('')}\n`).join('');
}

const cores = (m: number) => `${Math.round(m)}m`;
const mebibytes = (b: number) => `${Math.floor(b / MI)}Mi`;

/** The last scrape at or before `t` (metrics-server scrapes every METRIC_RESOLUTION seconds). */
export function scrapeTime(t: number): number {
  return Math.floor(t / METRIC_RESOLUTION) * METRIC_RESOLUTION;
}

/** Go's time.Duration.String() for whole seconds: `2m5s`, `1h0m3s`, `45s`. */
function goDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h) return `${h}h${m}m${r}s`;
  if (m) return `${m}m${r}s`;
  return `${r}s`;
}

/** kubectl's verifyEmptyMetrics: a pod older than 2 minutes with no metrics names itself. */
function emptyMetrics(pods: PodLife[], t: number): string | undefined {
  for (const p of pods) if (t - p.created > 120) return `error: Metrics not available for pod ${p.namespace}/${p.name}, age: ${goDuration(t - p.created)}`;
  return pods.length ? 'error: metrics not available yet' : undefined;
}

/** `kubectl top pods`. */
export function kubectlTopPods(obs: Observation, o: TopPodsOptions): KubectlOutput {
  if (o.sortBy && o.sortBy !== 'cpu' && o.sortBy !== 'memory') return fail('error: --sort-by accepts only cpu or memory');
  const ns = o.namespace ?? 'default';
  const t = o.time ?? obs.end;
  const at = scrapeTime(t);
  let pods: PodLife[];
  if (o.name !== undefined) {
    const p = obs.podAt(ns, o.name, t);
    if (!p) return fail(`Error from server (NotFound): podmetrics.metrics.k8s.io "${ns}/${o.name}" not found`);
    pods = [p];
  } else pods = obs.podsAt(t, o.allNamespaces ? undefined : ns);
  const measured: { p: PodLife; u: PodUsage }[] = [];
  for (const p of pods) {
    const u = obs.podUsage(p, at);
    if (u) measured.push({ p, u });
  }
  if (measured.length === 0) {
    const err = emptyMetrics(pods, t);
    if (err) return fail(err);
    return ok('', o.allNamespaces ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
  }
  measured.sort((a, b) => (a.p.namespace < b.p.namespace ? -1 : a.p.namespace > b.p.namespace ? 1 : a.p.name < b.p.name ? -1 : a.p.name > b.p.name ? 1 : 0));
  if (o.sortBy === 'cpu') measured.sort((a, b) => b.u.cpu - a.u.cpu);
  if (o.sortBy === 'memory') measured.sort((a, b) => b.u.memory - a.u.memory);
  const rows: string[][] = [];
  const lead = o.allNamespaces ? ['NAMESPACE'] : [];
  if (!o.noHeaders) rows.push(o.containers ? [...lead, 'POD', 'NAME', 'CPU(cores)', 'MEMORY(bytes)'] : [...lead, 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
  for (const { p, u } of measured) {
    const first = o.allNamespaces ? [p.namespace] : [];
    if (o.containers) for (const c of u.containers) rows.push([...first, p.name, c.name, cores(c.cpu), mebibytes(c.memory)]);
    else rows.push([...first, p.name, cores(u.cpu), mebibytes(u.memory)]);
  }
  return ok(tabTable(rows));
}

/** `kubectl top nodes`. */
export function kubectlTopNodes(obs: Observation, o: TopNodesOptions = {}): KubectlOutput {
  if (o.sortBy && o.sortBy !== 'cpu' && o.sortBy !== 'memory') return fail('error: --sort-by accepts only cpu or memory');
  const t = o.time ?? obs.end;
  const at = scrapeTime(t);
  let nodes = [...obs.nodes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (o.name !== undefined) {
    nodes = nodes.filter((n) => n.name === o.name);
    if (nodes.length === 0) return fail(`Error from server (NotFound): nodemetrics.metrics.k8s.io "${o.name}" not found`);
  }
  if (nodes.length === 0) return fail('error: metrics not available yet');
  const measured = nodes.map((n) => ({ n, u: obs.nodeUsage(n.name, at) }));
  if (o.sortBy === 'cpu') measured.sort((a, b) => b.u.cpu - a.u.cpu);
  if (o.sortBy === 'memory') measured.sort((a, b) => b.u.memory - a.u.memory);
  const rows: string[][] = o.noHeaders ? [] : [['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']];
  for (const { n, u } of measured) {
    const cpuPct = n.cpu ? Math.trunc((u.cpu / n.cpu) * 100) : 0;
    const memPct = n.memory ? Math.trunc((u.memory / n.memory) * 100) : 0;
    rows.push([n.name, cores(u.cpu), `${cpuPct}%`, mebibytes(u.memory), `${memPct}%`]);
  }
  return ok(tabTable(rows));
}
