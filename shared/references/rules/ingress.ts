import type { Service } from 'kubernetes-types/core/v1';
import type { Ingress, IngressBackend } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../model/object';
import type { ObjectIndex } from '../../kinds/objectIndex';
import { findObject, items, nameOf, rec, reference, sourceNamespace, str } from '../lookup';
import type { Reference, ReferenceRule } from '../types';
import { ingressBackend } from '../../kinds/ingress';

/** Ingress → the Service (and port) of every path backend and of the defaultBackend, same namespace. */
export const ingressBackendRule: ReferenceRule = {
  ...ingressBackend,
  resolve(source, index) {
    const spec = rec((source as Ingress).spec);
    const out: Reference[] = [];
    const defaultBackend = rec(spec?.defaultBackend);
    if (defaultBackend) out.push(...resolveBackend(source, index, defaultBackend, 'spec.defaultBackend'));
    items(spec?.rules).forEach((rule, i) => {
      items(rec(rule.http)?.paths).forEach((p, j) => {
        const backend = rec(p.backend);
        if (backend) out.push(...resolveBackend(source, index, backend, `spec.rules[${i}].http.paths[${j}].backend`));
      });
    });
    return out;
  },
};

function resolveBackend(source: KubeObject, index: ObjectIndex, backend: IngressBackend, path: string): Reference[] {
  const ns = sourceNamespace(source);
  const sourceKey = index.keyOf(source);
  const ingress = `Ingress "${nameOf(source)}"`;
  const resource = rec(backend.resource);
  if (resource) {
    // A resource backend (e.g. a storage bucket custom resource) in the Ingress's namespace.
    const kind = str(resource.kind) ?? '';
    const name = str(resource.name) ?? '';
    const target = findObject(index, str(resource.apiGroup) ?? '', kind, ns, name);
    const label = `${kind} "${name}"`;
    return [target
      ? reference('ingress-backend', 'routes', sourceKey, `${path}.resource`, label, [index.keyOf(target)])
      : reference('ingress-backend', 'routes', sourceKey, `${path}.resource`, label, [], {
          severity: 'warning',
          message: `${ingress} routes to ${label}, which is not in namespace "${ns}"`,
        })];
  }
  const service = rec(backend.service);
  if (!service) return [];
  const name = str(service.name) ?? '';
  const port = rec(service.port);
  const portText = port?.name ? `port "${port.name}"` : port?.number !== undefined ? `port ${port.number}` : 'no port';
  const label = `Service "${name}" ${portText}`;
  const svcPath = `${path}.service`;
  const svc = findObject(index, '', 'Service', ns, name);
  if (!svc) {
    return [reference('ingress-backend', 'routes', sourceKey, `${svcPath}.name`, label, [], {
      severity: 'error',
      message: `${ingress} routes to Service "${name}", which does not exist in namespace "${ns}"`,
      hint: 'Create the Service, or connect the Ingress to an existing Service.',
    })];
  }
  const ports = items(rec((svc as Service).spec)?.ports);
  const found = port?.name ? ports.some((p) => p.name === port.name) : ports.some((p) => p.port === port?.number);
  if (!found) {
    const offered = ports.map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`)).join(', ') || 'none';
    return [reference('ingress-backend', 'routes', sourceKey, `${svcPath}.port`, label, [], {
      severity: 'error',
      message: `${ingress} routes to Service "${name}" ${portText}, but the Service has no such port (it has: ${offered})`,
      hint: port?.name ? 'Use a port name the Service declares, or a port number.' : 'Use one of the port numbers the Service declares.',
    })];
  }
  return [reference('ingress-backend', 'routes', sourceKey, svcPath, label, [index.keyOf(svc)])];
}
