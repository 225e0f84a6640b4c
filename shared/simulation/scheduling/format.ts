/**
 * A recorded scheduling attempt as text: the PreFilter line, one row per node looked at with each
 * Filter plugin's verdict ("why not the others"), and one row per feasible node with each Score
 * plugin's raw → normalised score and the weighted total ("why this node"). kubectl's column style.
 */
import { table } from '../format';
import type { FilterStatus, SchedulingRecord } from './recorder';

const CELL: Record<FilterStatus, string> = { Success: 'pass', Unschedulable: 'FAIL', Skip: 'skip', NotRun: '-' };

export function formatSchedulingRecord(r: SchedulingRecord): string {
  const when = r.time !== undefined ? `, t=${r.time}s` : '';
  const out: string[] = [];
  out.push(r.selected ? `Pod ${r.pod}: scheduled to ${r.selected} (attempt ${r.attempt}${when})` : `Pod ${r.pod}: not scheduled (attempt ${r.attempt}${when})`);
  if (r.message) out.push(`  ${r.message}`);
  const skipped = r.preFilter.filter((p) => p.status === 'Skip').map((p) => p.plugin);
  const rejected = r.preFilter.find((p) => p.status === 'Unschedulable');
  if (rejected || skipped.length) out.push('');
  if (rejected) out.push(`PreFilter: ${rejected.plugin} rejected the pod on every node: ${rejected.reason}`);
  else if (skipped.length) out.push(`Skipped (nothing to check for this pod): ${skipped.join(', ')}`);
  if (r.filters.length) {
    // Plugins skipped for this pod are the same on every node: the PreFilter line names them.
    const plugins = r.filters[0].filters.map((f) => f.plugin).filter((p) => !skipped.includes(p));
    const rows = [['NODE', ...plugins, 'FEASIBLE', 'REASON']];
    for (const n of r.filters) {
      const byPlugin = new Map(n.filters.map((f) => [f.plugin, f]));
      const failed = n.filters.find((f) => f.status === 'Unschedulable');
      rows.push([n.node, ...plugins.map((p) => CELL[byPlugin.get(p)?.status ?? 'Skip']), n.feasible ? 'yes' : 'no', failed?.reasons?.join(', ') ?? '']);
    }
    out.push('', 'Filter (why not the others):', table(rows).trimEnd());
  }
  if (r.notEvaluated > 0) out.push(`  ${r.notEvaluated} more node(s) not looked at: the scheduler stops once it has found enough feasible nodes (percentageOfNodesToScore)`);
  if (r.scores.length) {
    const plugins = r.scores[0].plugins.map((p) => `${p.plugin} ×${p.weight}`);
    const rows = [['NODE', ...plugins, 'TOTAL', '']];
    const sorted = [...r.scores].sort((a, b) => b.total - a.total || a.node.localeCompare(b.node));
    for (const n of sorted) rows.push([n.node, ...n.plugins.map((p) => `${num(p.raw)} → ${num(p.normalized)}`), num(n.total), n.node === r.selected ? '← selected' : '']);
    out.push('', 'Score (raw → normalised; TOTAL = Σ weight × normalised):', table(rows).trimEnd());
    if (r.tied) out.push(`  ${r.tied.length} nodes tied for the best total (${r.tied.join(', ')}): the seeded tie-break picked ${r.selected}`);
  } else if (r.selected) out.push('', 'Score: only one node fits, so nothing was scored');
  return `${out.join('\n')}\n`;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
