/**
 * HorizontalPodAutoscaler (autoscaling/v2, cpu Utilization). Each pod's CPU is the one model the
 * Metrics chart and `kubectl top` show (../usage.ts): its share of the scenario's `setLoad` (the
 * workload's total spread over its ready pods) plus the cost of the requests the traffic flows
 * deliver to it this second — read inside the running cluster, so a scale-up spreads the same load
 * and traffic over more pods and each one's CPU falls.
 * The replica calculation follows pkg/controller/podautoscaler/replica_calculator.go
 * (GetResourceReplicas, groupPods): utilization = Σ usage × 100 / Σ requests over the ready pods,
 * desired = ceil(ratio × ready) outside the 10 % tolerance, unready pods counted at 0 when scaling up
 * and pods without metrics at 100 % of their request when scaling down; then the default behaviour
 * (pkg/controller/podautoscaler/horizontal.go): scale-up limited to max(2×, +4) per sync, scale-down
 * held by the 300 s stabilization window.
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
import { podCpuNow, simulatedSeconds } from '../usage';
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
    // A flow started, changed or stopped: its requests may reach pods in any namespace.
    else if (o.kind === 'Traffic') for (const h of this.c.store.list('HorizontalPodAutoscaler')) this.c.enqueue(this, storeKey(h));
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
      const metric = hpa.spec.metrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu');
      const targetUtil = metric?.resource?.target.averageUtilization ?? 80;
      const minR = hpa.spec.minReplicas ?? 1;
      const maxR = hpa.spec.maxReplicas;
      const read = cpuMetrics(c, pods, c.load.get(targetKey) ?? 0);
      // Pods ready for less than a metric window count at the next sync: that decision is still to come.
      pending = pods.some((p) => warmingUp(c, p));
      if (typeof read === 'string') {
        c.event(hpa, 'Warning', 'FailedGetResourceMetric', read, this.name);
      } else {
        const { desired: proposed, utilization, average } = replicasFor(read, current, targetUtil);
        // The behaviour's default scale-up rule (max of 100 % and 4 pods per 15 s), then the bounds.
        const limit = Math.max(current * 2, current + 4);
        const recommended = Math.max(minR, Math.min(maxR, Math.min(proposed, limit)));
        let desired = recommended;
        const recs = (this.recommendations.get(key) ?? []).filter((r) => r.time > c.now - STABILIZATION);
        recs.push({ time: c.now, replicas: desired });
        this.recommendations.set(key, recs);
        if (desired < current) desired = Math.max(...recs.map((r) => r.replicas).filter((r) => r <= current), desired);
        // Still to come: a scale-down the window holds, or a scale-up the rate limit cut short.
        pending ||= recommended < desired || (proposed > limit && desired < maxR);
        if (desired !== current) {
          const r = update(c, 'horizontal-pod-autoscaler', 'controller-manager', { ...target, spec: { ...(target.spec as object), replicas: desired } });
          if (r.ok) c.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${desired > current ? 'cpu resource utilization (percentage of request) above target' : 'All metrics below target'}`, this.name);
        }
        writeStatus(c, 'horizontal-pod-autoscaler', 'controller-manager', c.store.get(key) as KubeObject, {
          currentReplicas: current, desiredReplicas: desired,
          ...(desired !== current ? { lastScaleTime: timestamp(c.now) } : hpa.status?.lastScaleTime ? { lastScaleTime: hpa.status.lastScaleTime } : {}),
          currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: utilization, averageValue: `${average}m` } } }],
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

/** What metrics-server gives the controller for the target's pods, grouped as groupPods does. */
interface CpuMetrics {
  /** Ready pods with a sample: usage and request, millicores. */
  ready: { usage: number; request: number }[];
  /** Pods still starting (Pending, not ready, or ready less than one metric window ago): their requests. */
  unready: number[];
  /** Running pods with no sample (no container running): their requests. */
  missing: number[];
}

/** cpuInitializationPeriod and the metrics window (pkg/controller/podautoscaler/replica_calculator.go, metrics-server's 15 s resolution). */
const CPU_INITIALIZATION_PERIOD = 300;
const METRIC_WINDOW = 15;

/** The pods' CPU metrics, or the FailedGetResourceMetric message when there are none to act on. */
function cpuMetrics(c: Cluster, pods: KubeObject[], load: number): CpuMetrics | string {
  const none = 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API';
  if (pods.length === 0) return none;
  const readyCount = pods.filter(isReady).length;
  const share = readyCount ? load / readyCount : 0;
  const out: CpuMetrics = { ready: [], unready: [], missing: [] };
  let sampled = 0;
  for (const pod of pods) {
    const p = pod as Pod & KubeObject;
    let request = 0;
    for (const ct of p.spec?.containers ?? []) {
      const q = ct.resources?.requests?.cpu;
      if (q === undefined) return `failed to get cpu utilization: missing request for cpu in container ${ct.name} of Pod ${p.metadata.name}`;
      request += milli(q);
    }
    if (p.status?.phase === 'Pending') {
      out.unready.push(request);
      continue;
    }
    const usage = podCpuNow(c, p, isReady(p) ? share : 0);
    if (usage === undefined) {
      out.missing.push(request);
      continue;
    }
    sampled++;
    const cond = p.status?.conditions?.find((x) => x.type === 'Ready');
    const since = simulatedSeconds(cond?.lastTransitionTime) ?? 0;
    const started = simulatedSeconds(p.status?.startTime) ?? 0;
    // Within cpuInitializationPeriod a pod counts once it has been ready for a whole metric window;
    // after it, only a pod that never became ready is left out (delayOfInitialReadinessStatus, 30 s).
    const unready = c.now - started < CPU_INITIALIZATION_PERIOD ? cond?.status !== 'True' || c.now < since + METRIC_WINDOW : cond?.status !== 'True' && since < started + 30;
    if (unready) out.unready.push(request);
    else out.ready.push({ usage, request });
  }
  if (sampled === 0) return none;
  if (out.ready.length === 0) return 'failed to get cpu utilization: did not receive metrics for targeted pods (pods might be unready)';
  return out;
}

/** GetResourceReplicas: the replicas the metrics ask for, the utilization (%) and the average usage (millicores) of the ready pods. */
function replicasFor(m: CpuMetrics, current: number, target: number): { desired: number; utilization: number; average: number } {
  const usage = m.ready.reduce((s, p) => s + p.usage, 0);
  const requests = m.ready.reduce((s, p) => s + p.request, 0);
  const utilization = Math.floor((usage * 100) / requests);
  const average = Math.floor(usage / m.ready.length);
  const ratio = utilization / target;
  const scaleUpWithUnready = m.unready.length > 0 && ratio > 1;
  if (!scaleUpWithUnready && m.missing.length === 0) {
    return { desired: Math.abs(1 - ratio) <= TOLERANCE ? current : Math.ceil(ratio * m.ready.length), utilization, average };
  }
  // Missing pods count at 100 % of their request when scaling down and at 0 when scaling up; unready ones at 0 when scaling up.
  let allUsage = usage;
  let allRequests = requests;
  let count = m.ready.length;
  if (m.missing.length && ratio !== 1) {
    for (const r of m.missing) {
      if (ratio < 1) allUsage += r;
      allRequests += r;
      count++;
    }
  }
  if (scaleUpWithUnready) {
    for (const r of m.unready) allRequests += r;
    count += m.unready.length;
  }
  const newRatio = Math.floor((allUsage * 100) / allRequests) / target;
  if (Math.abs(1 - newRatio) <= TOLERANCE || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1)) return { desired: current, utilization, average };
  const desired = Math.ceil(newRatio * count);
  if ((newRatio < 1 && desired > current) || (newRatio > 1 && desired < current)) return { desired: current, utilization, average };
  return { desired, utilization, average };
}

/** A pod that is ready but not yet for a whole metric window, in its initialization period: it counts from the next sync. */
function warmingUp(c: Cluster, p: KubeObject): boolean {
  const status = (p as Pod).status;
  const cond = status?.conditions?.find((x) => x.type === 'Ready');
  if (cond?.status !== 'True') return false;
  const since = simulatedSeconds(cond.lastTransitionTime) ?? 0;
  const started = simulatedSeconds(status?.startTime) ?? 0;
  return c.now - started < CPU_INITIALIZATION_PERIOD && c.now < since + METRIC_WINDOW;
}
