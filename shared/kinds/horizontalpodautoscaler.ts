import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, objectMeta } from './defaults';
import type { KindModule } from './types';
import type { ReferenceDeclaration } from './references';

type HorizontalPodAutoscalerObject = HorizontalPodAutoscaler & KubeObject;

export const hpaTarget: ReferenceDeclaration = { id: 'hpa-target', relation: 'scales', from: 'HorizontalPodAutoscaler', to: ['Deployment', 'StatefulSet', 'ReplicaSet'] };

export const horizontalPodAutoscalerKind: KindModule<HorizontalPodAutoscalerObject> = {
  kind: 'HorizontalPodAutoscaler',
  apiVersion: 'autoscaling/v2',
  resource: 'horizontalpodautoscalers',
  shortName: 'hpa',
  namespaced: true,
  display: { glyph: 'hpa', color: '#1a73e8', shape: 'circle', group: 'Workloads' },
  applyOrder: APPLY_ORDER.HorizontalPodAutoscaler,
  watchers: ['controller-manager'],
  layoutColumn: 2,
  baseName: 'hpa',
  // Scales a Deployment on CPU (utilization is measured against the pods' requests). Which one is
  // the user's to say: the target's name stays empty until connected, rather than naming a
  // Deployment that does not exist; validation's `unconnected` check asks to connect it.
  create: (name, namespace) => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: objectMeta(name, namespace),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: '' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
  }),
  references: [hpaTarget],
};
