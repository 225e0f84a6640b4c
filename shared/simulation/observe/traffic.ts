/**
 * The requests each pod and Service receives, second by second, from the two sources of traffic a
 * run has: a scenario's `startTraffic` flows, resolved every simulated second by the traffic engine
 * (shared/simulation/traffic.ts, its aggregates), and the design's own flows (docs/traffic.md),
 * traced over the steady state and taken to flow at their rate for as long as their endpoint pod is
 * ready.
 */
import type { TrafficEdgeAggregate } from '../types';

/** One second of one flow's requests to one place. */
export interface TrafficSecond {
  time: number;
  flow: string;
  from: string;
  path: string;
  pod?: string;
  /** Services named on the way (the ones selecting `pod` are added by the observation). */
  services: string[];
  delivered: boolean;
  requests: number;
}

/** The traffic engine's aggregates, second by second; `targets` (flow → its `to`) gives an HTTP flow's request path. */
export function aggregateSeconds(aggregates: readonly TrafficEdgeAggregate[], targets?: ReadonlyMap<string, string>): TrafficSecond[] {
  const paths = new Map<string, string>();
  for (const [flow, to] of targets ?? []) paths.set(flow, pathOf(to));
  return aggregates.map((a) => {
    const pod = a.to.startsWith('Pod/') ? a.to.slice('Pod/'.length) : undefined;
    const svc = /^([^/]+)\/([^:/]+):/.exec(a.to);
    return { time: a.time, flow: a.flow, from: a.from, path: paths.get(a.flow) ?? '/', ...(pod ? { pod } : {}), services: !pod && svc ? [`${svc[1]}/${svc[2]}`] : [], delivered: a.verdict === 'delivered', requests: a.requests };
  });
}

function pathOf(to: string): string {
  const m = /^https?:\/\/[^/]+(\/.*)?$/.exec(to);
  return m?.[1] ?? '/';
}
