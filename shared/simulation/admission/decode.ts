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
import { getKindInfo } from '../../kinds/registry';
import type { KubeObject } from '../../model/object';

type Shape = { list: string; item?: Fields } | { map: string } | { struct: string; fields?: Fields };
type Fields = Record<string, Shape>;

const CONTAINER: Fields = {
  ports: { list: '[]v1.ContainerPort' },
  env: { list: '[]v1.EnvVar' },
  envFrom: { list: '[]v1.EnvFromSource' },
  volumeMounts: { list: '[]v1.VolumeMount' },
  resources: { struct: 'v1.ResourceRequirements', fields: { requests: { map: 'v1.ResourceList' }, limits: { map: 'v1.ResourceList' } } },
};

const POD_SPEC: Fields = {
  containers: { list: '[]v1.Container', item: CONTAINER },
  initContainers: { list: '[]v1.Container', item: CONTAINER },
  volumes: { list: '[]v1.Volume' },
  tolerations: { list: '[]v1.Toleration' },
  nodeSelector: { map: 'map[string]string' },
};

const LABEL_SELECTOR: Shape = { struct: 'v1.LabelSelector', fields: { matchLabels: { map: 'map[string]string' }, matchExpressions: { list: '[]v1.LabelSelectorRequirement' } } };

const SERVICE_SPEC: Fields = {
  ports: { list: '[]v1.ServicePort' },
  selector: { map: 'map[string]string' },
};

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v;
}

/** The decoder's refusal for the first field of the wrong type, or null. */
export function decodeError(o: KubeObject): string | null {
  const kind = o.kind;
  const version = (o.apiVersion ?? '').split('/').pop() ?? '';
  const refuse = (v: unknown, struct: string, path: string, type: string) =>
    `${kind} in version "${version}" cannot be handled as a ${kind}: json: cannot unmarshal ${jsonType(v)} into Go struct field ${struct}.${path} of type ${type}`;

  const check = (value: unknown, fields: Fields, struct: string, path: string): string | null => {
    if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    for (const [name, shape] of Object.entries(fields)) {
      const v = (value as Record<string, unknown>)[name];
      if (v === undefined || v === null) continue;
      const at = `${path}.${name}`;
      if ('list' in shape) {
        if (!Array.isArray(v)) return refuse(v, struct, at, shape.list);
        for (const item of v) {
          if (item !== null && (typeof item !== 'object' || Array.isArray(item))) return refuse(item, struct, at, shape.list.slice(2));
          if (shape.item) {
            const inner = check(item, shape.item, struct, at);
            if (inner) return inner;
          }
        }
      } else if ('map' in shape) {
        if (typeof v !== 'object' || Array.isArray(v)) return refuse(v, struct, at, shape.map);
      } else {
        if (typeof v !== 'object' || Array.isArray(v)) return refuse(v, struct, at, shape.struct);
        if (shape.fields) {
          const inner = check(v, shape.fields, struct, at);
          if (inner) return inner;
        }
      }
    }
    return null;
  };

  const meta = check(o, { metadata: { struct: 'v1.ObjectMeta', fields: { labels: { map: 'map[string]string' }, annotations: { map: 'map[string]string' } } } }, kind, '');
  if (meta) return meta.replace(`${kind}..metadata`, `${kind}.metadata`);
  if (o.spec !== undefined && o.spec !== null && (typeof o.spec !== 'object' || Array.isArray(o.spec))) return refuse(o.spec, kind, 'spec', `v1.${kind}Spec`);
  if (kind === 'Service') return check(o.spec, SERVICE_SPEC, 'ServiceSpec', 'spec');
  const templatePath = getKindInfo(kind)?.podTemplatePath;
  if (templatePath === undefined) return null;
  let spec: unknown = o;
  const steps = templatePath ? [...templatePath.split('.'), 'spec'] : ['spec'];
  for (const [i, step] of steps.entries()) {
    const next = spec !== null && typeof spec === 'object' && !Array.isArray(spec) ? (spec as Record<string, unknown>)[step] : undefined;
    if (next === undefined || next === null) return null;
    const path = steps.slice(0, i + 1).join('.');
    if (typeof next !== 'object' || Array.isArray(next)) return refuse(next, kind === 'Pod' ? 'Pod' : `${kind}Spec`, path, i === steps.length - 1 ? 'v1.PodSpec' : 'v1.PodTemplateSpec');
    if (i === 0 && kind !== 'Pod') {
      const selectorError = check(next, { selector: LABEL_SELECTOR }, `${kind}Spec`, 'spec');
      if (selectorError) return selectorError;
    }
    spec = next;
  }
  return check(spec, POD_SPEC, 'PodSpec', steps.join('.'));
}

/** Validation of list items that decoded as `null` (the zero struct): the fields upstream requires of it. */
export function zeroItemErrors(o: KubeObject): string[] {
  const errors: string[] = [];
  if (o.kind === 'Service') {
    const ports = (o.spec as { ports?: unknown } | undefined)?.ports;
    if (Array.isArray(ports)) ports.forEach((p, i) => p === null && errors.push(`spec.ports[${i}].port: Invalid value: 0: must be between 1 and 65535, inclusive`));
    return errors;
  }
  const templatePath = getKindInfo(o.kind)?.podTemplatePath;
  if (templatePath === undefined) return errors;
  const path = templatePath ? `${templatePath}.spec` : 'spec';
  let spec: unknown = o;
  for (const step of path.split('.')) spec = spec !== null && typeof spec === 'object' ? (spec as Record<string, unknown>)[step] : undefined;
  if (spec === null || typeof spec !== 'object') return errors;
  for (const field of ['containers', 'initContainers']) {
    const list = (spec as Record<string, unknown>)[field];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (c === null) errors.push(`${path}.${field}[${i}].name: Required value`, `${path}.${field}[${i}].image: Required value`);
    });
  }
  return errors;
}
