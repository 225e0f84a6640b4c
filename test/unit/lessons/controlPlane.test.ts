import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designObjects } from '../../../shared/design';
import { parseDesign } from '../../../shared/design/parse';
import { controlPlaneWalk } from '../../../shared/lessons';
import { simulate } from '../../../shared/simulation/simulate';

function messagesOf(example: string) {
  const text = readFileSync(join(import.meta.dirname, '../../../assets/examples', `${example}.kubeplan.yaml`), 'utf8');
  const r = parseDesign(text, example);
  if ('error' in r) throw new Error(r.error.message);
  return simulate({ objects: designObjects(r.design), cluster: r.design.cluster }).timeline.flatMap((f) => f.messages);
}

describe('the control-plane walk of one apply', () => {
  it('follows hello-node from kubectl to the kubelet, in the order the simulator recorded it', () => {
    const walk = controlPlaneWalk(messagesOf('hello-minikube'), { kind: 'Deployment', namespace: 'default', name: 'hello-node' });
    expect(walk.map((h) => `${h.from} → ${h.to}: ${h.action} ${h.object.split('/')[0]}`)).toEqual([
      'kubectl → apiserver: apply Deployment',
      'apiserver → etcd: write Deployment',
      'apiserver → controller-manager: watch ADDED Deployment',
      'controller-manager → apiserver: create ReplicaSet',
      'apiserver → etcd: write ReplicaSet',
      'apiserver → controller-manager: watch ADDED ReplicaSet',
      'controller-manager → apiserver: create Pod',
      'apiserver → etcd: write Pod',
      'apiserver → scheduler: watch ADDED Pod',
      'scheduler → apiserver: bind Pod',
      'apiserver → etcd: write Pod',
      expect.stringMatching(/^apiserver → kubelet\/node-\d: watch MODIFIED Pod$/),
      expect.stringMatching(/^kubelet\/node-\d → apiserver: updateStatus Pod$/),
      'apiserver → etcd: write Pod',
    ]);
    for (const h of walk) {
      expect(h.caption.en.length).toBeGreaterThan(20);
      expect(h.caption['zh-CN']).toMatch(/\p{Script=Han}/u);
    }
    expect(walk[10]!.caption.en).toMatch(/binding/);
    expect(walk.at(-2)!.caption.en).toMatch(/container runtime \(CRI\)/);
  });

  it('follows a StatefulSet (no ReplicaSet), and gives nothing for an object never applied', () => {
    const messages = messagesOf('three-tier-shop');
    const walk = controlPlaneWalk(messages, { kind: 'StatefulSet', namespace: 'shop', name: 'postgres' });
    expect(walk.map((h) => h.action)).toContain('bind');
    expect(walk.some((h) => h.object.startsWith('ReplicaSet/'))).toBe(false);
    expect(walk.every((h) => h.object.split('/')[1] === 'shop')).toBe(true);
    expect(controlPlaneWalk(messages, { kind: 'Deployment', namespace: 'shop', name: 'nope' })).toEqual([]);
  });
});
