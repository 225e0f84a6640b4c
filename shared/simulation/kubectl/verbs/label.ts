/**
 * `kubectl label TYPE NAME KEY=VALUE… KEY-… [--overwrite]` (and `TYPE/NAME`): a patch of the
 * object's labels (staging/src/k8s.io/kubectl/pkg/cmd/label/label.go), authorised as `patch`.
 * Changing a pod's labels changes which Services and ReplicaSets select it, as in a real cluster.
 */
import { cloneJson } from '../../../model/object';
import { boolFlag } from '../argv';
import { objectName, parseTargets, serverError } from '../resources';
import { KubectlError, registerVerb } from '../types';
import { getObject, write } from './common';

registerVerb({
  name: 'label',
  summary: 'Update the labels on a resource',
  mutates: true,
  boolFlags: ['overwrite'],
  run(ctx) {
    const words = ctx.args.positional;
    const changes = words.filter((w) => /=|-$/.test(w) && !w.includes('/'));
    const targets = parseTargets(words.filter((w) => !changes.includes(w)));
    if (changes.length === 0) throw new KubectlError('error: at least one label update is required');
    if (targets.length === 0 || targets.every((t) => t.names.length === 0)) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    const set: Record<string, string> = {};
    const remove: string[] = [];
    for (const c of changes) {
      if (c.endsWith('-') && !c.includes('=')) remove.push(c.slice(0, -1));
      else set[c.slice(0, c.indexOf('='))] = c.slice(c.indexOf('=') + 1);
    }
    const overwrite = boolFlag(ctx.args, 'overwrite');
    let ok = true;
    for (const t of targets) {
      for (const name of t.names) {
        const o = cloneJson(getObject(ctx, t.kind, name));
        const labels = { ...(o.metadata.labels ?? {}) };
        for (const [k, v] of Object.entries(set)) {
          if (k in labels && labels[k] !== v && !overwrite) throw new KubectlError(`error: '${k}' already has a value (${labels[k]}), and --overwrite is false`);
          labels[k] = v;
        }
        for (const k of remove) delete labels[k];
        o.metadata.labels = labels;
        const r = write(ctx, { verb: 'update', authVerb: 'patch', object: o });
        if (!r.ok) {
          ctx.err(`${serverError(r.code, r.message)}\n`);
          ok = false;
          continue;
        }
        ctx.out(`${objectName(t.kind, name)} labeled\n`);
      }
    }
    return ok ? 0 : 1;
  },
});
