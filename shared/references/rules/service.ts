import type { Service } from 'kubernetes-types/core/v1';
import { mapSelectorMatches } from '../../model/selector';
import { namespaceOf } from '../../model/objectIndex';
import type { ReferenceRule } from '../types';

/** Service → the pod-running objects whose pod template labels its selector matches (same namespace). */
export const serviceSelectorRule: ReferenceRule = {
  id: 'service-selector',
  relation: 'selects',
  from: 'Service',
  to: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  resolve(source, index) {
    const svc = source as unknown as Service;
    const selector = svc.spec?.selector;
    // No selector (or an empty one, which etcd stores as none): endpoints are managed by hand.
    if (svc.spec?.type === 'ExternalName' || !selector || Object.keys(selector).length === 0) return [];
    const ns = namespaceOf(source);
    const targets = index
      .podTemplates(ns)
      .filter((t) => mapSelectorMatches(selector, t.labels))
      .map((t) => t.ownerKey);
    const label = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
    return [
      {
        rule: 'service-selector',
        relation: 'selects',
        source: index.keyOf(source),
        targets,
        path: 'spec.selector',
        label,
        ...(targets.length === 0
          ? {
              problem: {
                severity: 'warning' as const,
                message: `Service "${source.metadata.name}" selects no pods: nothing in namespace "${ns}" has labels ${label}`,
                hint: 'Change the selector to match a workload\'s pod template labels, or connect the Service to a workload.',
              },
            }
          : {}),
      },
    ];
  },
};
