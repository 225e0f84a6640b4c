/** RBAC kinds (rbac.authorization.k8s.io): names are path segments (ValidateRBACName), applied before the workloads they authorise. */
import { APPLY_ORDER } from './defaults';
import type { KindInfo } from './types';

const rbac = (kind: string, resource: string, namespaced: boolean, applyOrder: number): KindInfo => ({
  kind, apiVersion: 'rbac.authorization.k8s.io/v1', resource, namespaced, applyOrder, nameFormat: 'path-segment',
});

export const roleKind = rbac('Role', 'roles', true, APPLY_ORDER.Role);
export const roleBindingKind = rbac('RoleBinding', 'rolebindings', true, APPLY_ORDER.RoleBinding);
export const clusterRoleKind = rbac('ClusterRole', 'clusterroles', false, APPLY_ORDER.ClusterRole);
export const clusterRoleBindingKind = rbac('ClusterRoleBinding', 'clusterrolebindings', false, APPLY_ORDER.ClusterRoleBinding);
