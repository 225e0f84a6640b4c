/**
 * Imported manifests can hold anything where a field should be: read through these guards.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { isPlainObject } from './object';

/** The plain-object items of a list field; anything else reads as an empty list. */
export function items<T>(v: readonly T[] | null | undefined): T[] {
  return Array.isArray(v) ? ((v as unknown[]).filter(isPlainObject) as T[]) : [];
}

/** A field that should be an object, or undefined when it is not one. */
export function rec<T>(v: T | null | undefined): T | undefined {
  return isPlainObject(v) ? (v as T) : undefined;
}

/** A string field, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The string items of a list field (access modes, values). */
export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A well-formed copy of a LabelSelector field, or undefined when the field is not an object. */
export function labelSelector(v: unknown): LabelSelector | undefined {
  const s = rec(v as LabelSelector | undefined);
  if (!s) return undefined;
  const out: LabelSelector = {};
  const matchLabels = rec(s.matchLabels);
  if (matchLabels) out.matchLabels = matchLabels;
  if (s.matchExpressions !== undefined) {
    out.matchExpressions = items(s.matchExpressions).map((r) => ({ key: String(r.key), operator: String(r.operator), values: strings(r.values) }));
  }
  return out;
}

/** The string-valued entries of a labels map (labels, Service selectors, nodeSelectors). */
export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

/** Whether an object has the top-level shape every object needs: string apiVersion and kind, a named metadata map. */
export function hasObjectShape(o: unknown): boolean {
  if (!isPlainObject(o) || typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') return false;
  return isPlainObject(o.metadata) && typeof o.metadata.name === 'string';
}
