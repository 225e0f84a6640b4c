/**
 * What a container's command does, when the simulator can tell: a container whose command and
 * args make it exit (`["false"]`, `["sh", "-c", "exit 1"]`, a short shell script ending in
 * `exit N`) exits with that code after the seconds its `sleep`s add up to, and the kubelet
 * restarts it with back-off as upstream does (kubernetes.io, "Pod Lifecycle": container restart
 * policy; docs/simulator.md, "Crash loops"). Anything else — no command (the image's entrypoint),
 * a program the simulator does not know (`nginx`, `python app.py`, `exec …`), a loop, a pipe —
 * runs until it is stopped. Pure: the same container and environment give the same
 * answer.
 *
 * The shell subset: words with '…' and "…" quoting, `$VAR` / `${VAR}` from the container's
 * environment, lists joined by `;`, newlines, `&&` and `||`, `{ …; }` groups, and the commands
 * `exit [N]`, `true`, `false`, `:`, `echo`, `printf` (the format as written), `sleep N`, and
 * `test` / `[ … ]` with `-n`, `-z`, `=`, `!=`. Output redirected with `>&2` goes to standard
 * error; both streams end up in the container's log, as the kubelet's log does.
 */

/** One line the command wrote before it exited. */
export interface CommandOutput {
  text: string;
  stderr: boolean;
}

/** The command exits with `exitCode` after `seconds` (whole seconds of sleeps), having written `output`. */
export interface CommandExit {
  exitCode: number;
  seconds: number;
  output: CommandOutput[];
}

/** The programs that are shells: `sh -c SCRIPT` runs SCRIPT. */
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

function base(prog: string): string {
  return prog.slice(prog.lastIndexOf('/') + 1);
}

/**
 * How the container's command ends, or undefined when it runs until stopped (or the simulator
 * cannot tell). `env` gives the value of an environment variable (undefined when unset).
 */
export function commandExit(command: readonly string[] | undefined, args: readonly string[] | undefined, env: (name: string) => string | undefined): CommandExit | undefined {
  const r = analyseCommand(command, args, env);
  return r?.exit;
}

/**
 * What a command that runs on writes before it reaches the program it runs (`echo "connecting
 * to $DB_HOST"; exec /app/worker` → the echo): the first lines of its log. Empty when it writes
 * nothing first, exits, or the simulator cannot read it.
 */
export function commandPrelude(command: readonly string[] | undefined, args: readonly string[] | undefined, env: (name: string) => string | undefined): CommandOutput[] {
  const r = analyseCommand(command, args, env);
  return r && !r.exit ? r.output : [];
}

/**
 * Both answers at once: `exit` when the command exits, and what it writes (before it exits, or
 * before the program it runs on). Undefined when there is no command or it cannot be read. `env`
 * is called only for a command that reads a variable.
 */
export function analyseCommand(command: readonly string[] | undefined, args: readonly string[] | undefined, env: (name: string) => string | undefined): { exit?: CommandExit; output: CommandOutput[] } | undefined {
  // Without a command the image's entrypoint runs: the simulator does not know what it does.
  if (!command?.length) return undefined;
  const argv = [...command, ...(args ?? [])];
  const prog = base(argv[0]);
  if (SHELLS.has(prog)) {
    const c = argv.indexOf('-c');
    if (c < 1 || c + 1 >= argv.length) return undefined;
    return runScript(argv[c + 1], env);
  }
  // A plain program: only the few whose outcome is known.
  const sh = new Shell(env);
  try {
    const status = sh.simple(argv.map((w) => ({ text: w, quoted: true })));
    return { exit: { exitCode: status, seconds: sh.seconds, output: sh.output }, output: sh.output };
  } catch (e) {
    if (e instanceof Exit) return { exit: { exitCode: e.code, seconds: sh.seconds, output: sh.output }, output: sh.output };
    return { output: sh.output };
  }
}

/** `sh -c SCRIPT`: how the script ends (`exit`), or only what it wrote before a command the simulator does not know. */
function runScript(script: string, env: (name: string) => string | undefined): { exit?: CommandExit; output: CommandOutput[] } | undefined {
  let tokens: Token[];
  try {
    tokens = tokenize(script);
  } catch {
    return undefined;
  }
  let list: List;
  try {
    const [parsed, end] = parseList(tokens, 0);
    if (end !== tokens.length) return undefined;
    list = parsed;
  } catch {
    return undefined;
  }
  const sh = new Shell(env);
  try {
    const status = sh.list(list);
    return { exit: { exitCode: status, seconds: sh.seconds, output: sh.output }, output: sh.output };
  } catch (e) {
    if (e instanceof Exit) return { exit: { exitCode: e.code, seconds: sh.seconds, output: sh.output }, output: sh.output };
    return { output: sh.output };
  }
}

type Token = { op: ';' | '&&' | '||' | '|' | '&' | '{' | '}' | '(' | ')' } | { word: Word[] };
/** A word in parts: quoted parts are not split, `$` in single quotes is not expanded. */
type Word = { text: string; quoted: boolean; literal?: boolean };

class Unknown extends Error {}
class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let word: Word[] | undefined;
  const flush = () => {
    if (word) out.push({ word });
    word = undefined;
  };
  const part = (p: Word) => (word ??= []).push(p);
  while (i < s.length) {
    const ch = s[i];
    if (ch === '#' && !word) {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      flush();
      i++;
      continue;
    }
    if (ch === '\n' || ch === ';') {
      flush();
      out.push({ op: ';' });
      i++;
      continue;
    }
    if (ch === '&' || ch === '|') {
      flush();
      if (s[i + 1] === ch) {
        out.push({ op: ch === '&' ? '&&' : '||' });
        i += 2;
      } else {
        out.push({ op: ch });
        i++;
      }
      continue;
    }
    if ((ch === '{' || ch === '}') && !word && (i + 1 >= s.length || /[\s;]/.test(s[i + 1]))) {
      out.push({ op: ch });
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      flush();
      out.push({ op: ch });
      i++;
      continue;
    }
    if (ch === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new Unknown('unterminated quote');
      part({ text: s.slice(i + 1, end), quoted: true, literal: true });
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let text = '';
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\' && j + 1 < s.length && '"\\$`'.includes(s[j + 1])) {
          text += s[j + 1];
          j += 2;
        } else text += s[j++];
      }
      if (j >= s.length) throw new Unknown('unterminated quote');
      part({ text, quoted: true });
      i = j + 1;
      continue;
    }
    if (ch === '\\' && i + 1 < s.length) {
      part({ text: s[i + 1], quoted: true, literal: true });
      i += 2;
      continue;
    }
    let j = i;
    let text = '';
    while (j < s.length && !/[\s;&|'"()\\]/.test(s[j])) {
      // `${NAME}` is one word part even though it holds braces.
      if (s[j] === '$' && s[j + 1] === '{') {
        const close = s.indexOf('}', j);
        if (close < 0) throw new Unknown('unterminated ${');
        text += s.slice(j, close + 1);
        j = close + 1;
        continue;
      }
      // A redirection to a descriptor (`>&2`, `2>&1`) is part of the word.
      if (s[j] === '>' && s[j + 1] === '&') {
        text += '>&';
        j += 2;
        while (j < s.length && /[0-9-]/.test(s[j])) text += s[j++];
        continue;
      }
      text += s[j++];
    }
    part({ text, quoted: false });
    i = j;
  }
  flush();
  return out;
}

type Node = { kind: 'simple'; words: Word[][] } | { kind: 'group'; list: List };
type List = { first: Node; rest: { op: ';' | '&&' | '||'; node: Node }[] };

function parseNode(t: Token[], i: number): [Node, number] {
  const tok = t[i];
  if (!tok) throw new Unknown('missing command');
  if ('op' in tok) {
    if (tok.op !== '{') throw new Unknown(`unsupported ${tok.op}`);
    const [list, end] = parseList(t, i + 1);
    const close = t[end];
    if (!close || !('op' in close) || close.op !== '}') throw new Unknown('missing }');
    return [{ kind: 'group', list }, end + 1];
  }
  const words: Word[][] = [];
  while (i < t.length && 'word' in t[i]) words.push((t[i++] as { word: Word[] }).word);
  return [{ kind: 'simple', words }, i];
}

function parseList(t: Token[], i: number): [List, number] {
  while (i < t.length && 'op' in t[i] && (t[i] as { op: string }).op === ';') i++;
  const [first, after] = parseNode(t, i);
  const rest: List['rest'] = [];
  i = after;
  for (;;) {
    const tok = t[i];
    if (!tok || !('op' in tok)) break;
    if (tok.op === '}' ) break;
    if (tok.op !== ';' && tok.op !== '&&' && tok.op !== '||') throw new Unknown(`unsupported ${tok.op}`);
    let j = i + 1;
    if (tok.op === ';') {
      while (j < t.length && 'op' in t[j] && (t[j] as { op: string }).op === ';') j++;
      const next = t[j];
      if (!next || ('op' in next && next.op === '}')) {
        i = j;
        break;
      }
    }
    const [node, end] = parseNode(t, j);
    rest.push({ op: tok.op, node });
    i = end;
  }
  return [{ first, rest }, i];
}

class Shell {
  seconds = 0;
  readonly output: CommandOutput[] = [];

  constructor(private readonly env: (name: string) => string | undefined) {}

  list(l: List): number {
    let status = this.node(l.first);
    for (const { op, node } of l.rest) {
      if (op === ';' || (op === '&&' && status === 0) || (op === '||' && status !== 0)) status = this.node(node);
    }
    return status;
  }

  private node(n: Node): number {
    if (n.kind === 'group') return this.list(n.list);
    return this.simple(n.words.map((w) => this.expand(w)));
  }

  /** A word after parameter expansion (one word: the scripts this reads do not rely on field splitting). */
  private expand(parts: Word[]): Word {
    let text = '';
    let quoted = false;
    for (const p of parts) {
      quoted ||= p.quoted;
      if (p.literal) {
        text += p.text;
        continue;
      }
      text += p.text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_, a: string | undefined, b: string | undefined) => this.env(a ?? b ?? '') ?? '');
      if (/[`]|\$\(|\$[?#@*!$0-9]/.test(p.text)) throw new Unknown('command substitution or special parameter');
      if (/[*?[]/.test(p.text) && !p.quoted && p.text !== '[') throw new Unknown('glob');
    }
    return { text, quoted };
  }

  /** A simple command; returns its status, throws Exit for `exit`, Unknown for a program it cannot run. */
  simple(words: Word[]): number {
    let stderr = false;
    const argv: string[] = [];
    for (const w of words) {
      if (!w.quoted && /^[12]?>&2$/.test(w.text)) stderr = true;
      else if (!w.quoted && /^(?:[12]?>|>>)/.test(w.text)) throw new Unknown('redirection to a file');
      else if (!w.quoted && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.text) && argv.length === 0) throw new Unknown('assignment');
      else argv.push(w.text);
    }
    if (argv.length === 0) return 0;
    const [prog, ...args] = argv;
    switch (base(prog)) {
      case 'exit': {
        const code = args.length ? Number(args[0]) : 0;
        if (!Number.isInteger(code)) throw new Unknown('exit with a non-number');
        throw new Exit(((code % 256) + 256) % 256);
      }
      case 'true':
      case ':':
        return 0;
      case 'false':
        return 1;
      case 'echo': {
        const noNewline = args[0] === '-n';
        const text = (noNewline ? args.slice(1) : args).join(' ');
        this.write(text, stderr);
        return 0;
      }
      case 'printf':
        if (args.length === 0) return 1;
        this.write(args[0].replace(/%s/g, () => args[1] ?? '').replace(/\\n$/, '').replace(/\\n/g, '\n'), stderr);
        return 0;
      case 'sleep': {
        const m = /^(\d+)(s|m|h)?$/.exec(args[0] ?? '');
        if (!m) throw new Unknown('sleep for ever or an odd time');
        this.seconds += Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1);
        return 0;
      }
      case 'test':
        return this.test(args);
      case '[':
        if (args[args.length - 1] !== ']') throw new Unknown('[ without ]');
        return this.test(args.slice(0, -1));
      default:
        throw new Unknown(`unknown program ${prog}`);
    }
  }

  private write(text: string, stderr: boolean): void {
    for (const line of text.split('\n')) this.output.push({ text: line, stderr });
  }

  private test(args: string[]): number {
    let negate = false;
    if (args[0] === '!') {
      negate = true;
      args = args.slice(1);
    }
    let ok: boolean;
    if (args.length === 0) ok = false;
    else if (args.length === 1) ok = args[0] !== '';
    else if (args.length === 2 && args[0] === '-n') ok = args[1] !== '';
    else if (args.length === 2 && args[0] === '-z') ok = args[1] === '';
    else if (args.length === 3 && (args[1] === '=' || args[1] === '==')) ok = args[0] === args[2];
    else if (args.length === 3 && args[1] === '!=') ok = args[0] !== args[2];
    else throw new Unknown('test expression');
    return ok !== negate ? 0 : 1;
  }
}
