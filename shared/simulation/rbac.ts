/**
 * RBAC authorisation of the simulated API server, as the RBAC authorizer evaluates it
 * (kubernetes.io "Using RBAC Authorization"; upstream plugin/pkg/auth/authorizer/rbac/rbac.go and
 * pkg/apis/rbac/v1/evaluation_helpers.go): a request is allowed when some rule of a Role or
 * ClusterRole, reached through a RoleBinding in the request's namespace or a ClusterRoleBinding,
 * matches its verb, API group, resource (with subresource) and resource name, and the binding names
 * the user, one of the user's groups, or the user as a service account. There are no deny rules.
 *
 * The group `system:masters` is allowed everything before RBAC is asked (the API server's
 * privileged-group authorizer), as is cluster-admin's default binding. The default ClusterRoles
 * `cluster-admin`, `admin`, `edit`, `view` and `system:basic-user` (kubernetes.io "Default roles and
 * role bindings") are built in and used when the store holds no ClusterRole of that name.
 */
import type { ClusterUser } from '../design/types';
import type { KubeObject } from '../model/object';
import type { Store } from './store';

export interface Identity {
  user: string;
  groups: readonly string[];
}

/** The authorizer's view of a resource request (k8s.io/apiserver authorizer.Attributes). */
export interface Attributes {
  verb: string;
  apiGroup: string;
  resource: string;
  subresource?: string;
  name?: string;
  /** Empty for cluster-scoped resources and for lists across all namespaces. */
  namespace: string;
}

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export const MASTERS_GROUP = 'system:masters';
export const AUTHENTICATED_GROUP = 'system:authenticated';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

/** The default user-facing ClusterRoles, abridged from upstream plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go. */
const VIEW_RULES: PolicyRule[] = [
  { apiGroups: [''], resources: ['pods', 'pods/log', 'pods/status', 'services', 'services/status', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'configmaps', 'serviceaccounts', 'replicationcontrollers', 'replicationcontrollers/scale', 'limitranges', 'resourcequotas', 'resourcequotas/status', 'events', 'namespaces', 'namespaces/status'], verbs: READ },
  { apiGroups: ['apps'], resources: ['deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status', 'daemonsets', 'daemonsets/status', 'controllerrevisions'], verbs: READ },
  { apiGroups: ['batch'], resources: ['jobs', 'jobs/status', 'cronjobs', 'cronjobs/status'], verbs: READ },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], verbs: READ },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'ingresses/status', 'networkpolicies'], verbs: READ },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets', 'poddisruptionbudgets/status'], verbs: READ },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
];

const EDIT_RULES: PolicyRule[] = [
  { apiGroups: [''], resources: ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], verbs: READ },
  { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] },
  { apiGroups: [''], resources: ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], verbs: ['create', 'delete', 'deletecollection', 'patch', 'update'] },
  { apiGroups: [''], resources: ['pods/eviction'], verbs: ['create'] },
  { apiGroups: [''], resources: ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy'], verbs: WRITE },
  { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
  { apiGroups: ['apps'], resources: ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'], verbs: WRITE },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: WRITE },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: WRITE },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'], verbs: WRITE },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: WRITE },
  ...VIEW_RULES,
];

const ADMIN_RULES: PolicyRule[] = [
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings', 'roles'], verbs: [...READ, ...WRITE] },
  { apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] },
  ...EDIT_RULES,
];

/** What every authenticated user may do (system:basic-user and system:discovery, bound to system:authenticated). */
export const BASIC_USER_RULES: PolicyRule[] = [
  { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
  { apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], verbs: ['create'] },
  { nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], verbs: ['get'] },
];

export const CLUSTER_ADMIN_RULES: PolicyRule[] = [
  { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
  { nonResourceURLs: ['*'], verbs: ['*'] },
];

export const BUILT_IN_CLUSTER_ROLES: Readonly<Record<string, PolicyRule[]>> = {
  'cluster-admin': CLUSTER_ADMIN_RULES,
  admin: ADMIN_RULES,
  edit: EDIT_RULES,
  view: VIEW_RULES,
  'system:basic-user': BASIC_USER_RULES,
};

const BOOTSTRAP_LABELS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };
/** The labels that aggregate `view` into `edit` and `edit` into `admin` upstream (aggregation itself is not evaluated). */
const AGGREGATE_LABELS: Readonly<Record<string, Record<string, string>>> = {
  edit: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' },
  view: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' },
};

/**
 * The default ClusterRoles and ClusterRoleBindings as objects, the way the API server writes them
 * at start-up (its `rbac/bootstrap-roles` post-start hook; kubernetes.io "Default roles and role
 * bindings"): they live in the simulated cluster from the start (`kubectl get clusterroles`),
 * never in the design. `cluster-admin` is bound to the group `system:masters` and
 * `system:basic-user` to `system:authenticated`.
 */
export function bootstrapPolicy(): KubeObject[] {
  const roles: KubeObject[] = Object.entries(BUILT_IN_CLUSTER_ROLES).map(([name, rules]) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name, labels: { ...BOOTSTRAP_LABELS, ...AGGREGATE_LABELS[name] }, annotations: { ...AUTOUPDATE } },
    rules: rules.map((r) => ({ ...r })),
  }));
  const binding = (name: string, group: string): KubeObject => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name, labels: { ...BOOTSTRAP_LABELS }, annotations: { ...AUTOUPDATE } },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group }],
  });
  return [...roles, binding('cluster-admin', MASTERS_GROUP), binding('system:basic-user', AUTHENTICATED_GROUP)];
}

interface Subject {
  kind?: string;
  name?: string;
  namespace?: string;
}

interface RoleRef {
  kind?: string;
  name?: string;
}

/** Whether a binding's subject is this identity (rbac/v1 evaluation_helpers.go appliesToUser). */
export function subjectMatches(s: Subject, who: Identity, bindingNamespace: string): boolean {
  switch (s.kind) {
    case 'User':
      return s.name === who.user;
    case 'Group':
      return typeof s.name === 'string' && who.groups.includes(s.name);
    case 'ServiceAccount': {
      // A ServiceAccount subject without a namespace means the binding's namespace.
      const ns = s.namespace || bindingNamespace;
      return who.user === `system:serviceaccount:${ns}:${s.name ?? ''}`;
    }
    default:
      return false;
  }
}

function has(list: readonly string[] | undefined, value: string): boolean {
  return !!list && (list.includes('*') || list.includes(value));
}

/** rbac/v1 RuleAllows: verbs, groups, resources (also `*` + `/sub` and `res/*` forms), resource names. */
export function ruleAllows(rule: PolicyRule, a: Attributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (!rule.apiGroups || !has(rule.apiGroups, a.apiGroup)) return false;
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const resources = rule.resources ?? [];
  const resourceOk = resources.some((r) => r === '*' || r === combined || (a.subresource ? r === `*/${a.subresource}` || r === `${a.resource}/*` : false));
  if (!resourceOk) return false;
  const names = rule.resourceNames ?? [];
  return names.length === 0 || (a.name !== undefined && a.name !== '' && names.includes(a.name));
}

function rulesOf(obj: KubeObject | undefined): PolicyRule[] {
  const rules = (obj as { rules?: unknown } | undefined)?.rules;
  return Array.isArray(rules) ? (rules.filter((r) => r && typeof r === 'object') as PolicyRule[]) : [];
}

export interface RuleSource {
  rules: PolicyRule[];
  /** Why a binding contributed nothing: `clusterrole.rbac.authorization.k8s.io "x" not found`. */
  error?: string;
}

/** The rules a binding grants (its role resolved in the store, else a built-in ClusterRole). */
function bindingRules(store: Store, binding: KubeObject, namespace: string): RuleSource {
  const ref = ((binding as { roleRef?: RoleRef }).roleRef ?? {}) as RoleRef;
  const name = ref.name ?? '';
  if (ref.kind === 'ClusterRole') {
    const role = store.getBy('ClusterRole', '', name);
    if (role) return { rules: rulesOf(role) };
    const builtIn = BUILT_IN_CLUSTER_ROLES[name];
    return builtIn ? { rules: builtIn } : { rules: [], error: `clusterrole.rbac.authorization.k8s.io "${name}" not found` };
  }
  if (ref.kind === 'Role') {
    const role = store.getBy('Role', namespace, name);
    return role ? { rules: rulesOf(role) } : { rules: [], error: `role.rbac.authorization.k8s.io "${name}" not found` };
  }
  return { rules: [] };
}

/**
 * Every rule that applies to `who` in `namespace` (empty: cluster-wide only), in the order the RBAC
 * authorizer visits them: ClusterRoleBindings first, then the namespace's RoleBindings.
 */
export function rulesFor(store: Store, who: Identity, namespace: string): RuleSource[] {
  const out: RuleSource[] = [];
  // system:basic-user's binding, when the cluster was not booted with the bootstrap policy (a bare Cluster).
  if (who.groups.includes(AUTHENTICATED_GROUP) && !store.getBy('ClusterRoleBinding', '', 'system:basic-user')) out.push({ rules: BASIC_USER_RULES });
  for (const b of store.list('ClusterRoleBinding')) {
    const subjects = ((b as { subjects?: Subject[] }).subjects ?? []) as Subject[];
    if (subjects.some((s) => s && subjectMatches(s, who, ''))) out.push(bindingRules(store, b, ''));
  }
  if (namespace) {
    for (const b of store.list('RoleBinding', namespace)) {
      const subjects = ((b as { subjects?: Subject[] }).subjects ?? []) as Subject[];
      if (subjects.some((s) => s && subjectMatches(s, who, namespace))) out.push(bindingRules(store, b, namespace));
    }
  }
  return out;
}

export interface Decision {
  allowed: boolean;
  /** RBAC's reason when denied: `RBAC: role.rbac.authorization.k8s.io "x" not found`, or empty. */
  reason: string;
}

/** The authorizer chain: system:masters, then RBAC. */
export function authorize(store: Store, who: Identity, a: Attributes): Decision {
  if (who.groups.includes(MASTERS_GROUP)) return { allowed: true, reason: '' };
  const errors: string[] = [];
  for (const source of rulesFor(store, who, a.namespace)) {
    if (source.error) errors.push(source.error);
    if (source.rules.some((r) => ruleAllows(r, a))) return { allowed: true, reason: '' };
  }
  // utilerrors.NewAggregate prints one error as is, several as a bracketed list.
  return { allowed: false, reason: errors.length === 0 ? '' : `RBAC: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}` };
}

/**
 * The upstream message (k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go
 * forbiddenMessage): `User "dev" cannot create resource "deployments" in API group "apps" in the
 * namespace "prod"`, or `… at the cluster scope`.
 */
export function forbiddenMessage(user: string, a: Attributes): string {
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const where = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return `User "${user}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" ${where}`;
}

/**
 * The whole Forbidden status message (apierrors.NewForbidden): `deployments.apps is forbidden: …`,
 * or `secrets "db" is forbidden: …` when the request names the object.
 */
export function forbiddenError(user: string, a: Attributes, reason = ''): string {
  const gr = a.apiGroup ? `${a.resource}.${a.apiGroup}` : a.resource;
  return `${gr}${a.name ? ` "${a.name}"` : ''} is forbidden: ${forbiddenMessage(user, a)}${reason ? `: ${reason}` : ''}`;
}

/** A user of the simulated cluster (the design's `cluster.users`); the default `admin` is in `system:masters`; every user is also `system:authenticated`. */
export type { ClusterUser };

export const DEFAULT_USER: ClusterUser = { name: 'admin', groups: [MASTERS_GROUP] };

/** The identity a user authenticates as: its groups plus `system:authenticated` (and `system:serviceaccounts…` for a service account). */
export function identityOf(user: ClusterUser | string): Identity {
  const u = typeof user === 'string' ? { name: user } : user;
  const groups = [...(u.groups ?? [])];
  const sa = /^system:serviceaccount:([^:]+):/.exec(u.name);
  if (sa) groups.push('system:serviceaccounts', `system:serviceaccounts:${sa[1]}`);
  if (!groups.includes(AUTHENTICATED_GROUP)) groups.push(AUTHENTICATED_GROUP);
  return { user: u.name, groups };
}
