/**
 * The one CPU and memory model of a simulated container. metrics-server serves one set of numbers
 * to `kubectl top` and to the HorizontalPodAutoscaler controller
 * (https://kubernetes.io/docs/tasks/debug/debug-cluster/resource-metrics-pipeline/), so the
 * simulation computes them in one place too:
 *
 * - the observation (observe/observation.ts) draws them on the Metrics chart and prints them in
 *   `kubectl top`, second by second, with a little per-second noise;
 * - the HPA controller (controllers/hpa.ts) reads them inside the running cluster at each sync, from
 *   the pods' container statuses, the scenario's `setLoad` and the requests the traffic engine
 *   (traffic.ts) delivers to each pod this second — so its decisions feed back: more pods share the
 *   same load and the same requests, and each one's CPU falls. metrics-server's figure is a rate
 *   over its scrape window (`--metric-resolution=15s`), so the per-second noise averages out: the
 *   controller reads the model without it.
 *
 * A container's CPU: an idle floor (4 % of its request, 100m assumed when it has none), a start-up
 * burst that fades over 20 s, and for the pod's first container its share of the `setLoad` load
 * plus CPU_PER_REQUEST per request per second it serves (requests a NetworkPolicy drops never
 * reach it); capped at its CPU limit (throttling). docs/observability.md says what is plausible
 * and what is real.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import { EPOCH_MS } from './apiserver';
import type { Cluster } from './cluster';
import { milli } from './resources';
import { nsOf } from './store';

export const MI = 1024 * 1024;
/** CPU one request costs, in millicores per request per second. */
export const CPU_PER_REQUEST = 2;
/** Working-set memory one request per second adds, in bytes. */
export const MEMORY_PER_REQUEST = 0.3 * MI;
/** The CPU request assumed for a container that declares none (for its idle floor and burst). */
export const ASSUMED_CPU_REQUEST = 100;
/** How long a container's start-up burst takes to fade, seconds. */
export const BURST_SECONDS = 20;

export interface ContainerDemand {
  /** Declared CPU request and limit, millicores (0: none). */
  cpuRequest: number;
  cpuLimit: number;
  /** Seconds since the container started. */
  age: number;
  /** Millicores of the workload's `setLoad` this container carries (the pod's first container). */
  load: number;
  /** Requests per second it serves (the pod's first container). */
  served: number;
  /** Per-second noise in [-0.5, 0.5) of the idle floor and of the request work; 0 for the mean. */
  idleNoise?: number;
  workNoise?: number;
}

/** A container's CPU (millicores, rounded as metrics-server reports them) and the share of its demand the limit throttles away. */
export function containerCpu(d: ContainerDemand): { cpu: number; throttled: number } {
  const request = d.cpuRequest || ASSUMED_CPU_REQUEST;
  let demand = request * 0.04 * (1 + 0.6 * (d.idleNoise ?? 0));
  if (d.age < BURST_SECONDS) demand += request * 0.6 * (1 - d.age / BURST_SECONDS);
  demand += d.load + CPU_PER_REQUEST * d.served * (1 + 0.2 * (d.workNoise ?? 0));
  let cpu = Math.max(1, demand);
  let throttled = 0;
  if (d.cpuLimit && cpu > d.cpuLimit) {
    throttled = 1 - d.cpuLimit / cpu;
    cpu = d.cpuLimit;
  }
  return { cpu: Math.round(cpu), throttled };
}

/** A container's working set (bytes): a third of its request growing to 60 % over the first minute, plus the requests it serves. */
export function containerMemory(d: { memoryRequest: number; memoryLimit: number; age: number; served: number; noise?: number }): number {
  const base = d.memoryRequest || 64 * MI;
  let m = base * (0.35 + 0.25 * Math.min(1, d.age / 60)) + MEMORY_PER_REQUEST * d.served;
  m *= 1 + 0.04 * (d.noise ?? 0);
  if (d.memoryLimit) m = Math.min(m, d.memoryLimit * 0.98);
  return Math.round(m);
}

/** Seconds of the simulated clock from an RFC 3339 timestamp the simulation wrote (apiserver.ts `timestamp`). */
export function simulatedSeconds(stamp: string | undefined): number | undefined {
  if (!stamp) return undefined;
  const ms = Date.parse(stamp);
  return Number.isFinite(ms) ? Math.round((ms - EPOCH_MS) / 1000) : undefined;
}

/**
 * A pod's CPU now, as metrics-server would report it to the HPA: the sum of its running
 * containers (the model's mean, without the per-second noise), with `load` millicores of the
 * workload's `setLoad` and the requests the traffic engine delivers to it this second.
 * Undefined when no container runs (metrics-server has no sample for it).
 */
export function podCpuNow(c: Cluster, pod: KubeObject, load: number): number | undefined {
  const p = pod as Pod & KubeObject;
  const statuses = p.status?.containerStatuses ?? [];
  const served = c.served().get(`${nsOf(p)}/${p.metadata.name}`) ?? 0;
  let total = 0;
  let running = 0;
  (p.spec?.containers ?? []).forEach((ct, i) => {
    const started = simulatedSeconds(statuses.find((s) => s.name === ct.name)?.state?.running?.startedAt);
    if (started === undefined) return;
    running++;
    const req = ct.resources?.requests?.cpu;
    const lim = ct.resources?.limits?.cpu;
    total += containerCpu({
      cpuRequest: req !== undefined ? milli(req) : 0, cpuLimit: lim !== undefined ? milli(lim) : 0,
      age: c.now - started, load: i === 0 ? load : 0, served: i === 0 ? served : 0,
    }).cpu;
  });
  return running ? total : undefined;
}

