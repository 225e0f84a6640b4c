/** ReplicationController: the ReplicaSet's predecessor, still served at v1 and scalable. */
import { APPLY_ORDER } from './defaults';
import type { KindInfo } from './types';

export const replicationControllerKind: KindInfo = {
  kind: 'ReplicationController',
  apiVersion: 'v1',
  resource: 'replicationcontrollers',
  shortName: 'rc',
  namespaced: true,
  applyOrder: APPLY_ORDER.Workload + 2,
  scalable: true,
};
