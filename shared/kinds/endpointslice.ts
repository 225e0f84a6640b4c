/** EndpointSlice: the ready addresses behind a Service, written by the EndpointSlice controller. */
import { APPLY_ORDER } from './defaults';
import type { KindInfo } from './types';

export const endpointSliceKind: KindInfo = {
  kind: 'EndpointSlice',
  apiVersion: 'discovery.k8s.io/v1',
  resource: 'endpointslices',
  namespaced: true,
  applyOrder: APPLY_ORDER.Unranked,
};
