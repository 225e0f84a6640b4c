/** What the verbs share: requests as the user, reads through the API server, label selectors. */
import type { KubeObject } from '../../../model/object';
import type { ApiRequest, ApiResponse } from '../../apiserver';
import { isClusterScoped } from '../../store';
import { boolFlag, flag } from '../argv';
import { serverError, stub } from '../resources';
import { KubectlError, type VerbContext } from '../types';

/** Send a request as the command's user (RBAC judges it). */
export function send(ctx: VerbContext, req: Omit<ApiRequest, 'user' | 'component' | 'identity'>): ApiResponse {
  return ctx.cluster.api.request({ ...req, user: ctx.identity.user, component: 'kubectl', identity: ctx.identity });
}

/** A write, then the controllers' reaction within the same second. */
export function write(ctx: VerbContext, req: Omit<ApiRequest, 'user' | 'component' | 'identity'>): ApiResponse {
  const r = send(ctx, req);
  ctx.cluster.drain();
  return r;
}

/** GET one object; kubectl's error when it cannot. */
export function getObject(ctx: VerbContext, kind: string, name: string, namespace = ctx.namespace): KubeObject {
  const r = send(ctx, { verb: 'get', object: stub(kind, namespace, name) });
  if (!r.ok) throw new KubectlError(serverError(r.code, r.message));
  return r.object;
}

/** LIST a kind in the namespace (or every namespace), filtered by a label selector. */
export function listObjects(ctx: VerbContext, kind: string, opts: { all?: boolean; selector?: string; namespace?: string } = {}): KubeObject[] {
  const r = send(ctx, { verb: 'list', object: stub(kind, opts.namespace ?? ctx.namespace), allNamespaces: !!opts.all });
  if (!r.ok) throw new KubectlError(serverError(r.code, r.message));
  const items = r.items ?? [];
  const match = opts.selector ? parseSelector(opts.selector) : undefined;
  const out = match ? items.filter((o) => match(o.metadata.labels ?? {})) : items;
  // Namespace, then name, by code unit (as the API server lists etcd keys); localeCompare was most of a 10,000-pod list.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...out].sort((a, b) => cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name, b.metadata.name));
}

/** `-A` (ignored for cluster-scoped kinds, as kubectl does). */
export function allNamespaces(ctx: VerbContext, kind?: string): boolean {
  return boolFlag(ctx.args, 'all-namespaces') && (kind === undefined || !isClusterScoped(kind));
}

/**
 * A label selector as `-l` takes it (k8s.io/apimachinery labels.Parse): `a=b`, `a==b`, `a!=b`,
 * `a in (x,y)`, `a notin (x)`, `a`, `!a`, comma-separated.
 */
export function parseSelector(text: string): (labels: Record<string, string>) => boolean {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  const tests = parts.map((raw) => {
    const p = raw.trim();
    let m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(p);
    if (m) {
      const [, k, op, v] = m;
      return op === '!=' ? (l: Record<string, string>) => l[k] !== v : (l: Record<string, string>) => l[k] === v;
    }
    m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p);
    if (m) {
      const [, k, op, vs] = m;
      const values = vs.split(',').map((x) => x.trim());
      return op === 'in' ? (l: Record<string, string>) => k in l && values.includes(l[k]) : (l: Record<string, string>) => !(k in l) || !values.includes(l[k]);
    }
    m = /^(!?)([\w./-]+)$/.exec(p);
    if (m) {
      const [, not, k] = m;
      return not ? (l: Record<string, string>) => !(k in l) : (l: Record<string, string>) => k in l;
    }
    throw new KubectlError(`error: unable to parse requirement: found '${p}', expected: identifier`);
  });
  return (labels) => tests.every((t) => t(labels));
}

/** `-o` value, checked against what the verb prints. */
export function outputFormat(ctx: VerbContext, allowed: readonly string[]): string {
  const o = flag(ctx.args, 'output') ?? '';
  if (o && !allowed.includes(o)) throw new KubectlError(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${allowed.filter(Boolean).join(',')}`);
  return o;
}
