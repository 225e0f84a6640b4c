/**
 * A ResourceQuota on cpu or memory makes every container of every new pod in its namespace state
 * the matching requests/limits, or the pod is refused (quota evaluator Constraints,
 * kubernetes/pkg/quota/v1/evaluator/core/pods.go). LimitRange defaults are applied first, as the
 * LimitRanger admission plugin runs before ResourceQuota.
 */
import type { Container, LimitRange, ResourceQuota } from 'kubernetes-types/core/v1';
import { items, rec } from '../model/guards';
import { isPlainObject } from '../model/object';
import type { PodTemplateEntry } from '../kinds/objectIndex';
import { problemFor } from './problem';
import { containersOf } from './podSpec';
import type { Check } from './types';

/** The resources whose presence the quota evaluator enforces per container. */
const VALIDATION_SET = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

export interface Defaults {
  limits: Record<string, unknown>;
  requests: Record<string, unknown>;
}

export const checkQuotaResources: Check = (ctx, report) => {
  for (const [ns] of ctx.index.namespaces()) {
    const quotas = ctx.index.list('ResourceQuota', ns) as unknown as ResourceQuota[];
    if (quotas.length === 0) continue;
    const defaults = limitRangeDefaults(ctx.index.list('LimitRange', ns) as unknown as LimitRange[]);
    for (const entry of ctx.index.podTemplates(ns)) {
      for (const quota of quotas) {
        // Scoped quotas only count the pods their scopes match; skipped rather than guessed.
        if (quota.spec?.scopes?.length || quota.spec?.scopeSelector) continue;
        const required = VALIDATION_SET.filter((r) => isPlainObject(quota.spec?.hard) && r in quota.spec.hard);
        if (required.length === 0) continue;
        const missing = missingResources(entry, required, defaults);
        if (!missing) continue;
        report(
          problemFor(
            entry.owner,
            'error',
            'quota-requires-resources',
            missing.path,
            `failed quota: ${quota.metadata?.name ?? ''}: must specify ${missing.text}`,
            `Set resources.requests and resources.limits for ${['cpu', 'memory'].filter((r) => required.some((q) => q.endsWith(r))).join(' and ')} on every container, or add a LimitRange with defaults to namespace "${ns}".`,
          ),
        );
        break; // admission stops at the first quota that refuses the pod
      }
    }
  }
};

/** Upstream `must specify limits.cpu for: c1,c2; requests.memory for: c1`, or undefined when nothing is missing. */
function missingResources(entry: PodTemplateEntry, required: string[], defaults: Defaults): { text: string; path: string } | undefined {
  const missing = new Map<string, Set<string>>();
  let firstPath: string | undefined;
  for (const { container, path } of containersOf(entry)) {
    const present = containerUsage(container, defaults);
    for (const r of required) {
      if (present.has(r)) continue;
      const names = missing.get(r) ?? new Set<string>();
      names.add(container.name || path.slice(path.lastIndexOf('.') + 1));
      missing.set(r, names);
      firstPath ??= `${path}.resources`;
    }
  }
  if (missing.size === 0 || !firstPath) return undefined;
  const text = [...missing.keys()]
    .sort()
    .map((r) => `${r} for: ${[...(missing.get(r) ?? [])].sort().join(',')}`)
    .join('; ');
  return { text, path: firstPath };
}

/** The quota resource names a container states (podComputeUsageHelper), after defaulting. */
function containerUsage(container: Container, defaults: Defaults): Set<string> {
  const res = isPlainObject(container.resources) ? container.resources : {};
  const limits = { ...defaults.limits, ...(isPlainObject(res.limits) ? res.limits : {}) };
  // API defaulting: a limit without a request makes the request equal to the limit.
  const requests = { ...defaults.requests, ...(isPlainObject(res.limits) ? res.limits : {}), ...(isPlainObject(res.requests) ? res.requests : {}) };
  const out = new Set<string>();
  for (const r of ['cpu', 'memory']) {
    if (requests[r] !== undefined && requests[r] !== null) out.add(r).add(`requests.${r}`);
    if (limits[r] !== undefined && limits[r] !== null) out.add(`limits.${r}`);
  }
  return out;
}

/** Container defaults of the namespace's LimitRanges (default ← max; defaultRequest ← default, else min). */
export function limitRangeDefaults(ranges: LimitRange[]): Defaults {
  const out: Defaults = { limits: {}, requests: {} };
  for (const lr of ranges) {
    for (const item of items(rec(lr.spec)?.limits)) {
      if (item.type !== 'Container') continue;
      const limits = { ...rec(item.max), ...rec(item.default) };
      const requests = { ...rec(item.min), ...limits, ...rec(item.defaultRequest) };
      Object.assign(out.limits, limits);
      Object.assign(out.requests, requests);
    }
  }
  return out;
}
