/**
 * Which PersistentVolume satisfies a claim: the one rule that validation (references/storage.ts,
 * planning a design's claims) and the simulator's PersistentVolume controller
 * (simulation/controllers/pvbinder.ts) both use, so they cannot disagree. Upstream:
 * pkg/controller/volume/persistentvolume (syncUnboundClaim, findMatchingVolume,
 * checkVolumeSatisfyClaim) and pkg/controller/volume/persistentvolume/index.go (smallest fit
 * among the fewest access modes).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { labelSelector, rec, str, stringMap, strings } from '../model/guards';
import { metadataName, metadataNamespace, type KubeObject } from '../model/object';
import { parseQuantity } from '../model/quantity';
import { selectorMatches } from '../model/selector';

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** What the rule reads from a PersistentVolume. */
export interface VolumeFacts {
  pv: KubeObject;
  name: string;
  className: string;
  volumeMode: string;
  accessModes: ReadonlySet<string>;
  /** storage in nano units; -1 when not a quantity (then it fits nothing). */
  capacity: bigint;
  labels: Record<string, string>;
  /** `namespace/name` of the claim it is reserved for (spec.claimRef), and that claim's uid if set. */
  claimRef?: { id: string; uid?: string };
  /** status.phase; a design's volumes have none, which counts as Available. */
  phase?: string;
}

/** What the rule reads from a claim, its class already resolved (own, annotation, or the default). */
export interface ClaimFacts {
  /** `namespace/name`. */
  id: string;
  uid?: string;
  className: string;
  volumeMode: string;
  accessModes: string[];
  /** requests.storage in nano units; -1 when not a quantity. */
  request: bigint;
  selector?: LabelSelector;
  volumeName?: string;
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return rec(v as Record<string, unknown> | undefined);
}

function nano(q: unknown): bigint {
  if (q === undefined) return 0n;
  if (typeof q !== 'string' && typeof q !== 'number') return -1n;
  try {
    return parseQuantity(q).nano;
  } catch {
    return -1n; // not a quantity: schema validation reports it; here it fits nothing
  }
}

/** storage.GetPersistentVolumeClass: the beta annotation wins over spec.storageClassName. */
export function volumeClassOf(pv: KubeObject): string {
  return str(obj(obj(pv.metadata)?.annotations)?.[BETA_CLASS_ANNOTATION]) ?? str(obj(pv.spec)?.storageClassName) ?? '';
}

export function volumeFacts(pv: KubeObject): VolumeFacts {
  const spec = obj(pv.spec);
  const ref = obj(spec?.claimRef);
  const refName = str(ref?.name);
  const uid = str(ref?.uid);
  const phase = str(obj((pv as { status?: unknown }).status)?.phase);
  return {
    pv,
    name: metadataName(pv),
    className: volumeClassOf(pv),
    volumeMode: str(spec?.volumeMode) ?? 'Filesystem',
    accessModes: new Set(strings(spec?.accessModes)),
    capacity: nano(obj(spec?.capacity)?.storage),
    labels: stringMap(obj(pv.metadata)?.labels),
    ...(refName ? { claimRef: { id: `${str(ref?.namespace) || 'default'}/${refName}`, ...(uid ? { uid } : {}) } } : {}),
    ...(phase ? { phase } : {}),
  };
}

/** A claim's facts; `className` as the caller resolved it (validation applies the default class itself). */
export function claimFacts(pvc: { metadata?: unknown; spec?: unknown }, className: string): ClaimFacts {
  const spec = obj(pvc.spec);
  const selector = labelSelector(spec?.selector);
  const volumeName = str(spec?.volumeName);
  const uid = str(obj(pvc.metadata)?.uid);
  return {
    id: `${metadataNamespace(pvc)}/${metadataName(pvc)}`,
    ...(uid ? { uid } : {}),
    className,
    volumeMode: str(spec?.volumeMode) ?? 'Filesystem',
    accessModes: strings(spec?.accessModes),
    request: nano(obj(obj(spec?.resources)?.requests)?.storage),
    ...(selector ? { selector } : {}),
    ...(volumeName ? { volumeName } : {}),
  };
}

/** checkVolumeSatisfyClaim: the first reason a volume cannot serve the claim, in upstream's words. */
export function volumeMismatch(v: VolumeFacts, c: ClaimFacts): string | undefined {
  if (v.capacity < c.request || c.request < 0n) return 'requested PV is too small';
  if (v.className !== c.className) return 'storageClassName does not match';
  if (v.volumeMode !== c.volumeMode) return 'incompatible volumeMode';
  if (!c.accessModes.every((m) => v.accessModes.has(m))) return 'incompatible accessMode';
  return undefined;
}

/** The volume is reserved for this claim (isVolumeBoundToClaim: name, namespace and, when set, uid). */
export function reservedFor(v: VolumeFacts, c: ClaimFacts): boolean {
  return v.claimRef?.id === c.id && (!v.claimRef.uid || !c.uid || v.claimRef.uid === c.uid);
}

/** A volume reserved for the claim is taken when big enough and of the same volumeMode; nothing else is checked upstream. */
export function reservedVolumeFits(v: VolumeFacts, c: ClaimFacts): boolean {
  return c.request >= 0n && v.capacity >= c.request && v.volumeMode === c.volumeMode;
}

/** Free to bind: reserved for no claim and Available (a design's volumes have no phase). */
export function isFree(v: VolumeFacts): boolean {
  return !v.claimRef && (v.phase === undefined || v.phase === 'Available');
}

/** findMatchingVolume's filters on a free volume: class, selector, access modes, size, volumeMode. */
export function volumeFitsClaim(v: VolumeFacts, c: ClaimFacts): boolean {
  return (!c.selector || selectorMatches(c.selector, v.labels)) && volumeMismatch(v, c) === undefined;
}

/** Upstream's preference among fits: fewest access modes, then smallest capacity (then name, for determinism). */
export function compareVolumes(a: VolumeFacts, b: VolumeFacts): number {
  const modes = a.accessModes.size - b.accessModes.size;
  if (modes !== 0) return modes;
  if (a.capacity !== b.capacity) return a.capacity < b.capacity ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The best of `volumes` that fits the claim (callers pass only the volumes free to bind). */
export function bestFit(volumes: readonly VolumeFacts[], c: ClaimFacts): VolumeFacts | undefined {
  let best: VolumeFacts | undefined;
  for (const v of volumes) if (volumeFitsClaim(v, c) && (!best || compareVolumes(v, best) < 0)) best = v;
  return best;
}

/**
 * Which volume the claim binds: the one it names (volumeName) if that fits and is not reserved for
 * another claim, else none; without volumeName, the best volume reserved for it (claimRef) that
 * fits, else the best free fit.
 */
export function matchVolume(volumes: readonly VolumeFacts[], c: ClaimFacts): VolumeFacts | undefined {
  if (c.volumeName) {
    const v = volumes.find((x) => x.name === c.volumeName);
    if (!v || (v.claimRef && !reservedFor(v, c)) || volumeMismatch(v, c)) return undefined;
    return v;
  }
  let reserved: VolumeFacts | undefined;
  for (const v of volumes) if (reservedFor(v, c) && reservedVolumeFits(v, c) && (!reserved || compareVolumes(v, reserved) < 0)) reserved = v;
  return reserved ?? bestFit(volumes.filter(isFree), c);
}
