// The design's cluster.users (docs/kubectl.md): kept through a save and reload; a user without a name is an error naming the field.
import { describe, expect, it } from 'vitest';
import { parseDesign, serializeDesign } from '../../../shared/design';

const TEXT = `kubeplan: 1
name: users
cluster:
  nodes:
    - { name: node-1, cpu: "4", memory: 8Gi, pods: 110 }
  users:
    - { name: dev, groups: [team-a], namespace: team-a }
    - { name: "system:serviceaccount:ci:deployer" }
`;

describe('cluster users in the design file', () => {
  it('survive a save and reload, in order', () => {
    const first = parseDesign(TEXT, 'users.kubeplan.yaml');
    if ('error' in first) throw new Error(first.error.message);
    expect(first.design.cluster.users).toEqual([{ name: 'dev', groups: ['team-a'], namespace: 'team-a' }, { name: 'system:serviceaccount:ci:deployer' }]);
    const again = parseDesign(serializeDesign(first.design), 'users.kubeplan.yaml');
    if ('error' in again) throw new Error(again.error.message);
    expect(again.design.cluster.users).toEqual(first.design.cluster.users);
  });

  it('a design without users has none', () => {
    const parsed = parseDesign(TEXT.split('  users:')[0], 'x.kubeplan.yaml');
    expect('design' in parsed && parsed.design.cluster.users).toBeUndefined();
  });

  it('a user without a name is refused with the field', () => {
    const parsed = parseDesign(TEXT.replace('{ name: dev, groups', '{ groups'), 'x.kubeplan.yaml');
    expect('error' in parsed && parsed.error.message).toMatch(/cluster\.users\[0\]\.name/);
  });
});
