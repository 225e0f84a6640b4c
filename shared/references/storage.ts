/**
 * How claims meet volumes (KUBERNETES.md "Storage", upstream pkg/controller/volume/persistentvolume):
 * a PV fits a claim when it is free, big enough, of the same volumeMode and class, selected by the
 * claim's selector and offers every access mode asked for; pre-binding (volumeName / claimRef)
 * wins; among fits the fewest access modes, then the smallest capacity, is chosen. A claim no PV
 * fits is provisioned by its StorageClass, or stays Pending.
 *
 * A PV binds one claim, so the whole design is planned at once: pre-bound claims first, then
 * claims in design order, then the claims StatefulSets stamp from volumeClaimTemplates.
 */
import type { PersistentVolume, PersistentVolumeClaim, PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../model/object';
import type { ObjectIndex } from '../model/objectIndex';
import { parseQuantity } from '../model/quantity';
import { selectorMatches } from '../model/selector';
import { findObject, sourceNamespace, type ProblemSpec } from './lookup';

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';
/** The provisioner name of classes that never provision (local volumes are made by hand). */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export type ClaimBinding =
  | { kind: 'volume'; pv: KubeObject }
  | { kind: 'provision'; storageClass: KubeObject }
  | { kind: 'pending'; problem: ProblemSpec };

interface StorageCache {
  defaultClass: KubeObject | undefined;
  /** By PVC object key. */
  claims: Map<string, ClaimBinding>;
  /** By `<sts key>#<template name>`: the binding of each ordinal, as far as it was planned. */
  templates: Map<string, ClaimBinding[]>;
}

const caches = new WeakMap<ObjectIndex, StorageCache>();

export function pvClassOf(pv: KubeObject): string {
  return pv.metadata.annotations?.[BETA_CLASS_ANNOTATION] ?? (pv as PersistentVolume).spec?.storageClassName ?? '';
}

/** The class a claim asks for after admission: its own, else the default StorageClass, else `''`. */
export function claimClassOf(spec: PersistentVolumeClaimSpec | undefined, annotations: Record<string, string> | undefined, index: ObjectIndex): { name: string; explicit: boolean } {
  const annotated = annotations?.[BETA_CLASS_ANNOTATION];
  if (annotated !== undefined) return { name: annotated, explicit: true };
  if (spec?.storageClassName !== undefined && spec.storageClassName !== null) return { name: spec.storageClassName, explicit: true };
  const def = defaultStorageClass(index);
  return { name: def?.metadata.name ?? '', explicit: false };
}

/** The default StorageClass; with several, the newest wins as in Kubernetes ≥ 1.28 (then by name). */
export function defaultStorageClass(index: ObjectIndex): KubeObject | undefined {
  return plan(index).defaultClass;
}

function findDefaultClass(index: ObjectIndex): KubeObject | undefined {
  const defaults = index.list('StorageClass', '').filter((sc) => {
    const a = sc.metadata.annotations ?? {};
    return a[DEFAULT_CLASS_ANNOTATION] === 'true' || a[BETA_DEFAULT_CLASS_ANNOTATION] === 'true';
  });
  return [...defaults].sort((a, b) =>
    (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name))[0];
}

function storageRequest(spec: PersistentVolumeClaimSpec | undefined): bigint {
  const s = spec?.resources?.requests?.storage;
  return s === undefined ? 0n : safeNano(s);
}

function capacityOf(pv: KubeObject): bigint {
  const s = (pv as PersistentVolume).spec?.capacity?.storage;
  return s === undefined ? 0n : safeNano(s);
}

function safeNano(q: string | number): bigint {
  try {
    return parseQuantity(q).nano;
  } catch {
    return -1n; // not a quantity: schema validation reports it; here it fits nothing
  }
}

/** Upstream checkVolumeSatisfyClaim: the first reason a PV cannot serve a claim, in upstream's words. */
export function volumeMismatch(pv: KubeObject, spec: PersistentVolumeClaimSpec | undefined, className: string): string | undefined {
  const pvSpec = (pv as PersistentVolume).spec;
  const request = storageRequest(spec);
  if (capacityOf(pv) < request || request < 0n) return 'requested PV is too small';
  if (pvClassOf(pv) !== className) return 'storageClassName does not match';
  if ((pvSpec?.volumeMode ?? 'Filesystem') !== (spec?.volumeMode ?? 'Filesystem')) return 'incompatible volumeMode';
  const offered = new Set(pvSpec?.accessModes ?? []);
  if (!(spec?.accessModes ?? []).every((m) => offered.has(m))) return 'incompatible accessMode';
  return undefined;
}

function claimRefOf(pv: KubeObject): string | undefined {
  const ref = (pv as PersistentVolume).spec?.claimRef;
  if (!ref?.name) return undefined;
  return `${ref.namespace || 'default'}/${ref.name}`;
}

/** The binding the design plans for a PersistentVolumeClaim. */
export function claimBinding(index: ObjectIndex, pvc: KubeObject): ClaimBinding | undefined {
  return plan(index).claims.get(index.keyOf(pvc));
}

/** The bindings planned for the ordinals of a StatefulSet's volumeClaimTemplate (stops at the first that binds no PV). */
export function templateBindings(index: ObjectIndex, sts: KubeObject, template: string): ClaimBinding[] {
  return plan(index).templates.get(`${index.keyOf(sts)}#${template}`) ?? [];
}

function plan(index: ObjectIndex): StorageCache {
  let cache = caches.get(index);
  if (cache) return cache;
  cache = { defaultClass: findDefaultClass(index), claims: new Map(), templates: new Map() };
  caches.set(index, cache);
  const c = cache;
  const pvs = [...index.list('PersistentVolume', '')].sort((a, b) => rank(a, b));
  const takenBy = new Map<KubeObject, string>();
  const claims = index.list('PersistentVolumeClaim', '*');
  const claimsById = new Map(claims.map((pvc) => [`${sourceNamespace(pvc)}/${pvc.metadata.name}`, pvc]));

  // 1. Claims that name their volume.
  for (const pvc of claims) {
    const spec = (pvc as PersistentVolumeClaim).spec;
    if (!spec?.volumeName) continue;
    const id = `${sourceNamespace(pvc)}/${pvc.metadata.name}`;
    const pv = findObject(index, '', 'PersistentVolume', '', spec.volumeName);
    let binding: ClaimBinding;
    if (!pv) {
      binding = pending('error', `volume "${spec.volumeName}" requested by claim ${id} not found`, 'Create the PersistentVolume, or clear volumeName to let the claim bind any fitting volume.');
    } else if ((claimRefOf(pv) && claimRefOf(pv) !== id) || takenBy.has(pv)) {
      binding = pending('error', `volume "${spec.volumeName}" is already bound to a different claim (${claimRefOf(pv) ?? takenBy.get(pv)})`, 'Point volumeName at a free PersistentVolume.');
    } else {
      const reason = volumeMismatch(pv, spec, claimClassOf(spec, pvc.metadata.annotations, index).name);
      binding = reason
        ? pending('error', `Cannot bind to requested volume "${spec.volumeName}": ${reason}`, 'Make the claim and the volume agree on size, storageClassName, volumeMode and accessModes.')
        : { kind: 'volume', pv };
      if (!reason) takenBy.set(pv, id);
    }
    c.claims.set(index.keyOf(pvc), binding);
  }

  // 2. Volumes that name their claim (claimRef): only size and volumeMode are checked upstream.
  for (const pv of pvs) {
    const ref = claimRefOf(pv);
    const pvc = ref ? claimsById.get(ref) : undefined;
    if (!pvc || takenBy.has(pv) || c.claims.has(index.keyOf(pvc))) continue;
    const reason = volumeMismatch(pv, (pvc as PersistentVolumeClaim).spec, pvClassOf(pv));
    if (reason === 'requested PV is too small' || reason === 'incompatible volumeMode') continue;
    takenBy.set(pv, ref!);
    c.claims.set(index.keyOf(pvc), { kind: 'volume', pv });
  }

  const free = (pv: KubeObject) => !takenBy.has(pv) && claimRefOf(pv) === undefined;
  const bindOne = (id: string, spec: PersistentVolumeClaimSpec | undefined, annotations: Record<string, string> | undefined): ClaimBinding => {
    const cls = claimClassOf(spec, annotations, index);
    let takenFit: string | undefined;
    for (const pv of pvs) {
      if (volumeMismatch(pv, spec, cls.name) !== undefined) continue;
      if (spec?.selector && !selectorMatches(spec.selector, pv.metadata.labels ?? {})) continue;
      if (!free(pv)) {
        takenFit ??= pv.metadata.name;
        continue;
      }
      takenBy.set(pv, id);
      return { kind: 'volume', pv };
    }
    return provisionOrPending(index, cls, spec, takenFit);
  };

  // 3. Every other claim, in design order.
  for (const pvc of claims) {
    const key = index.keyOf(pvc);
    if (c.claims.has(key)) continue;
    c.claims.set(key, bindOne(`${sourceNamespace(pvc)}/${pvc.metadata.name}`, (pvc as PersistentVolumeClaim).spec, pvc.metadata.annotations));
  }

  // 4. The claims StatefulSets stamp, `<template>-<statefulset>-<ordinal>`; an existing PVC of that name is adopted.
  for (const sts of index.list('StatefulSet', '*')) {
    const spec = (sts as StatefulSet).spec;
    const replicas = Math.max(0, Math.floor(spec?.replicas ?? 1));
    const ns = sourceNamespace(sts);
    for (const tpl of spec?.volumeClaimTemplates ?? []) {
      const tplName = tpl.metadata?.name ?? '';
      const bindings: ClaimBinding[] = [];
      for (let i = 0; i < replicas; i++) {
        const claimName = `${tplName}-${sts.metadata.name}-${i}`;
        const existing = findObject(index, '', 'PersistentVolumeClaim', ns, claimName);
        const b = existing ? c.claims.get(index.keyOf(existing))! : bindOne(`${ns}/${claimName}`, tpl.spec, tpl.metadata?.annotations);
        bindings.push(b);
        // Later ordinals would find no more PVs than this one did: stop (replicas may be large).
        if (b.kind !== 'volume' && !existing) break;
      }
      c.templates.set(`${index.keyOf(sts)}#${tplName}`, bindings);
    }
  }
  return c;
}

function provisionOrPending(index: ObjectIndex, cls: { name: string; explicit: boolean }, spec: PersistentVolumeClaimSpec | undefined, takenFit: string | undefined): ClaimBinding {
  const taken = takenFit ? ` (PersistentVolume "${takenFit}" would fit but another claim binds it)` : '';
  if (cls.name === '') {
    return pending(
      cls.explicit ? 'error' : 'warning',
      `no persistent volumes available for this claim and no storage class is set${taken}`,
      cls.explicit
        ? 'Add a PersistentVolume that fits (size, access modes, storageClassName ""), or name a StorageClass.'
        : 'Add a PersistentVolume that fits, or a StorageClass marked default (the target cluster may have one).',
    );
  }
  const sc = findObject(index, 'storage.k8s.io', 'StorageClass', '', cls.name);
  if (!sc) {
    return pending('warning', `storageclass.storage.k8s.io "${cls.name}" not found${taken}`,
      `Add StorageClass "${cls.name}" to the design, or a PersistentVolume of that class (the target cluster may already have the class).`);
  }
  const provisioner = (sc as { provisioner?: string }).provisioner;
  if (!provisioner || provisioner === NO_PROVISIONER) {
    return pending('error', `no persistent volumes available for this claim: StorageClass "${cls.name}" does not provision volumes (${provisioner || 'no provisioner'})${taken}`,
      `Add a PersistentVolume with storageClassName "${cls.name}" that fits the claim.`);
  }
  if (spec?.selector) {
    return pending('error', `Failed to provision volume with StorageClass "${cls.name}": claim Selector is not supported`,
      'Remove the selector to let the class provision, or add a PersistentVolume with matching labels.');
  }
  return { kind: 'provision', storageClass: sc };
}

function pending(severity: 'error' | 'warning', message: string, hint: string): ClaimBinding {
  return { kind: 'pending', problem: { severity, message, hint } };
}

/** Upstream's preference among fits: fewest access modes, then smallest capacity (then name, for determinism). */
function rank(a: KubeObject, b: KubeObject): number {
  const modes = ((a as PersistentVolume).spec?.accessModes ?? []).length - ((b as PersistentVolume).spec?.accessModes ?? []).length;
  if (modes !== 0) return modes;
  const ca = capacityOf(a);
  const cb = capacityOf(b);
  if (ca !== cb) return ca < cb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
