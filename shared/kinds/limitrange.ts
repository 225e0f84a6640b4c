import type { LimitRange } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, objectMeta } from './defaults';
import type { KindModule } from './types';
import { namespaceReference } from './references';

type LimitRangeObject = LimitRange & KubeObject;

export const limitRangeNamespace = namespaceReference('LimitRange', 'limitrange-namespace');

export const limitRangeKind: KindModule<LimitRangeObject> = {
  kind: 'LimitRange',
  apiVersion: 'v1',
  resource: 'limitranges',
  shortName: 'limits',
  namespaced: true,
  display: { glyph: 'limits', color: '#e37400', shape: 'shield', group: 'Policy' },
  applyOrder: APPLY_ORDER.Policy,
  baseName: 'limits',
  // Containers that say nothing get requests and limits; nobody gets more than 2 CPU / 2Gi.
  create: (name, namespace) => ({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: objectMeta(name, namespace),
    spec: {
      limits: [
        {
          type: 'Container',
          default: { cpu: '500m', memory: '256Mi' },
          defaultRequest: { cpu: '100m', memory: '128Mi' },
          max: { cpu: '2', memory: '2Gi' },
          min: { cpu: '10m', memory: '16Mi' },
        },
      ],
    },
  }),
  references: [limitRangeNamespace],
};
