import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, objectMeta } from './defaults';
import type { KindModule } from './types';

type StorageClassObject = StorageClass & KubeObject;

export const storageClassKind: KindModule<StorageClassObject> = {
  kind: 'StorageClass',
  apiVersion: 'storage.k8s.io/v1',
  resource: 'storageclasses',
  shortName: 'sc',
  namespaced: false,
  display: { glyph: 'sc', color: '#c26401', shape: 'cylinder', group: 'Storage' },
  applyOrder: APPLY_ORDER.StorageClass,
  layoutColumn: 0,
  baseName: 'standard',
  // A dynamic local-disk provisioner (what kind, k3s and many labs ship). Not marked default:
  // a cluster should have one default class, and the user chooses which.
  create: (name) => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: objectMeta(name),
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: false,
  }),
  references: [],
};
