import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, objectMeta } from './defaults';
import { pvcBindingRule, pvcStorageClassRule } from '../references/rules/persistentVolumeClaim';
import type { KindModule } from './types';

type PersistentVolumeClaimObject = PersistentVolumeClaim & KubeObject;

export const persistentVolumeClaimKind: KindModule<PersistentVolumeClaimObject> = {
  kind: 'PersistentVolumeClaim',
  apiVersion: 'v1',
  resource: 'persistentvolumeclaims',
  shortName: 'pvc',
  namespaced: true,
  display: { glyph: 'pvc', color: '#f29900', shape: 'cylinder', group: 'Storage' },
  applyOrder: APPLY_ORDER.PersistentVolumeClaim,
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
  references: [pvcBindingRule, pvcStorageClassRule],
};
