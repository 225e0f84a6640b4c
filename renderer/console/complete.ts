/**
 * Tab completion in the console: verbs first, then kinds (resource names as kubectl takes them),
 * then object names of that kind from the live cluster view and the design, and flags.
 */
import { allVerbs } from '../../shared/simulation/kubectl';
import { kindAliases, getKindInfo } from '../../shared/kinds/registry';

export interface CompletionData {
  /** Object names by kind (`Pod` → pod names, `Deployment` → …), namespaces and nodes included. */
  names: (kind: string) => string[];
  contexts: string[];
}

const FLAGS = ['--namespace', '--all-namespaces', '--selector', '--output', '--as', '--filename', '--replicas', '--to-revision', '--ignore-daemonsets', '--list', '--container', '--show-labels', '--force', '--grace-period'];
const OUTPUTS = ['wide', 'yaml', 'json', 'name'];
const SUBCOMMANDS: Record<string, string[]> = {
  rollout: ['status', 'history', 'undo', 'restart'],
  auth: ['can-i', 'whoami'],
  config: ['use-context', 'get-contexts', 'current-context'],
  set: ['image'],
};

/** Resource names kubectl accepts, plural first (`pods`, `deployments`, `services`, …). */
function resourceNames(): string[] {
  const out = new Set<string>();
  for (const kind of new Set(kindAliases().values())) {
    const info = getKindInfo(kind);
    if (info) out.add(info.resource);
  }
  return [...out].sort();
}

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** What Tab does to `line`: the completed line, and the candidates when more than one fits. */
export function complete(line: string, data: CompletionData): { line: string; candidates: string[] } {
  const words = line.split(/\s+/);
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1).filter(Boolean);
  const args = before[0] === 'kubectl' ? before.slice(1) : before;
  const positional = args.filter((w, i) => !w.startsWith('-') && !(i > 0 && /^-(n|l|o|f|c)$|^--(namespace|selector|output|filename|as|container|context)$/.test(args[i - 1])));
  const previous = args.at(-1) ?? '';
  let pool: string[];
  if (current.startsWith('-')) pool = FLAGS;
  else if (previous === '-n' || previous === '--namespace') pool = data.names('Namespace');
  else if (previous === '-o' || previous === '--output') pool = OUTPUTS;
  else if (previous === '--as' || (positional[0] === 'config' && positional[1] === 'use-context')) pool = data.contexts;
  else if (positional.length === 0) pool = allVerbs().map((v) => v.name);
  else if (SUBCOMMANDS[positional[0]] && positional.length === 1) pool = SUBCOMMANDS[positional[0]];
  else if (['cordon', 'uncordon', 'drain'].includes(positional[0])) pool = data.names('Node');
  else if (positional[0] === 'exec') pool = data.names('Pod');
  else {
    const typed = positional.slice(SUBCOMMANDS[positional[0]] ? 2 : 1);
    if (typed.length === 0 && current.includes('/')) {
      const kind = kindAliases().get(current.slice(0, current.indexOf('/')).toLowerCase());
      const prefix = current.slice(0, current.indexOf('/') + 1);
      pool = kind ? data.names(kind).map((n) => prefix + n) : [];
    } else if (typed.length === 0) pool = resourceNames();
    else {
      const kind = kindAliases().get(typed[0].toLowerCase());
      pool = kind ? data.names(kind) : [];
    }
  }
  const candidates = [...new Set(pool.filter((w) => w.startsWith(current)))].sort();
  if (candidates.length === 0) return { line, candidates: [] };
  const head = line.slice(0, line.length - current.length);
  if (candidates.length === 1) return { line: `${head}${candidates[0]}${candidates[0].endsWith('/') ? '' : ' '}`, candidates: [] };
  return { line: head + commonPrefix(candidates), candidates };
}
