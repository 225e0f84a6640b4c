/**
 * `kubectl cordon|uncordon|drain NODE`: a patch of the node's spec.unschedulable; drain then evicts
 * every pod on it through the Eviction API (pods/eviction), skipping DaemonSet pods only with
 * `--ignore-daemonsets` (kubectl's drain.go messages).
 */
import { cloneJson, type KubeObject } from '../../../model/object';
import { controllerRef, isTerminal } from '../../controllers/util';
import { UNSCHEDULABLE_TAINT } from '../../kubelet';
import { nsOf } from '../../store';
import { boolFlag } from '../argv';
import { serverError, stub } from '../resources';
import { KubectlError, registerVerb, type VerbContext } from '../types';
import { getObject, send, write } from './common';

function setUnschedulable(ctx: VerbContext, name: string, on: boolean): string {
  const node = getObject(ctx, 'Node', name);
  const spec = (node.spec ?? {}) as { unschedulable?: boolean; taints?: { key: string; effect: string }[] };
  if (!!spec.unschedulable === on) return `node/${name} already ${on ? 'cordoned' : 'uncordoned'}\n`;
  const next = cloneJson(node);
  const taints = (spec.taints ?? []).filter((t) => t.key !== UNSCHEDULABLE_TAINT.key);
  // The node lifecycle controller adds and removes the matching taint (kubernetes.io "Taints and Tolerations").
  if (on) taints.push(UNSCHEDULABLE_TAINT);
  next.spec = { ...spec, unschedulable: on || undefined, taints: taints.length ? taints : undefined };
  const r = write(ctx, { verb: 'update', authVerb: 'patch', object: next });
  if (!r.ok) throw new KubectlError(serverError(r.code, r.message));
  ctx.cluster.event(node, 'Normal', on ? 'NodeNotSchedulable' : 'NodeSchedulable', `Node ${name} status is now: ${on ? 'NodeNotSchedulable' : 'NodeSchedulable'}`, 'kubelet');
  return `node/${name} ${on ? 'cordoned' : 'uncordoned'}\n`;
}

function nodeNames(ctx: VerbContext, verb: string): string[] {
  const names = ctx.args.positional.map((n) => n.replace(/^(nodes?|no)\//, ''));
  if (names.length === 0) throw new KubectlError(`error: USAGE: ${verb} NODE [flags]\nSee '${verb} -h' for help and examples`);
  return names;
}

for (const on of [true, false]) {
  const name = on ? 'cordon' : 'uncordon';
  registerVerb({
    name,
    summary: on ? 'Mark node as unschedulable' : 'Mark node as schedulable',
    mutates: true,
    run(ctx) {
      for (const n of nodeNames(ctx, `kubectl ${name}`)) ctx.out(setUnschedulable(ctx, n, on));
      return 0;
    },
  });
}

registerVerb({
  name: 'drain',
  summary: 'Drain node in preparation for maintenance',
  mutates: true,
  boolFlags: ['ignore-daemonsets', 'delete-emptydir-data', 'force', 'disable-eviction'],
  valueFlags: ['grace-period', 'timeout', 'pod-selector'],
  run(ctx) {
    const ignoreDs = boolFlag(ctx.args, 'ignore-daemonsets');
    const force = boolFlag(ctx.args, 'force');
    for (const name of nodeNames(ctx, 'kubectl drain')) {
      ctx.out(setUnschedulable(ctx, name, true));
      const pods = send(ctx, { verb: 'list', object: stub('Pod', ''), allNamespaces: true });
      if (!pods.ok) throw new KubectlError(serverError(pods.code, pods.message));
      const onNode = (pods.items ?? []).filter((p) => (p.spec as { nodeName?: string } | undefined)?.nodeName === name && !isTerminal(p));
      const ds: KubeObject[] = [];
      const bare: KubeObject[] = [];
      const evict: KubeObject[] = [];
      for (const p of onNode) {
        const ref = controllerRef(p);
        if (ref?.kind === 'DaemonSet') ds.push(p);
        else if (!ref && !force) bare.push(p);
        else evict.push(p);
      }
      const ref = (p: KubeObject) => `${nsOf(p)}/${p.metadata.name}`;
      const problems: string[] = [];
      if (ds.length && !ignoreDs) problems.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${ds.map(ref).join(', ')}`);
      if (bare.length) problems.push(`cannot delete Pods that declare no controller (use --force to override): ${bare.map(ref).join(', ')}`);
      if (problems.length) {
        throw new KubectlError(`error: unable to drain node "${name}" due to error: ${problems.join(', ')}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${problems.join('\n')}`);
      }
      if (ds.length) ctx.err(`Warning: ignoring DaemonSet-managed Pods: ${ds.map(ref).join(', ')}\n`);
      if (bare.length === 0 && force) {
        const unmanaged = onNode.filter((p) => !controllerRef(p));
        if (unmanaged.length) ctx.err(`Warning: deleting Pods that declare no controller: ${unmanaged.map(ref).join(', ')}\n`);
      }
      for (const p of evict) if (!p.metadata.deletionTimestamp) ctx.out(`evicting pod ${ref(p)}\n`);
      for (const p of evict) {
        if (p.metadata.deletionTimestamp) continue;
        const r = write(ctx, { verb: 'delete', authVerb: 'create', subresource: 'eviction', object: p });
        if (!r.ok) throw new KubectlError(`error when evicting pods/"${p.metadata.name}" -n "${nsOf(p)}" (will retry after 5s): ${r.message}`);
        ctx.out(`pod/${p.metadata.name} evicted\n`);
      }
      ctx.out(`node/${name} drained\n`);
    }
    return 0;
  },
});
