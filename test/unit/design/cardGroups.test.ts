// Pods with a controller owner are drawn on their workload's card (shared/design/cardGroups.ts);
// the design keeps every pod object, and the layout gives grouped pods no place of their own.
import { describe, expect, it } from 'vitest';
import { cardGroups } from '../../../shared/design/cardGroups';
import { importAsDesign } from '../../../shared/design/import';
import { exportManifests, parseManifests } from '../../../shared/manifests';
import type { KubeObject } from '../../../shared/model/object';

// Imported objects may lack a uid (a hand-written manifest): the references are loosely typed here.
const ref = (kind: string, name: string, uid?: string): object[] => [{ apiVersion: 'apps/v1', kind, name, ...(uid ? { uid } : {}), controller: true }];
const pod = (name: string, owner?: object[], ns = 'shop'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, ...(owner ? { ownerReferences: owner } : {}) }, spec: { containers: [{ name: 'c', image: 'img' }] } }) as KubeObject;
const resources = (objects: KubeObject[]) => objects.map((object, i) => ({ id: `r${i + 1}`, object }));

describe('cardGroups', () => {
  it('pods of an owner that is not in the design share the first pod’s card, titled with the owner', () => {
    const g = cardGroups(resources([pod('web-5d9c8-a', ref('ReplicaSet', 'web-5d9c8')), pod('web-5d9c8-b', ref('ReplicaSet', 'web-5d9c8')), pod('debug'), pod('db-0', ref('StatefulSet', 'db'))]));
    expect([...g.memberOf]).toEqual([['r2', 'r1']]);
    expect([...g.cards]).toEqual([
      ['r1', { pods: 2, owner: { kind: 'ReplicaSet', name: 'web-5d9c8' } }],
      ['r4', { pods: 1, owner: { kind: 'StatefulSet', name: 'db' } }],
    ]);
  });

  it('pods join the card of their top owner in the design, through a ReplicaSet in it (by uid or by name)', () => {
    const deployment: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', uid: 'd-1' } };
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-5d9c8', namespace: 'shop', ownerReferences: ref('Deployment', 'web', 'd-1') } } as KubeObject;
    const g = cardGroups(resources([deployment, rs, pod('web-5d9c8-a', ref('ReplicaSet', 'web-5d9c8')), pod('web-5d9c8-b', ref('ReplicaSet', 'web-5d9c8', 'no-such-uid'))]));
    expect([...g.memberOf]).toEqual([['r3', 'r1'], ['r4', 'r1']]);
    expect([...g.cards]).toEqual([['r1', { pods: 2 }]]);
  });

  it('a Node owner (a static pod’s mirror) and another namespace’s owner of the same name do not group', () => {
    const g = cardGroups(resources([pod('etcd-node-1', [{ apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: 'n-1', controller: true }], 'kube-system'), pod('a', ref('ReplicaSet', 'x'), 'one'), pod('b', ref('ReplicaSet', 'x'), 'two')]));
    expect(g.memberOf.size).toBe(0);
    expect([...g.cards.keys()]).toEqual(['r2', 'r3']);
  });

  it('import lays grouped pods out under their card and keeps every object for export', () => {
    const text = JSON.stringify({
      apiVersion: 'v1', kind: 'PodList',
      items: ['a', 'b', 'c'].map((s) => ({ metadata: { name: `web-5d9c8-${s}`, namespace: 'shop', ownerReferences: ref('ReplicaSet', 'web-5d9c8') }, spec: { containers: [{ name: 'c', image: 'img' }] } })),
    });
    const loaded = parseManifests(text, 'pods.json').objects;
    const design = importAsDesign(loaded, 'dump');
    const [a, b, c] = design.resources.map((r) => design.layout.positions[r.id]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(exportManifests(design.resources.map((r) => r.object))).toBe(exportManifests(loaded.map((l) => l.object)));
  });
});
