import type { Ingress } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, appLabels, objectMeta } from './defaults';
import type { KindModule } from './types';
import type { ReferenceDeclaration } from './references';

type IngressObject = Ingress & KubeObject;

export const ingressBackend: ReferenceDeclaration = { id: 'ingress-backend', relation: 'routes', from: 'Ingress', to: ['Service'] };

export const ingressKind: KindModule<IngressObject> = {
  kind: 'Ingress',
  apiVersion: 'networking.k8s.io/v1',
  resource: 'ingresses',
  shortName: 'ing',
  namespaced: true,
  display: { glyph: 'ing', color: '#0b8043', shape: 'diamond', group: 'Networking' },
  applyOrder: APPLY_ORDER.Ingress,
  layoutColumn: 0,
  baseName: 'ingress',
  create: (name, namespace) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: objectMeta(name, namespace, appLabels(name)),
    // No backend until the user connects a Service: a placeholder would name a Service that does
    // not exist and draw a broken edge. The API server wants rules or a defaultBackend, so
    // validation's `unconnected` check says "connect it to a Service" until then.
    spec: {},
  }),
  references: [ingressBackend],
};
