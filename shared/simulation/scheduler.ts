/**
 * The default scheduler as a controller: it watches nodes and pods, keeps the scheduling
 * framework's node infos current, schedules each pending pod through the plugins of
 * scheduling/registry.ts, and binds it or records FailedScheduling. The plugins, their order,
 * weights and how to add one: scheduling/README.md.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import type { Cluster, Controller } from './cluster';
import { SELECTED_NODE } from './controllers/pvbinder';
import { isTerminal } from './controllers/util';
import { Framework, type ScheduleResult } from './scheduling/framework';
import type { SchedulingRecorder } from './scheduling/recorder';
import { eventKey, nsOf, type WatchEvent } from './store';

export class Scheduler implements Controller {
  readonly name = 'default-scheduler';
  readonly component = 'scheduler' as const;
  readonly framework: Framework;
  private readonly unschedulable = new Set<string>();

  constructor(private readonly c: Cluster, recorder?: SchedulingRecorder) {
    this.framework = new Framework(c.store, (n) => c.tieRng.int(n));
    if (recorder) {
      recorder.clock ??= () => c.now;
      this.framework.recorder = recorder;
    }
  }

  handle(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'Node') return this.onNode(ev);
    if (o.kind === 'Pod') {
      const key = eventKey(ev);
      const nodeName = (o.spec as Pod['spec'])?.nodeName;
      const gone = ev.type === 'DELETED' || isTerminal(o);
      if (gone) {
        this.unschedulable.delete(key);
        if (this.framework.unaccount(key)) this.retryUnschedulable();
        return;
      }
      if (nodeName) this.framework.account(key, o as Pod, nodeName);
      else if (!o.metadata.deletionTimestamp && !this.unschedulable.has(key) && ev.type === 'ADDED') this.c.enqueue(this, key);
      return;
    }
    if ((o.kind === 'PersistentVolumeClaim' || o.kind === 'PersistentVolume') && ev.type !== 'DELETED') this.retryUnschedulable();
  }

  private onNode(ev: WatchEvent): void {
    const n = ev.object as Node & KubeObject;
    if (ev.type === 'DELETED') return this.framework.removeNode(n.metadata.name);
    this.framework.setNode(n);
    this.retryUnschedulable();
  }

  private retryUnschedulable(): void {
    for (const k of this.unschedulable) this.c.enqueue(this, k);
    this.unschedulable.clear();
  }

  sync(key: string): void {
    const c = this.c;
    const pod = c.store.get(key) as (Pod & KubeObject) | undefined;
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) return;
    if (pod.spec?.schedulerName && pod.spec.schedulerName !== 'default-scheduler') return;
    const result = this.schedule(pod);
    if ('node' in result) {
      this.selectNodeForDelayedClaims(pod, result.node);
      const r = c.api.request({ verb: 'bind', user: 'system:kube-scheduler', component: 'scheduler', object: pod, nodeName: result.node });
      if (r.ok) c.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${nsOf(pod)}/${pod.metadata.name} to ${result.node}`, this.name);
      return;
    }
    this.unschedulable.add(key);
    c.event(pod, 'Warning', 'FailedScheduling', result.message, this.name);
    const conditions = [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: result.message }];
    if (JSON.stringify(pod.status?.conditions) !== JSON.stringify(conditions)) {
      c.api.request({ verb: 'updateStatus', user: 'system:kube-scheduler', component: 'scheduler', object: { ...pod, status: { ...pod.status, phase: 'Pending', conditions } } });
    }
  }

  /** VolumeBinding PreBind: WaitForFirstConsumer claims learn the chosen node, so they can be provisioned. */
  private selectNodeForDelayedClaims(pod: Pod & KubeObject, node: string): void {
    for (const v of pod.spec?.volumes ?? []) {
      const claimName = v.persistentVolumeClaim?.claimName;
      if (!claimName) continue;
      const pvc = this.c.store.getBy('PersistentVolumeClaim', nsOf(pod), claimName);
      if (!pvc || (pvc.status as { phase?: string } | undefined)?.phase === 'Bound' || pvc.metadata.annotations?.[SELECTED_NODE]) continue;
      this.c.api.request({ verb: 'update', user: 'system:kube-scheduler', component: 'scheduler', object: { ...pvc, metadata: { ...pvc.metadata, annotations: { ...pvc.metadata.annotations, [SELECTED_NODE]: node } } } });
    }
  }

  /** Pick a node for `pod`, or explain why none fits, in the FailedScheduling format. */
  schedule(pod: Pod & KubeObject): ScheduleResult {
    return this.framework.schedule(pod);
  }
}
