import { describe, expect, it } from 'vitest';
import { hostMatches, matchIngress, pathMatches, type IngressPathType, type NetIngress } from '../../../../shared/simulation/network';

function ing(paths: [string, IngressPathType][], extra: Partial<NetIngress> = {}, host?: string): NetIngress {
  return {
    namespace: 'shop',
    name: 'ing',
    rules: [{ ...(host ? { host } : {}), paths: paths.map(([path, pathType]) => ({ path, pathType, backend: { service: { name: `${pathType}:${path}`, port: 80 } } })) }],
    ...extra,
  };
}

// The examples table of kubernetes.io, Concepts → Ingress → "Examples" (path matching).
describe('path matching (kubernetes.io Ingress examples table)', () => {
  it.each([
    ['Prefix', ['/'], '/anything/at/all', '/'],
    ['Exact', ['/foo'], '/foo', '/foo'],
    ['Exact', ['/foo'], '/bar', undefined],
    ['Exact', ['/foo'], '/foo/', undefined],
    ['Exact', ['/foo/'], '/foo', undefined],
    ['Prefix', ['/foo'], '/foo', '/foo'],
    ['Prefix', ['/foo'], '/foo/', '/foo'],
    ['Prefix', ['/foo/'], '/foo', '/foo/'],
    ['Prefix', ['/foo/'], '/foo/', '/foo/'],
    ['Prefix', ['/aaa/bb'], '/aaa/bbb', undefined],
    ['Prefix', ['/aaa/bbb'], '/aaa/bbb', '/aaa/bbb'],
    ['Prefix', ['/aaa/bbb/'], '/aaa/bbb', '/aaa/bbb/'],
    ['Prefix', ['/aaa/bbb'], '/aaa/bbb/', '/aaa/bbb'],
    ['Prefix', ['/aaa/bbb'], '/aaa/bbb/ccc', '/aaa/bbb'],
    ['Prefix', ['/aaa/bbb'], '/aaa/bbbxyz', undefined],
    ['Prefix', ['/', '/aaa'], '/aaa/ccc', '/aaa'],
    ['Prefix', ['/', '/aaa', '/aaa/bbb'], '/aaa/bbb', '/aaa/bbb'],
    ['Prefix', ['/', '/aaa', '/aaa/bbb'], '/ccc', '/'],
    ['Prefix', ['/aaa'], '/ccc', undefined],
  ] as const)('%s %j with request %s → %s', (pathType, paths, request, expected) => {
    const m = matchIngress([ing(paths.map((p) => [p, pathType]))], 'any.example.com', request);
    expect(m?.path?.path).toBe(expected);
  });

  it('Mixed: /foo (Prefix) and /foo (Exact) with request /foo prefers Exact', () => {
    const m = matchIngress([ing([['/foo', 'Prefix'], ['/foo', 'Exact']])], 'h', '/foo');
    expect(m?.path?.pathType).toBe('Exact');
    const again = matchIngress([ing([['/foo', 'Exact'], ['/foo', 'Prefix']])], 'h', '/foo');
    expect(again?.path?.pathType).toBe('Exact');
  });

  it('Exact is case-sensitive, and so are Prefix segments', () => {
    expect(pathMatches({ path: '/Foo', pathType: 'Exact', backend: {} }, '/foo')).toBe(false);
    expect(pathMatches({ path: '/Foo', pathType: 'Prefix', backend: {} }, '/foo/bar')).toBe(false);
  });

  it('the longest matching path wins over an earlier shorter one', () => {
    const m = matchIngress([ing([['/api', 'Prefix'], ['/api/v2', 'Prefix']])], 'h', '/api/v2/items');
    expect(m?.path?.path).toBe('/api/v2');
  });

  it('a query string is not part of the path', () => {
    expect(matchIngress([ing([['/search', 'Exact']])], 'h', '/search?q=1')?.path?.path).toBe('/search');
  });
});

// kubernetes.io, Ingress → "Hostname wildcards".
describe('host matching', () => {
  it.each([
    ['*.foo.com', 'bar.foo.com', true],
    ['*.foo.com', 'baz.bar.foo.com', false],
    ['*.foo.com', 'foo.com', false],
    ['foo.bar.com', 'foo.bar.com', true],
    ['foo.bar.com', 'FOO.bar.com', true],
    ['foo.bar.com', 'bar.foo.com', false],
    [undefined, 'anything.example', true],
  ] as const)('rule host %s, request host %s → %s', (rule, host, ok) => {
    expect(hostMatches(rule, host)).toBe(ok);
  });

  it('an exact host rule wins over a wildcard one, and both over a rule without host', () => {
    const exact = ing([['/', 'Prefix']], { name: 'exact' }, 'shop.foo.com');
    const wild = ing([['/', 'Prefix']], { name: 'wild' }, '*.foo.com');
    const any = ing([['/', 'Prefix']], { name: 'any' });
    expect(matchIngress([any, wild, exact], 'shop.foo.com', '/')?.ingress.name).toBe('exact');
    expect(matchIngress([any, wild, exact], 'blog.foo.com', '/')?.ingress.name).toBe('wild');
    expect(matchIngress([any, wild, exact], 'example.org', '/')?.ingress.name).toBe('any');
  });

  it('the port in the Host header is ignored', () => {
    expect(matchIngress([ing([['/', 'Prefix']], {}, 'shop.foo.com')], 'shop.foo.com:8080', '/')).toBeDefined();
  });
});

describe('no matching rule', () => {
  it('goes to the defaultBackend when there is one', () => {
    const m = matchIngress([ing([['/aaa', 'Prefix']], { defaultBackend: { service: { name: 'fallback', port: 80 } } })], 'h', '/ccc');
    expect(m?.backend.service?.name).toBe('fallback');
    expect(m?.rule).toBeUndefined();
    expect(m?.reason).toContain('defaultBackend of shop/ing');
  });

  it('is a 404 (no match) without a defaultBackend', () => {
    expect(matchIngress([ing([['/aaa', 'Prefix']])], 'h', '/ccc')).toBeUndefined();
    expect(matchIngress([ing([['/', 'Prefix']], {}, 'shop.foo.com')], 'other.com', '/')).toBeUndefined();
  });
});
