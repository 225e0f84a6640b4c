import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, appLabels, defaultContainer, objectAt, objectMeta, podTemplate } from './defaults';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KindModule } from './types';
import { type ReferenceDeclaration, podSpecReferences } from './references';

type StatefulSetObject = StatefulSet & KubeObject;

export const statefulSetClaimTemplate: ReferenceDeclaration = { id: 'statefulset-claim-template', relation: 'binds', from: 'StatefulSet', to: ['PersistentVolume', 'StorageClass'] };

export const statefulSetKind: KindModule<StatefulSetObject> = {
  kind: 'StatefulSet',
  apiVersion: 'apps/v1',
  resource: 'statefulsets',
  shortName: 'sts',
  namespaced: true,
  display: { glyph: 'sts', color: '#2a5bc4', shape: 'rounded', group: 'Workloads' },
  applyOrder: APPLY_ORDER.Workload + 5,
  watchers: ['controller-manager'],
  layoutColumn: 2,
  podTemplatePath: 'spec.template',
  scalable: true,
  baseName: 'db',
  create: (name, namespace) => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: objectMeta(name, namespace, appLabels(name)),
    spec: {
      // The governing (usually headless) Service that gives each pod its DNS name.
      serviceName: name,
      replicas: 3,
      selector: { matchLabels: appLabels(name) },
      template: podTemplate(name, {
        containers: [{ ...defaultContainer(name), volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
      }),
      // One PVC per pod (data-<name>-0, data-<name>-1…), from the default StorageClass.
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
    },
  }),
  podTemplate: template,
  references: [...podSpecReferences('StatefulSet'), statefulSetClaimTemplate],
};

function template(o: StatefulSetObject): PodTemplateSpec | undefined {
  return objectAt(o, 'spec', 'template');
}
