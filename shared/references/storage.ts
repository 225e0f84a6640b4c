/**
 * How a design's claims meet its volumes (upstream k8s.io/kubernetes/pkg/controller/volume/persistentvolume;
 * docs/simulator.md "Storage"). Which PV satisfies a claim is decided by volumeBinding.ts, the rule
 * the simulator's binder uses too:
 * a PV fits a claim when it is free, big enough, of the same volumeMode and class, selected by the
 * claim's selector and offers every access mode asked for; pre-binding (volumeName / claimRef)
 * wins; among fits the fewest access modes, then the smallest capacity, is chosen. A claim no PV
 * fits is provisioned by its StorageClass, or stays Pending.
 *
 * A PV binds one claim, so the whole design is planned at once: pre-bound claims first, then
 * claims in design order, then the claims StatefulSets stamp from volumeClaimTemplates.
 */
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../model/object';
import type { ObjectIndex } from '../kinds/objectIndex';
import { findObject, items, nameOf, rec, sourceNamespace, str, type ProblemSpec } from './lookup';
import {
  bestFit, claimFacts, compareVolumes, isFree, reservedFor, reservedVolumeFits, volumeFacts, volumeFitsClaim, volumeMismatch as volumeFactsMismatch, type ClaimFacts, type VolumeFacts,
} from './volumeBinding';
import { formatQuantity, quantityFromNano } from '../model/quantity';

export { volumeClassOf as pvClassOf } from './volumeBinding';

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

function annotationsOf(o: KubeObject): Record<string, string> | undefined {
  return rec(rec(o.metadata)?.annotations);
}

function specOf<T extends { spec?: unknown }>(o: KubeObject): T['spec'] | undefined {
  return rec((o as { spec?: T['spec'] }).spec);
}

/** The class a claim asks for after admission: its own, else the default StorageClass, else `''`. */
export function claimClassOf(spec: PersistentVolumeClaimSpec | undefined, annotations: Record<string, string> | undefined, index: ObjectIndex): { name: string; explicit: boolean } {
  const annotated = str(rec(annotations)?.[BETA_CLASS_ANNOTATION]);
  if (annotated !== undefined) return { name: annotated, explicit: true };
  const named = str(rec(spec)?.storageClassName);
  if (named !== undefined) return { name: named, explicit: true };
  const def = defaultStorageClass(index);
  return { name: def ? nameOf(def) : '', explicit: false };
}

/** The default StorageClass; with several, the newest wins as in Kubernetes ≥ 1.28 (then by name). */
export function defaultStorageClass(index: ObjectIndex): KubeObject | undefined {
  return plan(index).defaultClass;
}

function findDefaultClass(index: ObjectIndex): KubeObject | undefined {
  const defaults = index.list('StorageClass', '').filter((sc) => {
    const a = annotationsOf(sc) ?? {};
    return a[DEFAULT_CLASS_ANNOTATION] === 'true' || a[BETA_DEFAULT_CLASS_ANNOTATION] === 'true';
  });
  const created = (o: KubeObject) => str(rec(o.metadata)?.creationTimestamp) ?? '';
  return [...defaults].sort((a, b) => created(b).localeCompare(created(a)) || nameOf(a).localeCompare(nameOf(b)))[0];
}

/** Upstream checkVolumeSatisfyClaim: the first reason a PV cannot serve a claim, in upstream's words. */
export function volumeMismatch(pv: KubeObject, spec: PersistentVolumeClaimSpec | undefined, className: string): string | undefined {
  return volumeFactsMismatch(volumeFacts(pv), claimFacts({ spec }, className));
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
  const defaultClass = findDefaultClass(index);
  cache = { defaultClass, claims: new Map(), templates: new Map() };
  caches.set(index, cache);
  const c = cache;
  // The cache (with its default class) is in place before any claim is classed.
  const classOf = (spec: PersistentVolumeClaimSpec | undefined, annotations: Record<string, string> | undefined) => claimClassOf(spec, annotations, index);
  const volumes = index.list('PersistentVolume', '').map(volumeFacts).sort(compareVolumes);
  const byObject = new Map(volumes.map((v) => [v.pv, v]));
  const takenBy = new Map<KubeObject, string>();
  const claims = index.list('PersistentVolumeClaim', '*');
  const claimsById = new Map(claims.map((pvc) => [`${sourceNamespace(pvc)}/${nameOf(pvc)}`, pvc]));

  // 1. Claims that name their volume.
  for (const pvc of claims) {
    const spec = specOf<PersistentVolumeClaim>(pvc);
    const volumeName = str(spec?.volumeName);
    if (!volumeName) continue;
    const id = `${sourceNamespace(pvc)}/${nameOf(pvc)}`;
    const pv = findObject(index, '', 'PersistentVolume', '', volumeName);
    const v = pv && byObject.get(pv);
    const claim = claimFacts(pvc, classOf(spec, annotationsOf(pvc)).name);
    let binding: ClaimBinding;
    if (!pv || !v) {
      binding = pending('error', `volume "${volumeName}" requested by claim ${id} not found`, 'Create the PersistentVolume, or clear volumeName to let the claim bind any fitting volume.');
    } else if ((v.claimRef && !reservedFor(v, claim)) || takenBy.has(pv)) {
      binding = pending('error', `volume "${volumeName}" is already bound to a different claim (${v.claimRef?.id ?? takenBy.get(pv)})`, 'Point volumeName at a free PersistentVolume.');
    } else {
      const reason = volumeFactsMismatch(v, claim);
      binding = reason
        ? pending('error', `Cannot bind to requested volume "${volumeName}": ${reason}`, 'Make the claim and the volume agree on size, storageClassName, volumeMode and accessModes.')
        : { kind: 'volume', pv };
      if (!reason) takenBy.set(pv, id);
    }
    c.claims.set(index.keyOf(pvc), binding);
  }

  // 2. Volumes that name their claim (claimRef): only size and volumeMode are checked upstream.
  for (const v of volumes) {
    const pvc = v.claimRef ? claimsById.get(v.claimRef.id) : undefined;
    if (!pvc || takenBy.has(v.pv) || c.claims.has(index.keyOf(pvc))) continue;
    if (!reservedVolumeFits(v, claimFacts(pvc, v.className))) continue;
    takenBy.set(v.pv, v.claimRef!.id);
    c.claims.set(index.keyOf(pvc), { kind: 'volume', pv: v.pv });
  }

  // Free volumes by class and volumeMode, in preference order; a bound volume leaves its bucket.
  const free = new Map<string, VolumeFacts[]>();
  const bound = new Map<string, VolumeFacts[]>();
  const push = (m: Map<string, VolumeFacts[]>, bucket: string, v: VolumeFacts) => {
    const list = m.get(bucket);
    if (list) list.push(v);
    else m.set(bucket, [v]);
  };
  for (const v of volumes) push(takenBy.has(v.pv) || !isFree(v) ? bound : free, `${v.className}|${v.volumeMode}`, v);

  const bindOne = (rawSpec: PersistentVolumeClaimSpec | undefined, annotations: Record<string, string> | undefined): ClaimBinding => {
    const spec = rec(rawSpec);
    const cls = classOf(spec, rec(annotations));
    const claim = claimFacts({ spec }, cls.name);
    const bucket = `${cls.name}|${claim.volumeMode}`;
    const candidates = free.get(bucket) ?? [];
    const v = bestFit(candidates, claim);
    if (v) {
      candidates.splice(candidates.indexOf(v), 1);
      push(bound, bucket, v);
      return { kind: 'volume', pv: v.pv };
    }
    const taken = (bound.get(bucket) ?? []).find((x) => volumeFitsClaim(x, claim));
    return provisionOrPending(index, cls, spec, taken && taken.name, taken ? undefined : tooSmall(candidates, claim));
  };

  // 3. Every other claim, in design order.
  for (const pvc of claims) {
    const key = index.keyOf(pvc);
    if (c.claims.has(key)) continue;
    c.claims.set(key, bindOne(specOf<PersistentVolumeClaim>(pvc), annotationsOf(pvc)));
  }

  // 4. The claims StatefulSets stamp, `<template>-<statefulset>-<ordinal>`; an existing PVC of that name is adopted.
  for (const sts of index.list('StatefulSet', '*')) {
    const spec = specOf<StatefulSet>(sts);
    const replicas = typeof spec?.replicas === 'number' ? Math.max(0, Math.floor(spec.replicas)) : 1;
    const ns = sourceNamespace(sts);
    for (const tpl of items(spec?.volumeClaimTemplates)) {
      const tplName = str(rec(tpl.metadata)?.name) ?? '';
      const bindings: ClaimBinding[] = [];
      for (let i = 0; i < replicas; i++) {
        const existing = findObject(index, '', 'PersistentVolumeClaim', ns, `${tplName}-${nameOf(sts)}-${i}`);
        const b = existing ? c.claims.get(index.keyOf(existing))! : bindOne(tpl.spec, rec(tpl.metadata)?.annotations);
        bindings.push(b);
        // Later ordinals would find no more PVs than this one did: stop (replicas may be large).
        if (b.kind !== 'volume' && !existing) break;
      }
      c.templates.set(`${index.keyOf(sts)}#${tplName}`, bindings);
    }
  }
  return c;
}

/**
 * When free volumes of the claim's class exist and each would fit but for its size, the largest
 * of them (to say so, rather than blame the class): upstream's checkVolumeSatisfyClaim reason
 * `requested PV is too small`.
 */
function tooSmall(candidates: readonly VolumeFacts[], claim: ClaimFacts): VolumeFacts | undefined {
  if (candidates.length === 0 || claim.request <= 0n) return undefined;
  let largest: VolumeFacts | undefined;
  for (const v of candidates) {
    if (v.capacity < 0n || v.capacity >= claim.request || !volumeFitsClaim({ ...v, capacity: claim.request }, claim)) return undefined;
    if (!largest || v.capacity > largest.capacity) largest = v;
  }
  return largest;
}

function provisionOrPending(index: ObjectIndex, cls: { name: string; explicit: boolean }, spec: PersistentVolumeClaimSpec | undefined, takenFit: string | undefined, small?: VolumeFacts): ClaimBinding {
  const taken = takenFit ? ` (PersistentVolume "${takenFit}" would fit but another claim binds it)` : '';
  const sc = cls.name === '' ? undefined : findObject(index, 'storage.k8s.io', 'StorageClass', '', cls.name);
  const provisions = sc && !!str((sc as { provisioner?: unknown }).provisioner) && str((sc as { provisioner?: unknown }).provisioner) !== NO_PROVISIONER;
  if (small && !provisions) {
    const asked = formatQuantity(quantityFromNano(claimRequest(spec), 'BinarySI'));
    const has = formatQuantity(quantityFromNano(small.capacity, 'BinarySI'));
    const of = cls.name === '' ? 'without a storage class' : `of class "${cls.name}"`;
    return pending('error', `no persistent volumes available for this claim: every free PersistentVolume ${of} is too small (requested PV is too small): the largest, "${small.name}", has ${has}, the claim requests ${asked}`,
      `Lower the claim's request to ${has} or less, or add a PersistentVolume ${of} of at least ${asked}.`);
  }
  if (cls.name === '') {
    return pending(
      cls.explicit ? 'error' : 'warning',
      `no persistent volumes available for this claim and no storage class is set${taken}`,
      cls.explicit
        ? 'Add a PersistentVolume that fits (size, access modes, storageClassName ""), or name a StorageClass.'
        : 'Add a PersistentVolume that fits, or a StorageClass marked default (the target cluster may have one).',
    );
  }
  if (!sc) {
    return pending('warning', `storageclass.storage.k8s.io "${cls.name}" not found${taken}`,
      `Add StorageClass "${cls.name}" to the design, or a PersistentVolume of that class (the target cluster may already have the class).`);
  }
  const provisioner = str((sc as { provisioner?: unknown }).provisioner);
  if (!provisioner || provisioner === NO_PROVISIONER) {
    return pending('error', `no persistent volumes available for this claim: StorageClass "${cls.name}" does not provision volumes (${provisioner || 'no provisioner'})${taken}`,
      `Add a PersistentVolume with storageClassName "${cls.name}" that fits the claim.`);
  }
  if (rec(spec)?.selector) {
    return pending('error', `Failed to provision volume with StorageClass "${cls.name}": claim Selector is not supported`,
      'Remove the selector to let the class provision, or add a PersistentVolume with matching labels.');
  }
  return { kind: 'provision', storageClass: sc };
}

function claimRequest(spec: PersistentVolumeClaimSpec | undefined): bigint {
  return claimFacts({ spec }, '').request;
}

function pending(severity: 'error' | 'warning', message: string, hint: string): ClaimBinding {
  return { kind: 'pending', problem: { severity, message, hint } };
}
