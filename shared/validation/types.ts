/**
 * A problem validation finds in a set of Kubernetes objects: what is wrong, where (object and field
 * path), how bad, and how to fix it where that is obvious.
 */
import type { KubeObject } from '../model/object';
import type { ObjectIndex } from '../kinds/objectIndex';
import type { Reference } from '../references/types';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Which check found it: `schema`, `name`, `duplicate`, `selector-mismatch`, a reference rule id… */
  rule: string;
  /** objectKey of the object the problem is in. */
  objectKey: string;
  kind: string;
  /** Absent for cluster-scoped objects. */
  namespace?: string;
  name: string;
  /** Field path in the object, upstream style: `spec.template.spec.containers[0].image`. */
  path: string;
  /** One line, in Kubernetes' own words where upstream has them. */
  message: string;
  hint?: string;
}

/** What a check needs: every object (duplicates included), the index over them, the resolved references. */
export interface CheckContext {
  objects: readonly KubeObject[];
  index: ObjectIndex;
  references: readonly Reference[];
}

/** A check reports what it finds through `report` (see `problemFor` for the object's identity). */
export type Check = (ctx: CheckContext, report: (p: Problem) => void) => void;
