/**
 * The PersistentVolume controller's binder (pkg/controller/volume/persistentvolume): matching
 * rules and smallest fit, pre-binding, the default StorageClass, dynamic provisioning for classes
 * with a provisioner, and WaitForFirstConsumer.
 */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../model/object';
import { claimFacts, isFree, matchVolume, reservedFor, volumeFacts, volumeFitsClaim, volumeMismatch } from '../../references/volumeBinding';
import type { Cluster, Controller } from '../cluster';
import { keyFor, nsOf, storeKey, type Store, type WatchEvent } from '../store';
import { update, writeStatus } from './util';

export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
const USER = 'system:serviceaccount:kube-system:persistent-volume-binder';
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

type PVC = PersistentVolumeClaim & KubeObject;
type PV = PersistentVolume & KubeObject;

function storageClassOf(store: Pick<Store, 'getBy'>, pvc: PVC): (StorageClass & KubeObject) | undefined {
  const name = pvc.spec?.storageClassName;
  return name ? (store.getBy('StorageClass', '', name) as (StorageClass & KubeObject) | undefined) : undefined;
}

/** A claim the scheduler may go ahead with: bound, or waiting for its first consumer. */
export function isClaimBoundOrDelayed(store: Pick<Store, 'getBy'>, pvc: PVC): boolean {
  if (pvc.status?.phase === 'Bound') return true;
  return storageClassOf(store, pvc)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** The class a claim asks for (storage.GetPersistentVolumeClaimClass); admission has set the default. */
function claimClassName(pvc: PVC): string {
  return pvc.metadata.annotations?.[BETA_CLASS_ANNOTATION] ?? pvc.spec?.storageClassName ?? '';
}

/** Whether `pv` can satisfy `pvc`: free or reserved for it, and fitting (references/volumeBinding.ts). */
export function volumeFits(pv: PV, pvc: PVC): boolean {
  const v = volumeFacts(pv);
  const claim = claimFacts(pvc, claimClassName(pvc));
  return (isFree(v) || reservedFor(v, claim)) && volumeFitsClaim(v, claim);
}

/** The volume the binder picks, by the rule validation plans with (references/volumeBinding.ts matchVolume). */
export function findBestVolume(pvs: PV[], pvc: PVC): PV | undefined {
  return matchVolume(pvs.map(volumeFacts), claimFacts(pvc, claimClassName(pvc)))?.pv as PV | undefined;
}

export class PersistentVolumeBinder implements Controller {
  readonly name = 'persistentvolume-controller';
  readonly component = 'controller-manager' as const;

  constructor(private readonly c: Cluster) {}

  handle(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'PersistentVolumeClaim') {
      if (ev.type === 'DELETED') this.release(o as PVC);
      else this.c.enqueue(this, storeKey(o));
    } else if ((o.kind === 'PersistentVolume' || o.kind === 'StorageClass') && ev.type !== 'DELETED') {
      for (const pvc of this.c.store.list('PersistentVolumeClaim')) if ((pvc.status as { phase?: string } | undefined)?.phase !== 'Bound') this.c.enqueue(this, storeKey(pvc));
    }
  }

  sync(key: string): void {
    const c = this.c;
    const pvc = c.store.get(key) as PVC | undefined;
    if (!pvc || pvc.metadata.deletionTimestamp) return;
    if (pvc.status?.phase === 'Bound') return;
    const pv = findBestVolume(c.store.list('PersistentVolume') as PV[], pvc);
    if (pv) return this.bind(pvc, pv);
    if (!pvc.status?.phase) writeStatus(c, USER, 'controller-manager', pvc, { phase: 'Pending' });
    // A claim that names its volume waits for that volume: it is never provisioned (syncUnboundClaim).
    if (pvc.spec?.volumeName) return this.volumeNameMismatch(c.store.get(key) as PVC);
    const clsName = pvc.spec?.storageClassName ?? '';
    const cls = storageClassOf(c.store, pvc);
    const involved = c.store.get(key) as PVC;
    if (!clsName) {
      // pv_controller.go syncUnboundClaim: `ctrl.eventRecorder.Event(claim, v1.EventTypeNormal, events.FailedBinding,
      // "no persistent volumes available for this claim and no storage class is set")`.
      c.event(involved, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', this.name);
      return;
    }
    if (!cls) {
      c.event(involved, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${clsName}" not found`, this.name);
      return;
    }
    if (cls.volumeBindingMode === 'WaitForFirstConsumer' && !pvc.metadata.annotations?.[SELECTED_NODE]) {
      c.event(involved, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding', this.name);
      return;
    }
    if (cls.provisioner === NO_PROVISIONER) {
      c.event(involved, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${NO_PROVISIONER}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`, this.name);
      return;
    }
    if (pvc.spec?.selector) {
      c.event(involved, 'Warning', 'ProvisioningFailed', `Failed to provision volume with StorageClass "${cls.metadata.name}": claim Selector is not supported`, this.name);
      return;
    }
    this.provision(involved, cls);
  }

  private volumeNameMismatch(pvc: PVC): void {
    const pv = this.c.store.getBy('PersistentVolume', '', pvc.spec?.volumeName ?? '') as PV | undefined;
    if (!pv) return;
    const reason = volumeMismatch(volumeFacts(pv), claimFacts(pvc, claimClassName(pvc)));
    if (reason) this.c.event(pvc, 'Warning', 'VolumeMismatch', `Cannot bind to requested volume "${pv.metadata.name}": ${reason}`, this.name);
  }

  private provision(pvc: PVC, cls: StorageClass & KubeObject): void {
    const c = this.c;
    const ref = `${nsOf(pvc)}/${pvc.metadata.name}`;
    c.event(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${ref}"`, cls.provisioner);
    const name = `pvc-${pvc.metadata.uid}`;
    const pv: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name, annotations: { 'pv.kubernetes.io/provisioned-by': cls.provisioner } },
      spec: {
        capacity: { storage: pvc.spec?.resources?.requests?.storage ?? '1Gi' },
        accessModes: pvc.spec?.accessModes ?? ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: cls.reclaimPolicy ?? 'Delete',
        storageClassName: cls.metadata.name,
        volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
        claimRef: { kind: 'PersistentVolumeClaim', namespace: nsOf(pvc), name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1' },
        csi: { driver: cls.provisioner, volumeHandle: name },
      },
      status: { phase: 'Available' },
    };
    const r = c.api.request({ verb: 'create', user: cls.provisioner, component: 'controller-manager', object: pv });
    if (!r.ok) {
      c.event(pvc, 'Warning', 'ProvisioningFailed', r.message, cls.provisioner);
      return;
    }
    c.event(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`, cls.provisioner);
    this.bind(c.store.get(storeKey(pvc)) as PVC, r.object as PV);
  }

  private bind(pvc: PVC, pv: PV): void {
    const c = this.c;
    const claimRef = { kind: 'PersistentVolumeClaim', namespace: nsOf(pvc), name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1' };
    const r1 = update(c, USER, 'controller-manager', { ...pv, metadata: { ...pv.metadata, annotations: { ...pv.metadata.annotations, 'pv.kubernetes.io/bound-by-controller': 'yes' } }, spec: { ...pv.spec, claimRef } });
    if (!r1.ok) return;
    writeStatus(c, USER, 'controller-manager', r1.object, { phase: 'Bound' });
    const r2 = update(c, USER, 'controller-manager', { ...pvc, metadata: { ...pvc.metadata, annotations: { ...pvc.metadata.annotations, 'pv.kubernetes.io/bind-completed': 'yes' } }, spec: { ...pvc.spec, volumeName: pv.metadata.name } });
    if (!r2.ok) return;
    writeStatus(c, USER, 'controller-manager', r2.object, { phase: 'Bound', accessModes: pv.spec?.accessModes, capacity: pv.spec?.capacity });
  }

  /** A deleted claim releases its volume: Retain keeps it Released, Delete removes it. */
  private release(pvc: PVC): void {
    const c = this.c;
    const name = pvc.spec?.volumeName;
    if (!name) return;
    const pv = c.store.get(keyFor('PersistentVolume', '', name)) as PV | undefined;
    if (!pv || pv.spec?.claimRef?.uid !== pvc.metadata.uid) return;
    if ((pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain') === 'Delete') c.api.request({ verb: 'delete', user: USER, component: 'controller-manager', object: pv });
    else writeStatus(c, USER, 'controller-manager', pv, { phase: 'Released' });
  }
}
