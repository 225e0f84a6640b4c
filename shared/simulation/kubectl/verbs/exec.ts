/**
 * `kubectl exec POD [-c CONTAINER] -- COMMAND…`: a few commands run in the simulated container —
 * `env` (the container's environment as the kubelet builds it), `cat`/`ls` of mounted ConfigMap
 * and Secret files, `hostname`, and `wget`/`curl` to a Service, a pod IP or a name, resolved by the
 * simulated network and its NetworkPolicies (docs/traffic.md), and `kill 1` (a signal to the
 * container's main process: it exits and the kubelet restarts it, docs/simulator.md "Crash loops").
 * Other commands are not found.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../model/object';
import { topOwner } from '../../report';
import { networkSnapshot } from '../../traffic';
import { NetworkResolver, type RequestTarget } from '../../network';
import { isActive } from '../../controllers/util';
import { flag } from '../argv';
import { lookupKind, serverError, stub } from '../resources';
import { KubectlError, registerVerb, type VerbContext } from '../types';
import { getObject, listObjects, send } from './common';
import { configData, declaredEnv } from '../../containerEnv';
import { keyFor } from '../../store';

/** The environment the kubelet gives the container (kubelet_pods.go makeEnvironmentVariables), in `env`'s order. */
function environment(ctx: VerbContext, pod: KubeObject, ct: Container): string[] {
  const ns = pod.metadata.namespace ?? 'default';
  const vars: [string, string][] = [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOSTNAME', pod.metadata.name]];
  vars.push(...declaredEnv(ctx.cluster, pod, ct));
  // Service links (enableServiceLinks, default true): {SVC}_SERVICE_HOST / _PORT for the namespace's Services.
  if ((pod.spec as Pod['spec'])?.enableServiceLinks !== false) {
    for (const s of ctx.cluster.store.list('Service', ns)) {
      const spec = s.spec as { clusterIP?: string; ports?: { port: number; protocol?: string }[] } | undefined;
      if (!spec?.clusterIP || spec.clusterIP === 'None' || !spec.ports?.length) continue;
      const p = s.metadata.name.toUpperCase().replace(/-/g, '_');
      const port = spec.ports[0];
      vars.push([`${p}_SERVICE_HOST`, spec.clusterIP], [`${p}_SERVICE_PORT`, String(port.port)], [`${p}_PORT`, `${(port.protocol ?? 'TCP').toLowerCase()}://${spec.clusterIP}:${port.port}`]);
    }
  }
  // The simulated cluster has no `kubernetes` Service in `default`, so no KUBERNETES_* variables.
  vars.push(['HOME', '/root']);
  return vars.map(([k, v]) => `${k}=${v}`);
}

/** Files of the container's ConfigMap and Secret volume mounts: absolute path → content. */
function mountedFiles(ctx: VerbContext, pod: KubeObject, ct: Container): Map<string, string> {
  const ns = pod.metadata.namespace ?? 'default';
  const volumes = (pod.spec as Pod['spec'])?.volumes ?? [];
  const files = new Map<string, string>();
  for (const m of ct.volumeMounts ?? []) {
    const v = volumes.find((x) => x.name === m.name);
    const src = v?.configMap ? { data: configData(ctx.cluster, 'ConfigMap', ns, v.configMap.name ?? ''), items: v.configMap.items } : v?.secret ? { data: configData(ctx.cluster, 'Secret', ns, v.secret.secretName ?? ''), items: v.secret.items } : undefined;
    if (!src?.data) continue;
    const base = m.mountPath.replace(/\/+$/, '');
    if (m.subPath) {
      if (src.data[m.subPath] !== undefined) files.set(base, src.data[m.subPath]);
      continue;
    }
    const items = src.items?.length ? src.items.map((i) => [i.path, src.data?.[i.key]] as const) : Object.entries(src.data);
    for (const [path, content] of items) if (content !== undefined) files.set(`${base}/${path}`, content);
  }
  return files;
}

/** The pod `exec` runs in: a pod name, or `TYPE/NAME` (the first active pod of that workload). */
function targetPod(ctx: VerbContext, ref: string): KubeObject {
  const slash = ref.indexOf('/');
  if (slash < 0) return getObject(ctx, 'Pod', ref);
  const kind = lookupKind(ref.slice(0, slash));
  if (!kind) throw new KubectlError(`error: the server doesn't have a resource type "${ref.slice(0, slash)}"`);
  const name = ref.slice(slash + 1);
  if (kind === 'Pod') return getObject(ctx, 'Pod', name);
  getObject(ctx, kind, name);
  const pods = listObjects(ctx, 'Pod').filter((p) => isActive(p) && topOwner(ctx.cluster, p) === `${kind}/${name}`);
  if (pods.length === 0) throw new KubectlError(`error: cannot exec into a ${kind.toLowerCase()} with no running pods`);
  return pods[0];
}

interface Url { host: string; port: number; path: string }

function parseUrl(text: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(text);
  if (!m) return undefined;
  return { host: m[2], port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80, path: m[4] ?? '/' };
}

/** Cluster DNS (kubernetes.io "DNS for Services and Pods"): `svc`, `svc.ns`, `svc.ns.svc`, `svc.ns.svc.cluster.local`, or an IP. */
function resolveHost(ctx: VerbContext, host: string, ns: string, port: number): RequestTarget | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return { kind: 'address', ip: host, port };
  const parts = host.replace(/\.cluster\.local$/, '').replace(/\.svc$/, '').split('.');
  if (parts.length > 2) return undefined;
  const [name, namespace = ns] = parts;
  if (!ctx.cluster.store.getBy('Service', namespace, name)) return undefined;
  return { kind: 'service', namespace, name, port };
}

function fetchUrl(ctx: VerbContext, pod: KubeObject, tool: 'curl' | 'wget', args: string[]): { out: string; code: number } {
  const urlArg = args.find((a) => !a.startsWith('-') && /[.:/]|^[a-z0-9-]+$/.test(a) && a !== '-') ?? '';
  const url = parseUrl(urlArg);
  if (!url) return tool === 'curl' ? { out: `curl: (3) URL rejected: Malformed input to a URL function\n`, code: 3 } : { out: `wget: bad address '${urlArg}'\n`, code: 1 };
  const ns = pod.metadata.namespace ?? 'default';
  const target = resolveHost(ctx, url.host, ns, url.port);
  if (!target) return tool === 'curl' ? { out: `curl: (6) Could not resolve host: ${url.host}\n`, code: 6 } : { out: `wget: bad address '${url.host}:${url.port}'\n`, code: 1 };
  const resolver = new NetworkResolver(networkSnapshot(ctx.cluster));
  const r = resolver.resolve({ from: { kind: 'pod', namespace: ns, name: pod.metadata.name }, to: target });
  if (r.verdict === 'delivered') {
    const dest = r.pod ? `${r.pod.namespace}/${r.pod.name}` : url.host;
    // The simulated server answers with who served the request (no application runs).
    return { out: `${tool === 'wget' ? `Connecting to ${url.host}:${url.port}\n` : ''}Simulated response from ${dest} (port ${r.port ?? url.port}) for ${url.path}\n`, code: 0 };
  }
  if (r.verdict === 'denied') {
    // A NetworkPolicy drops the packets: the client waits until its timeout.
    return tool === 'curl' ? { out: `curl: (28) Failed to connect to ${url.host} port ${url.port} after 10002 ms: Timeout was reached\n`, code: 28 } : { out: `wget: download timed out\n`, code: 1 };
  }
  return tool === 'curl' ? { out: `curl: (7) Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server\n`, code: 7 } : { out: `wget: can't connect to remote host: Connection refused\n`, code: 1 };
}

/** Signal names and numbers `kill` takes (busybox and procps agree on these). */
const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15 };

/**
 * `kill [-SIGNAL | -s SIGNAL] PID…` → the signal number and the pids, or an error line. A process
 * that dies of signal n exits with 128 + n (143 for SIGTERM, 137 for SIGKILL).
 */
export function parseKill(args: readonly string[]): { signal: number; pids: string[] } | { error: string } {
  let signal = SIGNALS.TERM;
  let i = 0;
  const named = (v: string): number | undefined => (/^\d+$/.test(v) ? Number(v) : SIGNALS[v.toUpperCase().replace(/^SIG/, '')]);
  if (args[0] === '-s' || args[0] === '-n') {
    const n = named(args[1] ?? '');
    if (n === undefined) return { error: `kill: unknown signal '${args[1] ?? ''}'` };
    signal = n;
    i = 2;
  } else if (args[0]?.startsWith('-') && args[0] !== '--') {
    const n = named(args[0].slice(1));
    if (n === undefined) return { error: `kill: unknown signal '${args[0].slice(1)}'` };
    signal = n;
    i = 1;
  }
  if (args[i] === '--') i++;
  const pids = args.slice(i);
  if (pids.length === 0) return { error: 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]' };
  return { signal, pids };
}

/** The command words of an exec (after `--`, or after the pod). */
function execCommand(args: VerbContext['args']): string[] {
  return args.rest.length ? args.rest : args.positional.slice(1);
}

registerVerb({
  name: 'exec',
  summary: 'Execute a command in a container (env, cat, ls, hostname, wget, curl, kill 1)',
  // `kill 1` ends the container's process: the kubelet restarts it, so the command runs as a live step.
  mutates: (args) => execCommand(args)[0]?.replace(/^\/(usr\/)?bin\//, '') === 'kill',
  boolFlags: ['stdin', 'tty', 'quiet'],
  valueFlags: ['container'],
  shortFlags: { c: 'container', i: 'stdin', t: 'tty', q: 'quiet' },
  run(ctx) {
    const [ref, ...extra] = ctx.args.positional;
    if (!ref) throw new KubectlError("error: you must specify at least one command for the container");
    const command = ctx.args.rest.length ? ctx.args.rest : extra;
    if (command.length === 0) throw new KubectlError('error: you must specify at least one command for the container');
    const pod = targetPod(ctx, ref);
    const ns = pod.metadata.namespace ?? 'default';
    const exec = send(ctx, { verb: 'get', authVerb: 'create', subresource: 'exec', object: stub('Pod', ns, pod.metadata.name) });
    if (!exec.ok) throw new KubectlError(serverError(exec.code, exec.message));
    const containers = (pod.spec as Pod['spec'])?.containers ?? [];
    const cname = flag(ctx.args, 'container') ?? pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? containers[0]?.name;
    const ct = containers.find((x) => x.name === cname);
    if (!ct) throw new KubectlError(`Error from server (BadRequest): container ${cname} is not valid for pod ${pod.metadata.name}`);
    const phase = (pod.status as Pod['status'])?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
    const running = (pod.status as Pod['status'])?.containerStatuses?.find((x) => x.name === cname)?.state?.running;
    if (!running) throw new KubectlError(`error: unable to upgrade connection: container not found ("${cname}")`);
    const [prog, ...args] = command;
    const finish = (out: string, code: number) => {
      ctx.out(out);
      if (code !== 0) throw new KubectlError(`command terminated with exit code ${code}`, code);
      return 0;
    };
    switch (prog.replace(/^\/(usr\/)?bin\//, '')) {
      case 'env':
      case 'printenv':
        return finish(environment(ctx, pod, ct).map((l) => `${l}\n`).join(''), 0);
      case 'hostname':
        return finish(`${pod.metadata.name}\n`, 0);
      case 'cat': {
        const files = mountedFiles(ctx, pod, ct);
        let out = '';
        let code = 0;
        for (const path of args) {
          const content = files.get(path.replace(/\/+$/, ''));
          if (content === undefined) {
            out += `cat: ${path}: No such file or directory\n`;
            code = 1;
          } else out += content;
        }
        return finish(out, code);
      }
      case 'ls': {
        const files = mountedFiles(ctx, pod, ct);
        const dir = (args.find((a) => !a.startsWith('-')) ?? '/').replace(/\/+$/, '');
        const names = [...new Set([...files.keys()].filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1).split('/')[0]))].sort();
        if (names.length === 0) return finish(`ls: ${dir || '/'}: No such file or directory\n`, 1);
        return finish(names.map((n) => `${n}\n`).join(''), 0);
      }
      case 'curl':
      case 'wget': {
        const r = fetchUrl(ctx, pod, prog.endsWith('curl') ? 'curl' : 'wget', args);
        return finish(r.out, r.code);
      }
      case 'kill': {
        const k = parseKill(args);
        if ('error' in k) return finish(`${k.error}\n`, 1);
        let out = '';
        let code = 0;
        for (const pid of k.pids) {
          if (pid === '1') continue;
          // The simulated container runs one process: PID 1.
          out += `sh: can't kill pid ${pid}: No such process\n`;
          code = 1;
        }
        // Signal 0 only asks whether the process exists.
        if (k.pids.includes('1') && k.signal !== 0) {
          const err = ctx.cluster.killContainer?.(keyFor('Pod', ns, pod.metadata.name), ct.name, 128 + k.signal);
          if (err) throw new KubectlError(`error: ${err}`);
        }
        return finish(out, code);
      }
      default:
        ctx.err(`error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "simulated": OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog}": executable file not found in $PATH: unknown\n`);
        return 1;
    }
  },
});
