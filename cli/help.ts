/**
 * The help of every `kubeplan` command, in one style, and the top-level help. Plain data with no
 * imports, so `kubeplan --help` and `kubeplan <command> --help` load no command code.
 */

export interface CommandHelp {
  name: string;
  /** What follows `kubeplan <name>` on the usage line. */
  args: string;
  /** One line, shown in the command list and under the usage line. */
  summary: string;
  /** Further lines of explanation, shown only in the command's own help. */
  details?: string;
  /** [flags, explanation]; `-h, --help` is added to every command. */
  options: readonly (readonly [string, string])[];
  /** What each exit status means. */
  exit: string;
}

const NETWORK_OPTIONS = [
  ['--ipblock-matches-pods', 'let ipBlock peers match pod IPs (plugin-dependent; default: never)'],
  ['--pod-to-self allowed|evaluated', 'a pod reaching its own IP (default: allowed)'],
  ['--hairpin evaluated|allowed', 'a pod reaching itself through a Service (default: evaluated)'],
  ['--nodeport-source client|node', 'who NodePort traffic comes from (default: client)'],
] as const;

export const HELP = {
  export: {
    name: 'export',
    args: '<design|files|dirs>... [-o <file.yaml>|<dir>/|-] [--clean] [--force]',
    summary: 'Write Kubernetes YAML in apply order (stdout, one file, or one file per namespace)',
    details: 'Nothing is written when an input cannot be read or -o names an input or a non-file.',
    options: [
      ['-o, --output <file.yaml>|<dir>/|-', 'write to this file, or one file per namespace into this folder (- for standard output)'],
      ['--clean', 'remove files an earlier export wrote into the folder that this export no longer writes'],
      ['--force', 'write even when -o names one of the inputs'],
    ],
    exit: '0 exported; 2 unreadable input, refused -o or bad usage.',
  },
  import: {
    name: 'import',
    args: '<file|dir>... [-o <design.kubeplan.yaml>|-] [--name <name>] [--force]',
    summary: 'Read YAML/JSON manifests (files or folders) into a laid-out design file',
    details: 'Objects are kept exactly as read; a design among the inputs keeps its layout, cluster and name.',
    options: [
      ['-o, --output <design.kubeplan.yaml>|-', 'write the design to this file (- for standard output)'],
      ['--name <name>', 'name of the design (default: from the output file name)'],
      ['--force', 'write even when -o names one of the inputs'],
    ],
    exit: '0 imported; 2 unreadable input, refused -o or bad usage.',
  },
  validate: {
    name: 'validate',
    args: '<design|file|dir>... [--json]',
    summary: 'Check designs and manifests: schema, names, duplicates, broken references',
    options: [['--json', 'print the report as JSON']],
    exit: '0 no errors (warnings allowed); 1 errors found; 2 unreadable input or bad usage.',
  },
  simulate: {
    name: 'simulate',
    args: '<design|file|dir>... [--scenario <file>] [--seed N] [--storage-class <name>] [--json]',
    summary: 'Run a design on a simulated cluster and print its pods and events, as kubectl would',
    details: 'Runs to steady state, or through the steps of a scenario.',
    options: [
      ['--scenario <file>', 'play the steps of this scenario file after applying the inputs'],
      ['--seed N', 'seed of the simulation, 0 to 4294967295 (default: 1)'],
      ['--storage-class <name>', 'the cluster\'s default StorageClass'],
      ['--json', 'print the whole result as one JSON object'],
    ],
    exit: '0 simulated; 1 an object or a scenario step failed; 2 unreadable input or bad usage.',
  },
  connectivity: {
    name: 'connectivity',
    args: '<design|file|dir>... [--format txt|json]',
    summary: 'List the allowed connections between workloads, Ingress and external ranges',
    details: [
      'One line per ordered pair, `src => dst : conns`, in netpol-analyzer\'s connectivity-list format.',
      'Pods run as their workloads\' replicas (every pod Ready), DaemonSets once per node, placed by the',
      'simulator\'s scheduler (resources, taints, node affinity, host ports, topology spread; volumes are',
      'not considered). Pods that fit no node are listed on stderr and have no connections.',
    ].join('\n'),
    options: [['--format txt|json', 'txt lines (default) or [{src, dst, conn}]'], ...NETWORK_OPTIONS],
    exit: '0 listed; 2 unreadable input or bad usage.',
  },
  explain: {
    name: 'explain',
    args: '<design|file|dir>... (--from <source> --to <destination> [--port N[/PROTO]] | --pod <ns>/<name>) [--json]',
    summary: 'Follow one request hop by hop, or show why the scheduler put a pod where it did',
    details: [
      'With --from/--to: each hop\'s verdict and the rule that decided it (ingress, service, endpoint,',
      'policy-egress, policy-ingress, pod).',
      'With --pod: runs the design as `kubeplan simulate` does (same seed, same pod names) and prints each',
      'scheduler Filter plugin\'s verdict on every node it looked at, and each Score plugin\'s raw and',
      'normalised score with the weighted total.',
    ].join('\n'),
    options: [
      ['--from <source>', 'external[:IP] | <ns>/<workload> | <ns>/<kind>/<name> (kind: pod, deployment, …) | node/<name>'],
      ['--to <destination>', 'http://<host>/<path> (through the Ingress) | <ns>/<service-or-workload> (a Service of that name wins) | <ns>/<kind>/<name> (kind: service, pod, deployment, …) | <IP>:<port> | <node>:<nodePort>'],
      ['--port N[/TCP|UDP|SCTP]', 'Service port (number or name) or pod port; protocol defaults to TCP'],
      ['--seq N', 'pick the N-th ready endpoint instead of the first'],
      ['--pod <ns>/<name>', 'a pod name as `kubeplan simulate` prints it; <ns>/<workload> takes the workload\'s first pod (by name); the namespace defaults to default'],
      ['--scenario <file>, --seed N, --storage-class <name>', 'with --pod: as for `kubeplan simulate`'],
      ['--json', 'print the result as JSON (with --pod: every recorded attempt)'],
      ...NETWORK_OPTIONS,
    ],
    exit: '0 delivered, or the pod was scheduled; 1 not delivered (denied by policy, no ready endpoints, no Ingress rule, port not exposed) or not scheduled; 2 unreadable input, bad usage, a --from/--to that does not exist, or no such pod.',
  },
  kubectl: {
    name: 'kubectl',
    args: '<design|file|dir>... [--as USER] [--script FILE] [--scenario <file>] [--seed N] -- <kubectl arguments>',
    summary: 'Run kubectl commands on the design\'s simulated cluster, as the app\'s console does',
    details: [
      'Simulates the design to steady state (as `kubeplan simulate`), then runs the command and prints',
      'kubectl\'s output: get, describe, apply -f, create -f, delete, scale, set image, rollout, cordon,',
      'uncordon, drain, exec, auth can-i, config (docs/kubectl.md). Requests are authorised with RBAC as',
      'the user; users and their groups are the design\'s cluster.users, `admin` is cluster-admin.',
    ].join('\n'),
    options: [
      ['--as USER', 'run as this user (its context and namespace); default admin'],
      ['--script FILE', 'run each line of FILE as a kubectl command, in order (# comments), printing `$ kubectl …` before each'],
      ['--scenario <file>', 'play this scenario before the commands, as `kubeplan simulate` does'],
      ['--seed N', 'seed of the simulation (default: 1)'],
      ['--storage-class <name>', 'the cluster\'s default StorageClass'],
    ],
    exit: '0 every command succeeded; otherwise kubectl\'s status: 1 for an error (with --script, the last failing command\'s; exec passes its command\'s on); 2 unreadable input or bad usage.',
  },
  render: {
    name: 'render',
    args: '<design|files|dirs>... -o <out.svg|out.png> [--scale N] [--title <text>] [--force]',
    summary: 'Draw the design as a picture for slides: SVG, or PNG',
    details: 'A design keeps its layout; manifests are laid out as import does. The app exports the same drawing.',
    options: [
      ['-o, --output <out.svg|out.png>', 'the picture to write; the extension chooses the format'],
      ['--scale N', 'pixels per canvas unit of a PNG, above 0 and at most 8 (default: 2)'],
      ['--title <text>', 'the caption at the top (default: the design\'s name)'],
      ['--force', 'write even when -o names one of the inputs'],
    ],
    exit: '0 rendered; 2 unreadable input, refused -o or bad usage.',
  },
} satisfies Record<string, CommandHelp>;

export type CommandName = keyof typeof HELP;

const WIDTH = 100;

/** `kubeplan <name> <args>`: the line printed after `Usage:`. */
export function usageLine(name: CommandName): string {
  return `kubeplan ${name} ${HELP[name].args}`;
}

/** The help of one command: usage, summary, details, options, exit status. */
export function commandHelp(name: CommandName): string {
  const h: CommandHelp = HELP[name];
  const options = table([...h.options, ['-h, --help', 'show this help']]);
  const exit = wrap(`Exit status: ${h.exit}`, WIDTH).join('\n  ');
  return `Usage: ${usageLine(name)}\n\n${h.summary}.\n${h.details ? `${h.details}\n` : ''}\nOptions:\n${options}\n${exit}\n`;
}

/** The top-level help: every command with its summary. */
export function topHelp(): string {
  const commands = table(Object.values(HELP).map((h) => [h.name, h.summary]));
  const options = table([
    ['-h, --help', 'show this help'],
    ['-v, --version', 'print the version of kubeplan'],
  ]);
  return `Usage: kubeplan <command> [options]\n\nCommands:\n${commands}\nOptions:\n${options}\nRun "kubeplan <command> --help" for the options of a command.\n`;
}

/** Two columns, the second wrapped at WIDTH and indented under itself. */
function table(rows: readonly (readonly [string, string])[]): string {
  const left = Math.min(Math.max(...rows.map(([a]) => a.length)) + 2, 36);
  return rows
    .map(([a, b]) => {
      const lines = wrap(b, WIDTH - left - 2);
      const first = a.length + 2 > left ? `  ${a}\n${' '.repeat(left + 2)}${lines[0]}` : `  ${a.padEnd(left)}${lines[0]}`;
      return [first, ...lines.slice(1).map((l) => `${' '.repeat(left + 2)}${l}`)].join('\n');
    })
    .map((l) => `${l}\n`)
    .join('');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}
