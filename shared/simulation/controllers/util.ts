/** Helpers the controllers share: owner references, pod state, pod templates, status writes. */
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { getKindModule } from '../../kinds/registry';
import type { KubeObject } from '../../model/object';
import type { ApiResponse } from '../apiserver';
import type { Cluster } from '../cluster';
import { sameJson } from '../rng';
import { nsOf, type WatchEvent } from '../store';

export function controllerRef(o: KubeObject): OwnerReference | undefined {
  return (o.metadata.ownerReferences ?? []).find((r) => r.controller);
}

export function ownerRefTo(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/** ownerKey of the event's object, computed once and shared by every controller's handler. */
export function eventOwner(ev: WatchEvent): string | undefined {
  if (ev.owner === undefined) ev.owner = ownerKey(ev.object) ?? null;
  return ev.owner ?? undefined;
}

/** The key of the object's controller (`Kind/ns/name`), if it has one. */
export function ownerKey(o: KubeObject): string | undefined {
  const ref = controllerRef(o);
  return ref ? `${ref.kind}/${nsOf(o)}/${ref.name}` : undefined;
}

export function podPhase(p: KubeObject): string {
  return (p as Pod).status?.phase ?? 'Pending';
}

export function isTerminal(p: KubeObject): boolean {
  const ph = podPhase(p);
  return ph === 'Succeeded' || ph === 'Failed';
}

/** Counted by its controller: not terminal and not being deleted (upstream FilterActivePods). */
export function isActive(p: KubeObject): boolean {
  return !p.metadata.deletionTimestamp && !isTerminal(p);
}

export function isReady(p: KubeObject): boolean {
  return ((p as Pod).status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** The pod template of a workload: its kind module's `podTemplate`, else the well-known fields. */
export function podTemplateOf(o: KubeObject): PodTemplateSpec | undefined {
  const m = getKindModule(o.kind, o.apiVersion);
  const t = m?.podTemplate?.(o);
  if (t) return t;
  const spec = o.spec as { template?: PodTemplateSpec; jobTemplate?: { spec?: { template?: PodTemplateSpec } } } | undefined;
  return spec?.template ?? spec?.jobTemplate?.spec?.template;
}

/**
 * A new pod stamped from a template, owned by `owner`. Copies what admission and the kubelet may
 * replace (metadata, spec, each container); nested template parts are shared and never mutated.
 */
export function podFromTemplate(owner: KubeObject, template: PodTemplateSpec, name: { generateName?: string; name?: string }, extraLabels: Record<string, string> = {}): KubeObject {
  const spec = template.spec;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    // Object.assign, not spread: V8 makes spread-plus-new-keys objects slow dictionaries.
    metadata: Object.assign(
      name.name ? { name: name.name } : { name: '', generateName: name.generateName },
      { namespace: nsOf(owner), labels: Object.assign({}, template.metadata?.labels, extraLabels) },
      template.metadata?.annotations ? { annotations: Object.assign({}, template.metadata.annotations) } : undefined,
      { ownerReferences: [ownerRefTo(owner)] },
    ),
    spec: spec
      ? Object.assign({}, spec, { containers: spec.containers.map((c) => Object.assign({}, c)) }, spec.initContainers ? { initContainers: spec.initContainers.map((c) => Object.assign({}, c)) } : undefined)
      : { containers: [] },
    status: { phase: 'Pending' },
  };
}

/** Write `status` when it differs from the stored one. */
export function writeStatus(c: Cluster, user: string, component: string, o: KubeObject, status: unknown): void {
  if (sameJson(o.status, status)) return;
  c.api.request({ verb: 'updateStatus', user, component, object: Object.assign({}, o, { status }) });
}

export function update(c: Cluster, user: string, component: string, o: KubeObject): ApiResponse {
  return c.api.request({ verb: 'update', user, component, object: o });
}

export function remove(c: Cluster, user: string, component: string, o: KubeObject, gracePeriodSeconds?: number): ApiResponse {
  return c.api.request({ verb: 'delete', user, component, object: o, gracePeriodSeconds });
}

/** Pods the controller owns (by uid), in creation order. */
export function ownedPods(c: Cluster, owner: KubeObject): KubeObject[] {
  const uid = owner.metadata.uid ?? '';
  return c.store.dependents(uid).filter((o) => o.kind === 'Pod' && controllerRef(o)?.uid === uid);
}

export function owned(c: Cluster, owner: KubeObject, kind: string): KubeObject[] {
  const uid = owner.metadata.uid ?? '';
  return c.store.dependents(uid).filter((o) => o.kind === kind && controllerRef(o)?.uid === uid);
}

/** Exponential back-off per key (1 s doubling to 60 s): how controllers retry failed work. */
export class Backoff {
  private readonly delays = new Map<string, number>();
  next(key: string): number {
    const d = this.delays.get(key) ?? 1;
    this.delays.set(key, Math.min(d * 2, 60));
    return d;
  }
  reset(key: string): void {
    this.delays.delete(key);
  }
}

export type Condition = { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string; lastUpdateTime?: string };

/** Set or replace a condition, keeping lastTransitionTime when the status did not change. */
export function setCondition(list: Condition[] | undefined, cond: Condition): Condition[] {
  const out = [...(list ?? [])];
  const i = out.findIndex((x) => x.type === cond.type);
  if (i >= 0) {
    const keep = out[i].status === cond.status ? out[i].lastTransitionTime : cond.lastTransitionTime;
    out[i] = { ...cond, lastTransitionTime: keep };
  } else out.push(cond);
  return out;
}

export function removeCondition(list: Condition[] | undefined, type: string): Condition[] {
  return (list ?? []).filter((x) => x.type !== type);
}
