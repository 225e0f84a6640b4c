import type { Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { serviceSelectorRule } from '../references/rules/service';
import type { KindModule } from './types';

type ServiceObject = Service & KubeObject;

export const serviceKind: KindModule<ServiceObject> = {
  kind: 'Service',
  apiVersion: 'v1',
  resource: 'services',
  shortName: 'svc',
  namespaced: true,
  display: { glyph: 'svc', color: '#0f9d58', shape: 'hexagon', group: 'Networking' },
  applyOrder: 70,
  create: (name, namespace) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: {
      type: 'ClusterIP',
      selector: { app: name },
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    },
  }),
  references: [serviceSelectorRule],
};
