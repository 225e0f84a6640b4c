/**
 * The LimitRanger admission plugin (plugin/pkg/admission/limitranger): container defaults from
 * `default`/`defaultRequest`, then min / max / maxLimitRequestRatio per Container, Pod and
 * PersistentVolumeClaim, with upstream's messages.
 */
import type { Container, LimitRangeItem, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../model/object';
import { fmt, podResourceList, q, type QuantityMap } from '../resources';

/** SetDefaults_LimitRangeItem: default ← max, defaultRequest ← default, else ← min (Container items). */
export function defaultedItem(item: LimitRangeItem): LimitRangeItem {
  if (item.type !== 'Container') return item;
  const def = { ...(item.default ?? {}) };
  const defReq = { ...(item.defaultRequest ?? {}) };
  for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v;
  for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
  for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in defReq)) defReq[k] = v;
  return { ...item, default: def, defaultRequest: defReq };
}

function itemsOf(limitRanges: KubeObject[], type: string): LimitRangeItem[] {
  const out: LimitRangeItem[] = [];
  for (const lr of limitRanges) {
    for (const item of ((lr.spec as { limits?: LimitRangeItem[] } | undefined)?.limits ?? [])) {
      if (item.type === type) out.push(defaultedItem(item));
    }
  }
  return out;
}

/** Fill missing container limits and requests from the LimitRanges' defaults (mutating admission). */
export function applyLimitRangeDefaults(pod: Pod, limitRanges: KubeObject[]): void {
  const items = itemsOf(limitRanges, 'Container');
  if (items.length === 0) return;
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const item of items) defaultContainer(c, item);
  }
}

function defaultContainer(c: Container, item: LimitRangeItem): void {
  const limits = { ...(c.resources?.limits ?? {}) };
  const requests = { ...(c.resources?.requests ?? {}) };
  for (const [k, v] of Object.entries(item.default ?? {})) if (!(k in limits)) limits[k] = v;
  for (const [k, v] of Object.entries(item.defaultRequest ?? {})) if (!(k in requests)) requests[k] = v;
  c.resources = { ...(c.resources ?? {}), ...(Object.keys(limits).length ? { limits } : {}), ...(Object.keys(requests).length ? { requests } : {}) };
}

function asMap(list: Record<string, unknown> | undefined): QuantityMap {
  const m: QuantityMap = new Map();
  for (const [k, v] of Object.entries(list ?? {})) m.set(k, q(v as string));
  return m;
}

function checkItem(limitType: string, item: LimitRangeItem, requests: QuantityMap, limits: QuantityMap, errs: string[]): void {
  for (const k of Object.keys(item.min ?? {}).sort()) {
    const enforced = q(item.min?.[k]);
    const req = requests.get(k);
    const lim = limits.get(k);
    if (!req) errs.push(`minimum ${k} usage per ${limitType} is ${fmt(enforced)}.  No request is specified`);
    else if (req.nano < enforced.nano) errs.push(`minimum ${k} usage per ${limitType} is ${fmt(enforced)}, but request is ${fmt(req)}`);
    else if (lim && lim.nano < enforced.nano) errs.push(`minimum ${k} usage per ${limitType} is ${fmt(enforced)}, but limit is ${fmt(lim)}`);
  }
  for (const k of Object.keys(item.max ?? {}).sort()) {
    const enforced = q(item.max?.[k]);
    const req = requests.get(k);
    const lim = limits.get(k);
    if (!lim) errs.push(`maximum ${k} usage per ${limitType} is ${fmt(enforced)}.  No limit is specified`);
    else if (lim.nano > enforced.nano) errs.push(`maximum ${k} usage per ${limitType} is ${fmt(enforced)}, but limit is ${fmt(lim)}`);
    else if (req && req.nano > enforced.nano) errs.push(`maximum ${k} usage per ${limitType} is ${fmt(enforced)}, but request is ${fmt(req)}`);
  }
  for (const k of Object.keys(item.maxLimitRequestRatio ?? {}).sort()) {
    const enforced = q(item.maxLimitRequestRatio?.[k]);
    const req = requests.get(k);
    const lim = limits.get(k);
    if (!req || req.nano === 0n) {
      errs.push(`${k} max limit to request ratio per ${limitType} is ${fmt(enforced)}, but no request is specified or request is 0`);
    } else if (!lim || lim.nano === 0n) {
      errs.push(`${k} max limit to request ratio per ${limitType} is ${fmt(enforced)}, but no limit is specified or limit is 0`);
    } else {
      const ratio = Number(lim.nano) / Number(req.nano);
      if (ratio * 1e9 > Number(enforced.nano)) {
        errs.push(`${k} max limit to request ratio per ${limitType} is ${fmt(enforced)}, but provided ratio is ${ratio.toFixed(6)}`);
      }
    }
  }
}

/**
 * The LimitRanger validation errors for a pod, in upstream order. PodValidateLimitFunc
 * (plugin/pkg/admission/limitranger/admission.go) walks each LimitRange's items in order: a
 * Container item checks `pod.Spec.Containers` first, then `pod.Spec.InitContainers`; a Pod item
 * checks the pod's totals.
 */
export function validatePodLimits(pod: Pod, limitRanges: KubeObject[]): string[] {
  const errs: string[] = [];
  for (const lr of limitRanges) {
    for (const raw of ((lr.spec as { limits?: LimitRangeItem[] } | undefined)?.limits ?? [])) {
      if (raw.type === 'Container') {
        const item = defaultedItem(raw);
        for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
          checkItem('Container', item, asMap(c.resources?.requests), asMap(c.resources?.limits), errs);
        }
      } else if (raw.type === 'Pod') {
        checkItem('Pod', raw, podResourceList(pod.spec, 'requests'), podResourceList(pod.spec, 'limits'), errs);
      }
    }
  }
  return errs;
}

export function validateClaimLimits(pvc: PersistentVolumeClaim, limitRanges: KubeObject[]): string[] {
  const errs: string[] = [];
  for (const item of itemsOf(limitRanges, 'PersistentVolumeClaim')) {
    checkItem('PersistentVolumeClaim', item, asMap(pvc.spec?.resources?.requests), asMap(pvc.spec?.resources?.limits), errs);
  }
  return errs;
}

/**
 * utilerrors.NewAggregate(errs).Error(): a message already seen is left out (`seenerrs`), one
 * distinct message reads as is, several as `[a, b]`.
 */
export function aggregate(errs: string[]): string {
  const distinct = [...new Set(errs)];
  return distinct.length === 1 ? distinct[0] : `[${distinct.join(', ')}]`;
}
