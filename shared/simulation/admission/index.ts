/**
 * Admission, in upstream order: API defaults (request = limit), DefaultStorageClass, LimitRanger,
 * ResourceQuota last. Returns the API error text, or null when the object is admitted.
 */
import type { Container, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../model/object';
import { quantityProblem, quoteValue } from '../../model/quantity';
import { resourceOf } from '../../kinds/registry';
import type { Cluster } from '../cluster';
import { nsOf } from '../store';
import { aggregate, applyLimitRangeDefaults, validateClaimLimits, validatePodLimits } from './limitrange';
import { checkQuotas } from './quota';
import { fieldError } from './validation';

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';

/** Pod defaulting (SetDefaults_Pod): a container with a limit but no request gets request = limit. */
export function defaultRequestsFromLimits(c: Container): void {
  const limits = c.resources?.limits;
  if (!limits) return;
  const requests = { ...(c.resources?.requests ?? {}) };
  let changed = false;
  for (const [k, v] of Object.entries(limits)) {
    if (!(k in requests)) {
      requests[k] = v;
      changed = true;
    }
  }
  if (changed) c.resources = { ...c.resources, requests };
}

export function defaultStorageClassName(c: Cluster): string | undefined {
  const defaults = c.store.list('StorageClass').filter((sc) => sc.metadata.annotations?.[DEFAULT_CLASS] === 'true');
  // Upstream picks the newest default class when several are marked default.
  defaults.sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name));
  return defaults.at(-1)?.metadata.name;
}

/** Every resource quantity an object carries, with its field path (what validation parses). */
function quantities(o: KubeObject): [string, unknown][] {
  const out: [string, unknown][] = [];
  const list = (path: string, m: unknown) => {
    if (m && typeof m === 'object') for (const [k, v] of Object.entries(m)) out.push([`${path}[${k}]`, v]);
  };
  const spec = (o.spec ?? {}) as Record<string, unknown>;
  if (o.kind === 'Pod') {
    for (const field of ['initContainers', 'containers'] as const) {
      ((spec[field] as Container[] | undefined) ?? []).forEach((ct, i) => {
        list(`spec.${field}[${i}].resources.requests`, ct.resources?.requests);
        list(`spec.${field}[${i}].resources.limits`, ct.resources?.limits);
      });
    }
  } else if (o.kind === 'PersistentVolumeClaim') {
    list('spec.resources.requests', (spec.resources as { requests?: unknown } | undefined)?.requests);
  } else if (o.kind === 'ResourceQuota') {
    list('spec.hard', spec.hard);
  } else if (o.kind === 'LimitRange') {
    ((spec.limits as Record<string, unknown>[] | undefined) ?? []).forEach((item, i) => {
      for (const f of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) list(`spec.limits[${i}].${f}`, item[f]);
    });
  } else if (o.kind === 'PersistentVolume') {
    list('spec.capacity', spec.capacity);
  }
  return out;
}

/** Field validation of quantities (the API server rejects what it cannot decode). */
function invalidQuantity(o: KubeObject): string | null {
  for (const [path, v] of quantities(o)) {
    const problem = quantityProblem(v);
    if (problem) return `${o.kind} "${o.metadata.name}" is invalid: ${path}: Invalid value: ${quoteValue(v)}: ${problem}`;
  }
  return null;
}

export function admit(c: Cluster, o: KubeObject, _user: string): string | null {
  const ns = nsOf(o);
  const badQuantity = invalidQuantity(o);
  if (badQuantity) return badQuantity;
  const forbidden = (msg: string) => `${resourceOf(o.kind)} "${o.metadata.name}" is forbidden: ${msg}`;
  // Mutating admission (LimitRanger's defaults) runs before the object's validation, so a request
  // above a LimitRange's default limit is the Pod's own validation error (kubernetes.io, Limit
  // Ranges: `Pod "…" is invalid: spec.containers[0].resources.requests: Invalid value: "700m": must
  // be less than or equal to cpu limit`), not a LimitRanger refusal.
  const limitRanges = o.kind === 'Pod' ? c.store.list('LimitRange', ns) : [];
  if (o.kind === 'Pod') {
    const pod = o as Pod & KubeObject;
    for (const ct of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) defaultRequestsFromLimits(ct);
    if (limitRanges.length) applyLimitRangeDefaults(pod, limitRanges);
  }
  const invalid = fieldError(o);
  if (invalid) return invalid;
  if (o.kind === 'Pod' && limitRanges.length) {
    const errs = validatePodLimits(o as Pod & KubeObject, limitRanges);
    if (errs.length) return forbidden(aggregate(errs));
  }
  if (o.kind === 'PersistentVolumeClaim') {
    const pvc = o as PersistentVolumeClaim & KubeObject;
    if (pvc.spec && pvc.spec.storageClassName === undefined) {
      const cls = defaultStorageClassName(c);
      if (cls) pvc.spec.storageClassName = cls;
    }
    const limitRanges = c.store.list('LimitRange', ns);
    const errs = validateClaimLimits(pvc, limitRanges);
    if (errs.length) return forbidden(aggregate(errs));
  }
  if (!ns) return null;
  const quotas = c.store.list('ResourceQuota', ns);
  if (quotas.length === 0) return null;
  const r = checkQuotas(o, quotas);
  if ('error' in r) return forbidden(r.error);
  for (const ch of r.charges) {
    // The admission plugin writes the new usage to the quota's status before the object is stored.
    c.api.request({ verb: 'updateStatus', user: 'resourcequota-admission', component: 'apiserver', object: { ...ch.quota, status: { ...(ch.quota.status as object), used: ch.used } } });
  }
  return null;
}
