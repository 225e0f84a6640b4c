/**
 * The API server's field validation: negative counts, negative resources, empty container lists,
 * schedules that do not parse, port numbers out of range, a nodePort outside the node port range,
 * a request above its limit (also one a LimitRange's default limit set).
 * The rules and their upstream sources are in shared/validation/fieldRules.ts, shared with
 * `kubeplan validate`; here they refuse the object as the API server does (422 Invalid).
 */
import type { KubeObject } from '../../model/object';
import { fieldRuleErrors } from '../../validation/fieldRules';

/** The API server's answer to an invalid object, or null. Quantities that do not parse are reported elsewhere (invalidQuantity). */
export function fieldError(o: KubeObject): string | null {
  const errors = fieldRuleErrors(o);
  if (errors.length === 0) return null;
  // apierrors.NewInvalid formats `errs.ToAggregate()`: field.ErrorList.ToAggregate drops an error
  // whose text it has already seen; one error reads as is, several as a bracketed list.
  const lines = [...new Set(errors.map((e) => `${e.path}: ${e.message}`))];
  const detail = lines.length === 1 ? lines[0] : `[${lines.join(', ')}]`;
  return `${o.kind} "${o.metadata.name}" is invalid: ${detail}`;
}
