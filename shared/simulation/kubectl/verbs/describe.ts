/** `kubectl describe TYPE [NAME…]`: the kind's describer with the object's Events at the bottom. */
import { flag } from '../argv';
import { describeObject } from '../describe';
import { parseTargets } from '../resources';
import { KubectlError, registerVerb } from '../types';
import { allNamespaces, getObject, listObjects } from './common';

registerVerb({
  name: 'describe',
  summary: 'Show details of a specific resource or group of resources',
  mutates: false,
  run(ctx) {
    const targets = parseTargets(ctx.args.positional);
    if (targets.length === 0) throw new KubectlError("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.");
    const texts: string[] = [];
    let code = 0;
    for (const t of targets) {
      if (t.names.length === 0) {
        const objects = listObjects(ctx, t.kind, { all: allNamespaces(ctx, t.kind), selector: flag(ctx.args, 'selector') });
        for (const o of objects) texts.push(describeObject(ctx.cluster, o));
        continue;
      }
      for (const name of t.names) {
        // describe's own prefix search is not simulated: the name must be exact.
        try {
          texts.push(describeObject(ctx.cluster, getObject(ctx, t.kind, name)));
        } catch (err) {
          if (!(err instanceof KubectlError)) throw err;
          ctx.err(`${err.message}\n`);
          code = 1;
        }
      }
    }
    if (texts.length === 0 && code === 0) ctx.err(allNamespaces(ctx) ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
    ctx.out(texts.join('\n\n'));
    return code;
  },
});
