/**
 * kubectl as command objects (docs/kubectl.md): one module per verb under `verbs/`, each calling
 * `registerVerb` and listed in `verbs/all.ts`. A verb reads and writes the simulated cluster only
 * through its API server (`ApiServer.request`, with the user's identity), so RBAC judges every
 * read and write.
 */
import type { KubeObject } from '../../model/object';
import type { Cluster } from '../cluster';
import type { Observation } from '../observe/observation';
import type { ClusterUser, Identity } from '../rbac';
import type { ParsedArgs } from './argv';

/** A kubeconfig context: the simulated cluster as one user, with a default namespace. */
export interface KubeContext {
  name: string;
  user: string;
  namespace: string;
}

/** Files a command may read with `-f` (the open design's files, or the CLI's disk): path → objects or an error. */
export type FileReader = (path: string) => { objects: KubeObject[]; sources?: string[] } | { error: string } | undefined;

export interface KubectlEnv {
  cluster: Cluster;
  /** The users of the design's cluster section (the built-in `admin` is added when missing). */
  users: readonly ClusterUser[];
  /** The current context's name (`config use-context` changes it). */
  context: string;
  files?: FileReader;
  /** What `-f -` reads (YAML pasted into the console, the CLI's standard input). */
  stdin?: string;
  /** The run's logs and metrics (`logs`, `top`); a live session gives it, a scenario step has none. */
  observation?: () => Observation;
  /**
   * A console's `logs -f` (docs/kubectl.md, "Following logs"): it keeps the stream open and reads
   * on in windows of simulated time. Without it (the CLI, scenario steps) `logs -f` prints what the
   * run has and returns.
   */
  logWindow?: LogWindow;
}

/**
 * A window of a followed log, in simulated seconds: lines up to `until` (default the present, the
 * observation's end), only those after `after` when the follow reads on; the pods are the ones of
 * `start` (default `until`: the moment the follow began).
 */
export interface LogWindow {
  start?: number;
  after?: number;
  until?: number;
  /** The pods the first read chose (`deploy/web`'s first pod, what `-l` matched): a follow keeps them. */
  pods?: string[];
}

export interface KubectlOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The current context after the command (changed by `config use-context`). */
  context: string;
  /** `logs -f` in a console: the stream stays open; read on with `{ start, after: until }` until Ctrl+C. */
  following?: { start: number; until: number; pods: string[] };
}

/** What a verb gets: the parsed arguments, the identity it acts as, and output sinks. */
export interface VerbContext {
  env: KubectlEnv;
  cluster: Cluster;
  args: ParsedArgs;
  identity: Identity;
  /** `-n`, else the context's namespace. */
  namespace: string;
  /** The context the command runs in. */
  kubeContext: KubeContext;
  contexts: KubeContext[];
  out(text: string): void;
  err(text: string): void;
  /** Switch the current context (config use-context). */
  useContext(name: string): void;
  /** Keep the command's stream open (`logs -f` with a log window): the window it read. */
  follow(window: { start: number; until: number; pods: string[] }): void;
}

export interface VerbSpec {
  /** `get`, `rollout`, `auth`… (the first word after kubectl). */
  name: string;
  aliases?: string[];
  /** One line for `kubectl help` and completion. */
  summary: string;
  /** Whether it may change the cluster (a console runs such commands as a live step, with frames). */
  mutates: boolean | ((args: ParsedArgs) => boolean);
  /** Flags taking no value, beyond the global ones (long names). */
  boolFlags?: string[];
  /** Flags taking a value, beyond the global ones (long names). */
  valueFlags?: string[];
  /** Short flags → long names for this verb (`-f` is `--filename` for apply, `--follow` for logs). */
  shortFlags?: Record<string, string>;
  /** Runs the command; returns the exit code. */
  run(ctx: VerbContext): number;
}

const verbs = new Map<string, VerbSpec>();

/** Add a verb to kubectl (a module in verbs/ calls this; verbs/all.ts imports the modules). */
export function registerVerb(spec: VerbSpec): void {
  for (const name of [spec.name, ...(spec.aliases ?? [])]) verbs.set(name, spec);
}

export function getVerb(name: string): VerbSpec | undefined {
  return verbs.get(name);
}

/** Every registered verb once, by name. */
export function allVerbs(): VerbSpec[] {
  return [...new Set(verbs.values())].sort((a, b) => a.name.localeCompare(b.name));
}

/** A command ended with kubectl's error (`error: …`, `Error from server (NotFound): …`) and exit code 1. */
export class KubectlError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}
