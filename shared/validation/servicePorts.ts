/**
 * A Service port whose targetPort no selected container exposes. A named targetPort is looked up
 * in each pod's container ports; pods without the name are not endpoints, so that is an error.
 * A numeric targetPort reaches the pod whether or not a container declares it (containerPort is
 * informational), so an undeclared number is only a warning.
 */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import { items } from '../model/guards';
import type { PodTemplateEntry } from '../kinds/objectIndex';
import { targetPortDefaulted, targetPortOf } from '../model/service';
import { problemFor } from './problem';
import { containersOf } from './podSpec';
import { isValidPortName } from './dns';
import type { Check } from './types';

export const checkServicePorts: Check = (ctx, report) => {
  const entries = new Map<string, PodTemplateEntry>();
  for (const e of ctx.index.podTemplates('*')) entries.set(e.ownerKey, e);
  for (const ref of ctx.references) {
    if (ref.rule !== 'service-selector' || ref.targets.length === 0) continue;
    const svc = ctx.index.get(ref.source);
    if (!svc) continue;
    const ports = (svc as unknown as Service).spec?.ports;
    if (!Array.isArray(ports)) continue;
    ports.forEach((port, i) => {
      if (!port || typeof port !== 'object') return;
      for (const key of ref.targets) {
        const entry = entries.get(key);
        if (entry) checkPort(svc, port, i, entry, report);
      }
    });
  }
};

function checkPort(svc: Parameters<typeof problemFor>[0], port: ServicePort, i: number, entry: PodTemplateEntry, report: Parameters<Check>[1]): void {
  const target = targetPortOf(port);
  const protocol = port.protocol ?? 'TCP';
  const declared = containersOf(entry)
    .filter(({ path }) => !path.includes('initContainers'))
    .flatMap(({ container }) => items(container.ports))
    .filter((p) => (p.protocol ?? 'TCP') === protocol);
  const workload = `${entry.owner.kind} ${entry.namespace}/${entry.owner.metadata.name}`;
  const path = `spec.ports[${i}].${targetPortDefaulted(port) ? 'port' : 'targetPort'}`;
  const known = declared.map((p) => (p.name ? `${p.name} (${p.containerPort})` : String(p.containerPort)));
  const offer = known.length ? `one of its container ports: ${known.join(', ')}` : 'a port its containers declare';
  if (typeof target === 'string') {
    // A malformed name is reported by the port spec check; looking it up would only repeat it.
    if (declared.some((p) => p.name === target) || isValidPortName(target).length > 0) return;
    report(
      problemFor(
        svc,
        'error',
        'service-target-port',
        path,
        `targetPort "${target}" names no ${protocol} container port of ${workload}: its pods are not endpoints of this port`,
        `Set targetPort to ${offer}, or name a container port "${target}".`,
      ),
    );
    return;
  }
  if (typeof target !== 'number' || declared.some((p) => p.containerPort === target)) return;
  report(
    problemFor(
      svc,
      'warning',
      'service-target-port',
      path,
      `targetPort ${target} is not a ${protocol} containerPort of ${workload}`,
      `Set targetPort to ${offer}, or declare containerPort ${target} on the container that listens on it.`,
    ),
  );
}
