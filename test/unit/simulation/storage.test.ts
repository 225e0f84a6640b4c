import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../shared/model/object';
import { findBestVolume, volumeFits } from '../../../shared/simulation/controllers/pvbinder';
import { container, eventsOf, pod, pv, pvc, run, storageClass } from './helpers';

type PV = PersistentVolume & KubeObject;
type PVC = PersistentVolumeClaim & KubeObject;
const claim = (storage: string, extra: Record<string, unknown> = {}) => pvc('data', 'default', storage, { storageClassName: '', ...extra }) as PVC;

describe('a PersistentVolume fits a claim by the binder\'s rules', () => {
  it.each([
    ['capacity below the request', pv('a', '1Gi'), claim('2Gi'), false],
    ['capacity equal to the request', pv('a', '2Gi'), claim('2Gi'), true],
    ['another volumeMode', pv('a', '5Gi', { volumeMode: 'Block' }), claim('1Gi'), false],
    ['a class mismatch', pv('a', '5Gi', { storageClassName: 'fast' }), claim('1Gi'), false],
    ['"" matching only ""', pv('a', '5Gi'), claim('1Gi', { storageClassName: '' }), true],
    ['access modes not a subset', pv('a', '5Gi', { accessModes: ['ReadOnlyMany'] }), claim('1Gi'), false],
    ['the claim selector not matching labels', pv('a', '5Gi', {}, { tier: 'slow' }), claim('1Gi', { selector: { matchLabels: { tier: 'fast' } } }), false],
    ['the claim selector matching labels', pv('a', '5Gi', {}, { tier: 'fast' }), claim('1Gi', { selector: { matchLabels: { tier: 'fast' } } }), true],
    ['a volume pre-bound to another claim', pv('a', '5Gi', { claimRef: { namespace: 'default', name: 'other' } }), claim('1Gi'), false],
    ['a Bound volume', { ...pv('a', '5Gi'), status: { phase: 'Bound' } }, claim('1Gi'), false],
  ])('%s', (_name, volume, c, fits) => {
    expect(volumeFits(volume as PV, c)).toBe(fits);
  });

  it('picks the fewest access modes first, then the smallest capacity', () => {
    const vols = [pv('big', '10Gi'), pv('rwx-small', '1Gi', { accessModes: ['ReadWriteOnce', 'ReadWriteMany'] }), pv('small', '2Gi'), pv('tiny', '512Mi')] as PV[];
    expect(findBestVolume(vols, claim('1Gi'))?.metadata.name).toBe('small');
  });

  it('honours pre-binding by volumeName and by claimRef', () => {
    const vols = [pv('small', '2Gi'), pv('chosen', '10Gi')] as PV[];
    expect(findBestVolume(vols, claim('1Gi', { volumeName: 'chosen' }))?.metadata.name).toBe('chosen');
    const claimed = [pv('small', '2Gi'), pv('reserved', '10Gi', { claimRef: { namespace: 'default', name: 'data' } })] as PV[];
    expect(findBestVolume(claimed, claim('1Gi'))?.metadata.name).toBe('reserved');
  });
});

describe('binding in the simulated cluster', () => {
  it('binds a claim to the smallest fitting volume and the pod runs', () => {
    const r = run([pv('pv-10', '10Gi'), pv('pv-5', '5Gi'), pvc('data', 'default', '3Gi', { storageClassName: '' }), pod('db', 'default', [container('db')], { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] })]);
    expect(r.persistentVolumeClaims).toEqual([{ namespace: 'default', name: 'data', phase: 'Bound', volume: 'pv-5', capacity: '5Gi', storageClass: '' }]);
    expect(r.persistentVolumes.find((v) => v.name === 'pv-5')).toMatchObject({ phase: 'Bound', claim: 'default/data' });
    expect(r.pods[0].status).toBe('Running');
  });

  it('leaves an unbindable claim Pending with the no-storage-class message, and its pod unschedulable', () => {
    const r = run([pv('pv-1', '1Gi'), pvc('data', 'default', '3Gi'), pod('db', 'default', [container('db')], { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] })]);
    expect(r.persistentVolumeClaims[0]).toMatchObject({ phase: 'Pending', volume: '' });
    expect(eventsOf(r, 'FailedBinding')).toEqual(['no persistent volumes available for this claim and no storage class is set']);
    expect(eventsOf(r, 'FailedScheduling')[0]).toContain('pod has unbound immediate PersistentVolumeClaims');
    // pv_controller.go syncUnboundClaim records it as v1.EventTypeNormal.
    expect(r.events.find((e) => e.reason === 'FailedBinding')?.type).toBe('Normal');
  });

  // pv_controller.go syncUnboundClaim: `ctrl.eventRecorder.Event(claim, v1.EventTypeWarning, events.VolumeMismatch,
  // "Cannot bind to requested volume %q: %s")` with checkVolumeSatisfyClaim's "requested PV is too small".
  it('a claim naming a too-small volume gets Warning VolumeMismatch and stays Pending', () => {
    const r = run([pv('small', '1Gi'), pvc('data', 'default', '3Gi', { volumeName: 'small' })]);
    // kubectl get pvc shows spec.volumeName in VOLUME even while the claim is Pending.
    expect(r.persistentVolumeClaims[0]).toMatchObject({ phase: 'Pending', volume: 'small' });
    expect(r.persistentVolumes[0]).toMatchObject({ name: 'small', claim: '' });
    expect(r.events.filter((e) => e.reason === 'VolumeMismatch').map((e) => `${e.type} ${e.message}`)).toEqual(['Warning Cannot bind to requested volume "small": requested PV is too small']);
  });

  it('gives a classless claim the default StorageClass, which provisions a volume of the requested size', () => {
    const r = run([storageClass('standard', 'rancher.io/local-path', {}, true), pvc('data', 'default', '3Gi')]);
    const c = r.persistentVolumeClaims[0];
    expect(c).toMatchObject({ phase: 'Bound', storageClass: 'standard', capacity: '3Gi' });
    expect(c.volume).toMatch(/^pvc-[0-9a-f-]{36}$/);
    expect(eventsOf(r, 'ProvisioningSucceeded')).toEqual([`Successfully provisioned volume ${c.volume}`]);
  });

  it('waits for the first consumer, then provisions once the pod is scheduled', () => {
    const sc = storageClass('local', 'rancher.io/local-path', { volumeBindingMode: 'WaitForFirstConsumer' });
    const lonely = run([sc, pvc('data', 'default', '1Gi', { storageClassName: 'local' })]);
    expect(lonely.persistentVolumeClaims[0].phase).toBe('Pending');
    expect(eventsOf(lonely, 'WaitForFirstConsumer')).toEqual(['waiting for first consumer to be created before binding']);
    const used = run([sc, pvc('data', 'default', '1Gi', { storageClassName: 'local' }), pod('db', 'default', [container('db')], { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] })]);
    expect(used.persistentVolumeClaims[0].phase).toBe('Bound');
    expect(used.pods[0].status).toBe('Running');
  });

  it('does not start a pod whose first-consumer claim has no volume and no provisioner; it runs once a volume appears', () => {
    const manual = storageClass('manual', 'kubernetes.io/no-provisioner', { volumeBindingMode: 'WaitForFirstConsumer' });
    const db = pod('db', 'default', [container('db')], { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] });
    const r = run([manual, pvc('data', 'default', '1Gi', { storageClassName: 'manual' }), db]);
    expect(r.pods[0]).toMatchObject({ status: 'Pending', node: '' });
    expect(r.persistentVolumeClaims[0].phase).toBe('Pending');
    expect(eventsOf(r, 'FailedScheduling')).toEqual([
      "0/3 nodes are available: 3 node(s) didn't find available persistent volumes to bind. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
    ]);
    const later = run([manual, pvc('data', 'default', '1Gi', { storageClassName: 'manual' }), db], {
      scenario: { steps: [{ action: 'wait', seconds: 5 }, { action: 'apply', objects: [pv('local-1', '2Gi', { storageClassName: 'manual' })] }, { action: 'wait', steady: true }] },
    });
    expect(later.pods[0].status).toBe('Running');
    expect(later.persistentVolumeClaims[0]).toMatchObject({ phase: 'Bound', volume: 'local-1' });
  });

  it('keeps a pod placed by nodeName ContainerCreating until its claim is bound, then starts it', () => {
    const db = pod('db', 'default', [container('db')], { nodeName: 'node-1', volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] });
    const r = run([pvc('data', 'default', '3Gi', { storageClassName: '' }), db]);
    expect(r.pods[0]).toMatchObject({ status: 'ContainerCreating', node: 'node-1' });
    expect(eventsOf(r, 'Started')).toEqual([]);
    const later = run([pvc('data', 'default', '3Gi', { storageClassName: '' }), db], {
      scenario: { steps: [{ action: 'wait', seconds: 5 }, { action: 'apply', objects: [pv('pv-5', '5Gi')] }, { action: 'wait', steady: true }] },
    });
    expect(later.pods[0].status).toBe('Running');
    expect(later.persistentVolumeClaims[0]).toMatchObject({ phase: 'Bound', volume: 'pv-5' });
  });

  it('does not provision for kubernetes.io/no-provisioner', () => {
    const r = run([storageClass('manual', 'kubernetes.io/no-provisioner'), pvc('data', 'default', '1Gi', { storageClassName: 'manual' })]);
    expect(r.persistentVolumeClaims[0].phase).toBe('Pending');
    expect(r.persistentVolumes).toEqual([]);
  });
});
