/**
 * kubectl's command line as cobra/pflag read it: flags anywhere (`get -n shop pods`), `--flag=value`
 * or `--flag value`, short flags (`-n shop`, `-nshop`, `-it`), `--` ending flags (exec's command).
 */
import { KubectlError } from './types';

export interface ParsedArgs {
  /** Words that are not flags: `get pods web` → [get, pods, web]. */
  positional: string[];
  /** Long flag name → values, in order (`-f a.yaml -f b.yaml`). */
  flags: Map<string, string[]>;
  /** Everything after `--`. */
  rest: string[];
}

/** Global flags (kubectl options) and ones most verbs share. */
export const GLOBAL_VALUE_FLAGS = ['namespace', 'selector', 'output', 'as', 'as-group', 'context', 'filename', 'user', 'cluster', 'kubeconfig', 'field-selector'];
export const GLOBAL_BOOL_FLAGS = ['all-namespaces', 'help', 'show-labels', 'no-headers', 'watch'];
export const GLOBAL_SHORT: Record<string, string> = { n: 'namespace', A: 'all-namespaces', l: 'selector', o: 'output', f: 'filename', h: 'help', w: 'watch' };

/** Split a console line into words as a shell would: quotes ('…', "…") and backslash escapes. */
export function tokenize(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (/\s/.test(ch)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (quote) throw new KubectlError(`error: unterminated ${quote === '"' ? 'double' : 'single'} quote`);
  if (has) out.push(cur);
  return out;
}

export interface FlagSet {
  bool: ReadonlySet<string>;
  value: ReadonlySet<string>;
  short: Readonly<Record<string, string>>;
}

function put(flags: Map<string, string[]>, name: string, value: string): void {
  const list = flags.get(name);
  if (list) list.push(value);
  else flags.set(name, [value]);
}

/** Parse argv with the given flags; throws kubectl's `error: unknown flag: --x` / `unknown shorthand flag`. */
export function parseArgs(argv: readonly string[], set: FlagSet): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return { positional, flags, rest: argv.slice(i + 1) };
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (set.bool.has(name)) {
        put(flags, name, eq < 0 ? 'true' : a.slice(eq + 1));
      } else if (set.value.has(name)) {
        if (eq >= 0) put(flags, name, a.slice(eq + 1));
        else if (i + 1 < argv.length) put(flags, name, argv[++i]);
        else throw new KubectlError(`error: flag needs an argument: --${name}`);
      } else throw new KubectlError(`error: unknown flag: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      // A run of short flags: `-it`, `-nshop`, `-n=shop`.
      for (let j = 1; j < a.length; j++) {
        const s = a[j];
        const name = set.short[s];
        if (!name) throw new KubectlError(`error: unknown shorthand flag: '${s}' in ${a}`);
        if (set.bool.has(name)) {
          put(flags, name, 'true');
          continue;
        }
        let value = a.slice(j + 1);
        if (value.startsWith('=')) value = value.slice(1);
        if (value === '') {
          if (i + 1 >= argv.length) throw new KubectlError(`error: flag needs an argument: '${s}' in -${s}`);
          value = argv[++i];
        }
        put(flags, name, value);
        break;
      }
      continue;
    }
    positional.push(a);
  }
  return { positional, flags, rest: [] };
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  return args.flags.get(name)?.at(-1);
}

export function flagAll(args: ParsedArgs, name: string): string[] {
  return args.flags.get(name) ?? [];
}

export function boolFlag(args: ParsedArgs, name: string): boolean {
  const v = flag(args, name);
  return v !== undefined && v !== 'false';
}
