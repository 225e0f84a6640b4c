/** `kubectl scale TYPE NAME --replicas=N` (or `TYPE/NAME`): a patch of the scale subresource. */
import { cloneJson } from '../../../model/object';
import { getKindInfo } from '../../../kinds/registry';
import { flag } from '../argv';
import { objectName, parseTargets, serverError } from '../resources';
import { KubectlError, registerVerb } from '../types';
import { getObject, write } from './common';

registerVerb({
  name: 'scale',
  summary: 'Set a new size for a deployment, replica set, or stateful set',
  mutates: true,
  valueFlags: ['replicas', 'current-replicas'],
  run(ctx) {
    const replicasText = flag(ctx.args, 'replicas');
    if (replicasText === undefined) throw new KubectlError('error: required flag(s) "replicas" not set');
    const replicas = Number(replicasText);
    if (!Number.isInteger(replicas) || replicas < 0) throw new KubectlError(`error: invalid argument "${replicasText}" for "--replicas" flag: strconv.ParseInt: parsing "${replicasText}": invalid syntax`);
    const targets = parseTargets(ctx.args.positional);
    if (targets.length === 0 || targets.every((t) => t.names.length === 0)) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    let ok = true;
    for (const t of targets) {
      if (!getKindInfo(t.kind)?.scalable && !['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'].includes(t.kind)) {
        throw new KubectlError(`error: no objects passed to scale ${getKindInfo(t.kind)?.resource ?? t.kind} "${t.names[0]}" is not scalable`);
      }
      for (const name of t.names) {
        let o;
        try {
          o = getObject(ctx, t.kind, name);
        } catch (err) {
          if (!(err instanceof KubectlError)) throw err;
          ctx.err(`${err.message}\n`);
          ok = false;
          continue;
        }
        const next = cloneJson(o);
        next.spec = { ...(next.spec as object), replicas };
        const r = write(ctx, { verb: 'update', authVerb: 'patch', subresource: 'scale', object: next });
        if (!r.ok) {
          ctx.err(`${serverError(r.code, r.message)}\n`);
          ok = false;
          continue;
        }
        ctx.out(`${objectName(t.kind, name)} scaled\n`);
      }
    }
    return ok ? 0 : 1;
  },
});
