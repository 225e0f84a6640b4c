/**
 * Label selectors (meta/v1 LabelSelector): matchLabels AND matchExpressions.
 * An empty selector `{}` selects everything; a missing selector selects nothing.
 */
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import { isPlainObject } from './object';

export type Labels = Readonly<Record<string, string>>;

function isPlainOrMissing(v: unknown): boolean {
  return v == null || isPlainObject(v);
}

function matchesRequirement(req: LabelSelectorRequirement, labels: Labels): boolean {
  // A requirement that is not an object, or whose values are not a list, is invalid: it matches nothing.
  if (!isPlainObject(req) || (req.values != null && !Array.isArray(req.values))) return false;
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  switch (req.operator) {
    case 'In':
      return has && (req.values ?? []).includes(labels[req.key]);
    case 'NotIn':
      return !has || !(req.values ?? []).includes(labels[req.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      // An unknown operator is invalid: upstream refuses to convert such a selector, so it matches nothing.
      return false;
  }
}

/** True when `selector` selects an object with `labels`. `undefined`/`null` selects nothing. */
export function selectorMatches(selector: LabelSelector | null | undefined, labels: Labels | undefined): boolean {
  if (selector == null) return false;
  // Upstream cannot convert a selector with a non-map matchLabels or non-list matchExpressions: it selects nothing.
  if (!isPlainObject(selector) || !isPlainOrMissing(selector.matchLabels) || (selector.matchExpressions != null && !Array.isArray(selector.matchExpressions))) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (l[k] !== v) return false;
  }
  for (const req of selector.matchExpressions ?? []) {
    if (!matchesRequirement(req, l)) return false;
  }
  return true;
}

/** A Service-style selector: a plain map, where a missing or empty map selects nothing. */
export function mapSelectorMatches(selector: Labels | null | undefined, labels: Labels | undefined): boolean {
  if (selector == null) return false;
  const entries = Object.entries(selector);
  if (entries.length === 0) return false;
  const l = labels ?? {};
  return entries.every(([k, v]) => l[k] === v);
}

export function isEmptySelector(selector: LabelSelector | null | undefined): boolean {
  if (!isPlainObject(selector)) return false;
  // Only missing or empty parts make an empty selector; a part of the wrong type is a schema problem.
  const { matchLabels: labels, matchExpressions: expressions } = selector;
  const noLabels = labels == null || (isPlainObject(labels) && Object.keys(labels).length === 0);
  return noLabels && (expressions == null || (Array.isArray(expressions) && expressions.length === 0));
}

/** kubectl's string form: `app=web,tier in (a,b),!legacy`. */
export function formatSelector(selector: LabelSelector | null | undefined): string {
  if (selector == null) return '<none>';
  const parts = Object.entries(isPlainObject(selector.matchLabels) ? selector.matchLabels : {}).map(([k, v]) => `${k}=${v}`);
  for (const r of Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []) {
    if (!isPlainObject(r)) continue;
    const values = (Array.isArray(r.values) ? r.values : []).join(',');
    if (r.operator === 'In') parts.push(`${r.key} in (${values})`);
    else if (r.operator === 'NotIn') parts.push(`${r.key} notin (${values})`);
    else if (r.operator === 'Exists') parts.push(r.key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
  }
  return parts.length ? parts.join(',') : '<all>';
}
