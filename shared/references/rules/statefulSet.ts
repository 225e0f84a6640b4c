import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { items, nameOf, rec, reference, str } from '../lookup';
import { templateBindings } from '../storage';
import type { Reference, ReferenceRule } from '../types';
import { statefulSetClaimTemplate } from '../../kinds/statefulset';

/**
 * StatefulSet volumeClaimTemplates → for each template, the StorageClass that would provision the
 * per-pod claims and/or the PVs they could bind (one per replica, `<template>-<sts>-<ordinal>`).
 */
export const statefulSetClaimTemplateRule: ReferenceRule = {
  ...statefulSetClaimTemplate,
  resolve(source, index) {
    const sts = source as StatefulSet;
    const out: Reference[] = [];
    items(rec(sts.spec)?.volumeClaimTemplates).forEach((tpl, i) => {
      const name = str(rec(tpl.metadata)?.name) ?? '';
      const bindings = templateBindings(index, source, name);
      if (bindings.length === 0) return; // replicas: 0 stamps no claims
      const targets = new Set<string>();
      for (const b of bindings) {
        if (b.kind === 'volume') targets.add(index.keyOf(b.pv));
        if (b.kind === 'provision') targets.add(index.keyOf(b.storageClass));
      }
      const stuck = bindings.findIndex((b) => b.kind === 'pending');
      const b = bindings[stuck];
      const problem = b?.kind === 'pending'
        ? { ...b.problem, message: `volumeClaimTemplate "${name}", claim ${name}-${nameOf(source)}-${stuck}: ${b.problem.message}` }
        : undefined;
      out.push(reference('statefulset-claim-template', 'binds', index.keyOf(source), `spec.volumeClaimTemplates[${i}]`,
        `volumeClaimTemplate "${name}"`, [...targets], problem));
    });
    return out;
  },
};
