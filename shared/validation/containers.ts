/**
 * Container checks the API server makes when it creates the pods (kubernetes/pkg/apis/core/
 * validation): an image is required, and a request may not exceed its limit
 * (ValidateResourceRequirements). A template that fails them is accepted, but its controller's
 * pods are refused (FailedCreate), so they are errors here. The request is compared with the limit
 * the pod ends up with: LimitRanger's default limit fills a missing one before validation runs
 * (kubernetes.io, "Limit Ranges": a 700m request under a 500m default limit is
 * `spec.containers[0].resources.requests: Invalid value: "700m": must be less than or equal to cpu limit`).
 */
import type { LimitRange } from 'kubernetes-types/core/v1';
import { isPlainObject } from '../model/object';
import { compareQuantities, canonicalQuantity, FORMAT_WRONG, isQuantity, quantityProblem, quoteValue } from '../model/quantity';
import { problemFor } from './problem';
import { containersOf } from './podSpec';
import { limitRangeDefaults, type Defaults } from './quota';
import type { Check } from './types';

export const checkContainers: Check = (ctx, report) => {
  const defaultsByNs = new Map<string, Defaults>();
  const defaultsOf = (ns: string): Defaults => {
    let d = defaultsByNs.get(ns);
    if (!d) defaultsByNs.set(ns, (d = limitRangeDefaults(ctx.index.list('LimitRange', ns) as unknown as LimitRange[])));
    return d;
  };
  for (const entry of ctx.index.podTemplates('*')) {
    const defaults = defaultsOf(entry.namespace);
    for (const { container, path, empty } of containersOf(entry)) {
      if (empty) report(problemFor(entry.owner, 'error', 'container', `${path}.name`, 'Required value', 'Give the container a name, or remove the empty list entry.'));
      if (typeof container.image !== 'string' || container.image.trim() === '')
        report(problemFor(entry.owner, 'error', 'container', `${path}.image`, 'Required value', 'Name the image to run, e.g. nginx:1.27.'));
      const res = container.resources;
      if (!isPlainObject(res)) continue;
      for (const which of ['requests', 'limits'] as const) {
        const list = res[which];
        if (!isPlainObject(list)) continue;
        for (const [resource, v] of Object.entries(list)) {
          // Well-formed but out of range (`1e300000000`, 200 KB of digits): the schema's format check lets it through.
          const problem = quantityProblem(v);
          if (problem && problem !== FORMAT_WRONG) report(problemFor(entry.owner, 'error', 'container', `${path}.resources.${which}[${resource}]`, `Invalid value: ${quoteValue(v)}: ${problem}`));
        }
      }
      if (!isPlainObject(res.requests)) continue;
      const ownLimits = isPlainObject(res.limits) ? (res.limits as Record<string, unknown>) : {};
      for (const [resource, request] of Object.entries(res.requests).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const own = ownLimits[resource];
        const limit = own ?? defaults.limits[resource];
        if (!isQuantity(request) || !isQuantity(limit)) continue; // missing, or the schema check's to report
        const req = request as string | number;
        const lim = limit as string | number;
        if (compareQuantities(req, lim) <= 0) continue;
        report(
          problemFor(
            entry.owner,
            'error',
            'container',
            `${path}.resources.requests`,
            `Invalid value: ${JSON.stringify(canonicalQuantity(req))}: must be less than or equal to ${resource} limit of ${canonicalQuantity(lim)}`,
            own === undefined
              ? `The LimitRange of namespace "${entry.namespace}" gives this container a default ${resource} limit of ${canonicalQuantity(lim)}; set a ${resource} limit at least as large as the request, or lower the request.`
              : `Lower the ${resource} request or raise its limit.`,
          ),
        );
      }
    }
  }
};
