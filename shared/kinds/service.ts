import type { Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, appLabels, objectMeta } from './defaults';
import type { KindModule } from './types';
import type { ReferenceDeclaration } from './references';

type ServiceObject = Service & KubeObject;

export const serviceSelector: ReferenceDeclaration = { id: 'service-selector', relation: 'selects', from: 'Service', to: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'] };

export const serviceKind: KindModule<ServiceObject> = {
  kind: 'Service',
  apiVersion: 'v1',
  resource: 'services',
  shortName: 'svc',
  namespaced: true,
  display: { glyph: 'svc', color: '#0f9d58', shape: 'hexagon', group: 'Networking' },
  applyOrder: APPLY_ORDER.Service,
  watchers: ['controller-manager'],
  layoutColumn: 1,
  baseName: 'svc',
  nameFormat: 'dns1035-label',
  create: (name, namespace) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(name, namespace, appLabels(name)),
    spec: {
      type: 'ClusterIP',
      // Selects the pods of the same-named workload (its template carries `app: <name>`).
      selector: appLabels(name),
      // targetPort by name: follows the container port called `http` whatever its number.
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    },
  }),
  references: [serviceSelector],
};
