/** `kubectl config use-context|get-contexts|current-context`: one context per user of the design's cluster section. */
import { tabwrite } from '../tabwriter';
import { KubectlError, registerVerb } from '../types';
import { CLUSTER_NAME } from '../cluster';

registerVerb({
  name: 'config',
  summary: 'Switch users (contexts) of the simulated cluster',
  mutates: false,
  run(ctx) {
    const [sub, name] = ctx.args.positional;
    switch (sub) {
      case 'current-context':
        ctx.out(`${ctx.kubeContext.name}\n`);
        return 0;
      case 'use-context':
      case 'use': {
        if (!name) throw new KubectlError('error: Unexpected args: []\nSee \'kubectl config use-context -h\' for help and examples');
        if (!ctx.contexts.some((x) => x.name === name)) throw new KubectlError(`error: no context exists with the name: "${name}"`);
        ctx.useContext(name);
        ctx.out(`Switched to context "${name}".\n`);
        return 0;
      }
      case 'get-contexts': {
        const list = name ? ctx.contexts.filter((x) => x.name === name) : ctx.contexts;
        if (name && list.length === 0) throw new KubectlError(`error: context ${name} not found`);
        const rows = ['CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE', ...list.map((x) => `${x.name === ctx.env.context ? '*' : ''}\t${x.name}\t${CLUSTER_NAME}\t${x.user}\t${x.namespace}`)];
        ctx.out(`${tabwrite(rows.join('\n'), 3, 10)}\n`);
        return 0;
      }
      default:
        throw new KubectlError(sub ? `error: unknown command "${sub}" for "kubectl config"` : 'error: you must specify a subcommand: use-context, get-contexts or current-context');
    }
  },
});
