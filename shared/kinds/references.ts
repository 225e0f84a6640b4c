/**
 * The references a kind declares (the edges it draws), as data. shared/references resolves each
 * declaration against a set of objects; the kind module only says which references it makes.
 */

export type ReferenceRelation =
  | 'selects' // Service → pods (by selector)
  | 'routes' // Ingress → Service
  | 'mounts' // workload → PVC
  | 'config' // workload → ConfigMap / Secret
  | 'binds' // PVC → PV, PVC → StorageClass
  | 'policy-target' // NetworkPolicy → the pods it selects
  | 'policy-peer' // NetworkPolicy → the pod-running objects its rules allow (+ Namespaces for namespace-only peers)
  | 'scales' // HPA → workload
  | 'constrains' // ResourceQuota / LimitRange → Namespace
  | 'role-ref' // RoleBinding / ClusterRoleBinding → the Role or ClusterRole it grants
  | 'subject'; // RoleBinding / ClusterRoleBinding → a ServiceAccount it grants the role to

export interface ReferenceDeclaration {
  /** The rule that resolves it (`service-selector`, `ingress-backend`, …). */
  id: string;
  relation: ReferenceRelation;
  /** The kind of the source object this rule reads. */
  from: string;
  /** The kinds of the objects it can reach. */
  to: string[];
}

/** The two references every pod-running kind makes through its pod spec (resolved by shared/references/rules/podSpec). */
export function podSpecReferences(kind: string): ReferenceDeclaration[] {
  return [
    { id: 'pod-volume-claim', relation: 'mounts', from: kind, to: ['PersistentVolumeClaim'] },
    { id: 'pod-config', relation: 'config', from: kind, to: ['ConfigMap', 'Secret'] },
  ];
}

/** A namespaced policy object's reference to its Namespace (resolved by shared/references/rules/namespace). */
export function namespaceReference(kind: string, id: string): ReferenceDeclaration {
  return { id, relation: 'constrains', from: kind, to: ['Namespace'] };
}
