import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/model/object';
import { keyOf, make, onlyRef, refs } from './helpers';

const pv = (name: string, storage: string, extra: Record<string, unknown> = {}, labels?: Record<string, string>) =>
  make('PersistentVolume', name, undefined, { metadata: labels ? { labels } : {}, spec: { capacity: { storage }, ...extra } });
const pvc = (name: string, storage: string, extra: Record<string, unknown> = {}, namespace = 'shop') =>
  make('PersistentVolumeClaim', name, namespace, { spec: { resources: { requests: { storage } }, ...extra } });
const sc = (name: string, isDefault = false, provisioner = 'rancher.io/local-path') =>
  make('StorageClass', name, undefined, {
    provisioner,
    metadata: isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {},
  });
const binding = (objects: KubeObject[], claim: KubeObject) => onlyRef('pvc-binding', objects, claim);

describe('PVC → the PersistentVolume it would bind', () => {
  it('the default claim binds the default volume (1Gi RWO, no class, into 10Gi RWO, no class)', () => {
    const v = make('PersistentVolume', 'disk');
    const c = make('PersistentVolumeClaim', 'data', 'shop');
    expect(binding([v, c], c)).toMatchObject({ relation: 'binds', targets: [keyOf(v)] });
    expect(binding([v, c], c).problem).toBeUndefined();
  });

  it('chooses the smallest volume that fits', () => {
    const c = pvc('data', '3Gi');
    const small = pv('small', '2Gi');
    const fits = pv('fits', '5Gi');
    const big = pv('big', '100Gi');
    expect(binding([big, small, fits, c], c).targets).toEqual([keyOf(fits)]);
  });

  it('prefers the volume with the fewest access modes over a smaller one with more', () => {
    const c = pvc('data', '1Gi');
    const many = pv('many', '1Gi', { accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'] });
    const one = pv('one', '50Gi', { accessModes: ['ReadWriteOnce'] });
    expect(binding([many, one, c], c).targets).toEqual([keyOf(one)]);
  });

  it('needs every access mode of the claim on the volume', () => {
    const c = pvc('shared', '1Gi', { accessModes: ['ReadWriteMany'] });
    const rwo = pv('rwo', '10Gi');
    const rwx = pv('rwx', '10Gi', { accessModes: ['ReadWriteMany', 'ReadWriteOnce'] });
    expect(binding([rwo, c], c).targets).toEqual([]);
    expect(binding([rwo, rwx, c], c).targets).toEqual([keyOf(rwx)]);
  });

  it('needs the same storageClassName: "" only matches "" and "manual" only "manual"', () => {
    const manual = pv('manual-disk', '10Gi', { storageClassName: 'manual' });
    const plain = pv('plain-disk', '10Gi');
    const wantsManual = pvc('a', '1Gi', { storageClassName: 'manual' });
    const wantsNone = pvc('b', '1Gi', { storageClassName: '' });
    expect(binding([manual, plain, wantsManual], wantsManual).targets).toEqual([keyOf(manual)]);
    expect(binding([manual, plain, wantsNone], wantsNone).targets).toEqual([keyOf(plain)]);
  });

  it('needs the same volumeMode (unset is Filesystem)', () => {
    const block = pv('block', '10Gi', { volumeMode: 'Block' });
    const c = pvc('data', '1Gi');
    expect(binding([block, c], c).targets).toEqual([]);
    const blockClaim = pvc('raw', '1Gi', { volumeMode: 'Block' });
    expect(binding([block, blockClaim], blockClaim).targets).toEqual([keyOf(block)]);
  });

  it('honours the claim selector against the volume labels', () => {
    const fast = pv('fast', '20Gi', {}, { speed: 'fast' });
    const slow = pv('slow', '10Gi', {}, { speed: 'slow' });
    const c = pvc('data', '1Gi', { selector: { matchLabels: { speed: 'fast' } } });
    expect(binding([fast, slow, c], c).targets).toEqual([keyOf(fast)]);
  });

  it('binds one claim per volume: the second claim gets nothing, and says which volume was taken', () => {
    const v = pv('only', '10Gi');
    const first = pvc('first', '1Gi');
    const second = pvc('second', '1Gi');
    const objects = [v, first, second];
    expect(binding(objects, first).targets).toEqual([keyOf(v)]);
    const r = binding(objects, second);
    expect(r.targets).toEqual([]);
    expect(r.problem?.message).toBe('no persistent volumes available for this claim and no storage class is set (PersistentVolume "only" would fit but another claim binds it)');
  });

  it('volumeName pre-binding wins over a better fit, and is served before unnamed claims', () => {
    const small = pv('small', '1Gi');
    const big = pv('big', '10Gi');
    const greedy = pvc('greedy', '1Gi');
    const named = pvc('named', '1Gi', { volumeName: 'small' });
    const objects = [small, big, greedy, named];
    expect(binding(objects, named).targets).toEqual([keyOf(small)]);
    expect(binding(objects, greedy).targets).toEqual([keyOf(big)]);
  });

  it('volumeName to a volume that does not fit stays Pending with upstream\'s reason', () => {
    const cases: [Record<string, unknown>, Record<string, unknown>, string][] = [
      [{ capacity: { storage: '1Gi' } }, { resources: { requests: { storage: '5Gi' } } }, 'requested PV is too small'],
      [{ storageClassName: 'manual' }, {}, 'storageClassName does not match'],
      [{ volumeMode: 'Block' }, {}, 'incompatible volumeMode'],
      [{ accessModes: ['ReadOnlyMany'] }, {}, 'incompatible accessMode'],
    ];
    for (const [pvSpec, claimSpec, reason] of cases) {
      const v = make('PersistentVolume', 'disk', undefined, { spec: pvSpec });
      const c = make('PersistentVolumeClaim', 'data', 'shop', { spec: { volumeName: 'disk', ...claimSpec } });
      const r = binding([v, c], c);
      expect(r.targets).toEqual([]);
      expect(r.problem).toMatchObject({ severity: 'error', message: `Cannot bind to requested volume "disk": ${reason}` });
    }
  });

  it('volumeName to a missing volume is an error', () => {
    const c = pvc('data', '1Gi', { volumeName: 'ghost' });
    expect(binding([c], c).problem).toMatchObject({ severity: 'error', message: 'volume "ghost" requested by claim shop/data not found' });
  });

  it('a volume whose claimRef names the claim binds it; a volume reserved for another claim binds nobody else', () => {
    const reserved = pv('reserved', '10Gi', { claimRef: { namespace: 'shop', name: 'owner' } });
    const owner = pvc('owner', '1Gi', { storageClassName: 'whatever' });
    const stranger = pvc('stranger', '1Gi');
    const objects = [reserved, stranger, owner];
    expect(binding(objects, owner).targets).toEqual([keyOf(reserved)]);
    expect(binding(objects, stranger).targets).toEqual([]);
  });
});

describe('PVC → the StorageClass that would provision it', () => {
  it('a claim no volume fits is provisioned by its named StorageClass', () => {
    const fast = sc('fast');
    const c = pvc('data', '1Gi', { storageClassName: 'fast' });
    expect(binding([fast, pv('disk', '10Gi'), c], c)).toMatchObject({ targets: [keyOf(fast)], path: 'spec.storageClassName' });
  });

  it('a claim without class gets the default StorageClass', () => {
    const std = sc('standard', true);
    const c = pvc('data', '1Gi');
    expect(binding([sc('other'), std, c], c).targets).toEqual([keyOf(std)]);
  });

  it('with a default StorageClass, a class-less volume no longer binds a class-less claim (admission sets the class)', () => {
    const std = sc('standard', true);
    const c = pvc('data', '1Gi');
    expect(binding([std, pv('disk', '10Gi'), c], c).targets).toEqual([keyOf(std)]);
  });

  it('a volume of the claim\'s class is used before provisioning a new one', () => {
    const fast = sc('fast');
    const v = pv('fast-disk', '10Gi', { storageClassName: 'fast' });
    const c = pvc('data', '1Gi', { storageClassName: 'fast' });
    expect(binding([fast, v, c], c).targets).toEqual([keyOf(v)]);
    expect(onlyRef('pvc-storage-class', [fast, v, c], c).targets).toEqual([keyOf(fast)]);
  });

  it('a named class the design lacks is a warning (the target cluster may have it)', () => {
    const c = pvc('data', '1Gi', { storageClassName: 'gp3' });
    expect(binding([c], c).problem).toMatchObject({ severity: 'warning', message: 'storageclass.storage.k8s.io "gp3" not found' });
  });

  // Upstream pkg/controller/volume/persistentvolume/pv_controller.go checkVolumeSatisfyClaim:
  // `return fmt.Errorf("requested PV is too small")` when volumeQty.Cmp(requestedQty) < 0.
  it('every volume of the claim\'s class is too small: says so, not that the class is missing', () => {
    const small = pv('manual-1', '1Gi', { storageClassName: 'manual' });
    const smaller = pv('manual-2', '512Mi', { storageClassName: 'manual' });
    const c = pvc('data', '5Gi', { storageClassName: 'manual' });
    expect(binding([small, smaller, c], c).problem).toMatchObject({
      severity: 'error',
      message: 'no persistent volumes available for this claim: every free PersistentVolume of class "manual" is too small (requested PV is too small): the largest, "manual-1", has 1Gi, the claim requests 5Gi',
    });
    // A volume that fails for another reason too (access modes) is not "too small only": the class message stays.
    const rwx = pvc('shared', '5Gi', { storageClassName: 'manual', accessModes: ['ReadWriteMany'] });
    expect(binding([small, rwx], rwx).problem?.message).toBe('storageclass.storage.k8s.io "manual" not found');
    // A class that provisions still provisions.
    expect(binding([sc('manual'), small, c], c).problem).toBeUndefined();
  });

  it('a class with kubernetes.io/no-provisioner provisions nothing', () => {
    const local = sc('local', false, 'kubernetes.io/no-provisioner');
    const c = pvc('data', '1Gi', { storageClassName: 'local' });
    expect(binding([local, c], c).problem?.severity).toBe('error');
  });

  it('a class cannot provision for a claim with a selector', () => {
    const c = pvc('data', '1Gi', { storageClassName: 'fast', selector: { matchLabels: { a: 'b' } } });
    expect(binding([sc('fast'), c], c).problem?.message).toBe('Failed to provision volume with StorageClass "fast": claim Selector is not supported');
  });

  it('no volume and no class: the PV controller\'s message, an error when the claim asked for class ""', () => {
    const implicit = pvc('a', '1Gi');
    const explicit = pvc('b', '1Gi', { storageClassName: '' });
    expect(binding([implicit], implicit).problem).toMatchObject({ severity: 'warning', message: 'no persistent volumes available for this claim and no storage class is set' });
    expect(binding([explicit], explicit).problem?.severity).toBe('error');
  });

  it('a static class name without a StorageClass object is no problem for a claim bound to a volume', () => {
    const v = pv('disk', '10Gi', { storageClassName: 'manual' });
    const c = pvc('data', '1Gi', { storageClassName: 'manual' });
    expect(refs('pvc-storage-class', [v, c])).toEqual([]);
    expect(binding([v, c], c).problem).toBeUndefined();
  });
});

describe('StatefulSet volumeClaimTemplates', () => {
  it('each template reaches the StorageClass that provisions its per-pod claims', () => {
    const std = sc('standard', true);
    const sts = make('StatefulSet', 'db', 'shop');
    const r = onlyRef('statefulset-claim-template', [std, sts], sts);
    expect(r).toMatchObject({ relation: 'binds', targets: [keyOf(std)], path: 'spec.volumeClaimTemplates[0]', label: 'volumeClaimTemplate "data"' });
    expect(r.problem).toBeUndefined();
  });

  it('reaches one free volume per replica, and says which claim is left without one', () => {
    const sts = make('StatefulSet', 'db', 'shop'); // 3 replicas, 1Gi RWO each
    const a = pv('a', '5Gi');
    const b = pv('b', '5Gi');
    const r = onlyRef('statefulset-claim-template', [a, b, sts], sts);
    expect(r.targets.sort()).toEqual([keyOf(a), keyOf(b)].sort());
    expect(r.problem?.message).toBe('volumeClaimTemplate "data", claim data-db-2: no persistent volumes available for this claim and no storage class is set (PersistentVolume "a" would fit but another claim binds it)');
  });

  it('stand-alone claims bind before the StatefulSet\'s, and a claim named data-<sts>-<n> is adopted', () => {
    const v = pv('v', '5Gi');
    const adopted = make('PersistentVolumeClaim', 'data-db-0', 'shop', { spec: { storageClassName: 'fast' } });
    const sts = make('StatefulSet', 'db', 'shop', { spec: { replicas: 1 } });
    const fast = sc('fast');
    const r = onlyRef('statefulset-claim-template', [fast, v, sts, adopted], sts);
    expect(r.targets).toEqual([keyOf(fast)]);
  });

  it('makes no reference when scaled to zero replicas', () => {
    expect(refs('statefulset-claim-template', [make('StatefulSet', 'db', 'shop', { spec: { replicas: 0 } })])).toEqual([]);
  });
});
