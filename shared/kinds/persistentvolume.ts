import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, objectMeta } from './defaults';
import type { KindModule } from './types';

type PersistentVolumeObject = PersistentVolume & KubeObject;

export const persistentVolumeKind: KindModule<PersistentVolumeObject> = {
  kind: 'PersistentVolume',
  apiVersion: 'v1',
  resource: 'persistentvolumes',
  shortName: 'pv',
  namespaced: false,
  display: { glyph: 'pv', color: '#e8710a', shape: 'cylinder', group: 'Storage' },
  applyOrder: APPLY_ORDER.PersistentVolume,
  watchers: ['controller-manager', 'scheduler'],
  layoutColumn: 1,
  baseName: 'pv',
  // A statically provisioned volume on the node's disk (the Kubernetes "Configure a Pod to Use a
  // PersistentVolume" tutorial). No storageClassName: it binds claims that ask for no class.
  create: (name) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: objectMeta(name),
    spec: {
      capacity: { storage: '10Gi' },
      volumeMode: 'Filesystem',
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Retain',
      hostPath: { path: `/mnt/data/${name}`, type: 'DirectoryOrCreate' },
    },
  }),
  references: [],
};
