import type { Deployment } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, appLabels, defaultContainer, objectAt, objectMeta, podTemplate } from './defaults';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KindModule } from './types';
import { podSpecReferences } from './references';

type DeploymentObject = Deployment & KubeObject;

export const deploymentKind: KindModule<DeploymentObject> = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  resource: 'deployments',
  shortName: 'deploy',
  namespaced: true,
  display: { glyph: 'deploy', color: '#326ce5', shape: 'rounded', group: 'Workloads' },
  applyOrder: APPLY_ORDER.Workload + 4,
  watchers: ['controller-manager'],
  layoutColumn: 2,
  podTemplatePath: 'spec.template',
  scalable: true,
  baseName: 'web',
  create: (name, namespace) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: objectMeta(name, namespace, appLabels(name)),
    spec: {
      replicas: 2,
      selector: { matchLabels: appLabels(name) },
      template: podTemplate(name, { containers: [defaultContainer(name)] }),
    },
  }),
  podTemplate: template,
  references: [...podSpecReferences('Deployment')],
};

function template(o: DeploymentObject): PodTemplateSpec | undefined {
  return objectAt(o, 'spec', 'template');
}
