import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, appLabels, defaultContainer, objectAt, objectMeta, podTemplate } from './defaults';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KindModule } from './types';
import { podSpecReferences } from './references';

type DaemonSetObject = DaemonSet & KubeObject;

export const daemonSetKind: KindModule<DaemonSetObject> = {
  kind: 'DaemonSet',
  apiVersion: 'apps/v1',
  resource: 'daemonsets',
  shortName: 'ds',
  namespaced: true,
  display: { glyph: 'ds', color: '#1d4fb0', shape: 'rounded', group: 'Workloads' },
  applyOrder: APPLY_ORDER.Workload,
  watchers: ['controller-manager'],
  layoutColumn: 2,
  podTemplatePath: 'spec.template',
  baseName: 'agent',
  create: (name, namespace) => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: objectMeta(name, namespace, appLabels(name)),
    spec: {
      selector: { matchLabels: appLabels(name) },
      // A node agent: one pod per node, smaller than an application container.
      template: podTemplate(name, {
        containers: [
          {
            ...defaultContainer(name, 'fluent/fluent-bit:3.1', 2020),
            resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
          },
        ],
      }),
    },
  }),
  podTemplate: template,
  references: [...podSpecReferences('DaemonSet')],
};

function template(o: DaemonSetObject): PodTemplateSpec | undefined {
  return objectAt(o, 'spec', 'template');
}
