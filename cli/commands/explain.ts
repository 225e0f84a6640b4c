/**
 * `kubeplan explain <design|file|dir>... --from <src> --to <dst> [--port N/PROTO]`: the path one
 * request takes through Ingress, Service, kube-proxy and NetworkPolicy, with the verdict and the
 * deciding rule at each hop. With `--pod <ns>/<name>` instead: the scheduler's decision for that
 * pod (explainPod.ts).
 */
import { parseArgs } from 'node:util';
import { NetworkResolver, type NetRequest, type NetworkSnapshot, type Protocol, type RequestResult, type RequestSource, type RequestTarget } from '../../shared/simulation/network';
import { parseIPv4 } from '../../shared/simulation/network/ip';
import { commandHelp } from '../help';
import type { CliCommand } from '../main';
import { getKindInfo, kindAliases } from '../../shared/kinds/registry';
import { loadInputs } from '../../main/core/inputs';
import { loadSnapshot, NETWORK_OPTION_FLAGS, networkOptions, type LoadInputs } from './connectivity';
import { explainPod } from './explainPod';
import { SIMULATION_FLAGS } from './simulate';

const USAGE = commandHelp('explain');

/** The names kubectl accepts for the kinds that own pods (`deploy`, `rs`…); a Pod is named by `pod/`. */
const KINDS = new Map([...kindAliases()].filter(([, kind]) => kind !== 'Pod' && (getKindInfo(kind)?.podTemplatePath !== undefined || getKindInfo(kind)?.scalable)));

export function parseSource(text: string): RequestSource | string {
  if (text === 'external') return { kind: 'external' };
  if (text.startsWith('external:')) {
    const ip = text.slice('external:'.length);
    if (parseIPv4(ip) === undefined) return `--from "${text}": ${invalidIp(ip)}`;
    return { kind: 'external', ip };
  }
  const parts = text.split('/');
  if (parts[0] === 'node' && parts.length === 2) return { kind: 'node', name: parts[1] };
  if (parts.length === 2 && parts[0] && parts[1]) return { kind: 'workload', namespace: parts[0], name: parts[1] };
  if (parts.length === 3) {
    const kind = parts[1].toLowerCase();
    if (kind === 'pod' || kind === 'po') return { kind: 'pod', namespace: parts[0], name: parts[2] };
    if (KINDS.has(kind)) return { kind: 'workload', namespace: parts[0], name: `${KINDS.get(kind)}/${parts[2]}` };
  }
  return `--from "${text}" is not external[:IP], <ns>/<workload>, <ns>/<kind>/<name> or node/<name>`;
}

export function parseTarget(text: string, snapshot: NetworkSnapshot): RequestTarget | string {
  const url = /^https?:\/\/([^/?#]+)(.*)$/.exec(text);
  if (url) return { kind: 'ingress', host: url[1], path: url[2] || '/' };
  const hostPort = /^([^/:]+):(\d+)$/.exec(text);
  if (hostPort) {
    const port = portError(hostPort[2]);
    if (port) return `--to "${text}": ${port}`;
    const node = snapshot.nodes.find((n) => n.name === hostPort[1]);
    if (node) return { kind: 'nodePort', node: node.name, port: Number(hostPort[2]) };
    if (parseIPv4(hostPort[1]) === undefined) return `--to "${text}": "${hostPort[1]}" is no node of the cluster, and ${invalidIp(hostPort[1])}`;
    return { kind: 'address', ip: hostPort[1], port: Number(hostPort[2]) };
  }
  const parts = text.split('/');
  if (parts.length === 2 && parts[0] && parts[1]) {
    if (snapshot.services.some((s) => s.namespace === parts[0] && s.name === parts[1])) return { kind: 'service', namespace: parts[0], name: parts[1] };
    return { kind: 'workload', namespace: parts[0], name: parts[1] };
  }
  if (parts.length === 3) {
    const kind = parts[1].toLowerCase();
    if (kind === 'service' || kind === 'svc') return { kind: 'service', namespace: parts[0], name: parts[2] };
    if (kind === 'pod' || kind === 'po') return { kind: 'pod', namespace: parts[0], name: parts[2] };
    if (KINDS.has(kind)) return { kind: 'workload', namespace: parts[0], name: `${KINDS.get(kind)}/${parts[2]}` };
  }
  return `--to "${text}" is not http://host/path, <ns>/<name>, <ns>/<kind>/<name>, <IP>:<port> or <node>:<port>`;
}

/** `80`, `80/UDP`, `http` (a Service port name) → port and protocol. */
export function parsePort(text: string): { port: number | string; protocol: Protocol } | string {
  const m = /^([A-Za-z0-9-]+)(?:\/(tcp|udp|sctp))?$/i.exec(text);
  if (!m) return `--port "${text}" is not N, N/PROTO or a port name`;
  const protocol = (m[2]?.toUpperCase() ?? 'TCP') as Protocol;
  if (/^\d+$/.test(m[1])) {
    const invalid = portError(m[1]);
    if (invalid) return `--port ${text}: ${invalid}`;
    return { port: Number(m[1]), protocol };
  }
  return { port: m[1], protocol };
}

/** apimachinery's validation.IsValidPortNum, in field.Invalid's words. */
function portError(digits: string): string | undefined {
  const n = Number(digits);
  return n >= 1 && n <= 65535 ? undefined : `Invalid value: ${digits.replace(/^0+(?=\d)/, '')}: must be between 1 and 65535, inclusive`;
}

/** apimachinery's validation.IsValidIP message (the simulated network is IPv4). */
function invalidIp(ip: string): string {
  return `Invalid value: "${ip}": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`;
}

export function formatResult(request: string, result: RequestResult): string {
  const lines = [`Request: ${request}`];
  result.hops.forEach((h, i) => {
    lines.push(`  ${i + 1}. ${h.hop.padEnd(15)} ${h.verdict === 'pass' ? 'PASS' : 'FAIL'}  ${h.reason}`);
  });
  lines.push(`Verdict: ${result.verdict} — ${result.reason}`);
  return `${lines.join('\n')}\n`;
}

export function createExplainCommand(load: LoadInputs = loadInputs): CliCommand {
  return {
    name: 'explain',
    run: async (args, io) => {
      let parsed;
      try {
        parsed = parseArgs({
          args,
          allowPositionals: true,
          options: { from: { type: 'string' }, to: { type: 'string' }, port: { type: 'string' }, seq: { type: 'string' }, pod: { type: 'string' }, json: { type: 'boolean' }, ...NETWORK_OPTION_FLAGS, ...SIMULATION_FLAGS },
        });
      } catch (err) {
        io.stderr(`kubeplan explain: ${(err as Error).message}\n${USAGE}`);
        return 2;
      }
      const { values, positionals } = parsed;
      const fail = (message: string) => {
        io.stderr(`kubeplan explain: ${message}\n`);
        return 2;
      };
      if (positionals.length === 0) return fail(`name at least one design, manifest file or folder\n${USAGE}`);
      if (values.pod !== undefined) {
        if (values.from || values.to || values.port || values.seq) return fail('--pod explains a pod\'s scheduling; it does not go with --from, --to, --port or --seq');
        return explainPod(values, positionals, io, load);
      }
      if (values.scenario || values.seed || values['storage-class']) return fail('--scenario, --seed and --storage-class go with --pod');
      if (!values.from || !values.to) return fail(`--from and --to are required\n${USAGE}`);
      const options = networkOptions(values);
      if (typeof options === 'string') return fail(options);
      const port = values.port === undefined ? undefined : parsePort(values.port);
      if (typeof port === 'string') return fail(port);
      if (values.seq !== undefined && !/^\d+$/.test(values.seq)) return fail(`--seq must be a number, not "${values.seq}"`);
      const snapshot = await loadSnapshot('explain', positionals, io, load);
      if (!snapshot) return 2;
      const from = parseSource(values.from);
      if (typeof from === 'string') return fail(from);
      let to = parseTarget(values.to, snapshot);
      if (typeof to === 'string') return fail(to);
      const request: NetRequest = { from, to, protocol: port?.protocol ?? 'TCP', ...(values.seq !== undefined ? { seq: Number(values.seq) } : {}) };
      if (port) {
        if (to.kind === 'service') to = { ...to, port: port.port };
        else if (typeof port.port === 'number') request.port = port.port;
        else return fail(`--port ${port.port}: a port name only works with a Service destination`);
        request.to = to;
      }
      const result = new NetworkResolver(snapshot, options).resolve(request);
      if (result.verdict === 'not-found') return fail(result.reason);
      const described = `${values.from} → ${values.to}${values.port ? ` port ${values.port}` : ''}`;
      io.stdout(values.json ? `${JSON.stringify({ request: described, ...result }, null, 2)}\n` : formatResult(described, result));
      return result.verdict === 'delivered' ? 0 : 1;
    },
  };
}

export const explainCommand: CliCommand = createExplainCommand();
