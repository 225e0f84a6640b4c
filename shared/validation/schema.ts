/**
 * Schema validation against the Kubernetes OpenAPI schemas (kubernetes-models' ajv validators),
 * with ajv's errors turned into upstream-style field errors: `Required value`,
 * `Unsupported value: "X": supported values: …`, `Invalid value: …`.
 */
import type { ErrorObject } from 'ajv';
import type { KubeObject } from '../model/object';
import { goValue, problemFor } from './problem';
import { SCHEMA_MODELS } from './schemaModels';
import type { Check, Problem } from './types';

type Validate = (this: unknown) => void;

let validators: Map<string, Validate> | undefined;

function table(): Map<string, Validate> {
  if (!validators) {
    validators = new Map();
    for (const m of SCHEMA_MODELS) validators.set(`${m.apiVersion}|${m.kind}`, m.prototype.validate);
  }
  return validators;
}

/** The ajv errors for one object, or `undefined` when its kind has no schema here. */
export function schemaErrors(o: KubeObject): ErrorObject[] | undefined {
  const validate = table().get(`${o.apiVersion}|${o.kind}`);
  if (!validate) return undefined;
  try {
    // The model's validate() reads `this`; calling it on the plain object skips the model's deep copy.
    validate.call(o);
    return [];
  } catch (err) {
    const errors = (err as { errors?: ErrorObject[] }).errors;
    if (Array.isArray(errors)) return errors;
    throw err;
  }
}

export const checkSchema: Check = (ctx, report) => {
  const models = table();
  for (const o of ctx.objects) {
    if (models.has(`${o.apiVersion}|${o.kind}`)) for (const p of schemaProblems(o, schemaErrors(o) ?? [])) report(p);
  }
};

const QUANTITY_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const QUANTITY_HINT = 'Write a quantity such as 500m, 0.5, 128Mi or 1Gi.';

/** Turn one object's ajv errors into Problems, one per field (alternatives of a oneOf merged). */
export function schemaProblems(o: KubeObject, errors: readonly ErrorObject[]): Problem[] {
  const groups = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = groups.get(e.instancePath);
    if (list) list.push(e);
    else groups.set(e.instancePath, [e]);
  }
  const out: Problem[] = [];
  for (const [pointer, group] of groups) {
    const { path, value } = resolvePointer(o, pointer);
    const alternatives = group.some((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
    // JSON null is "not set" to the API server's decoder: only missing required fields matter then.
    if (value === null && group.every((e) => ['type', 'oneOf', 'anyOf', 'format'].includes(e.keyword))) continue;
    if (alternatives) {
      const isQuantity = group.some((e) => e.keyword === 'format' && e.params.format === 'quantity');
      if (isQuantity) {
        out.push(problemFor(o, 'error', 'schema', path, `Invalid value: ${goValue(value)}: ${QUANTITY_MESSAGE}`, QUANTITY_HINT));
      } else {
        const types = [...new Set(group.filter((e) => e.keyword === 'type').map((e) => String(e.params.type)))].sort();
        const expected = types.length ? `must be of type ${types.join(' or ')}` : 'does not match any allowed form';
        out.push(problemFor(o, 'error', 'schema', path, `Invalid value: ${goValue(value)}: ${expected}`));
      }
      continue;
    }
    for (const e of group) out.push(fieldProblem(o, e, path, value));
  }
  return out;
}

function fieldProblem(o: KubeObject, e: ErrorObject, path: string, value: unknown): Problem {
  switch (e.keyword) {
    case 'required': {
      const field = joinKey(path, String(e.params.missingProperty));
      return problemFor(o, 'error', 'schema', field, 'Required value', `Add ${field}.`);
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(goValue);
      return problemFor(o, 'error', 'schema', path, `Unsupported value: ${goValue(value)}: supported values: ${allowed.join(', ')}`, `Use one of ${allowed.join(', ')}.`);
    }
    case 'type':
      return problemFor(o, 'error', 'schema', path, `Invalid value: ${goValue(value)}: must be of type ${String(e.params.type)}`, typeHint(String(e.params.type), value));
    case 'format':
      if (e.params.format === 'quantity') return problemFor(o, 'error', 'schema', path, `Invalid value: ${goValue(value)}: ${QUANTITY_MESSAGE}`, QUANTITY_HINT);
      return problemFor(o, 'error', 'schema', path, `Invalid value: ${goValue(value)}: must be a valid ${String(e.params.format)}`);
    default:
      return problemFor(o, 'error', 'schema', path, `Invalid value: ${goValue(value)}: ${e.message ?? e.keyword}`);
  }
}

/** The usual YAML slips: numbers and booleans where text is wanted, quoted numbers where a number is. */
function typeHint(type: string, value: unknown): string | undefined {
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return `Quote it, "${String(value)}", so YAML reads it as text.`;
  if ((type === 'integer' || type === 'number') && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return `Write ${value} without quotes.`;
  return undefined;
}

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

function joinKey(path: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** `/spec/containers/0/name` → `spec.containers[0].name`, and the value found there. */
export function resolvePointer(root: unknown, pointer: string): { path: string; value: unknown } {
  let path = '';
  let value: unknown = root;
  if (pointer === '') return { path, value };
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) {
      path += `[${key}]`;
      value = value[Number(key)];
    } else {
      path = joinKey(path, key);
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
  }
  return { path, value };
}
