/** Text output in kubectl's formats: `get pods -A -o wide`, `get events -A`, and apply's result lines. */
import { getKindInfo } from '../kinds/registry';
import { apiGroup } from '../model/object';
import type { AppliedEntry, EventRecord, PodSummary } from './types';

/** kubectl's tabwriter: columns padded to the widest cell plus three spaces. */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] + 3))).join('').trimEnd()).join('\n') + '\n';
}

/** apimachinery duration.HumanDuration, as AGE and LAST SEEN print it. */
export function humanDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

export function formatPods(pods: PodSummary[]): string {
  if (pods.length === 0) return 'No resources found\n';
  const rows = [['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']];
  for (const p of pods) rows.push([p.namespace, p.name, p.ready, p.status, p.lastRestartAge !== undefined ? `${p.restarts} (${humanDuration(p.lastRestartAge)} ago)` : String(p.restarts), humanDuration(p.age), p.ip || '<none>', p.node || '<none>', '<none>', '<none>']);
  return table(rows);
}

export function formatEvents(events: EventRecord[], now: number): string {
  if (events.length === 0) return 'No events found\n';
  const sorted = [...events].sort((a, b) => a.lastTime - b.lastTime);
  const rows = [['NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']];
  for (const e of sorted) {
    const seen = humanDuration(now - e.lastTime) + (e.count > 1 ? ` (x${e.count} over ${humanDuration(now - e.firstTime)})` : '');
    rows.push([e.namespace, seen, e.type, e.reason, `${e.object.split('/')[0].toLowerCase()}/${e.object.split('/').slice(1).join('/')}`, e.message]);
  }
  return table(rows);
}

/** `deployment.apps/web created` — what `kubectl apply` prints per object. */
export function formatApplied(entries: AppliedEntry[]): string {
  return entries.map((e) => {
    const info = getKindInfo(e.kind);
    const group = info ? apiGroup(info.apiVersion) : '';
    const ref = `${e.kind.toLowerCase()}${group ? `.${group}` : ''}/${e.name}`;
    return e.result === 'failed' ? `${e.message ?? 'Error'}\n` : `${ref} ${e.result}\n`;
  }).join('');
}
