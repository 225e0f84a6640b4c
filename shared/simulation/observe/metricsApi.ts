/**
 * The resource metrics API (`metrics.k8s.io/v1beta1`, served by metrics-server behind the API
 * server's aggregation layer: kubernetes.io "Resource metrics pipeline") over an observation:
 * PodMetrics and NodeMetrics at metrics-server's last scrape. The simulated API server hands it
 * the requests it has authorised (ApiServer.serveAggregated); `kubectl top` reads through it.
 */
import type { KubeObject } from '../../model/object';
import type { ApiRequest, ApiResponse } from '../apiserver';
import { timestamp } from '../apiserver';
import { scrapeTime } from './kubectl';
import { METRIC_RESOLUTION, type Observation } from './observation';

export const METRICS_GROUP = 'metrics.k8s.io';
export const METRICS_API_VERSION = `${METRICS_GROUP}/v1beta1`;

const usage = (cpu: number, memory: number) => ({ cpu: `${Math.round(cpu)}m`, memory: `${Math.round(memory)}` });

/** Answer a `get`/`list` of `pods`/`nodes` in metrics.k8s.io as metrics-server would. */
export function metricsApiAnswer(obs: Observation, req: ApiRequest, t = obs.end): ApiResponse {
  const at = scrapeTime(t);
  const o = req.object;
  const meta = (name: string, namespace?: string) => ({ name, ...(namespace !== undefined ? { namespace } : {}), creationTimestamp: timestamp(at) });
  const common = { timestamp: timestamp(at), window: `${METRIC_RESOLUTION}s` };
  if (o.kind === 'NodeMetrics') {
    const nodes = obs.nodes.filter((n) => req.verb === 'list' || n.name === o.metadata.name);
    if (req.verb === 'get' && nodes.length === 0) return { ok: false, code: 404, message: `nodemetrics.metrics.k8s.io "${o.metadata.name}" not found` };
    const items: KubeObject[] = nodes.map((n) => {
      const u = obs.nodeUsage(n.name, at);
      return { apiVersion: METRICS_API_VERSION, kind: 'NodeMetrics', metadata: meta(n.name), ...common, usage: usage(u.cpu, u.memory) };
    });
    return req.verb === 'get' ? { ok: true, object: items[0]! } : { ok: true, object: list(), items };
  }
  const ns = o.metadata.namespace ?? 'default';
  if (req.verb === 'get') {
    const p = obs.podAt(ns, o.metadata.name, t);
    const u = p && obs.podUsage(p, at);
    // metrics-server names a pod it has no metrics for by namespace/name.
    if (!p || !u) return { ok: false, code: 404, message: `podmetrics.metrics.k8s.io "${ns}/${o.metadata.name}" not found` };
    return { ok: true, object: podMetrics(p.name, p.namespace, u) };
  }
  const items: KubeObject[] = [];
  for (const p of obs.podsAt(t, req.allNamespaces ? undefined : ns)) {
    const u = obs.podUsage(p, at);
    if (u) items.push(podMetrics(p.name, p.namespace, u));
  }
  return { ok: true, object: list(), items };

  function podMetrics(name: string, namespace: string, u: { containers: { name: string; cpu: number; memory: number }[] }): KubeObject {
    return { apiVersion: METRICS_API_VERSION, kind: 'PodMetrics', metadata: meta(name, namespace), ...common, containers: u.containers.map((c) => ({ name: c.name, usage: usage(c.cpu, c.memory) })) };
  }
}

function list(): KubeObject {
  return { apiVersion: METRICS_API_VERSION, kind: 'List', metadata: { name: '' } };
}
