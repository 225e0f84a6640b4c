import type { Service } from 'kubernetes-types/core/v1';
import { formatLabels, nameOf, ownerKeys, reference, rec, sourceNamespace, templatesWithLabels } from '../lookup';
import type { ReferenceRule } from '../types';
import { serviceSelector } from '../../kinds/service';

/** Service → the pod-running objects whose pod template labels its selector matches (same namespace). */
export const serviceSelectorRule: ReferenceRule = {
  ...serviceSelector,
  resolve(source, index) {
    const spec = rec((source as Service).spec);
    const selector = rec(spec?.selector);
    // No selector (or an empty one, which etcd stores as none): endpoints are managed by hand.
    if (spec?.type === 'ExternalName' || !selector || Object.keys(selector).length === 0) return [];
    const ns = sourceNamespace(source);
    const targets = ownerKeys(templatesWithLabels(index, ns, selector));
    const label = formatLabels(selector);
    return [
      reference('service-selector', 'selects', index.keyOf(source), 'spec.selector', label, targets,
        targets.length === 0
          ? {
              severity: 'warning',
              message: `Service "${nameOf(source)}" selects no pods: nothing in namespace "${ns}" has labels ${label}`,
              hint: "Change the selector to match a workload's pod template labels, or connect the Service to a workload.",
            }
          : undefined),
    ];
  },
};
