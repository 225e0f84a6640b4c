import type { Deployment } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../model/object';
import { defaultContainer } from './defaults';
import type { KindModule } from './types';

type DeploymentObject = Deployment & KubeObject;

export const deploymentKind: KindModule<DeploymentObject> = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  resource: 'deployments',
  shortName: 'deploy',
  namespaced: true,
  display: { glyph: 'deploy', color: '#326ce5', shape: 'rounded', group: 'Workloads' },
  applyOrder: 60,
  create: (name, namespace) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(namespace ? { namespace } : {}), labels: { app: name } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [defaultContainer(name)] },
      },
    },
  }),
  podTemplate: (o) => o.spec?.template,
  references: [],
};
