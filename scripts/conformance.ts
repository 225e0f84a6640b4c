// `npm run conformance [folder]`: runs np-guard netpol-analyzer's core-Kubernetes connectivity cases
// (github.com/np-guard/netpol-analyzer, Apache-2.0) through `kubeplan connectivity` and compares
// each result with the tool's expected connection list by meaning (scripts/conformance/compare.ts).
//
// The suite is not part of this repository. The folder holds `cases.txt` (one case a line),
// `tests/<case>/` (the inputs) and `expected/<case>_connlist_output.txt`; it defaults to
// `../shared/conformance/np-guard/` next to the repository. Where it is absent the script says so
// and exits 0. Exit 1 when a case differs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareConnLists, type Comparison } from './conformance/compare';

const repo = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const verbose = args.includes('--all-differences');
const positional = args.filter((a) => !a.startsWith('--'));
const suite = resolve(positional[0] ?? join(repo, '..', 'shared', 'conformance', 'np-guard'));
/** Differences printed per failing case (all with --all-differences). */
const SHOWN = 5;

if (!existsSync(suite)) {
  console.log(`conformance: no suite at ${suite}; nothing to run.`);
  console.log('Give the folder of np-guard netpol-analyzer cases as the argument (cases.txt, tests/<case>/, expected/<case>_connlist_output.txt).');
  process.exit(0);
}

function caseNames(): string[] {
  const list = join(suite, 'cases.txt');
  if (existsSync(list)) {
    return readFileSync(list, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
  }
  return readdirSync(join(suite, 'tests')).sort();
}

interface Outcome {
  name: string;
  comparison?: Comparison;
  /** Why the case could not be compared (kubeplan failed, expected output missing). */
  error?: string;
}

// Loaded only when there is a suite to run: the simulator is most of the start-up time.
const { createConnectivityCommand } = await import('../cli/commands/connectivity');
const command = createConnectivityCommand();

async function runCase(name: string): Promise<Outcome> {
  const expectedFile = join(suite, 'expected', `${name}_connlist_output.txt`);
  const input = join(suite, 'tests', name);
  if (!existsSync(expectedFile)) return { name, error: `no expected output ${expectedFile}` };
  if (!existsSync(input)) return { name, error: `no input folder ${input}` };
  let out = '';
  let err = '';
  const status = await command.run([input], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: repo });
  if (status !== 0) return { name, error: `kubeplan connectivity exited ${status}:\n${indent(err.trim())}` };
  return { name, comparison: compareConnLists(readFileSync(expectedFile, 'utf8'), out) };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
}

const names = caseNames();
const outcomes: Outcome[] = [];
for (const name of names) outcomes.push(await runCase(name));

const passed = outcomes.filter((o) => o.comparison?.equal);
for (const o of outcomes) {
  if (o.comparison?.equal) {
    console.log(`  ok    ${o.name} (${o.comparison.pairs} pairs)`);
    continue;
  }
  console.log(`  FAIL  ${o.name}`);
  if (o.error) {
    console.log(`    ${o.error}`);
    continue;
  }
  const c = o.comparison!;
  for (const b of c.bad.slice(0, SHOWN)) console.log(`    unreadable ${b.side} line ${b.line}: ${b.text}`);
  const shown = verbose ? c.differences : c.differences.slice(0, SHOWN);
  for (const d of shown) {
    console.log(`    ${d.pair}`);
    console.log(`      expected: ${d.expected ?? '(no connection)'}${d.expectedLines.length ? `   ← ${d.expectedLines[0]}` : ''}`);
    console.log(`      kubeplan: ${d.actual ?? '(no connection)'}${d.actualLines.length ? `   ← ${d.actualLines[0]}` : ''}`);
  }
  if (shown.length < c.differences.length) console.log(`    … ${c.differences.length - shown.length} more differences (--all-differences lists them)`);
}
console.log(`\nnp-guard core connectivity cases: ${passed.length}/${outcomes.length} equal (suite: ${suite})`);
process.exit(passed.length === outcomes.length ? 0 : 1);
