/**
 * HorizontalPodAutoscaler (autoscaling/v2, cpu Utilization): the load comes from the scenario
 * (`setLoad`, total millicores for the workload), spread evenly over its ready pods.
 * desired = ceil(ready × utilization / target) outside the 10% tolerance, scale-up limited to
 * max(2×, +4) per sync, scale-down held by the 300 s stabilization window (upstream defaults).
 */
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Pod } from 'kubernetes-types/core/v1';
import { apiGroup, type KubeObject } from '../../model/object';
import { getKindInfo, resourceOf } from '../../kinds/registry';
import { selectorMatches } from '../../model/selector';
import { timestamp } from '../apiserver';
import type { Cluster, Controller } from '../cluster';
import { milli } from '../resources';
import { keyFor, nsOf, storeKey, type WatchEvent } from '../store';
import { isActive, isReady, update, writeStatus } from './util';

type HPA = HorizontalPodAutoscaler & KubeObject;
const SYNC_PERIOD = 15;
const STABILIZATION = 300;
const TOLERANCE = 0.1;

export class HorizontalPodAutoscalerController implements Controller {
  readonly name = 'horizontal-pod-autoscaler';
  readonly component = 'controller-manager' as const;
  private readonly recommendations = new Map<string, { time: number; replicas: number }[]>();
  private readonly timers = new Map<string, 'progress' | 'periodic'>();
  /** When each HPA last decided: one decision per sync period. */
  private readonly lastSync = new Map<string, number>();

  constructor(private readonly c: Cluster) {}

  handle(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'HorizontalPodAutoscaler' && ev.type !== 'DELETED') this.c.enqueue(this, storeKey(o));
    else if (o.kind === 'Load') for (const h of this.c.store.list('HorizontalPodAutoscaler', nsOf(o))) this.c.enqueue(this, storeKey(h));
  }

  sync(key: string): void {
    const c = this.c;
    const hpa = c.store.get(key) as HPA | undefined;
    if (!hpa?.spec) return;
    // pkg/controller/podautoscaler/horizontal.go: the queue is rate-limited by NewDefaultHPARateLimiter(resyncPeriod)
    // (a FixedItemIntervalRateLimiter of 15 s), so watch events (its own status write, a load change)
    // never make a second decision within a sync period; the armed periodic sync comes back for it.
    const last = this.lastSync.get(key);
    if (last !== undefined && c.now - last < SYNC_PERIOD) {
      // The change waits for the next sync: make sure one is coming, and that the run waits for it.
      if (this.timers.get(key) !== 'progress') {
        this.timers.set(key, 'progress');
        c.after(last + SYNC_PERIOD - c.now, 'progress', () => {
          if (this.timers.get(key) === 'progress') this.timers.delete(key);
          c.enqueue(this, key);
        });
      }
      return;
    }
    this.lastSync.set(key, c.now);
    const ref = hpa.spec.scaleTargetRef;
    const ns = nsOf(hpa);
    const target = c.store.getBy(ref.kind, ns, ref.name);
    const targetKey = keyFor(ref.kind, ns, ref.name);
    let pending = false;
    if (!target) {
      // pkg/controller/podautoscaler/horizontal.go reconcileAutoscaler: the RESTMapper's error for a
      // kind it does not know, else the scale client's NotFound, recorded as the event's message.
      // (An empty name never gets here: the API server refuses it at apply, fieldRules.ts.)
      const group = apiGroup(ref.apiVersion);
      const message = getKindInfo(ref.kind) ? `${resourceOf(ref.kind)} "${ref.name}" not found` : `no matches for kind "${ref.kind}" in group "${group}"`;
      c.event(hpa, 'Warning', 'FailedGetScale', message, this.name);
    } else {
      const current = (target.spec as { replicas?: number }).replicas ?? 1;
      const selector = (target.spec as { selector?: Parameters<typeof selectorMatches>[0] }).selector;
      const pods = c.store.list('Pod', ns).filter((p) => isActive(p) && selectorMatches(selector, p.metadata.labels));
      const ready = pods.filter(isReady);
      const metric = hpa.spec.metrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu');
      const targetUtil = metric?.resource?.target.averageUtilization ?? 80;
      const load = c.load.get(targetKey);
      const template = (target.spec as { template?: { spec?: Pod['spec'] } }).template;
      const request = (template?.spec?.containers ?? []).reduce((s, ct) => s + (ct.resources?.requests?.cpu !== undefined ? milli(ct.resources.requests.cpu) : 0), 0);
      const minR = hpa.spec.minReplicas ?? 1;
      const maxR = hpa.spec.maxReplicas;
      if (load === undefined || ready.length === 0) {
        c.event(hpa, 'Warning', 'FailedGetResourceMetric', 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API', this.name);
      } else if (request === 0) {
        c.event(hpa, 'Warning', 'FailedGetResourceMetric', `failed to get cpu utilization: missing request for cpu in container ${template?.spec?.containers?.[0]?.name ?? ''} of Pod ${ready[0].metadata.name}`, this.name);
      } else {
        const utilization = Math.round(((load / ready.length) / request) * 100);
        const ratio = utilization / targetUtil;
        let desired = Math.abs(ratio - 1) <= TOLERANCE ? current : Math.ceil(ratio * ready.length);
        desired = Math.min(desired, Math.max(current * 2, current + 4));
        desired = Math.max(minR, Math.min(maxR, desired));
        const recs = (this.recommendations.get(key) ?? []).filter((r) => r.time > c.now - STABILIZATION);
        recs.push({ time: c.now, replicas: desired });
        this.recommendations.set(key, recs);
        if (desired < current) desired = Math.max(...recs.map((r) => r.replicas).filter((r) => r <= current), desired);
        pending = Math.min(...recs.map((r) => r.replicas)) < current;
        if (desired !== current) {
          const r = update(c, 'horizontal-pod-autoscaler', 'controller-manager', { ...target, spec: { ...(target.spec as object), replicas: desired } });
          if (r.ok) c.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${desired > current ? 'cpu resource utilization (percentage of request) above target' : 'All metrics below target'}`, this.name);
        }
        writeStatus(c, 'horizontal-pod-autoscaler', 'controller-manager', c.store.get(key) as KubeObject, {
          currentReplicas: current, desiredReplicas: desired,
          ...(desired !== current ? { lastScaleTime: timestamp(c.now) } : hpa.status?.lastScaleTime ? { lastScaleTime: hpa.status.lastScaleTime } : {}),
          currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: utilization, averageValue: `${Math.round(load / ready.length)}m` } } }],
        });
      }
    }
    // A held scale-down is progress still to come: it keeps the run from counting as steady.
    const kind = pending ? 'progress' : 'periodic';
    const armed = this.timers.get(key);
    if (!armed || (armed === 'periodic' && kind === 'progress')) {
      this.timers.set(key, kind);
      c.after(SYNC_PERIOD, kind, () => {
        if (this.timers.get(key) === kind) this.timers.delete(key);
        c.enqueue(this, key);
      });
    }
  }
}
