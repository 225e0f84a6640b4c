import type { Namespace } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import type { KindModule } from './types';

type NamespaceObject = Namespace & KubeObject;

export const namespaceKind: KindModule<NamespaceObject> = {
  kind: 'Namespace',
  apiVersion: 'v1',
  resource: 'namespaces',
  shortName: 'ns',
  namespaced: false,
  display: { glyph: 'ns', color: '#326ce5', shape: 'frame', group: 'Cluster' },
  applyOrder: 0,
  create: (name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }),
  references: [],
};
