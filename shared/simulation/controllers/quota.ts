/** The resource quota controller: recounts usage when objects go away or a quota changes, releasing what they held. */
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../model/object';
import { countKey, recount } from '../admission/quota';
import type { Cluster, Controller } from '../cluster';
import { stableStringify } from '../rng';
import { nsOf, type WatchEvent } from '../store';
import { isTerminal, writeStatus } from './util';
import { pushAll } from '../../model/arrays';

const KINDS_BY_RESOURCE: Record<string, string> = {
  pods: 'Pod', services: 'Service', configmaps: 'ConfigMap', secrets: 'Secret', persistentvolumeclaims: 'PersistentVolumeClaim', resourcequotas: 'ResourceQuota',
};

export class ResourceQuotaController implements Controller {
  readonly name = 'resourcequota-controller';
  readonly component = 'controller-manager' as const;

  constructor(private readonly c: Cluster) {}

  handle(ev: WatchEvent): void {
    const o = ev.object;
    const ns = nsOf(o);
    if (!ns || this.c.store.count('ResourceQuota', ns) === 0) return;
    if (o.kind === 'ResourceQuota') {
      if (ev.type === 'ADDED' || stableStringify(ev.old?.spec) !== stableStringify(o.spec)) this.c.enqueue(this, ns);
    } else if (ev.type === 'DELETED' || (o.kind === 'Pod' && isTerminal(o) && ev.old && !isTerminal(ev.old))) {
      this.c.enqueue(this, ns);
    }
  }

  sync(ns: string): void {
    const c = this.c;
    for (const quota of c.store.list('ResourceQuota', ns) as (ResourceQuota & KubeObject)[]) {
      const hard = (quota.spec?.hard ?? {}) as Record<string, string>;
      const kinds = new Set<string>();
      for (const key of Object.keys(hard)) kinds.add(kindFor(key));
      const objects: KubeObject[] = [];
      for (const k of kinds) if (k) pushAll(objects, c.store.list(k, ns));
      const sortedHard: Record<string, string> = {};
      for (const k of Object.keys(hard).sort()) sortedHard[k] = hard[k];
      writeStatus(c, 'resourcequota-controller', 'controller-manager', quota, { hard: sortedHard, used: recount(hard, objects) });
    }
  }
}

function kindFor(resource: string): string {
  if (resource.includes('storageclass.storage.k8s.io/') || resource === 'requests.storage' || resource === 'persistentvolumeclaims') return 'PersistentVolumeClaim';
  if (resource.startsWith('services')) return 'Service';
  if (resource.startsWith('count/')) {
    const r = resource.slice(6);
    const found = Object.entries(KINDS_BY_RESOURCE).find(([name]) => name === r);
    if (found) return found[1];
    for (const kind of ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Ingress', 'NetworkPolicy', 'HorizontalPodAutoscaler', 'LimitRange', 'ServiceAccount']) {
      if (countKey(kind) === resource) return kind;
    }
    return '';
  }
  return KINDS_BY_RESOURCE[resource] ?? 'Pod';
}
