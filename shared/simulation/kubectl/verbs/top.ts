/**
 * `kubectl top pod|node [NAME]`: CPU and memory from the session's observation, as metrics-server
 * would report them (docs/observability.md), in kubectl's columns (../../observe/kubectl.ts).
 * Authorised as upstream: `list` (or `get` with a name) on `pods`/`nodes` in API group
 * `metrics.k8s.io` (staging/src/k8s.io/kubectl/pkg/cmd/top).
 */
import { kubectlTopNodes, kubectlTopPods } from '../../observe/kubectl';
import { authorize, forbiddenError, type Attributes } from '../../rbac';
import { boolFlag, flag } from '../argv';
import { serverError } from '../resources';
import { KubectlError, registerVerb, type VerbContext } from '../types';

function authorise(ctx: VerbContext, resource: 'pods' | 'nodes', name: string | undefined, namespace: string): void {
  const a: Attributes = { verb: name ? 'get' : 'list', apiGroup: 'metrics.k8s.io', resource, namespace, ...(name ? { name } : {}) };
  const d = authorize(ctx.cluster.store, ctx.identity, a);
  if (!d.allowed) throw new KubectlError(serverError(403, forbiddenError(ctx.identity.user, a, d.reason)));
}

registerVerb({
  name: 'top',
  summary: 'Display resource (CPU/memory) usage',
  mutates: false,
  boolFlags: ['containers', 'no-headers'],
  valueFlags: ['sort-by'],
  run(ctx) {
    const [what, name] = ctx.args.positional;
    const observation = ctx.env.observation?.();
    const sortBy = flag(ctx.args, 'sort-by');
    const noHeaders = boolFlag(ctx.args, 'no-headers');
    let out;
    if (what === 'pod' || what === 'pods' || what === 'po') {
      const all = boolFlag(ctx.args, 'all-namespaces');
      authorise(ctx, 'pods', name, all ? '' : ctx.namespace);
      if (!observation) throw new KubectlError('error: Metrics API not available');
      out = kubectlTopPods(observation, { namespace: ctx.namespace, allNamespaces: all, containers: boolFlag(ctx.args, 'containers'), noHeaders, ...(name ? { name } : {}), ...(sortBy ? { sortBy } : {}) });
    } else if (what === 'node' || what === 'nodes' || what === 'no') {
      authorise(ctx, 'nodes', name, '');
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
