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
  for (const [path, containers] of containerLists(o)) {
    containers.forEach((ct, i) => {
      for (const part of ['requests', 'limits'] as const) {
        for (const [name, v] of Object.entries(ct?.resources?.[part] ?? {})) {
          // core/validation ValidateResourceQuantityValue.
          if (isQuantity(v) && parseQuantity(v as string).nano < 0n) errors.push(`${path}[${i}].resources.${part}[${name}]: Invalid value: "${String(v)}": ${NON_NEGATIVE}`);
        }
      }
    });
  }
  if (errors.length === 0) return null;
  // apierrors.NewInvalid: one error as is, several as a bracketed list.
  const detail = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
  return `${o.kind} "${o.metadata.name}" is invalid: ${detail}`;
}

/** The container lists of a pod or of a workload's pod template, with their field paths. */
function containerLists(o: KubeObject): [string, Container[]][] {
  const spec = o.spec as Record<string, unknown> | undefined;
  if (!spec) return [];
  let podSpec: Record<string, unknown> | undefined;
  let prefix = 'spec';
  if (o.kind === 'Pod') podSpec = spec;
  else if (o.kind === 'CronJob') {
    podSpec = (spec.jobTemplate as { spec?: { template?: { spec?: Record<string, unknown> } } } | undefined)?.spec?.template?.spec;
    prefix = 'spec.jobTemplate.spec.template.spec';
  } else {
    podSpec = (spec.template as { spec?: Record<string, unknown> } | undefined)?.spec;
    prefix = 'spec.template.spec';
  }
  if (!podSpec) return [];
  const out: [string, Container[]][] = [];
  for (const field of ['initContainers', 'containers']) {
    const list = podSpec[field];
    if (Array.isArray(list)) out.push([`${prefix}.${field}`, list as Container[]]);
  }
  return out;
}
