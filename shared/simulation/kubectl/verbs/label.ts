/**
 * `kubectl label TYPE NAME KEY=VALUE… KEY-… [--overwrite]` (and `TYPE/NAME`): a patch of the
 * object's labels (staging/src/k8s.io/kubectl/pkg/cmd/label/label.go), authorised as `patch`.
 * Changing a pod's labels changes which Services and ReplicaSets select it, as in a real cluster.
 */
import { cloneJson } from '../../../model/object';
import { boolFlag } from '../argv';
import { objectName, parseTargets, serverError } from '../resources';
import { KubectlError, registerVerb, type VerbContext } from '../types';
import { getObject, write } from './common';

/** What differs between `kubectl label` and `kubectl annotate`. */
interface MapPatch {
  field: 'labels' | 'annotations';
  /** `label`, `annotation`: in "at least one … update is required". */
  noun: string;
  /** `labeled`, `annotated`. */
  done: string;
  /** The refusal to overwrite without --overwrite, as each command words it. */
  taken(key: string, value: string): string;
}

/** Run `kubectl label|annotate TYPE NAME KEY=VALUE… KEY-…`: one patch per object, authorised as `patch`. */
export function patchMetadataMap(ctx: VerbContext, m: MapPatch): number {
  // GetResourcesAndPairs (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go): resources first,
  // then the changes, KEY=VALUE or KEY- (a key may hold a prefix: app.kubernetes.io/name=web).
  const resources: string[] = [];
  const changes: string[] = [];
  for (const w of ctx.args.positional) {
    const change = (w.includes('=') && !w.startsWith('=')) || (w.endsWith('-') && w !== '-');
    if (change) changes.push(w);
    else if (changes.length > 0) throw new KubectlError(`error: all resources must be specified before ${m.noun} changes: ${w}`);
    else resources.push(w);
  }
  const targets = parseTargets(resources);
  if (changes.length === 0) throw new KubectlError(`error: at least one ${m.noun} update is required`);
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
      const map = { ...(o.metadata[m.field] ?? {}) };
      for (const [k, v] of Object.entries(set)) {
        if (k in map && map[k] !== v && !overwrite) throw new KubectlError(`error: ${m.taken(k, map[k]!)}`);
        map[k] = v;
      }
      for (const k of remove) delete map[k];
      o.metadata[m.field] = map;
      const r = write(ctx, { verb: 'update', authVerb: 'patch', object: o });
      if (!r.ok) {
        ctx.err(`${serverError(r.code, r.message)}\n`);
        ok = false;
        continue;
      }
      ctx.out(`${objectName(t.kind, name)} ${m.done}\n`);
    }
  }
  return ok ? 0 : 1;
}

registerVerb({
  name: 'label',
  summary: 'Update the labels on a resource',
  mutates: true,
  boolFlags: ['overwrite'],
  run: (ctx) =>
    // staging/src/k8s.io/kubectl/pkg/cmd/label/label.go
    patchMetadataMap(ctx, { field: 'labels', noun: 'label', done: 'labeled', taken: (k, v) => `'${k}' already has a value (${v}), and --overwrite is false` }),
});
