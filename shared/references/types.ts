/**
 * References between objects, as data: one table of rules serves the canvas (edges), validation
 * (broken-reference problems) and the simulator (routing, mounting, binding).
 */
import type { KubeObject } from '../model/object';
import type { ObjectIndex } from '../kinds/objectIndex';
import type { ReferenceDeclaration, ReferenceRelation } from '../kinds/references';

export type { ReferenceDeclaration, ReferenceRelation };

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

/** A declared reference with the code that resolves it. */
export interface ReferenceRule extends ReferenceDeclaration {
  resolve(source: KubeObject, index: ObjectIndex): Reference[];
}
