import { describe, expect, it } from 'vitest';
import { keyOf, make, refs } from './helpers';

describe.each([['ResourceQuota', 'resourcequota-namespace'], ['LimitRange', 'limitrange-namespace']])('%s → its Namespace', (kind, rule) => {
  it('reaches the Namespace object it lives in', () => {
    const ns = make('Namespace', 'shop');
    const [r] = refs(rule, [ns, make(kind, 'limits', 'shop')]);
    expect(r).toMatchObject({ relation: 'constrains', targets: [keyOf(ns)] });
    expect(r.problem).toBeUndefined();
  });

  it('warns when the design has no Namespace object for it', () => {
    const [r] = refs(rule, [make(kind, 'limits', 'shop')]);
    expect(r.targets).toEqual([]);
    expect(r.problem).toMatchObject({ severity: 'warning', message: `namespaces "shop" not found: the design has no Namespace "shop" for ${kind} "limits"` });
  });

  it('needs no Namespace object for default or kube-system, which every cluster has', () => {
    expect(refs(rule, [make(kind, 'a'), make(kind, 'b', 'kube-system')])).toEqual([]);
  });
});
