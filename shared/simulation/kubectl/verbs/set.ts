/**
 * `kubectl set image TYPE/NAME CONTAINER=IMAGE… ` (`*=IMAGE` for every container) and
 * `kubectl set env TYPE/NAME [-c CONTAINER] KEY=VALUE… KEY-…` (set or remove variables in the pod
 * template's containers): each a new rollout.
 */
import { cloneJson } from '../../../model/object';
import { podTemplateOf } from '../../controllers/util';
import { objectName, parseTargets, serverError } from '../resources';
import { flag } from '../argv';
import { KubectlError, registerVerb, type VerbContext } from '../types';
import { getObject, write } from './common';

registerVerb({
  name: 'set',
  summary: 'Set specific features on objects (set image, set env)',
  mutates: true,
  valueFlags: ['containers'],
  shortFlags: { c: 'containers' },
  run(ctx) {
    const [sub, ...words] = ctx.args.positional;
    if (sub === 'env') return setEnv(ctx, words);
    if (sub !== 'image') throw new KubectlError(sub ? `error: unknown command "${sub}" for "kubectl set"` : 'error: you must specify a subcommand: image, env');
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

/** `kubectl set env` (staging/src/k8s.io/kubectl/pkg/cmd/set/set_env.go): `KEY=VALUE` sets, `KEY-` removes. */
function setEnv(ctx: VerbContext, words: string[]): number {
  const pairs = words.filter((w) => w.includes('=') || /^[A-Za-z_][A-Za-z0-9_]*-$/.test(w));
  const refs = words.filter((w) => !pairs.includes(w));
  if (pairs.length === 0) throw new KubectlError('error: at least one environment variable must be provided');
  for (const p of pairs) {
    const name = p.includes('=') ? p.slice(0, p.indexOf('=')) : p.slice(0, -1);
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) throw new KubectlError(`error: invalid key name "${name}": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit`);
  }
  const targets = parseTargets(refs);
  if (targets.length === 0) throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const only = flag(ctx.args, 'containers');
  for (const t of targets) {
    for (const name of t.names) {
      const o = cloneJson(getObject(ctx, t.kind, name));
      const template = podTemplateOf(o);
      if (!template) throw new KubectlError(`error: ${objectName(t.kind, name)} has no pod template`);
      const containers = (template.spec?.containers ?? []).filter((x) => only === undefined || only === '*' || x.name === only);
      if (containers.length === 0) throw new KubectlError(`error: unable to find container named "${only}"`);
      for (const ct of containers) {
        let env = [...(ct.env ?? [])];
        for (const p of pairs) {
          if (!p.includes('=')) {
            env = env.filter((e) => e.name !== p.slice(0, -1));
            continue;
          }
          const [key, value] = [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)];
          const i = env.findIndex((e) => e.name === key);
          if (i >= 0) env[i] = { name: key, value };
          else env.push({ name: key, value });
        }
        if (env.length) ct.env = env;
        else delete ct.env;
      }
      const r = write(ctx, { verb: 'update', authVerb: 'patch', object: o });
      if (!r.ok) throw new KubectlError(serverError(r.code, r.message));
      ctx.out(`${objectName(t.kind, name)} env updated\n`);
    }
  }
  return 0;
}
