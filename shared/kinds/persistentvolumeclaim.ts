import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, objectMeta } from './defaults';
import type { KindModule } from './types';
import type { ReferenceDeclaration } from './references';

type PersistentVolumeClaimObject = PersistentVolumeClaim & KubeObject;

export const pvcBinding: ReferenceDeclaration = { id: 'pvc-binding', relation: 'binds', from: 'PersistentVolumeClaim', to: ['PersistentVolume', 'StorageClass'] };

export const pvcStorageClass: ReferenceDeclaration = { id: 'pvc-storage-class', relation: 'binds', from: 'PersistentVolumeClaim', to: ['StorageClass'] };

export const persistentVolumeClaimKind: KindModule<PersistentVolumeClaimObject> = {
  kind: 'PersistentVolumeClaim',
  apiVersion: 'v1',
  resource: 'persistentvolumeclaims',
  shortName: 'pvc',
  namespaced: true,
  display: { glyph: 'pvc', color: '#f29900', shape: 'cylinder', group: 'Storage' },
  applyOrder: APPLY_ORDER.PersistentVolumeClaim,
  watchers: ['controller-manager', 'scheduler'],
  layoutColumn: 3,
  baseName: 'data',
  // No storageClassName: the cluster's default StorageClass provisions it, or a class-less PV binds it.
  create: (name, namespace) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: objectMeta(name, namespace),
    spec: {
      accessModes: ['ReadWriteOnce'],
      volumeMode: 'Filesystem',
      resources: { requests: { storage: '1Gi' } },
    },
  }),
  references: [pvcBinding, pvcStorageClass],
};
