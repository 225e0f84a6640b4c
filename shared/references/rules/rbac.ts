/**
 * RBAC bindings → the role they grant (`roleRef`) and the ServiceAccounts among their `subjects`
 * (kubernetes.io/docs/reference/access-authn-authz/rbac/). The API server accepts a binding whose
 * role or ServiceAccount does not exist yet; the RBAC authorizer then grants nothing through it
 * (pkg/registry/rbac/validation/rule.go: the role's lister answers NotFound), so a missing role is
 * an error here and a missing ServiceAccount a warning. Users and groups have no object.
 */
import type { RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../../model/object';
import type { ObjectIndex } from '../../kinds/objectIndex';
import { clusterRoleBindingRoleRef, clusterRoleBindingSubjects, RBAC_GROUP, roleBindingRoleRef, roleBindingSubjects } from '../../kinds/rbac';
import { findObject, items, nameOf, rec, reference, sourceNamespace, str, type ProblemSpec } from '../lookup';
import type { Reference, ReferenceRule } from '../types';

function resolveRoleRef(source: KubeObject, index: ObjectIndex): Reference[] {
  const ref = rec((source as unknown as RoleBinding).roleRef);
  const kind = str(ref?.kind);
  const name = str(ref?.name);
  // An empty name is the unconnected check's to report (a new binding starts that way).
  if (!ref || !kind || !name) return [];
  const namespaced = source.kind === 'RoleBinding';
  const label = `${kind} "${name}"`;
  let target: KubeObject | undefined;
  let problem: ProblemSpec | undefined;
  if (kind === 'ClusterRole') target = findObject(index, RBAC_GROUP, 'ClusterRole', '', name);
  else if (kind === 'Role' && namespaced) target = findObject(index, RBAC_GROUP, 'Role', sourceNamespace(source), name);
  else {
    // ValidateRoleBinding / ValidateClusterRoleBinding: `field.NotSupported(fldPath.Child("roleRef", "kind"), …)`.
    const supported = namespaced ? '"ClusterRole", "Role"' : '"ClusterRole"';
    return [reference('rbac-role-ref', 'role-ref', index.keyOf(source), 'roleRef.kind', label, [], {
      severity: 'error', message: `roleRef.kind: Unsupported value: "${kind}": supported values: ${supported}`, hint: namespaced ? 'A RoleBinding grants a Role or a ClusterRole.' : 'A ClusterRoleBinding grants a ClusterRole.',
    })];
  }
  if (!target) {
    const resource = kind === 'Role' ? 'roles' : 'clusterroles';
    problem = {
      severity: 'error',
      message: `${source.kind} "${nameOf(source)}" grants nothing: ${resource}.${RBAC_GROUP} "${name}" not found`,
      hint: kind === 'Role'
        ? `Create the Role "${name}" in namespace "${sourceNamespace(source)}", or connect the binding to a Role: drag from its handle onto the role.`
        : `Create the ClusterRole "${name}", or connect the binding to a ClusterRole: drag from its handle onto the role.`,
    };
  }
  return [reference('rbac-role-ref', 'role-ref', index.keyOf(source), 'roleRef', label, target ? [index.keyOf(target)] : [], problem)];
}

function resolveSubjects(source: KubeObject, index: ObjectIndex): Reference[] {
  const out: Reference[] = [];
  items((source as unknown as RoleBinding).subjects as Subject[] | undefined).forEach((s, i) => {
    const name = str(s.name);
    if (s.kind !== 'ServiceAccount' || !name) return;
    // The authorizer reads an empty subject namespace as the RoleBinding's own (appliesToUser in rule.go).
    const ns = str(s.namespace) || (source.kind === 'RoleBinding' ? sourceNamespace(source) : '');
    const target = ns ? findObject(index, '', 'ServiceAccount', ns, name) : undefined;
    // The ServiceAccount controller creates "default" in every namespace by itself.
    const problem: ProblemSpec | undefined = target || name === 'default' ? undefined : {
      severity: 'warning',
      message: `${source.kind} "${nameOf(source)}" subject ServiceAccount "${ns}/${name}" does not exist: the role applies to it only once it is created`,
      hint: `Create the ServiceAccount "${name}" in namespace "${ns || '?'}", or connect the binding to one: drag from its handle onto the ServiceAccount.`,
    };
    out.push(reference('rbac-subject', 'subject', index.keyOf(source), `subjects[${i}]`, `ServiceAccount "${ns}/${name}"`, target ? [index.keyOf(target)] : [], problem));
  });
  return out;
}

export const roleBindingRoleRefRule: ReferenceRule = { ...roleBindingRoleRef, resolve: resolveRoleRef };
export const clusterRoleBindingRoleRefRule: ReferenceRule = { ...clusterRoleBindingRoleRef, resolve: resolveRoleRef };
export const roleBindingSubjectsRule: ReferenceRule = { ...roleBindingSubjects, resolve: resolveSubjects };
export const clusterRoleBindingSubjectsRule: ReferenceRule = { ...clusterRoleBindingSubjects, resolve: resolveSubjects };
