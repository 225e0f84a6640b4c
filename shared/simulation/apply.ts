/**
 * Server-side apply, simplified to what `kubectl apply` shows: an object is `unchanged` when every
 * field the manifest sets already has that value and no field of the previous apply was dropped;
 * otherwise its fields are merged into the live object (`configured`).
 */
import { isPlainObject } from '../model/object';
import { stableStringify } from './rng';

/** True when every field of `applied` equals the live value (objects compared field by field, lists whole). */
export function containsApplied(live: unknown, applied: unknown): boolean {
  if (isPlainObject(applied)) {
    if (!isPlainObject(live)) return false;
    for (const [k, v] of Object.entries(applied)) {
      if (v === undefined) continue;
      if (!containsApplied(live[k], v)) return false;
    }
    return true;
  }
  // Lists of objects (ports, containers) compare item by item, so defaults the API server filled
  // in (protocol, targetPort, an allocated nodePort) do not count as changes.
  if (Array.isArray(applied)) {
    if (!Array.isArray(live) || live.length !== applied.length) return false;
    return applied.every((item, i) => (isPlainObject(item) ? containsApplied(live[i], item) : stableStringify(live[i]) === stableStringify(item)));
  }
  return live === applied;
}

/** Paths present in the previous applied configuration but gone from the new one. */
export function removedPaths(previous: unknown, next: unknown, path: string[] = []): string[][] {
  if (!isPlainObject(previous)) return [];
  const out: string[][] = [];
  for (const [k, v] of Object.entries(previous)) {
    const n = isPlainObject(next) ? next[k] : undefined;
    if (n === undefined) out.push([...path, k]);
    else if (isPlainObject(v) && isPlainObject(n)) out.push(...removedPaths(v, n, [...path, k]));
  }
  return out;
}

/** Merge `applied` into a copy of `live`: objects recursively, lists and scalars replaced. */
export function mergeApplied(live: Record<string, unknown>, applied: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...live };
  for (const [k, v] of Object.entries(applied)) {
    if (v === undefined) continue;
    const cur = live[k];
    if (isPlainObject(v) && isPlainObject(cur)) out[k] = mergeApplied(cur, v);
    else if (Array.isArray(v) && Array.isArray(cur) && v.length === cur.length && v.every(isPlainObject)) {
      out[k] = v.map((item, i) => (isPlainObject(cur[i]) ? mergeApplied(cur[i] as Record<string, unknown>, item as Record<string, unknown>) : item));
    } else out[k] = v;
  }
  return out;
}

export function deletePath(o: Record<string, unknown>, path: string[]): void {
  let cur: unknown = o;
  for (let i = 0; i < path.length - 1; i++) {
    if (!isPlainObject(cur)) return;
    cur = cur[path[i]];
  }
  if (isPlainObject(cur)) delete cur[path[path.length - 1]];
}
