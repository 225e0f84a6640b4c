/** ServiceAccount: the identity pods run as. */
import { APPLY_ORDER } from './defaults';
import type { KindInfo } from './types';

export const serviceAccountKind: KindInfo = {
  kind: 'ServiceAccount',
  apiVersion: 'v1',
  resource: 'serviceaccounts',
  shortName: 'sa',
  namespaced: true,
  applyOrder: APPLY_ORDER.ServiceAccount,
  baseName: 'app',
};
