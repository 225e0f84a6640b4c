/** `kubectl delete TYPE NAME…`, `TYPE/NAME`, `-f FILE`, `-l SELECTOR`, `--all`; graceful for pods. */
import { boolFlag, flag } from '../argv';
import { objectName, parseTargets, serverError, stub } from '../resources';
import { KubectlError, registerVerb, type VerbContext } from '../types';
import { readFiles, withNamespace } from './apply';
import { listObjects, write } from './common';

function deleteOne(ctx: VerbContext, kind: string, name: string, namespace: string): boolean {
  const grace = flag(ctx.args, 'grace-period');
  const r = write(ctx, { verb: 'delete', object: stub(kind, namespace, name), ...(grace !== undefined && Number(grace) >= 0 ? { gracePeriodSeconds: Number(grace) } : boolFlag(ctx.args, 'now') ? { gracePeriodSeconds: 1 } : {}) });
  if (!r.ok) {
    ctx.err(`${serverError(r.code, r.message)}\n`);
    return false;
  }
  const ref = objectName(kind, name);
  const slash = ref.indexOf('/');
  ctx.out(`${ref.slice(0, slash)} "${name}" deleted\n`);
  return true;
}

registerVerb({
  name: 'delete',
  summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  mutates: true,
  boolFlags: ['all', 'force', 'now', 'ignore-not-found', 'wait'],
  valueFlags: ['grace-period', 'cascade'],
  run(ctx) {
    if (boolFlag(ctx.args, 'force') && flag(ctx.args, 'grace-period') === '0') ctx.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    let ok = true;
    if (ctx.args.flags.has('filename')) {
      for (const { object } of readFiles(ctx)) {
        const o = withNamespace(ctx, object);
        ok = deleteOne(ctx, o.kind, o.metadata.name, o.metadata.namespace ?? ctx.namespace) && ok;
      }
      return ok ? 0 : 1;
    }
    const targets = parseTargets(ctx.args.positional);
    if (targets.length === 0) throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
    const selector = flag(ctx.args, 'selector');
    for (const t of targets) {
      if (t.names.length === 0) {
        if (!selector && !boolFlag(ctx.args, 'all')) throw new KubectlError(`error: resource(s) were provided, but no name was specified`);
        const objects = listObjects(ctx, t.kind, { selector });
        if (objects.length === 0) ctx.err(`No resources found\n`);
        for (const o of objects) ok = deleteOne(ctx, t.kind, o.metadata.name, o.metadata.namespace ?? ctx.namespace) && ok;
        continue;
      }
      for (const name of t.names) {
        if (boolFlag(ctx.args, 'ignore-not-found') && !ctx.cluster.store.getBy(t.kind, ctx.namespace, name)) continue;
        ok = deleteOne(ctx, t.kind, name, ctx.namespace) && ok;
      }
    }
    return ok ? 0 : 1;
  },
});
