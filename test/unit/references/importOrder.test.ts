// This file imports a rule module before anything else on purpose: the kind modules import the
// rules, so a rule that imported the kinds back would crash whichever module loads first.
import { podSpecRules } from '../../../shared/references/rules/podSpec';
import { pvcBindingRule } from '../../../shared/references/rules/persistentVolumeClaim';
import { describe, expect, it } from 'vitest';
import { allKindModules } from '../../../shared/kinds/registry';
import { referenceRules } from '../../../shared/references';

describe('the reference table', () => {
  it('loads when a rule module is imported first', () => {
    expect(podSpecRules('Pod', '', () => undefined)).toHaveLength(2);
    expect(pvcBindingRule.from).toBe('PersistentVolumeClaim');
  });

  it('is contributed by the kind modules, each rule read from its own kind', () => {
    for (const m of allKindModules()) for (const r of m.references) expect(r.from).toBe(m.kind);
    const byKind = Object.fromEntries([...referenceRules()].map(([kind, rules]) => [kind, rules.map((r) => r.id).sort()]));
    const podRules = ['pod-config', 'pod-volume-claim'];
    expect(byKind).toEqual({
      Deployment: podRules, DaemonSet: podRules, Job: podRules, CronJob: podRules, Pod: podRules,
      StatefulSet: [...podRules, 'statefulset-claim-template'].sort(),
      Service: ['service-selector'],
      Ingress: ['ingress-backend'],
      PersistentVolumeClaim: ['pvc-binding', 'pvc-storage-class'],
      NetworkPolicy: ['networkpolicy-peer', 'networkpolicy-target'],
      HorizontalPodAutoscaler: ['hpa-target'],
      ResourceQuota: ['resourcequota-namespace'],
      LimitRange: ['limitrange-namespace'],
      RoleBinding: ['rbac-role-ref', 'rbac-subject'],
      ClusterRoleBinding: ['rbac-role-ref', 'rbac-subject'],
    });
  });
});
