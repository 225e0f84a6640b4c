/**
 * References between objects, as data: one table of rules serves the canvas (edges), validation
 * (broken-reference problems) and the simulator (routing, mounting, binding).
 */
import type { KubeObject } from '../model/object';
import type { ObjectIndex } from '../model/objectIndex';

export type ReferenceRelation =
  | 'selects' // Service → pods (by selector)
  | 'routes' // Ingress → Service
  | 'mounts' // workload → PVC
  | 'config' // workload → ConfigMap / Secret
  | 'binds' // PVC → PV, PVC → StorageClass
  | 'policy-target' // NetworkPolicy → the pods it selects
  | 'policy-peer' // NetworkPolicy → the pod-running objects its rules allow (+ Namespaces for namespace-only peers)
  | 'scales' // HPA → workload
  | 'constrains'; // ResourceQuota / LimitRange → Namespace

/** One reference a source object makes, resolved against the design. */
export interface Reference {
  /** The rule that produced it (`service-selector`, `ingress-backend`, …). */
  rule: string;
  relation: ReferenceRelation;
  /** objectKey of the source object. */
  source: string;
  /** objectKeys of the objects it reaches; empty when broken. */
  targets: string[];
  /** Where in the source object the reference is written, e.g. `spec.rules[0].http.paths[1].backend`. */
  path: string;
  /** What is referred to, in words, for tooltips and problems (`Service "web" port 80`). */
  label: string;
  /** When the reference cannot be resolved: why, in a sentence a user understands. */
  problem?: { severity: 'error' | 'warning'; message: string; hint?: string };
  /** A NetworkPolicy peer's side: traffic allowed `from` it (ingress) or `to` it (egress). */
  direction?: 'from' | 'to';
  /**
   * Namespaces the reference reaches as a whole (every pod in them, e.g. a namespaceSelector peer
   * without podSelector): `targets` still lists their objects; a drawing may show one edge per namespace.
   */
  wholeNamespaces?: string[];
}

export interface ReferenceRule {
  id: string;
  relation: ReferenceRelation;
  /** The kind of the source object this rule reads. */
  from: string;
  /** The kinds of the objects it can reach. */
  to: string[];
  resolve(source: KubeObject, index: ObjectIndex): Reference[];
}
