/** Node: a machine of the simulated cluster, registered by its kubelet. */
import { APPLY_ORDER } from './defaults';
import type { KindInfo } from './types';

export const nodeKind: KindInfo = {
  kind: 'Node',
  apiVersion: 'v1',
  resource: 'nodes',
  shortName: 'no',
  namespaced: false,
  applyOrder: APPLY_ORDER.Unranked,
  watchers: ['controller-manager', 'scheduler'],
};
