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

interface Candidate {
  ingress: NetIngress;
  rule: number;
}

/**
 * Routes requests over all the given Ingresses (as one controller merging them does): exact hosts
 * first, then wildcard hosts, then rules without a host; within the first tier that has rules for
 * the host, the longest matching path wins (Exact over Prefix on a tie). Rules are indexed by host
 * once, so routing does not scan every Ingress.
 */
export class IngressRouter {
  private readonly exact = new Map<string, Candidate[]>();
  private readonly wildcard = new Map<string, Candidate[]>();
  private readonly anyHost: Candidate[] = [];
  private readonly fallback?: NetIngress;

  constructor(ingresses: readonly NetIngress[]) {
    for (const ingress of ingresses) {
      ingress.rules.forEach((r, rule) => {
        const host = r.host?.toLowerCase();
        if (!host) this.anyHost.push({ ingress, rule });
        else if (host.startsWith('*.')) push(this.wildcard, host.slice(2), { ingress, rule });
        else push(this.exact, host, { ingress, rule });
      });
    }
    this.fallback = ingresses.find((i) => i.defaultBackend);
  }

  route(host: string, requestPath: string): IngressMatch | undefined {
    const raw = requestPath.split('?')[0] || '/';
    const path = raw.startsWith('/') ? raw : `/${raw}`;
    const hostOnly = host.replace(/:\d+$/, '').toLowerCase();
    const dot = hostOnly.indexOf('.');
    // The wildcard covers exactly one DNS label, so only the suffix after the first label can match.
    const tiers = [this.exact.get(hostOnly), dot > 0 ? this.wildcard.get(hostOnly.slice(dot + 1)) : undefined, this.anyHost];
    for (const tier of tiers) {
      if (!tier || tier.length === 0) continue;
      let best: { ingress: NetIngress; rule: number; path: NetIngressPath } | undefined;
      for (const { ingress, rule } of tier) {
        for (const p of ingress.rules[rule].paths) {
          if (!pathMatches(p, path)) continue;
          if (!best || pathLength(p) > pathLength(best.path) || (pathLength(p) === pathLength(best.path) && p.pathType === 'Exact' && best.path.pathType !== 'Exact')) {
            best = { ingress, rule, path: p };
          }
        }
      }
      if (best) {
        return {
          ...best,
          backend: best.path.backend,
          reason: `${best.ingress.namespace}/${best.ingress.name} rule[${best.rule}] host ${best.ingress.rules[best.rule].host ?? '*'} path ${best.path.path} (${best.path.pathType}) matches ${path}`,
        };
      }
      break;
    }
    const withDefault = this.fallback;
    if (withDefault?.defaultBackend) {
      return { ingress: withDefault, backend: withDefault.defaultBackend, reason: `no rule matches ${hostOnly}${path}: defaultBackend of ${withDefault.namespace}/${withDefault.name}` };
    }
    return undefined;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Routes one request (see IngressRouter). */
export function matchIngress(ingresses: readonly NetIngress[], host: string, requestPath: string): IngressMatch | undefined {
  return new IngressRouter(ingresses).route(host, requestPath);
}
