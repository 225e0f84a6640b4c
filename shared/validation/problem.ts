/** Building Problems: identity from the object, a stable order for output. */
import type { KubeObject } from '../model/object';
import { keyOf, namespaceOf } from '../kinds/objectIndex';
import type { Problem, Severity } from './types';

export function problemFor(
  o: KubeObject,
  severity: Severity,
  rule: string,
  path: string,
  message: string,
  hint?: string,
): Problem {
  const namespace = namespaceOf(o);
  return {
    severity,
    rule,
    objectKey: keyOf(o),
    kind: o.kind,
    ...(namespace ? { namespace } : {}),
    name: o.metadata?.name ?? '',
    path,
    message,
    ...(hint ? { hint } : {}),
  };
}

/** Field paths with their indexes compared as numbers: `containers[2]` before `containers[10]`. */
export function comparePaths(a: string, b: string): number {
  const x = a.split(/(\d+)/);
  const y = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    // split() with a capture group puts the digit runs at odd positions
    return i % 2 === 1 ? Number(x[i]) - Number(y[i]) || cmp(x[i], y[i]) : cmp(x[i], y[i]);
  }
  return x.length - y.length;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1 };

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Problems in a stable order: by namespace (cluster-scoped first), kind, name, then field path,
 * errors before warnings, rule and message — the same input always prints the same list.
 */
export function compareProblems(a: Problem, b: Problem): number {
  return (
    cmp(a.namespace ?? '', b.namespace ?? '') ||
    cmp(a.kind, b.kind) ||
    cmp(a.name, b.name) ||
    cmp(a.objectKey, b.objectKey) ||
    comparePaths(a.path, b.path) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message)
  );
}

/** Upstream's rendering of a value in `Invalid value: …` (Go's %#v for strings and numbers). */
export function goValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
