import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, objectMeta } from './defaults';
import type { KindModule } from './types';
import { namespaceReference } from './references';

type ResourceQuotaObject = ResourceQuota & KubeObject;

export const resourceQuotaNamespace = namespaceReference('ResourceQuota', 'resourcequota-namespace');

export const resourceQuotaKind: KindModule<ResourceQuotaObject> = {
  kind: 'ResourceQuota',
  apiVersion: 'v1',
  resource: 'resourcequotas',
  shortName: 'quota',
  namespaced: true,
  display: { glyph: 'quota', color: '#b31412', shape: 'shield', group: 'Policy' },
  applyOrder: APPLY_ORDER.Policy,
  baseName: 'quota',
  // A team-sized namespace: room for a few dozen small pods. A cpu/memory quota makes
  // requests and limits mandatory, so pair it with a LimitRange that supplies defaults.
  create: (name, namespace) => ({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: objectMeta(name, namespace),
    spec: {
      hard: {
        'requests.cpu': '4',
        'requests.memory': '8Gi',
        'limits.cpu': '8',
        'limits.memory': '16Gi',
        pods: '50',
        services: '20',
        persistentvolumeclaims: '10',
        'requests.storage': '100Gi',
        configmaps: '50',
        secrets: '50',
      },
    },
  }),
  references: [resourceQuotaNamespace],
};
