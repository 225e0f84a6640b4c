/**
 * ReplicaSet controller (pkg/controller/replicaset): keeps `replicas` active pods, creating in
 * slow-start batches and stopping at the first admission error, which becomes a `FailedCreate`
 * event and a `ReplicaFailure` condition, retried with back-off.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../model/object';
import { timestamp } from '../apiserver';
import type { Cluster, Controller } from '../cluster';
import { eventKey, type WatchEvent } from '../store';
import { Backoff, isActive, isReady, ownedPods, podFromTemplate, remove, removeCondition, setCondition, writeStatus, type Condition, eventOwner } from './util';

const BURST = 500;

export class ReplicaSetController implements Controller {
  readonly name = 'replicaset-controller';
  readonly component = 'controller-manager' as const;
  private readonly backoff = new Backoff();
  private readonly waiting = new Set<string>();

  constructor(private readonly c: Cluster) {}

  handle(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'ReplicaSet' && ev.type !== 'DELETED') this.c.enqueue(this, eventKey(ev));
    else if (o.kind === 'Pod') {
      const k = eventOwner(ev);
      if (!k?.startsWith('ReplicaSet/')) return;
      // A pod of a ReplicaSet waiting out a failed create went away (deleted, evicted): upstream's
      // deletePod handler adds the ReplicaSet to the work queue at once, ahead of its rate-limited
      // retry (pkg/controller/replicaset/replica_set.go), so it tries again now.
      if (ev.type === 'DELETED' || o.metadata.deletionTimestamp) this.waiting.delete(k);
      this.c.enqueue(this, k);
    }
  }

  sync(key: string): void {
    const c = this.c;
    const rs = c.store.get(key) as (ReplicaSet & KubeObject) | undefined;
    if (!rs || rs.metadata.deletionTimestamp) return;
    const pods = ownedPods(c, rs);
    const active = pods.filter(isActive);
    const want = rs.spec?.replicas ?? 1;
    const diff = active.length - want;
    let failure: string | undefined;
    let created = active.length;
    if (diff < 0 && !this.waiting.has(key)) {
      let toCreate = Math.min(-diff, BURST);
      // slowStartBatch: 1, 2, 4… pods, stopping at the first error.
      for (let batch = 1; toCreate > 0 && !failure; batch *= 2) {
        const n = Math.min(batch, toCreate);
        for (let i = 0; i < n; i++) {
          const pod = podFromTemplate(rs, rs.spec?.template ?? {}, { generateName: `${rs.metadata.name}-` });
          const r = c.api.request({ verb: 'create', user: 'system:serviceaccount:kube-system:replicaset-controller', component: 'controller-manager', object: pod });
          if (!r.ok) {
            failure = r.message;
            c.event(rs, 'Warning', 'FailedCreate', `Error creating: ${r.message}`, this.name);
            break;
          }
          created++;
          c.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${r.object.metadata.name}`, this.name);
        }
        toCreate -= n;
      }
      if (failure) {
        this.waiting.add(key);
        c.after(this.backoff.next(key), 'retry', () => {
          this.waiting.delete(key);
          c.enqueue(this, key);
        });
      } else {
        this.backoff.reset(key);
        // More than a burst short: sync again once this burst is observed, as upstream's expectations do.
        if (created < want) c.enqueue(this, key);
      }
    } else if (diff > 0) {
      for (const p of rankForDeletion(active).slice(0, diff)) {
        const r = remove(c, 'system:serviceaccount:kube-system:replicaset-controller', 'controller-manager', p);
        if (r.ok) c.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, this.name);
      }
    }
    const now = c.store.get(key) as ReplicaSet & KubeObject;
    const current = ownedPods(c, now).filter(isActive);
    const ready = current.filter(isReady).length;
    let conditions = now.status?.conditions as Condition[] | undefined;
    if (failure) conditions = setCondition(conditions, { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: failure, lastTransitionTime: timestamp(c.now) });
    else if (created >= want || diff >= 0) conditions = removeCondition(conditions, 'ReplicaFailure');
    writeStatus(c, 'replicaset-controller', 'controller-manager', now, {
      replicas: current.length,
      fullyLabeledReplicas: current.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: now.metadata.generation,
      ...(conditions && conditions.length ? { conditions } : {}),
    });
  }
}

/** Upstream's deletion ranking: unscheduled, then pending, then not ready, then the newest first. */
export function rankForDeletion(pods: KubeObject[]): KubeObject[] {
  const rank = (p: KubeObject) => {
    const node = (p.spec as { nodeName?: string }).nodeName ? 1 : 0;
    const phase = (p.status as { phase?: string } | undefined)?.phase === 'Running' ? 1 : 0;
    return node * 4 + phase * 2 + (isReady(p) ? 1 : 0);
  };
  return [...pods].sort((a, b) => rank(a) - rank(b) || (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name));
}
