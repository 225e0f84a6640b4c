/**
 * Ingress routing as kubernetes.io describes it: host exact or `*.foo.com` (exactly one label),
 * a rule without host matches every host; pathType Exact (case-sensitive) or Prefix (whole `/`
 * segments, trailing slash ignored); the longest path wins and on a tie Exact beats Prefix; no
 * match → the defaultBackend, else 404. ImplementationSpecific is treated as Prefix (the common
 * controllers' reading).
 */
import type { NetIngress, NetIngressBackend, NetIngressPath } from './types';

export interface IngressMatch {
  ingress: NetIngress;
  /** Undefined when the defaultBackend served the request. */
  rule?: number;
  path?: NetIngressPath;
  backend: NetIngressBackend;
  reason: string;
}

export function hostMatches(ruleHost: string | undefined, host: string): boolean {
  if (!ruleHost) return true;
  const h = host.toLowerCase();
  const r = ruleHost.toLowerCase();
  if (!r.startsWith('*.')) return r === h;
  const dot = h.indexOf('.');
  // The wildcard covers exactly one DNS label: *.foo.com matches bar.foo.com, not baz.bar.foo.com nor foo.com.
  return dot > 0 && h.slice(dot + 1) === r.slice(2);
}

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

export function pathMatches(p: NetIngressPath, requestPath: string): boolean {
  if (p.pathType === 'Exact') return p.path === requestPath;
  const want = segments(p.path);
  const got = segments(requestPath);
  if (want.length > got.length) return false;
  for (let i = 0; i < want.length; i++) if (want[i] !== got[i]) return false;
  return true;
}

function pathLength(p: NetIngressPath): number {
  // Prefix paths compare without their trailing slash (`/foo/` and `/foo` are the same prefix).
  return p.pathType === 'Exact' ? p.path.length : p.path.replace(/\/+$/, '').length;
}

/**
 * Routes one request over all the given Ingresses (as one controller merging them does): exact
 * hosts first, then wildcard hosts, then rules without a host.
 */
export function matchIngress(ingresses: readonly NetIngress[], host: string, requestPath: string): IngressMatch | undefined {
  const path = (requestPath.split('?')[0] || '/').startsWith('/') ? requestPath.split('?')[0] || '/' : `/${requestPath.split('?')[0]}`;
  const hostOnly = host.replace(/:\d+$/, '');
  const tiers: ((h: string | undefined) => boolean)[] = [
    (h) => !!h && !h.startsWith('*.') && hostMatches(h, hostOnly),
    (h) => !!h && h.startsWith('*.') && hostMatches(h, hostOnly),
    (h) => !h,
  ];
  for (const inTier of tiers) {
    let best: { ingress: NetIngress; rule: number; path: NetIngressPath } | undefined;
    let any = false;
    for (const ing of ingresses) {
      ing.rules.forEach((rule, ri) => {
        if (!inTier(rule.host)) return;
        any = true;
        for (const p of rule.paths) {
          if (!pathMatches(p, path)) continue;
          if (!best || pathLength(p) > pathLength(best.path) || (pathLength(p) === pathLength(best.path) && p.pathType === 'Exact' && best.path.pathType !== 'Exact')) {
            best = { ingress: ing, rule: ri, path: p };
          }
        }
      });
    }
    if (best) {
      return {
        ...best,
        backend: best.path.backend,
        reason: `${best.ingress.namespace}/${best.ingress.name} rule[${best.rule}] host ${best.ingress.rules[best.rule].host ?? '*'} path ${best.path.path} (${best.path.pathType}) matches ${path}`,
      };
    }
    if (any) break;
  }
  const withDefault = ingresses.find((i) => i.defaultBackend);
  if (withDefault?.defaultBackend) {
    return { ingress: withDefault, backend: withDefault.defaultBackend, reason: `no rule matches ${hostOnly}${path}: defaultBackend of ${withDefault.namespace}/${withDefault.name}` };
  }
  return undefined;
}
