/** The resolvers of the references the kind modules declare, by rule id (pod-spec rules are built per kind). */
import { hpaTargetRule } from './horizontalPodAutoscaler';
import { ingressBackendRule } from './ingress';
import { limitRangeNamespaceRule, resourceQuotaNamespaceRule } from './namespace';
import { networkPolicyPeerRule, networkPolicyTargetRule } from './networkPolicy';
import { pvcBindingRule, pvcStorageClassRule } from './persistentVolumeClaim';
import { clusterRoleBindingRoleRefRule, clusterRoleBindingSubjectsRule, roleBindingRoleRefRule, roleBindingSubjectsRule } from './rbac';
import { serviceSelectorRule } from './service';
import { statefulSetClaimTemplateRule } from './statefulSet';
import type { ReferenceRule } from '../types';

export const RULES: readonly ReferenceRule[] = [
  hpaTargetRule, ingressBackendRule, limitRangeNamespaceRule, resourceQuotaNamespaceRule, networkPolicyPeerRule,
  networkPolicyTargetRule, pvcBindingRule, pvcStorageClassRule, serviceSelectorRule, statefulSetClaimTemplateRule,
  roleBindingRoleRefRule, clusterRoleBindingRoleRefRule, roleBindingSubjectsRule, clusterRoleBindingSubjectsRule,
];
