/**
 * `kubectl auth can-i VERB TYPE[/NAME]` (yes/no, exit 0/1) and `kubectl auth can-i --list`: the
 * API server's RBAC answers for the user (a SelfSubjectAccessReview / SelfSubjectRulesReview).
 */
import { apiGroup } from '../../../model/object';
import { getKindInfo } from '../../../kinds/registry';
import { authorize, MASTERS_GROUP, CLUSTER_ADMIN_RULES, rulesFor, type PolicyRule } from '../../rbac';
import { isClusterScoped } from '../../store';
import { boolFlag, flag } from '../argv';
import { lookupKind } from '../resources';
import { tabwrite } from '../tabwriter';
import { KubectlError, registerVerb, type VerbContext } from '../types';

function listRules(ctx: VerbContext): number {
  const ns = ctx.namespace;
  const rules: PolicyRule[] = ctx.identity.groups.includes(MASTERS_GROUP) ? [...CLUSTER_ADMIN_RULES] : [];
  for (const src of rulesFor(ctx.cluster.store, ctx.identity, ns)) rules.push(...src.rules);
  // can_i.go: rules broken down to one (group, resource, name) or one URL each, compacted (verbs
  // merged), sorted by their Go string form (rbacutil.SortableRuleSlice), printed with CombineResourceGroup.
  const lines = new Map<string, { resource: string; group: string; names: string; urls: string; verbs: string[] }>();
  const add = (key: string, line: { resource: string; group: string; names: string; urls: string }, verbs: string[]) => {
    const have = lines.get(key) ?? { ...line, verbs: [] };
    for (const v of verbs) if (!have.verbs.includes(v)) have.verbs.push(v);
    lines.set(key, have);
  };
  for (const r of rules) {
    for (const url of r.nonResourceURLs ?? []) add(`url\n${url}`, { resource: '', group: '', names: '', urls: url }, r.verbs);
    for (const g of r.apiGroups ?? []) {
      for (const res of r.resources ?? []) {
        const names = r.resourceNames?.length ? r.resourceNames : [''];
        for (const n of names) add(`${g}\n${res}\n${n}`, { resource: res, group: g, names: n, urls: '' }, r.verbs);
      }
    }
  }
  const goString = (l: { resource: string; group: string; names: string; urls: string; verbs: string[] }) =>
    `&PolicyRule{Verbs:[${l.verbs.join(' ')}],APIGroups:[${l.urls ? '' : l.group}],Resources:[${l.resource}],ResourceNames:[${l.names}],NonResourceURLs:[${l.urls}],}`;
  const sorted = [...lines.values()].sort((a, b) => (goString(a) < goString(b) ? -1 : goString(a) > goString(b) ? 1 : 0));
  const rows = ['Resources\tNon-Resource URLs\tResource Names\tVerbs'];
  for (const l of sorted) {
    const resource = l.urls ? '' : l.group ? `${l.resource}.${l.group}` : l.resource;
    rows.push(`${resource}\t[${l.urls}]\t[${l.names}]\t[${l.verbs.join(' ')}]`);
  }
  ctx.out(`${tabwrite(rows.join('\n'), 3, 10)}\n`);
  return 0;
}

registerVerb({
  name: 'auth',
  summary: 'Inspect authorization (auth can-i)',
  mutates: false,
  boolFlags: ['list', 'quiet'],
  valueFlags: ['subresource'],
  shortFlags: { q: 'quiet' },
  run(ctx) {
    const [sub, verb, target] = ctx.args.positional;
    if (sub === 'whoami') {
      ctx.out(`${tabwrite(['ATTRIBUTE\tVALUE', `Username\t${ctx.identity.user}`, `Groups\t[${ctx.identity.groups.join(' ')}]`].join('\n'), 3, 10)}\n`);
      return 0;
    }
    if (sub !== 'can-i') throw new KubectlError(sub ? `error: unknown command "${sub}" for "kubectl auth"` : 'error: you must specify a subcommand: can-i or whoami');
    if (boolFlag(ctx.args, 'list')) return listRules(ctx);
    if (!verb || !target) throw new KubectlError("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples");
    const slash = target.indexOf('/');
    const type = slash < 0 ? target : target.slice(0, slash);
    const name = slash < 0 ? undefined : target.slice(slash + 1);
    const subresource = flag(ctx.args, 'subresource');
    const kind = type === '*' ? undefined : lookupKind(type);
    let resource = type;
    let group = '';
    if (kind) {
      const info = getKindInfo(kind);
      resource = info?.resource ?? type;
      group = apiGroup(info?.apiVersion ?? '');
    } else if (type !== '*') {
      const dot = type.indexOf('.');
      if (dot > 0) [resource, group] = [type.slice(0, dot), type.slice(dot + 1)];
      ctx.err(`Warning: the server doesn't have a resource type '${type}'\n\n`);
    }
    if (type === '*') group = '*';
    const all = boolFlag(ctx.args, 'all-namespaces');
    const namespace = all || (kind && isClusterScoped(kind)) ? '' : ctx.namespace;
    const d = authorize(ctx.cluster.store, ctx.identity, { verb, apiGroup: group, resource, ...(subresource ? { subresource } : {}), ...(name ? { name } : {}), namespace });
    if (!boolFlag(ctx.args, 'quiet')) ctx.out(d.allowed ? 'yes\n' : 'no\n');
    return d.allowed ? 0 : 1;
  },
});
