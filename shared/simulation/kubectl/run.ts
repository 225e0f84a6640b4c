/**
 * Running a kubectl command line against the simulated cluster: contexts from the design's users,
 * `--as` impersonation, flag parsing per verb, and kubectl's error output and exit codes.
 */
import { DEFAULT_USER, identityOf, MASTERS_GROUP, type ClusterUser } from '../rbac';
import { boolFlag, flag, flagAll, GLOBAL_BOOL_FLAGS, GLOBAL_SHORT, GLOBAL_VALUE_FLAGS, parseArgs, tokenize, type ParsedArgs } from './argv';
import { allVerbs, getVerb, KubectlError, type KubeContext, type KubectlEnv, type KubectlOutput, type VerbSpec } from './types';
import './verbs/all';

export { CLUSTER_NAME } from './cluster';

/** Users of the design's cluster section, with the built-in `admin` (group system:masters) first unless defined. */
export function usersOf(users: readonly ClusterUser[] | undefined): ClusterUser[] {
  const list = [...(users ?? [])];
  if (!list.some((u) => u.name === DEFAULT_USER.name)) list.unshift(DEFAULT_USER);
  return list;
}

/** One context per user, named after it (`admin`, `dev`). */
export function contextsOf(users: readonly ClusterUser[]): KubeContext[] {
  return usersOf(users).map((u) => ({ name: u.name, user: u.name, namespace: u.namespace ?? 'default' }));
}

/** Whether a command line would change the cluster (the console runs those as a live step). */
export function mutates(argv: readonly string[]): boolean {
  const at = verbIndex(argv);
  const verb = at < 0 ? undefined : getVerb(argv[at]);
  if (!verb) return false;
  if (typeof verb.mutates === 'boolean') return verb.mutates;
  try {
    return verb.mutates(parseFor(verb, [...argv.slice(0, at), ...argv.slice(at + 1)]));
  } catch {
    return false;
  }
}

function parseFor(verb: VerbSpec, argv: readonly string[]): ParsedArgs {
  return parseArgs(argv, {
    bool: new Set([...GLOBAL_BOOL_FLAGS, ...(verb.boolFlags ?? [])]),
    value: new Set([...GLOBAL_VALUE_FLAGS, ...(verb.valueFlags ?? [])]),
    short: { ...GLOBAL_SHORT, ...(verb.shortFlags ?? {}) },
  });
}

/** Whether a command line streams until Ctrl+C in a console (`logs -f`). */
export function follows(argv: readonly string[]): boolean {
  const at = verbIndex(argv);
  const verb = at < 0 ? undefined : getVerb(argv[at]);
  if (!verb || verb.name !== 'logs') return false;
  try {
    return boolFlag(parseFor(verb, [...argv.slice(0, at), ...argv.slice(at + 1)]), 'follow');
  } catch {
    return false;
  }
}

/** Drop a leading `kubectl` (a learner types it out of habit) and split the line into words. */
export function commandWords(line: string): string[] {
  const words = tokenize(line.trim());
  return words[0] === 'kubectl' ? words.slice(1) : words;
}

/** Where the verb is: global flags may come first (`kubectl -n shop get pods`, `kubectl --as dev auth can-i …`). */
function verbIndex(argv: readonly string[]): number {
  const valueFlags = new Set(GLOBAL_VALUE_FLAGS);
  const shortValue = new Set(Object.entries(GLOBAL_SHORT).filter(([, long]) => valueFlags.has(long)).map(([s]) => s));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return -1;
    if (a.startsWith('--')) {
      if (!a.includes('=') && valueFlags.has(a.slice(2))) i++;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (a.length === 2 && shortValue.has(a[1])) i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** Run one kubectl command (argv without `kubectl`) as the current context's user. */
export function runKubectl(env: KubectlEnv, argv: readonly string[]): KubectlOutput {
  let stdout = '';
  let stderr = '';
  let context = env.context;
  let following: KubectlOutput['following'];
  const contexts = contextsOf(env.users);
  const done = (exitCode: number): KubectlOutput => ({ stdout, stderr, exitCode, context, ...(following && exitCode === 0 ? { following } : {}) });
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    stdout = helpText();
    return done(0);
  }
  const at = verbIndex(argv);
  const verb = at < 0 ? undefined : getVerb(argv[at]);
  if (!verb) {
    stderr = at < 0 ? `error: unknown flag: ${argv[0]}\n` : `error: unknown command "${argv[at]}" for "kubectl"\n`;
    return done(1);
  }
  try {
    const args = parseFor(verb, [...argv.slice(0, at), ...argv.slice(at + 1)]);
    const ctxName = flag(args, 'context') ?? context;
    const kubeContext = contexts.find((x) => x.name === ctxName);
    if (!kubeContext) throw new KubectlError(`error: context "${ctxName}" does not exist`);
    const as = flag(args, 'as');
    const users = usersOf(env.users);
    const base = users.find((u) => u.name === kubeContext.user) ?? { name: kubeContext.user };
    let identity = identityOf(base);
    if (as !== undefined) {
      // Impersonation (kubernetes.io "User impersonation"): the admin may act as anyone; the user's groups come from the design unless --as-group says.
      if (!identity.groups.includes(MASTERS_GROUP)) {
        throw new KubectlError(`Error from server (Forbidden): users "${as}" is forbidden: User "${identity.user}" cannot impersonate resource "users" in API group "" at the cluster scope`);
      }
      const asGroups = flagAll(args, 'as-group');
      const known = users.find((u) => u.name === as);
      identity = identityOf(asGroups.length ? { name: as, groups: asGroups } : known ?? { name: as });
    }
    const namespace = flag(args, 'namespace') ?? kubeContext.namespace;
    const code = verb.run({
      env, cluster: env.cluster, args, identity, namespace, kubeContext, contexts,
      out: (t) => (stdout += t),
      err: (t) => (stderr += t),
      useContext: (name) => (context = name),
      follow: (window) => (following = window),
    });
    return done(code);
  } catch (err) {
    if (err instanceof KubectlError) {
      stderr += err.message.endsWith('\n') ? err.message : `${err.message}\n`;
      return done(err.exitCode);
    }
    throw err;
  }
}

/** Run a command line (as typed in the console): words split as a shell would. */
export function runKubectlLine(env: KubectlEnv, line: string): KubectlOutput {
  let words: string[];
  try {
    words = commandWords(line);
  } catch (err) {
    if (err instanceof KubectlError) return { stdout: '', stderr: `${err.message}\n`, exitCode: 1, context: env.context };
    throw err;
  }
  return runKubectl(env, words);
}

function helpText(): string {
  const lines = allVerbs().map((v) => `  ${v.name.padEnd(14)} ${v.summary}`);
  return `kubectl controls the simulated Kubernetes cluster.\n\nCommands:\n${lines.join('\n')}\n\nUsage:\n  kubectl [flags] [options]\n`;
}
