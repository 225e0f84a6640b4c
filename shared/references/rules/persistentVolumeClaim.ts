import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { findObject, nameOf, rec, reference, str } from '../lookup';
import { claimBinding, claimClassOf } from '../storage';
import type { ReferenceRule } from '../types';
import { pvcBinding, pvcStorageClass } from '../../kinds/persistentvolumeclaim';

/** PVC → the PV it would bind, or the StorageClass that would provision it, or why it stays Pending. */
export const pvcBindingRule: ReferenceRule = {
  ...pvcBinding,
  resolve(source, index) {
    const b = claimBinding(index, source);
    if (!b) return [];
    const spec = rec((source as PersistentVolumeClaim).spec);
    const path = str(spec?.volumeName) ? 'spec.volumeName' : 'spec';
    const key = index.keyOf(source);
    if (b.kind === 'volume') return [reference('pvc-binding', 'binds', key, path, `PersistentVolume "${nameOf(b.pv)}"`, [index.keyOf(b.pv)])];
    if (b.kind === 'provision') {
      return [reference('pvc-binding', 'binds', key, 'spec.storageClassName', `StorageClass "${nameOf(b.storageClass)}" (provisions)`, [index.keyOf(b.storageClass)])];
    }
    return [reference('pvc-binding', 'binds', key, path, 'a PersistentVolume or StorageClass', [], b.problem)];
  },
};

/**
 * PVC → its StorageClass, when a claim bound to a PV names (or defaults to) a class that exists in
 * the design. Provisioned claims already reach their class through pvc-binding; a class name with
 * no StorageClass object is legal for static volumes (e.g. `manual`), so it is no problem here.
 */
export const pvcStorageClassRule: ReferenceRule = {
  ...pvcStorageClass,
  resolve(source, index) {
    const b = claimBinding(index, source);
    if (b?.kind !== 'volume') return [];
    const cls = claimClassOf(rec((source as PersistentVolumeClaim).spec), rec(rec(source.metadata)?.annotations), index);
    const sc = cls.name ? findObject(index, 'storage.k8s.io', 'StorageClass', '', cls.name) : undefined;
    if (!sc) return [];
    return [reference('pvc-storage-class', 'binds', index.keyOf(source), 'spec.storageClassName', `StorageClass "${cls.name}"`, [index.keyOf(sc)])];
  },
};
