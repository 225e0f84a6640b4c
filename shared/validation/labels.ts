/**
 * Label keys and values (ValidateLabels in apimachinery/pkg/apis/meta/v1/validation): on every
 * object, on pod templates, and in the selectors that must match them. Upstream reports these at
 * the map's path (`metadata.labels`) with the offending key or value.
 */
import { isPlainObject, type KubeObject } from '../model/object';
import { problemFor } from './problem';
import { podTemplatePath, join } from './podSpec';
import { isLabelKey, isLabelValue } from './dns';
import type { Check } from './types';

const HINT = 'Label values are at most 63 letters, digits, "-", "_" or "." (no spaces or slashes), starting and ending with a letter or digit.';

export const checkLabels: Check = (ctx, report) => {
  for (const o of ctx.objects) {
    check(o, 'metadata.labels', isPlainObject(o.metadata) ? o.metadata.labels : undefined, report);
    const spec = o.spec;
    if (!isPlainObject(spec)) continue;
    if (o.kind === 'Service') check(o, 'spec.selector', spec.selector, report);
    if (isPlainObject(spec.selector)) check(o, 'spec.selector.matchLabels', spec.selector.matchLabels, report);
  }
  for (const entry of ctx.index.podTemplates('*')) {
    if (entry.owner.kind === 'Pod') continue; // a Pod's own labels are its metadata.labels, checked above
    check(entry.owner, join(podTemplatePath(entry.owner.kind), 'metadata.labels'), entry.template.metadata?.labels, report);
  }
};

function check(o: KubeObject, path: string, labels: unknown, report: Parameters<Check>[1]): void {
  if (!isPlainObject(labels)) return;
  for (const [key, value] of Object.entries(labels)) {
    for (const msg of isLabelKey(key)) report(problemFor(o, 'error', 'label', path, `Invalid value: ${JSON.stringify(key)}: ${msg}`, HINT));
    // Non-string values are the schema check's to report.
    if (typeof value === 'string') for (const msg of isLabelValue(value)) report(problemFor(o, 'error', 'label', path, `Invalid value: ${JSON.stringify(value)}: ${msg}`, HINT));
  }
}
