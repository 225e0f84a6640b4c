import type { Namespace } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, objectMeta } from './defaults';
import type { KindModule } from './types';

type NamespaceObject = Namespace & KubeObject;

export const namespaceKind: KindModule<NamespaceObject> = {
  kind: 'Namespace',
  apiVersion: 'v1',
  resource: 'namespaces',
  shortName: 'ns',
  namespaced: false,
  display: { glyph: 'ns', color: '#326ce5', shape: 'frame', group: 'Cluster' },
  applyOrder: APPLY_ORDER.Namespace,
  watchers: ['controller-manager'],
  baseName: 'team',
  nameFormat: 'dns1123-label',
  // Namespaces are cluster-scoped: a namespace argument is ignored.
  create: (name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: objectMeta(name, undefined, { name }) }),
  references: [],
};
