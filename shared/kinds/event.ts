/** Event: what controllers, the scheduler and kubelets report about objects (`kubectl get events`). */
import { APPLY_ORDER } from './defaults';
import type { KindInfo } from './types';

export const eventKind: KindInfo = {
  kind: 'Event',
  apiVersion: 'v1',
  resource: 'events',
  shortName: 'ev',
  namespaced: true,
  applyOrder: APPLY_ORDER.Unranked,
};
