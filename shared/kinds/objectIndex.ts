/**
 * A read-only index over a set of objects, for resolving references quickly: by key, by kind and
 * namespace, and the pod templates of every pod-running object.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { getKindModule, isNamespaced } from './registry';
import { rec, stringMap } from '../model/guards';
import { metadataNamespace, objectKey, type KubeObject } from '../model/object';

export interface PodTemplateEntry {
  /** The object that runs the pods (Deployment, StatefulSet, Pod…). */
  owner: KubeObject;
  ownerKey: string;
  namespace: string;
  labels: Record<string, string>;
  template: PodTemplateSpec;
}

export class ObjectIndex {
  readonly objects: readonly KubeObject[];
  private readonly byKey = new Map<string, KubeObject>();
  private readonly keys = new Map<KubeObject, string>();
  private readonly byKindNs = new Map<string, KubeObject[]>();
  private readonly templatesByNs = new Map<string, PodTemplateEntry[]>();
  private readonly namespaceLabels = new Map<string, Record<string, string>>();

  constructor(objects: readonly KubeObject[]) {
    this.objects = objects;
    for (const o of objects) {
      const key = keyOf(o);
      this.byKey.set(key, o);
      this.keys.set(o, key);
      const ns = namespaceOf(o);
      push(this.byKindNs, `${o.kind}/${ns}`, o);
      if (ns) push(this.byKindNs, `${o.kind}/*`, o);
      if (o.kind === 'Namespace' && o.apiVersion === 'v1' && typeof o.metadata?.name === 'string') {
        this.namespaceLabels.set(o.metadata.name, { ...stringMap(o.metadata.labels), 'kubernetes.io/metadata.name': o.metadata.name });
      } else if (ns && !this.namespaceLabels.has(ns)) {
        this.namespaceLabels.set(ns, { 'kubernetes.io/metadata.name': ns });
      }
      const module = getKindModule(o.kind, o.apiVersion);
      const template = module?.podTemplate?.(o);
      if (template) {
        push(this.templatesByNs, ns, {
          owner: o,
          ownerKey: key,
          namespace: ns,
          // Only string values can be labels; validation reports the others.
          labels: stringMap(rec(template.metadata)?.labels),
          template,
        });
      }
    }
  }

  get(key: string): KubeObject | undefined {
    return this.byKey.get(key);
  }

  keyOf(o: KubeObject): string {
    return this.keys.get(o) ?? keyOf(o);
  }

  /** Objects of a kind in a namespace (`'*'` for every namespace; `''` for cluster-scoped kinds). */
  list(kind: string, namespace: string): readonly KubeObject[] {
    return this.byKindNs.get(`${kind}/${namespace}`) ?? [];
  }

  find(kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.list(kind, namespace).find((o) => o.metadata?.name === name);
  }

  /** Pod templates of the pod-running objects in a namespace (`'*'` for all). */
  podTemplates(namespace: string): readonly PodTemplateEntry[] {
    if (namespace !== '*') return this.templatesByNs.get(namespace) ?? [];
    return [...this.templatesByNs.values()].flat();
  }

  /** Every namespace the design mentions, with its labels (including `kubernetes.io/metadata.name`). */
  namespaces(): ReadonlyMap<string, Record<string, string>> {
    return this.namespaceLabels;
  }
}

/** The namespace an object lives in: `''` for cluster-scoped kinds, `default` when unset. */
export function namespaceOf(o: KubeObject): string {
  if (!isNamespaced(o.kind, o.apiVersion)) return '';
  return metadataNamespace(o);
}

export function keyOf(o: KubeObject): string {
  return objectKey(o, isNamespaced(o.kind, o.apiVersion));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

