/**
 * validateObjects: schema problems (the Kubernetes OpenAPI schemas through kubernetes-models), broken
 * references (from the reference table) and the everyday mistakes the API server or admission
 * would refuse. Pure; the same objects always give the same problems in the same order.
 */
import { isPlainObject, type KubeObject } from '../model/object';
import { ObjectIndex } from '../kinds/objectIndex';
import { resolveReferences } from '../references';
import { checkApiVersions } from './apiVersions';
import { checkContainers } from './containers';
import { checkDuplicates } from './duplicates';
import { checkFieldRules } from './fields';
import { checkLabels } from './labels';
import { checkNames } from './names';
import { compareProblems } from './problem';
import { checkQuotaResources } from './quota';
import { checkReferences } from './references';
import { checkSchema } from './schema';
import { checkSelectors } from './selectors';
import { checkServicePortSpec } from './servicePortSpec';
import { checkServicePorts } from './servicePorts';
import { checkUnconnected } from './unconnected';
import type { Check, CheckContext, Problem } from './types';

const CHECKS: readonly Check[] = [checkSchema, checkApiVersions, checkNames, checkLabels, checkDuplicates, checkSelectors, checkContainers, checkServicePortSpec, checkFieldRules, checkUnconnected, checkReferences, checkServicePorts, checkQuotaResources];

export function validateObjects(objects: readonly KubeObject[] | ObjectIndex): Problem[] {
  const list = objects instanceof ObjectIndex ? objects.objects : objects;
  const wellFormed = list.every(hasMetadata);
  // The index and the reference rules expect metadata; the schema check reports its absence.
  const index = objects instanceof ObjectIndex && wellFormed ? objects : new ObjectIndex(wellFormed ? list : list.map(withMetadata));
  const ctx: CheckContext = { objects: list, index, references: resolveReferences(index) };
  const problems: Problem[] = [];
  const report = (p: Problem) => problems.push(p);
  for (const check of CHECKS) check(ctx, report);
  return dedupe(problems.sort(compareProblems));
}

function hasMetadata(o: KubeObject): boolean {
  return isPlainObject(o.metadata);
}

function withMetadata(o: KubeObject): KubeObject {
  return hasMetadata(o) ? o : { ...o, metadata: { name: '' } };
}

/** Two checks can meet the same fault (a rule's problem also found by a check): keep one line. */
function dedupe(sorted: Problem[]): Problem[] {
  return sorted.filter((p, i) => {
    const q = sorted[i - 1];
    return !q || q.objectKey !== p.objectKey || q.path !== p.path || q.message !== p.message || q.severity !== p.severity;
  });
}

