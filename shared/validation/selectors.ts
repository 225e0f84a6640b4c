/**
 * A controller whose selector does not select its own pod template: the API server refuses it
 * (ValidateDeploymentSpec / ValidateReplicaSetSpec / ValidateStatefulSetSpec / ValidateDaemonSetSpec
 * in kubernetes/pkg/apis/apps/validation, ValidateJobSpec with manualSelector in pkg/apis/batch).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { getKindInfo } from '../kinds/registry';
import { isPlainObject, type KubeObject } from '../model/object';
import { isEmptySelector, selectorMatches } from '../model/selector';
import { problemFor } from './problem';
import type { Check } from './types';

/** Controllers whose `spec.selector` must select their own `spec.template` (CronJobs nest theirs in a Job template). */
function controllerName(kind: string): string | undefined {
  return getKindInfo(kind)?.podTemplatePath === 'spec.template' ? kind.toLowerCase() : undefined;
}

/** Go's %#v of a label map, as upstream prints the template labels in this error. */
function goLabelMap(labels: Record<string, unknown>): string {
  const entries = Object.keys(labels)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(String(labels[k]))}`);
  return `map[string]string{${entries.join(', ')}}`;
}

export const checkSelectors: Check = (ctx, report) => {
  for (const o of ctx.objects) {
    const what = controllerName(o.kind);
    if (!what) continue;
    const spec = o.spec;
    if (!isPlainObject(spec) || !isPlainObject(spec.selector)) continue; // missing selector: the schema check
    // A Job's selector is generated from its uid unless the user takes over with manualSelector.
    if (o.kind === 'Job' && spec.manualSelector !== true) continue;
    checkController(o, what, spec.selector as LabelSelector, spec.template, report);
  }
};

function checkController(o: KubeObject, what: string, selector: LabelSelector, template: unknown, report: Parameters<Check>[1]): void {
  if (isEmptySelector(selector)) {
    report(problemFor(o, 'error', 'selector-mismatch', 'spec.selector', `Invalid value: {}: empty selector is invalid for ${what}`, 'Select the pod template labels, e.g. matchLabels: {app: <name>}.'));
    return;
  }
  const meta = isPlainObject(template) && isPlainObject(template.metadata) ? template.metadata : {};
  const labels = isPlainObject(meta.labels) ? (meta.labels as Record<string, string>) : {};
  if (selectorMatches(selector, labels)) return;
  const wanted = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}: ${v}`);
  report(
    problemFor(
      o,
      'error',
      'selector-mismatch',
      'spec.template.metadata.labels',
      `Invalid value: ${goLabelMap(labels)}: \`selector\` does not match template \`labels\``,
      wanted.length ? `Give the pod template the labels the selector asks for (${wanted.join(', ')}), or change spec.selector.` : 'Make spec.selector select the pod template labels.',
    ),
  );
}
