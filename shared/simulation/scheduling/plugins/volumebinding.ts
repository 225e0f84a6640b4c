/**
 * VolumeBinding (pkg/scheduler/framework/plugins/volumebinding), PreFilter only here: a missing
 * claim or an unbound Immediate claim rejects the pod outright; a WaitForFirstConsumer claim whose
 * class cannot provision (kubernetes.io/no-provisioner) and that no available volume fits fails
 * every node with ErrReasonBindConflict (volume node affinity is not modelled, so the verdict is
 * the same on every node).
 */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../../model/object';
import { nsOf } from '../../store';
import { findBestVolume, isClaimBoundOrDelayed, NO_PROVISIONER } from '../../controllers/pvbinder';
import type { ClusterReader, CycleState, FilterPlugin } from '../types';

const NO_VOLUME_TO_BIND = "node(s) didn't find available persistent volumes to bind";

export const VolumeBinding: FilterPlugin = {
  name: 'VolumeBinding',
  preFilter(state, handle) {
    if (!state.pod.spec?.volumes?.length) return 'skip';
    const problem = claimProblem(state, handle.cluster);
    if (problem) return { unresolvable: problem };
    return delayedClaimWithoutVolume(state, handle.cluster) ? { everyNode: NO_VOLUME_TO_BIND } : 'skip';
  },
  filter: () => null,
};

function claimsOf(state: CycleState): string[] {
  const out: string[] = [];
  for (const v of state.pod.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName) out.push(v.persistentVolumeClaim.claimName);
  return out;
}

function claimProblem(state: CycleState, cluster: ClusterReader): string | undefined {
  for (const claimName of claimsOf(state)) {
    const pvc = cluster.getBy('PersistentVolumeClaim', nsOf(state.pod), claimName) as (PersistentVolumeClaim & KubeObject) | undefined;
    if (!pvc) return `persistentvolumeclaim "${claimName}" not found`;
    if (!isClaimBoundOrDelayed(cluster, pvc)) return 'pod has unbound immediate PersistentVolumeClaims';
  }
  return undefined;
}

function delayedClaimWithoutVolume(state: CycleState, cluster: ClusterReader): boolean {
  for (const claimName of claimsOf(state)) {
    const pvc = cluster.getBy('PersistentVolumeClaim', nsOf(state.pod), claimName) as (PersistentVolumeClaim & KubeObject) | undefined;
    if (!pvc || pvc.status?.phase === 'Bound') continue;
    const cls = cluster.getBy('StorageClass', '', pvc.spec?.storageClassName ?? '') as (StorageClass & KubeObject) | undefined;
    if (cls?.provisioner !== NO_PROVISIONER) continue;
    if (!findBestVolume(cluster.list('PersistentVolume') as (PersistentVolume & KubeObject)[], pvc)) return true;
  }
  return false;
}
