/**
 * Container logs: plausible lines written at the moments the recorder saw — start-up (in the
 * manner of the image: nginx, PostgreSQL, Redis, or a generic HTTP service), readiness, one
 * access-log line per request the container serves or refuses (from the traffic), the kubelet's
 * readiness probes, and the end of each run: a crash (exit code 1), completion, or the SIGTERM of
 * a deleted pod (or of `kubectl exec -- kill 1`). A container whose own command exits
 * (shared/simulation/containerCommand.ts) logs just what that command echoes. Deterministic: the
 * same run gives the same lines, byte for byte.
 *
 * Which run `kubectl logs` reads follows the kubelet (pkg/kubelet/kubelet_pods.go,
 * validateContainerLogStatus): the running instance, or the last terminated one while the
 * container waits in CrashLoopBackOff; `--previous` reads the last terminated instance.
 */
import { EPOCH_MS } from '../apiserver';
import { fnv1a } from '../network/hash';
import { exists, type Observation } from './observation';
import type { ContainerRun, ContainerSpecInfo, PodLife } from './recorder';

/** The kubelet rotates a container's log at 10Mi (containerLogMaxSize); the simulation keeps this many lines of a run. */
export const MAX_LOG_LINES = 5000;
/** How often the kubelet's readiness probe calls a container (periodSeconds' default). */
const PROBE_PERIOD = 10;

export interface LogLine {
  /** Simulated seconds, with a sub-second part. */
  time: number;
  text: string;
}

type Flavour = 'nginx' | 'postgres' | 'redis' | 'batch' | 'app';

function flavourOf(image: string): Flavour {
  const base = image.split('/').pop()?.split(/[:@]/)[0] ?? '';
  if (base.includes('nginx') || base === 'httpd' || base.includes('ingress')) return 'nginx';
  if (base.includes('postgres') || base.includes('timescale')) return 'postgres';
  if (base.includes('redis') || base.includes('valkey')) return 'redis';
  if (base === 'busybox' || base === 'alpine' || base === 'perl' || base === 'ubuntu') return 'batch';
  return 'app';
}

/** RFC 3339 with nanoseconds, as `kubectl logs --timestamps` prints it. */
export function rfc3339Nano(t: number): string {
  const whole = Math.floor(t);
  const nanos = Math.round((t - whole) * 1e9);
  return `${new Date(EPOCH_MS + whole * 1000).toISOString().slice(0, 19)}.${String(nanos).padStart(9, '0')}Z`;
}

function iso(t: number): string {
  return new Date(EPOCH_MS + Math.round(t * 1000)).toISOString();
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** nginx's `$time_local`: `01/Jan/2026:00:00:03 +0000`. */
function clf(t: number): string {
  const d = new Date(EPOCH_MS + Math.floor(t) * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** nginx's error-log time: `2026/01/01 00:00:03`. */
function nginxTime(t: number): string {
  return iso(t).slice(0, 19).replace(/-/g, '/').replace('T', ' ');
}

/** A client address for a flow: `10.244.<x>.<y>`, stable per flow. */
function clientIP(flow: string, from: string): string {
  const h = fnv1a(`${flow}/${from}`);
  return `10.244.${h % 4}.${(h >>> 8) % 250 + 2}`;
}

function startLines(f: Flavour, spec: ContainerSpecInfo, p: PodLife, t: number, restart: boolean): LogLine[] {
  const port = spec.ports[0] ?? (f === 'nginx' ? 80 : f === 'postgres' ? 5432 : f === 'redis' ? 6379 : 8080);
  const at = (dt: number, text: string): LogLine => ({ time: t + dt, text });
  switch (f) {
    case 'nginx':
      return [
        at(0.012, '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration'),
        at(0.013, '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/'),
        at(0.015, '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh'),
        at(0.021, '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf'),
        at(0.024, '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf'),
        at(0.031, '/docker-entrypoint.sh: Configuration complete; ready for start up'),
        at(0.041, `${nginxTime(t + 0.041)} [notice] 1#1: using the "epoll" event method`),
        at(0.041, `${nginxTime(t + 0.041)} [notice] 1#1: ${spec.image.includes(':') ? `nginx/${spec.image.split(':').pop()}` : 'nginx/1.27.3'}`),
        at(0.042, `${nginxTime(t + 0.042)} [notice] 1#1: start worker processes`),
        at(0.043, `${nginxTime(t + 0.043)} [notice] 1#1: start worker process 29`),
      ];
    case 'postgres':
      return [
        at(0.05, restart ? '' : 'PostgreSQL Database directory appears to contain a database; Skipping initialization'),
        at(0.11, `${iso(t + 0.11).replace('T', ' ').replace('Z', ' UTC')} [1] LOG:  starting PostgreSQL 16.4 on x86_64-pc-linux-gnu`),
        at(0.12, `${iso(t + 0.12).replace('T', ' ').replace('Z', ' UTC')} [1] LOG:  listening on IPv4 address "0.0.0.0", port ${port}`),
        ...(restart ? [at(0.15, `${iso(t + 0.15).replace('T', ' ').replace('Z', ' UTC')} [27] LOG:  database system was interrupted; last known up at ${iso(t - 1).replace('T', ' ').replace('Z', ' UTC')}`)] : []),
        at(0.21, `${iso(t + 0.21).replace('T', ' ').replace('Z', ' UTC')} [1] LOG:  database system is ready to accept connections`),
      ].filter((l) => l.text !== '');
    case 'redis':
      return [
        at(0.01, `1:C ${redisTime(t + 0.01)} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`),
        at(0.011, `1:M ${redisTime(t + 0.011)} * Server initialized`),
        at(0.012, `1:M ${redisTime(t + 0.012)} * Ready to accept connections tcp`),
      ];
    case 'batch':
      return [at(0.02, `${p.name}: started`)];
    default:
      return [
        at(0.08, `${iso(t + 0.08)} INFO  starting ${spec.name} (${spec.image || 'image'})${restart ? ' after a restart' : ''}`),
        at(0.19, `${iso(t + 0.19)} INFO  loaded configuration from environment`),
        at(0.31, `${iso(t + 0.31)} INFO  listening on :${port}`),
      ];
  }
}

function redisTime(t: number): string {
  const d = new Date(EPOCH_MS + Math.round(t * 1000));
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

function readyLine(f: Flavour, t: number): LogLine | undefined {
  if (f === 'app') return { time: t, text: `${iso(t)} INFO  ready: serving requests` };
  return undefined;
}

function requestLine(f: Flavour, t: number, ip: string, path: string, status: number, seed: number): string {
  // The same page has the same size; a 503 is nginx's error page.
  const bytes = status === 200 ? (path === '/' ? 615 : 200 + (fnv1a(path) % 4000)) : 157;
  const ms = (1 + (seed % 40) / 10).toFixed(1);
  switch (f) {
    case 'nginx':
      return `${ip} - - [${clf(t)}] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "Mozilla/5.0 (X11; Linux x86_64)" "-"`;
    case 'postgres':
      return `${iso(t).replace('T', ' ').replace('Z', ' UTC')} [${100 + (seed % 800)}] LOG:  connection received: host=${ip} port=${40000 + (seed % 20000)}`;
    case 'redis':
      return '';
    default:
      return `${iso(t)} INFO  ${ip} "GET ${path}" ${status} ${bytes}B ${ms}ms`;
  }
}

function probeLine(f: Flavour, t: number, spec: ContainerSpecInfo): string {
  if (f === 'nginx') return `${hostOf()} - - [${clf(t)}] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.34" "-"`;
  if (f === 'app') return `${iso(t)} DEBUG 10.244.0.1 "GET /healthz" 200 2B 0.2ms (kube-probe/1.34, port ${spec.ports[0] ?? 8080})`;
  return '';
}

function hostOf(): string {
  return '10.244.0.1';
}

function endLines(f: Flavour, run: ContainerRun, spec: ContainerSpecInfo): LogLine[] {
  const t = run.end ?? 0;
  const at = (dt: number, text: string): LogLine => ({ time: Math.max(run.start, t - dt), text });
  // A command that exits by itself wrote all it writes at its start; a shell's `exit 1` adds nothing.
  if (spec.commandOutput) return [];
  // Killed by a signal (`kubectl exec -- kill 1`): SIGTERM (143) is the graceful shutdown a deleted
  // pod's container logs; other signals (SIGKILL 137, SIGINT 130…) leave no last words.
  if (run.endReason === 'Error' && run.exitCode !== undefined && run.exitCode > 128) {
    if (run.exitCode !== 143) return [];
    return endLines(f, { ...run, endReason: 'Killed' }, spec);
  }
  if (run.endReason === 'Killed') {
    switch (f) {
      case 'nginx':
        return [at(0.004, `${nginxTime(t)} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down`), at(0.002, `${nginxTime(t)} [notice] 29#29: gracefully shutting down`), at(0.001, `${nginxTime(t)} [notice] 1#1: exit`)];
      case 'postgres':
        return [at(0.003, `${iso(t).replace('T', ' ').replace('Z', ' UTC')} [1] LOG:  received fast shutdown request`), at(0.001, `${iso(t).replace('T', ' ').replace('Z', ' UTC')} [1] LOG:  database system is shut down`)];
      case 'redis':
        return [at(0.002, `1:signal-handler (${Math.floor(EPOCH_MS / 1000 + t)}) Received SIGTERM scheduling shutdown...`), at(0.001, `1:M ${redisTime(t)} # Redis is now ready to exit, bye bye...`)];
      case 'batch':
        return [];
      default:
        return [at(0.003, `${iso(t - 0.003)} INFO  received SIGTERM, shutting down gracefully`), at(0.001, `${iso(t - 0.001)} INFO  server stopped`)];
    }
  }
  if (run.endReason === 'Completed') return [at(0.001, f === 'app' ? `${iso(t - 0.001)} INFO  done` : `${spec.name}: done`)];
  // A crash: the last words of a process that exits with an error.
  switch (f) {
    case 'nginx':
      return [at(0.002, `${nginxTime(t)} [emerg] 1#1: open() "/etc/nginx/conf.d/default.conf" failed (2: No such file or directory)`)];
    case 'postgres':
      return [at(0.002, `${iso(t).replace('T', ' ').replace('Z', ' UTC')} [1] FATAL:  could not open shared memory segment: No such file or directory`)];
    case 'redis':
      return [at(0.002, `1:M ${redisTime(t)} # Fatal error, can't open config file '/etc/redis/redis.conf': No such file or directory`)];
    case 'batch':
      return [at(0.002, `${spec.name}: error: exit status 1`)];
    default:
      return [
        at(0.004, `${iso(t - 0.004)} ERROR unhandled error: connection to upstream lost`),
        at(0.003, 'panic: runtime error: invalid memory address or nil pointer dereference'),
        at(0.002, '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6f4a21]'),
        at(0.001, `exit status ${run.exitCode ?? 1}`),
      ];
  }
}

/** Every line one run of a container wrote, up to time `t` (the last MAX_LOG_LINES of them). */
export function runLines(obs: Observation, p: PodLife, run: ContainerRun, t: number): LogLine[] {
  const spec = p.containers.find((c) => c.name === run.container) ?? p.containers[0];
  const f = flavourOf(spec.image);
  const end = run.end !== undefined && run.end <= t ? run.end : t;
  if (spec.commandOutput) {
    // The container's own command replaced the image's entrypoint: its output is the whole log.
    return spec.commandOutput.map((text, i) => ({ time: run.start + 0.001 * (i + 1), text })).filter((l) => l.time <= t + 0.999);
  }
  const lines: LogLine[] = [
    // What the container's shell wrote before it started the program (shared/simulation/containerCommand.ts).
    ...(spec.prelude ?? []).map((text, i) => ({ time: run.start + 0.0001 * (i + 1), text })),
    ...startLines(f, spec, p, run.start, run.instance > 0),
  ];
  if (run.ready !== undefined && run.ready <= t) {
    // Ready once started: the line follows the start-up lines (the last is at +0.31 s).
    const r = readyLine(f, Math.max(run.ready, run.start + 0.32) + 0.001);
    if (r) lines.push(r);
  }
  const seed = fnv1a(`${p.uid}/${run.container}/${run.instance}`);
  const first = p.containers[0]?.name === run.container;
  // The kubelet's readiness probe, every PROBE_PERIOD seconds while the container runs.
  if (spec.readinessProbe) {
    for (let s = Math.ceil(run.start) + 1; s < end; s += PROBE_PERIOD) {
      const text = probeLine(f, s + 0.5, spec);
      if (text) lines.push({ time: s + 0.5, text });
    }
  }
  if (first && f !== 'batch') {
    // Requests it served or refused, second by second, as the traffic engine sent them (the design's flows and the scenario's).
    const perSecond = new Map<number, { flow: string; from: string; path: string; n: number }[]>();
    const add = (s: number, flow: string, from: string, path: string, n: number) => {
      const list = perSecond.get(s);
      if (list) list.push({ flow, from, path, n });
      else perSecond.set(s, [{ flow, from, path, n }]);
    };
    for (const s of obs.secondsTo(p)) if (s.delivered && s.time >= run.start && s.time < end) add(Math.floor(s.time), s.flow, s.from, s.path, s.requests);
    for (const s of [...perSecond.keys()].sort((a, b) => a - b)) {
      const usage = obs.podUsage(p, s);
      const throttled = usage?.throttled ?? 0;
      const list = perSecond.get(s)!;
      const total = list.reduce((sum, x) => sum + x.n, 0);
      let i = 0;
      for (const x of list) {
        const ip = clientIP(x.flow, x.from);
        for (let k = 0; k < x.n; k++, i++) {
          const at = s + (i + 0.5) / (total + 1);
          // The throttled share is refused: every request whose slot falls in it.
          const refused = throttled > 0 && ((i * 0.618034) % 1) < throttled;
          const text = requestLine(f, at, ip, x.path, refused ? 503 : 200, (seed + i * 2654435761 + s) >>> 0);
          if (text) lines.push({ time: at, text });
        }
      }
    }
  }
  if (run.end !== undefined && run.end <= t) lines.push(...endLines(f, run, spec));
  lines.sort((a, b) => a.time - b.time);
  const kept = lines.filter((l) => l.time <= t + 0.999);
  return kept.length > MAX_LOG_LINES ? kept.slice(kept.length - MAX_LOG_LINES) : kept;
}

export type LogRead = { ok: true; lines: LogLine[] } | { ok: false; error: string };

/**
 * The lines `kubectl logs` shows for one container at time `t`: the current run (or, while it
 * waits to restart, the last one), or the previous run with `previous`. Errors are the kubelet's.
 */
export function containerLogs(obs: Observation, p: PodLife, container: string, previous: boolean, t: number): LogRead {
  const runs = p.runs.filter((r) => r.container === container && r.start <= t);
  const last = runs[runs.length - 1];
  const running = last && (last.end === undefined || last.end > t);
  if (previous) {
    const prev = running ? runs[runs.length - 2] : last;
    if (!prev) return { ok: false, error: `previous terminated container "${container}" in pod "${p.name}" not found` };
    return { ok: true, lines: runLines(obs, p, prev, t) };
  }
  if (!last) return { ok: false, error: `container "${container}" in pod "${p.name}" is waiting to start: ContainerCreating` };
  if (!exists(p, t)) return { ok: true, lines: [] };
  return { ok: true, lines: runLines(obs, p, last, t) };
}
