/** Where the pod template sits in each pod-running kind, for field paths in problems. */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { PodTemplateEntry } from '../kinds/objectIndex';
import { getKindInfo } from '../kinds/registry';

/** Path of the pod template (`metadata` + `spec`) inside an object of `kind`; `''` for a Pod itself. */
export function podTemplatePath(kind: string): string {
  return getKindInfo(kind)?.podTemplatePath ?? 'spec.template';
}

export function join(prefix: string, rest: string): string {
  return prefix ? `${prefix}.${rest}` : rest;
}

export interface ContainerAt {
  container: Container;
  /** e.g. `spec.template.spec.containers[1]`. */
  path: string;
  /** The entry was null (an empty Container to the API server). */
  empty?: boolean;
}

/** Regular and init containers of a pod template, with their field paths. */
export function containersOf(entry: PodTemplateEntry): ContainerAt[] {
  const spec: PodSpec | undefined = entry.template.spec;
  const base = join(podTemplatePath(entry.owner.kind), 'spec');
  const out: ContainerAt[] = [];
  for (const field of ['containers', 'initContainers'] as const) {
    const list = spec?.[field];
    if (!Array.isArray(list)) continue;
    list.forEach((container, i) => {
      // A null entry decodes as an empty Container upstream (then name and image are required).
      if (container === null) out.push({ container: {} as Container, path: `${base}.${field}[${i}]`, empty: true });
      else if (typeof container === 'object') out.push({ container, path: `${base}.${field}[${i}]` });
    });
  }
  return out;
}
