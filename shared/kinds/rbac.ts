/**
 * RBAC kinds (rbac.authorization.k8s.io/v1, kubernetes.io/docs/reference/access-authn-authz/rbac/):
 * Roles and ClusterRoles hold rules; RoleBindings and ClusterRoleBindings grant a role (`roleRef`)
 * to subjects (ServiceAccounts, users, groups). Names are path segments (ValidateRBACName); they
 * apply before the workloads they authorise. In the palette under "Access control".
 */
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../model/object';
import { APPLY_ORDER, objectMeta } from './defaults';
import type { ReferenceDeclaration } from './references';
import type { KindModule } from './types';

export const RBAC_API_VERSION = 'rbac.authorization.k8s.io/v1';
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** A binding's `roleRef`: a RoleBinding may name a Role of its namespace or a ClusterRole; a ClusterRoleBinding a ClusterRole. */
export const roleBindingRoleRef: ReferenceDeclaration = { id: 'rbac-role-ref', relation: 'role-ref', from: 'RoleBinding', to: ['Role', 'ClusterRole'] };
export const clusterRoleBindingRoleRef: ReferenceDeclaration = { id: 'rbac-role-ref', relation: 'role-ref', from: 'ClusterRoleBinding', to: ['ClusterRole'] };
/** A binding's ServiceAccount subjects (users and groups are names only: the cluster has no object for them). */
export const roleBindingSubjects: ReferenceDeclaration = { id: 'rbac-subject', relation: 'subject', from: 'RoleBinding', to: ['ServiceAccount'] };
export const clusterRoleBindingSubjects: ReferenceDeclaration = { id: 'rbac-subject', relation: 'subject', from: 'ClusterRoleBinding', to: ['ServiceAccount'] };

/** What a new Role starts with: read access to pods, the rule kubernetes.io's RBAC page opens with. */
const READ_PODS = [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'watch', 'list'] }];

export const roleKind: KindModule<Role & KubeObject> = {
  kind: 'Role',
  apiVersion: RBAC_API_VERSION,
  resource: 'roles',
  namespaced: true,
  display: { glyph: 'role', color: '#5f3dc4', shape: 'document', group: 'Access' },
  applyOrder: APPLY_ORDER.Role,
  layoutColumn: 3,
  baseName: 'pod-reader',
  nameFormat: 'path-segment',
  create: (name, namespace) => ({ apiVersion: RBAC_API_VERSION, kind: 'Role', metadata: objectMeta(name, namespace), rules: READ_PODS.map((r) => ({ ...r })) }),
  references: [],
};

export const clusterRoleKind: KindModule<ClusterRole & KubeObject> = {
  kind: 'ClusterRole',
  apiVersion: RBAC_API_VERSION,
  resource: 'clusterroles',
  namespaced: false,
  display: { glyph: 'crole', color: '#3b2a8f', shape: 'document', group: 'Access' },
  applyOrder: APPLY_ORDER.ClusterRole,
  layoutColumn: 3,
  baseName: 'pod-reader',
  nameFormat: 'path-segment',
  create: (name) => ({ apiVersion: RBAC_API_VERSION, kind: 'ClusterRole', metadata: objectMeta(name), rules: READ_PODS.map((r) => ({ ...r })) }),
  references: [],
};

// A new binding names no role and no subject: connecting it writes both (docs/design-format.md),
// and until then validation's `unconnected` check asks for the role, as the API server would
// (ValidateRoleBinding: `field.Required(fldPath.Child("roleRef", "name"), "")`).
export const roleBindingKind: KindModule<RoleBinding & KubeObject> = {
  kind: 'RoleBinding',
  apiVersion: RBAC_API_VERSION,
  resource: 'rolebindings',
  namespaced: true,
  display: { glyph: 'rb', color: '#7048e8', shape: 'diamond', group: 'Access' },
  applyOrder: APPLY_ORDER.RoleBinding,
  layoutColumn: 2,
  baseName: 'read-pods',
  nameFormat: 'path-segment',
  create: (name, namespace) => ({ apiVersion: RBAC_API_VERSION, kind: 'RoleBinding', metadata: objectMeta(name, namespace), roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: '' }, subjects: [] }),
  references: [roleBindingRoleRef, roleBindingSubjects],
};

export const clusterRoleBindingKind: KindModule<ClusterRoleBinding & KubeObject> = {
  kind: 'ClusterRoleBinding',
  apiVersion: RBAC_API_VERSION,
  resource: 'clusterrolebindings',
  namespaced: false,
  display: { glyph: 'crb', color: '#4c3399', shape: 'diamond', group: 'Access' },
  applyOrder: APPLY_ORDER.ClusterRoleBinding,
  layoutColumn: 2,
  baseName: 'read-pods-global',
  nameFormat: 'path-segment',
  create: (name) => ({ apiVersion: RBAC_API_VERSION, kind: 'ClusterRoleBinding', metadata: objectMeta(name), roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: '' }, subjects: [] }),
  references: [clusterRoleBindingRoleRef, clusterRoleBindingSubjects],
};
