/** ServiceAccount: the identity pods run as, and a subject RBAC bindings grant roles to. */
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, objectMeta } from './defaults';
import type { KindModule } from './types';

export const serviceAccountKind: KindModule<ServiceAccount & KubeObject> = {
  kind: 'ServiceAccount',
  apiVersion: 'v1',
  resource: 'serviceaccounts',
  shortName: 'sa',
  namespaced: true,
  display: { glyph: 'sa', color: '#087f5b', shape: 'circle', group: 'Access' },
  applyOrder: APPLY_ORDER.ServiceAccount,
  layoutColumn: 3,
  baseName: 'app',
  create: (name, namespace) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: objectMeta(name, namespace) }),
  references: [],
};
