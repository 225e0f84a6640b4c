import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/model/object';
import { ObjectIndex } from '../../../shared/kinds/objectIndex';

describe('ObjectIndex', () => {
  it('labels every namespace with kubernetes.io/metadata.name, declared or only mentioned', () => {
    const index = new ObjectIndex([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'a' } } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ops' } },
    ]);
    expect(index.namespaces().get('shop')).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'shop' });
    expect(index.namespaces().get('ops')).toEqual({ 'kubernetes.io/metadata.name': 'ops' });
  });

  it('finds objects by kind, namespace and name; unset namespace means default', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } as KubeObject;
    const index = new ObjectIndex([cm]);
    expect(index.find('ConfigMap', 'default', 'c')).toBe(cm);
    expect(index.keyOf(cm)).toBe('/ConfigMap/default/c');
    expect(index.find('ConfigMap', 'other', 'c')).toBeUndefined();
  });

  it('an empty namespace is the default namespace, for keys as for lists (kubectl puts it there)', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: '' } } as KubeObject;
    const index = new ObjectIndex([cm]);
    expect(index.keyOf(cm)).toBe('/ConfigMap/default/c');
    expect(index.get('/ConfigMap/default/c')).toBe(cm);
    expect(index.find('ConfigMap', 'default', 'c')).toBe(cm);
  });

  it('survives a Namespace whose metadata is missing', () => {
    const broken = { apiVersion: 'v1', kind: 'Namespace', metadata: null } as unknown as KubeObject;
    expect(() => new ObjectIndex([broken])).not.toThrow();
  });
});
