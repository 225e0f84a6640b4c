/** `kubectl get`: tables with each kind's columns, `-o wide|yaml|json|name`, `-n`, `-A`, `-l`, several types at once. */
import { formatEvents } from '../../format';
import { boolFlag, flag } from '../argv';
import { objectName, parseTargets, serverError, stub } from '../resources';
import { printJson, printTable, printYaml } from '../printers';
import { KubectlError, registerVerb, type VerbContext } from '../types';
import type { KubeObject } from '../../../model/object';
import { isClusterScoped } from '../../store';
import { allNamespaces, getObject, listObjects, outputFormat, send } from './common';

function getEvents(ctx: VerbContext): number {
  const all = allNamespaces(ctx);
  const r = send(ctx, { verb: 'list', object: stub('Event', ctx.namespace), allNamespaces: all });
  if (!r.ok) throw new KubectlError(serverError(r.code, r.message));
  const events = ctx.cluster.events.filter((e) => all || e.namespace === ctx.namespace);
  if (events.length === 0) {
    ctx.err(all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  // `get events` without -A has no NAMESPACE column.
  const text = formatEvents(events, ctx.cluster.now);
  ctx.out(all ? text : stripFirstColumn(text));
  return 0;
}

function stripFirstColumn(text: string): string {
  const lines = text.split('\n');
  const cut = lines[0].indexOf('LAST SEEN');
  return lines.map((l) => l.slice(cut)).join('\n');
}

registerVerb({
  name: 'get',
  summary: 'Display one or many resources',
  mutates: false,
  run(ctx) {
    const targets = parseTargets(ctx.args.positional);
    if (targets.length === 0) {
      throw new KubectlError("You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples");
    }
    const output = outputFormat(ctx, ['', 'wide', 'yaml', 'json', 'name']);
    if (targets.length === 1 && targets[0].kind === 'Event' && targets[0].names.length === 0 && (output === '' || output === 'wide')) return getEvents(ctx);
    const selector = flag(ctx.args, 'selector');
    const groups: { kind: string; objects: KubeObject[]; named: boolean }[] = [];
    let failed = false;
    for (const t of targets) {
      if (t.names.length) {
        const objects: KubeObject[] = [];
        for (const name of t.names) {
          try {
            objects.push(getObject(ctx, t.kind, name));
          } catch (err) {
            if (!(err instanceof KubectlError)) throw err;
            ctx.err(`${err.message}\n`);
            failed = true;
          }
        }
        groups.push({ kind: t.kind, objects, named: true });
      } else {
        groups.push({ kind: t.kind, objects: listObjects(ctx, t.kind, { all: allNamespaces(ctx, t.kind), selector }), named: false });
      }
    }
    const objects = groups.flatMap((g) => g.objects);
    if (output === 'yaml' || output === 'json') {
      if (objects.length) {
        const single = objects.length === 1 && groups.length === 1 && groups[0].named && targets[0].names.length === 1;
        ctx.out(output === 'yaml' ? printYaml(objects, single) : printJson(objects, single));
      }
      return failed ? 1 : 0;
    }
    if (output === 'name') {
      for (const g of groups) for (const o of g.objects) ctx.out(`${objectName(g.kind, o.metadata.name)}\n`);
      return failed ? 1 : 0;
    }
    const printed = groups.filter((g) => g.objects.length);
    if (printed.length === 0 && !failed) {
      const all = allNamespaces(ctx);
      ctx.err(all || groups.every((g) => isClusterScoped(g.kind)) ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
      return 0;
    }
    const withKind = targets.length > 1 || ctx.args.positional[0]?.split(',').length > 1 || ctx.args.positional[0]?.toLowerCase() === 'all';
    ctx.out(printed.map((g) => printTable(g.kind, g.objects, ctx.cluster, {
      wide: output === 'wide', withNamespace: allNamespaces(ctx, g.kind), withKind,
      noHeaders: boolFlag(ctx.args, 'no-headers'), showLabels: boolFlag(ctx.args, 'show-labels'),
    })).join('\n'));
    return failed ? 1 : 0;
  },
});
