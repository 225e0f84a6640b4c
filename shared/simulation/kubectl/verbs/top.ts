/**
 * `kubectl top pod|node [NAME]`: CPU and memory as metrics-server reports them (docs/observability.md),
 * in kubectl's columns (../../observe/kubectl.ts). The request goes through the API server's one
 * entry point like every read: `list` (or `get` with a name) of `pods`/`nodes` in API group
 * `metrics.k8s.io` (staging/src/k8s.io/kubectl/pkg/cmd/top), authorised by RBAC and proxied to
 * the resource metrics API (../../observe/metricsApi.ts); without one, kubectl's
 * `error: Metrics API not available`.
 */
import type { KubeObject } from '../../../model/object';
import { kubectlTopNodes, kubectlTopPods } from '../../observe/kubectl';
import { METRICS_API_VERSION } from '../../observe/metricsApi';
import { boolFlag, flag } from '../argv';
import { serverError } from '../resources';
import { KubectlError, registerVerb, type VerbContext } from '../types';
import { send } from './common';

function request(ctx: VerbContext, kind: 'PodMetrics' | 'NodeMetrics', name: string | undefined, allNamespaces: boolean): void {
  const object: KubeObject = { apiVersion: METRICS_API_VERSION, kind, metadata: { name: name ?? '', ...(kind === 'PodMetrics' ? { namespace: ctx.namespace } : {}) } };
  const r = send(ctx, { verb: name ? 'get' : 'list', object, allNamespaces });
  if (r.ok) return;
  if (r.code === 503) throw new KubectlError('error: Metrics API not available');
  throw new KubectlError(serverError(r.code, r.message));
}

registerVerb({
  name: 'top',
  summary: 'Display resource (CPU/memory) usage',
  mutates: false,
  boolFlags: ['containers', 'no-headers'],
  valueFlags: ['sort-by'],
  run(ctx) {
    const [what, name] = ctx.args.positional;
    const sortBy = flag(ctx.args, 'sort-by');
    const noHeaders = boolFlag(ctx.args, 'no-headers');
    let out;
    if (what === 'pod' || what === 'pods' || what === 'po') {
      const all = boolFlag(ctx.args, 'all-namespaces');
      request(ctx, 'PodMetrics', name, all);
      const observation = ctx.env.observation?.();
      if (!observation) throw new KubectlError('error: Metrics API not available');
      out = kubectlTopPods(observation, { namespace: ctx.namespace, allNamespaces: all, containers: boolFlag(ctx.args, 'containers'), noHeaders, ...(name ? { name } : {}), ...(sortBy ? { sortBy } : {}) });
    } else if (what === 'node' || what === 'nodes' || what === 'no') {
      request(ctx, 'NodeMetrics', name, false);
      const observation = ctx.env.observation?.();
      if (!observation) throw new KubectlError('error: Metrics API not available');
      out = kubectlTopNodes(observation, { noHeaders, ...(name ? { name } : {}), ...(sortBy ? { sortBy } : {}) });
    } else {
      throw new KubectlError(what === undefined ? 'error: You must specify a resource: node or pod (top pod, top node)' : `error: unknown command "${what}" for "kubectl top"`);
    }
    ctx.out(out.stdout);
    if (out.stderr) ctx.err(out.stderr);
    return out.exitCode;
  },
});
