/**
 * The API server's field validation for what would otherwise make the simulation misbehave:
 * negative counts, negative resources, schedules that do not parse. Messages as upstream's
 * `pkg/apis/{apps,batch,core}/validation` write them (field.Invalid: `<path>: Invalid value: <v>: <why>`).
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../model/object';
import { isQuantity, parseQuantity } from '../../model/quantity';
import { compileCron } from '../cron';

const NON_NEGATIVE = 'must be greater than or equal to 0';

/** The first field error, or null. Quantities that do not parse are reported elsewhere (invalidQuantity). */
export function fieldError(o: KubeObject): string | null {
  const spec = (o.spec ?? {}) as Record<string, unknown>;
  const errors: string[] = [];
  const nonNegative = (path: string, v: unknown) => {
    // apps/validation ValidateNonnegativeField; a non-integer is a decoding error upstream.
    if (v === undefined || v === null) return;
    if (typeof v !== 'number' || !Number.isInteger(v)) errors.push(`${path}: Invalid value: ${JSON.stringify(v)}: must be an integer`);
    else if (v < 0) errors.push(`${path}: Invalid value: ${v}: ${NON_NEGATIVE}`);
  };
  switch (o.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'ReplicationController':
      nonNegative('spec.replicas', spec.replicas);
      break;
    case 'Job':
      for (const f of ['parallelism', 'completions', 'backoffLimit']) nonNegative(`spec.${f}`, spec[f]);
      break;
    case 'CronJob': {
      // batch/validation validateScheduleFormat: robfig/cron's ParseStandard error, verbatim.
      const schedule = spec.schedule;
      if (typeof schedule !== 'string' || schedule === '') errors.push('spec.schedule: Required value');
      else {
        const r = compileCron(schedule);
        if ('error' in r) errors.push(`spec.schedule: Invalid value: ${JSON.stringify(schedule)}: ${r.error}`);
      }
      const job = (spec.jobTemplate as { spec?: Record<string, unknown> } | undefined)?.spec ?? {};
      for (const f of ['parallelism', 'completions', 'backoffLimit']) nonNegative(`spec.jobTemplate.spec.${f}`, job[f]);
      break;
    }
  }
  // Written for every pod the controllers create: the lists are walked without allocating, and a
  // quantity is parsed only when it could be negative.
  const podSpec = podSpecOf(o);
  if (podSpec) {
    for (const field of CONTAINER_FIELDS) {
      const containers = podSpec[field];
      if (!Array.isArray(containers)) continue;
      for (let i = 0; i < containers.length; i++) {
        const resources = (containers[i] as Container | null)?.resources;
        if (!resources) continue;
        for (const part of RESOURCE_PARTS) {
          const list = resources[part];
          if (!list) continue;
          for (const name in list) {
            const v: unknown = list[name];
            // core/validation ValidateResourceQuantityValue.
            if (!mayBeNegative(v) || !isQuantity(v) || parseQuantity(v as string).nano >= 0n) continue;
            errors.push(`${containerPath(o)}.${field}[${i}].resources.${part}[${name}]: Invalid value: "${String(v)}": ${NON_NEGATIVE}`);
          }
        }
      }
    }
  }
  if (errors.length === 0) return null;
  // apierrors.NewInvalid: one error as is, several as a bracketed list.
  const detail = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
  return `${o.kind} "${o.metadata.name}" is invalid: ${detail}`;
}

const CONTAINER_FIELDS = ['initContainers', 'containers'] as const;
const RESOURCE_PARTS = ['requests', 'limits'] as const;

/** A quantity's sign is its first non-blank character (or a negative number). */
function mayBeNegative(v: unknown): boolean {
  if (typeof v === 'number') return v < 0;
  return typeof v === 'string' && v.trimStart().startsWith('-');
}

/** The pod spec of a pod, or of a workload's pod template. */
function podSpecOf(o: KubeObject): Record<string, unknown> | undefined {
  const spec = o.spec as Record<string, unknown> | undefined;
  if (!spec || typeof spec !== 'object') return undefined;
  if (o.kind === 'Pod') return spec;
  const template = o.kind === 'CronJob' ? (spec.jobTemplate as { spec?: { template?: unknown } } | undefined)?.spec?.template : spec.template;
  const podSpec = (template as { spec?: unknown } | undefined)?.spec;
  return podSpec && typeof podSpec === 'object' ? (podSpec as Record<string, unknown>) : undefined;
}

/** The field path of the pod spec `podSpecOf` returns. */
function containerPath(o: KubeObject): string {
  return o.kind === 'Pod' ? 'spec' : o.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
}
