/** `kubectl set image TYPE/NAME CONTAINER=IMAGE… ` (`*=IMAGE` for every container): a new rollout. */
import { cloneJson } from '../../../model/object';
import { podTemplateOf } from '../../controllers/util';
import { objectName, parseTargets, serverError } from '../resources';
import { KubectlError, registerVerb } from '../types';
import { getObject, write } from './common';

registerVerb({
  name: 'set',
  summary: 'Set specific features on objects (set image)',
  mutates: true,
  run(ctx) {
    const [sub, ...words] = ctx.args.positional;
    if (sub !== 'image') throw new KubectlError(sub ? `error: unknown command "${sub}" for "kubectl set"` : 'error: you must specify a subcommand: image');
    const pairs = words.filter((w) => w.includes('='));
    const refs = words.filter((w) => !w.includes('='));
    if (pairs.length === 0) throw new KubectlError('error: at least one image update is required');
    const targets = parseTargets(refs);
    if (targets.length === 0) throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
    for (const t of targets) {
      for (const name of t.names) {
        const o = cloneJson(getObject(ctx, t.kind, name));
        const containers = podTemplateOf(o)?.spec?.containers ?? [];
        for (const pair of pairs) {
          const [cname, image] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
          const hit = cname === '*' ? containers : containers.filter((x) => x.name === cname);
          if (hit.length === 0) throw new KubectlError(`error: unable to find container named "${cname}"`);
          for (const x of hit) x.image = image;
        }
        const r = write(ctx, { verb: 'update', authVerb: 'patch', object: o });
        if (!r.ok) throw new KubectlError(serverError(r.code, r.message));
        ctx.out(`${objectName(t.kind, name)} image updated\n`);
      }
    }
    return 0;
  },
});
