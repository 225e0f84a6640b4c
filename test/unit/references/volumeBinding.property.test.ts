// Validation (references/storage.ts, planning the design) and the simulated PersistentVolume
// controller (simulation/controllers/pvbinder.ts) must bind a claim to the same volume, provision
// it the same way, or leave it Pending alike: they share references/volumeBinding.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/model/object';
import { ObjectIndex } from '../../../shared/kinds/objectIndex';
import { claimBinding } from '../../../shared/references/storage';
import { simulate } from '../../../shared/simulation';

const MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'];
const SIZES = ['512Mi', '1Gi', '2Gi', '5Gi', '10Gi'];
// '' binds only class-less volumes; manual has no StorageClass object; local cannot provision; fast provisions.
const CLASSES = ['', 'manual', 'local', 'fast'];
const storageClasses: KubeObject[] = [
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner' } as KubeObject,
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'example.com/fast' } as KubeObject,
];

const modes = fc.subarray(MODES, { minLength: 1 });
const tier = fc.option(fc.constantFrom('gold', 'silver'), { nil: undefined });
const volume = fc.record({
  size: fc.constantFrom(...SIZES),
  className: fc.constantFrom(...CLASSES),
  modes,
  block: fc.constantFrom(false, false, true),
  tier,
  claimRef: fc.constantFrom(undefined, undefined, undefined, 'data', 'other'),
});
const claim = fc.record({
  size: fc.constantFrom(...SIZES),
  className: fc.option(fc.constantFrom(...CLASSES), { nil: undefined }),
  modes,
  block: fc.boolean(),
  selector: tier,
  volumeName: fc.option(fc.constantFrom('pv-0', 'pv-1', 'pv-2', 'missing'), { nil: undefined }),
});

type Volume = typeof volume extends fc.Arbitrary<infer T> ? T : never;
type Claim = typeof claim extends fc.Arbitrary<infer T> ? T : never;

function objects(volumes: Volume[], c: Claim): KubeObject[] {
  const pvs = volumes.map((v, i): KubeObject => ({
    apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: `pv-${i}`, ...(v.tier ? { labels: { tier: v.tier } } : {}) },
    spec: {
      capacity: { storage: v.size }, accessModes: v.modes, storageClassName: v.className, hostPath: { path: `/data/pv-${i}` },
      ...(v.block ? { volumeMode: 'Block' } : {}),
      ...(v.claimRef ? { claimRef: { namespace: 'default', name: v.claimRef } } : {}),
    },
  }));
  const pvc: KubeObject = {
    apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' },
    spec: {
      accessModes: c.modes, resources: { requests: { storage: c.size } },
      ...(c.className !== undefined ? { storageClassName: c.className } : {}),
      ...(c.block ? { volumeMode: 'Block' } : {}),
      ...(c.selector ? { selector: { matchLabels: { tier: c.selector } } } : {}),
      ...(c.volumeName ? { volumeName: c.volumeName } : {}),
    },
  };
  return [...storageClasses, ...pvs, pvc];
}

/** `volume <name>`, `provision` or `pending`, as validation plans it. */
function planned(all: KubeObject[]): string {
  const index = new ObjectIndex(all);
  const b = claimBinding(index, all[all.length - 1]);
  return b?.kind === 'volume' ? `volume ${b.pv.metadata.name}` : b?.kind ?? 'none';
}

/** The same, as the simulated cluster ends up. */
function simulated(all: KubeObject[]): string {
  const r = simulate({ objects: all, cluster: { nodes: [{ name: 'node-1', cpu: '4', memory: '8Gi', pods: 110 }] }, seed: 1 });
  const pvc = r.persistentVolumeClaims.find((p) => p.name === 'data');
  if (pvc?.phase !== 'Bound') return 'pending';
  return pvc.volume.startsWith('pvc-') ? 'provision' : `volume ${pvc.volume}`;
}

describe('one volume-binding rule: validation and simulation agree', () => {
  it('on random claims and volumes (class, size, access modes, volumeMode, selector, volumeName, claimRef, smallest fit)', () => {
    fc.assert(
      fc.property(fc.array(volume, { maxLength: 5 }), claim, (volumes, c) => {
        const all = objects(volumes, c);
        expect(simulated(all)).toBe(planned(all));
      }),
      { numRuns: 150 },
    );
  });

  it('picks the smallest of the fewest-access-mode fits in both', () => {
    const volumes: Volume[] = [
      { size: '10Gi', className: '', modes: ['ReadWriteOnce'], block: false, tier: undefined, claimRef: undefined },
      { size: '2Gi', className: '', modes: ['ReadWriteOnce', 'ReadWriteMany'], block: false, tier: undefined, claimRef: undefined },
      { size: '5Gi', className: '', modes: ['ReadWriteOnce'], block: false, tier: undefined, claimRef: undefined },
    ];
    const all = objects(volumes, { size: '1Gi', className: '', modes: ['ReadWriteOnce'], block: false, selector: undefined, volumeName: undefined });
    expect(planned(all)).toBe('volume pv-2');
    expect(simulated(all)).toBe('volume pv-2');
  });
});
