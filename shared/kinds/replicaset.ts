/** ReplicaSet: what a Deployment stamps per template revision; the cluster has them, the palette does not offer them. */
import { APPLY_ORDER } from './defaults';
import type { KindInfo } from './types';

export const replicaSetKind: KindInfo = {
  kind: 'ReplicaSet',
  apiVersion: 'apps/v1',
  resource: 'replicasets',
  shortName: 'rs',
  namespaced: true,
  applyOrder: APPLY_ORDER.Workload + 3,
  watchers: ['controller-manager'],
  layoutColumn: 2,
  podTemplatePath: 'spec.template',
  scalable: true,
  baseName: 'web-rs',
};
