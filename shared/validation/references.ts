/**
 * Broken references (a Service selecting nothing, an Ingress naming a missing Service, a PVC no PV
 * or StorageClass can satisfy, a ConfigMap or Secret that is not there…) come from the reference
 * table in shared/references; validation only turns them into Problems.
 */
import { problemFor } from './problem';
import type { Check } from './types';

export const checkReferences: Check = (ctx, report) => {
  for (const ref of ctx.references) {
    if (!ref.problem) continue;
    const source = ctx.index.get(ref.source);
    if (!source) continue;
    report(problemFor(source, ref.problem.severity, ref.rule, ref.path, ref.problem.message, ref.problem.hint));
  }
};
