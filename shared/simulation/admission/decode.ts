/**
 * What the API server's decoder refuses before any validation runs: a field of the wrong JSON type
 * where the simulator reads a typed Go struct (a pod spec's lists, a Service's ports, selectors).
 * Upstream answers such a body with
 *   `Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string
 *    into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container`
 * (k8s.io/apimachinery/pkg/runtime/serializer/json, encoding/json's UnmarshalTypeError). A `null`
 * list item decodes to the zero struct, which validation then refuses (`containers[0].name:
 * Required value`), as k8s.io/kubernetes/pkg/apis/core/validation does.
 */
import { catalogueGeneration, getKindInfo } from '../../kinds/registry';
import type { KubeObject } from '../../model/object';

type Shape = { list: string; item?: Fields } | { map: string } | { struct: string; fields?: Fields };
/** Field name → shape, as an array: walked on every create and update, so no per-call allocation. */
type Fields = ReadonlyArray<readonly [string, Shape]>;

const CONTAINER: Fields = [
  ['ports', { list: '[]v1.ContainerPort' }],
  ['env', { list: '[]v1.EnvVar' }],
  ['envFrom', { list: '[]v1.EnvFromSource' }],
  ['volumeMounts', { list: '[]v1.VolumeMount' }],
  ['resources', { struct: 'v1.ResourceRequirements', fields: [['requests', { map: 'v1.ResourceList' }], ['limits', { map: 'v1.ResourceList' }]] }],
];

const POD_SPEC: Fields = [
  ['containers', { list: '[]v1.Container', item: CONTAINER }],
  ['initContainers', { list: '[]v1.Container', item: CONTAINER }],
  ['volumes', { list: '[]v1.Volume' }],
  ['tolerations', { list: '[]v1.Toleration' }],
  ['nodeSelector', { map: 'map[string]string' }],
];

const WORKLOAD_SPEC: Fields = [['selector', { struct: 'v1.LabelSelector', fields: [['matchLabels', { map: 'map[string]string' }], ['matchExpressions', { list: '[]v1.LabelSelectorRequirement' }]] }]];

const SERVICE_SPEC: Fields = [
  ['ports', { list: '[]v1.ServicePort' }],
  ['selector', { map: 'map[string]string' }],
];

const OBJECT: Fields = [['metadata', { struct: 'v1.ObjectMeta', fields: [['labels', { map: 'map[string]string' }], ['annotations', { map: 'map[string]string' }]] }]];

/** A field of the wrong JSON type: where, what it holds, and the Go type it should decode into. */
interface Mismatch {
  path: string;
  value: unknown;
  type: string;
}

const isStruct = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v;
}

/** The first field of `value` that does not decode into its shape; paths are built only on a mismatch. */
function mismatch(value: unknown, fields: Fields, path: string): Mismatch | undefined {
  if (!isStruct(value)) return undefined;
  for (const [name, shape] of fields) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    if ('list' in shape) {
      if (!Array.isArray(v)) return { path: `${path}.${name}`, value: v, type: shape.list };
      for (const item of v) {
        if (item !== null && !isStruct(item)) return { path: `${path}.${name}`, value: item, type: shape.list.slice(2) };
        if (shape.item) {
          const inner = mismatch(item, shape.item, `${path}.${name}`);
          if (inner) return inner;
        }
      }
    } else if ('map' in shape) {
      if (!isStruct(v)) return { path: `${path}.${name}`, value: v, type: shape.map };
    } else {
      if (!isStruct(v)) return { path: `${path}.${name}`, value: v, type: shape.struct };
      if (shape.fields) {
        const inner = mismatch(v, shape.fields, `${path}.${name}`);
        if (inner) return inner;
      }
    }
  }
  return undefined;
}

/** The decoder's refusal for the first field of the wrong type, or null. */
export function decodeError(o: KubeObject): string | null {
  const found = firstMismatch(o);
  if (!found) return null;
  const kind = o.kind;
  const version = String(o.apiVersion ?? '').split('/').pop() ?? '';
  return `${kind} in version "${version}" cannot be handled as a ${kind}: json: cannot unmarshal ${jsonType(found.m.value)} into Go struct field ${found.struct}.${found.m.path.replace(/^\./, '')} of type ${found.m.type}`;
}

function firstMismatch(o: KubeObject): { struct: string; m: Mismatch } | undefined {
  const kind = o.kind;
  const meta = mismatch(o, OBJECT, '');
  if (meta) return { struct: kind, m: meta };
  if (o.spec === undefined || o.spec === null) return undefined;
  if (!isStruct(o.spec)) return { struct: kind, m: { path: 'spec', value: o.spec, type: `v1.${kind}Spec` } };
  if (kind === 'Service') {
    const m = mismatch(o.spec, SERVICE_SPEC, 'spec');
    return m && { struct: 'ServiceSpec', m };
  }
  const steps = podSpecSteps(kind);
  if (steps === undefined) return undefined;
  if (kind !== 'Pod') {
    const m = mismatch(o.spec, WORKLOAD_SPEC, 'spec');
    if (m) return { struct: `${kind}Spec`, m };
  }
  // Down the pod template path (`spec.template`, `spec.jobTemplate.spec.template`) to the pod spec.
  let spec: unknown = o;
  let path = '';
  for (const step of steps) {
    const next = (spec as Record<string, unknown>)[step];
    path = path ? `${path}.${step}` : step;
    if (next === undefined || next === null) return undefined;
    if (!isStruct(next)) return { struct: kind === 'Pod' ? 'Pod' : `${kind}Spec`, m: { path, value: next, type: step === 'spec' && path.endsWith('template.spec') ? 'v1.PodSpec' : 'v1.PodTemplateSpec' } };
    spec = next;
  }
  const m = mismatch(spec, POD_SPEC, path);
  return m && { struct: 'PodSpec', m };
}

/** Per kind, the steps from the object to its pod spec (`['spec', 'template', 'spec']`); undefined for kinds without one. */
const stepsByKind = new Map<string, readonly string[] | undefined>();
let stepsGeneration = -1;

function podSpecSteps(kind: string): readonly string[] | undefined {
  if (stepsGeneration !== catalogueGeneration()) {
    stepsByKind.clear();
    stepsGeneration = catalogueGeneration();
  }
  if (stepsByKind.has(kind)) return stepsByKind.get(kind);
  const templatePath = getKindInfo(kind)?.podTemplatePath;
  const steps = templatePath === undefined ? undefined : templatePath ? [...templatePath.split('.'), 'spec'] : ['spec'];
  stepsByKind.set(kind, steps);
  return steps;
}

const NO_ERRORS: readonly string[] = [];

/** Validation of list items that decoded as `null` (the zero struct): the fields upstream requires of it. */
export function zeroItemErrors(o: KubeObject): readonly string[] {
  if (o.kind === 'Service') {
    const ports = (o.spec as { ports?: unknown } | undefined)?.ports;
    if (!Array.isArray(ports) || !ports.includes(null)) return NO_ERRORS;
    const errors: string[] = [];
    ports.forEach((p, i) => p === null && errors.push(`spec.ports[${i}].port: Invalid value: 0: must be between 1 and 65535, inclusive`));
    return errors;
  }
  const steps = podSpecSteps(o.kind);
  if (steps === undefined) return NO_ERRORS;
  let spec: unknown = o;
  for (const step of steps) spec = spec !== null && typeof spec === 'object' ? (spec as Record<string, unknown>)[step] : undefined;
  if (spec === null || typeof spec !== 'object') return NO_ERRORS;
  let errors: string[] | undefined;
  for (const field of CONTAINER_FIELDS) {
    const list = (spec as Record<string, unknown>)[field];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      if (list[i] !== null) continue;
      const path = steps.join('.');
      (errors ??= []).push(`${path}.${field}[${i}].name: Required value`, `${path}.${field}[${i}].image: Required value`);
    }
  }
  return errors ?? NO_ERRORS;
}

const CONTAINER_FIELDS = ['containers', 'initContainers'] as const;
