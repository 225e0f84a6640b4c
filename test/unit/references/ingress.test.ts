import { describe, expect, it } from 'vitest';
import { keyOf, make, refs } from './helpers';

const backend = (service: string, port: Record<string, unknown>) => ({ service: { name: service, port } });
const ingressTo = (name: string, paths: { path: string; backend: unknown }[], extra: Record<string, unknown> = {}) =>
  make('Ingress', name, 'shop', { spec: { rules: [{ host: 'shop.example.com', http: { paths: paths.map((p) => ({ ...p, pathType: 'Prefix' })) } }], ...extra } });

describe('Ingress → Service backend and port', () => {
  const svc = make('Service', 'web', 'shop', { spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'admin', port: 9000 }] } });

  it('reaches the Service of each path, by port number or by port name', () => {
    const ing = ingressTo('shop', [{ path: '/', backend: backend('web', { number: 80 }) }, { path: '/admin', backend: backend('web', { name: 'admin' }) }]);
    const r = refs('ingress-backend', [svc, ing]);
    expect(r.map((x) => [x.path, x.targets, x.problem])).toEqual([
      ['spec.rules[0].http.paths[0].backend.service', [keyOf(svc)], undefined],
      ['spec.rules[0].http.paths[1].backend.service', [keyOf(svc)], undefined],
    ]);
    expect(r[1].label).toBe('Service "web" port "admin"');
  });

  it('reaches the defaultBackend Service too', () => {
    const ing = make('Ingress', 'catchall', 'shop', { spec: { rules: undefined, defaultBackend: backend('web', { number: 80 }) } });
    const r = refs('ingress-backend', [svc, ing]);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ path: 'spec.defaultBackend.service', targets: [keyOf(svc)] });
  });

  it('is an error when the Service does not exist in the Ingress namespace', () => {
    const elsewhere = make('Service', 'web', 'blog');
    const [r] = refs('ingress-backend', [elsewhere, ingressTo('shop', [{ path: '/', backend: backend('web', { number: 80 }) }])]);
    expect(r.targets).toEqual([]);
    expect(r.problem).toMatchObject({ severity: 'error', message: 'Ingress "shop" routes to Service "web", which does not exist in namespace "shop"' });
  });

  it('is an error when the port number is not one the Service declares (targetPort does not count)', () => {
    const [r] = refs('ingress-backend', [svc, ingressTo('shop', [{ path: '/', backend: backend('web', { number: 8080 }) }])]);
    expect(r.problem?.severity).toBe('error');
    expect(r.problem?.message).toBe('Ingress "shop" routes to Service "web" port 8080, but the Service has no such port (it has: 80 (http), 9000 (admin))');
  });

  it('is an error when the named port does not exist on the Service', () => {
    const [r] = refs('ingress-backend', [svc, ingressTo('shop', [{ path: '/', backend: backend('web', { name: 'https' }) }])]);
    expect(r.path).toBe('spec.rules[0].http.paths[0].backend.service.port');
    expect(r.problem?.message).toContain('port "https", but the Service has no such port');
  });

  it('a new Ingress routes nowhere yet: no reference, so no broken edge to a Service that does not exist', () => {
    expect(refs('ingress-backend', [make('Service', 'web', 'shop'), make('Ingress', 'web', 'shop')])).toEqual([]);
  });
});
