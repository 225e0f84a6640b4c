/**
 * The garbage collector (background propagation): when an owner is deleted, dependents whose
 * owners are all gone are deleted in turn. Also the namespace controller: a Terminating namespace
 * has its contents deleted, then is removed.
 */
import type { KubeObject } from '../../model/object';
import type { Cluster, Controller } from '../cluster';
import { isClusterScoped, nsOf, storeKey, type WatchEvent } from '../store';
import { remove } from './util';
import { pushAll } from '../../model/arrays';

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector-controller';
  readonly component = 'controller-manager' as const;

  constructor(private readonly c: Cluster) {}

  handle(ev: WatchEvent): void {
    if (ev.type === 'DELETED' && ev.object.metadata.uid) this.c.enqueue(this, ev.object.metadata.uid);
  }

  sync(uid: string): void {
    const c = this.c;
    for (const dep of c.store.dependents(uid)) {
      const alive = (dep.metadata.ownerReferences ?? []).some((r) => r.uid !== uid && c.store.byUid(r.uid));
      if (!alive && !dep.metadata.deletionTimestamp) remove(c, 'system:serviceaccount:kube-system:generic-garbage-collector', 'controller-manager', dep);
    }
  }
}

const SKIP = new Set(['Event']);

export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';
  readonly component = 'controller-manager' as const;

  constructor(private readonly c: Cluster) {}

  handle(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'Namespace') {
      if (o.metadata.deletionTimestamp && ev.type !== 'DELETED') this.c.enqueue(this, o.metadata.name);
      return;
    }
    const ns = nsOf(o);
    if (ev.type === 'DELETED' && ns && this.c.store.getBy('Namespace', '', ns)?.metadata.deletionTimestamp) this.c.enqueue(this, ns);
  }

  sync(ns: string): void {
    const c = this.c;
    const nsObj = c.store.getBy('Namespace', '', ns);
    if (!nsObj?.metadata.deletionTimestamp) return;
    const contents: KubeObject[] = [];
    for (const kind of KINDS) if (!isClusterScoped(kind) && !SKIP.has(kind)) pushAll(contents, c.store.list(kind, ns));
    for (const o of contents) if (!o.metadata.deletionTimestamp) remove(c, 'system:serviceaccount:kube-system:namespace-controller', 'controller-manager', o);
    const left = KINDS.some((k) => !isClusterScoped(k) && c.store.count(k, ns) > 0);
    if (!left) remove(c, 'system:serviceaccount:kube-system:namespace-controller', 'controller-manager', c.store.get(storeKey(nsObj)) as KubeObject, 0);
  }
}

/** Every kind the simulator may hold, in deletion order for namespace cleanup (workloads first). */
export const KINDS = [
  'HorizontalPodAutoscaler', 'CronJob', 'Job', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod',
  'Service', 'EndpointSlice', 'Ingress', 'NetworkPolicy', 'PersistentVolumeClaim', 'ConfigMap', 'Secret',
  'ServiceAccount', 'Role', 'RoleBinding', 'ResourceQuota', 'LimitRange', 'PodDisruptionBudget',
];
