/**
 * Service ports as ValidateService checks them (kubernetes/pkg/apis/core/validation): with more
 * than one port every port needs a name; names are DNS-1123 labels and unique; a named targetPort
 * is an IANA service name; a numeric targetPort is 1–65535. Port, nodePort and container port
 * numbers are checked with the other field rules (fieldRules.ts).
 */
import type { Service } from 'kubernetes-types/core/v1';
import { targetPortDefaulted } from '../model/service';
import { problemFor } from './problem';
import { isDNS1123Label, isValidPortName } from './dns';
import type { Check } from './types';

const PORT_RANGE = 'must be between 1 and 65535, inclusive';

function badPort(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && (n < 1 || n > 65535);
}

export const checkServicePortSpec: Check = (ctx, report) => {
  for (const o of ctx.objects) {
    if (o.kind !== 'Service' || o.apiVersion !== 'v1') continue;
    const ports = (o as unknown as Service).spec?.ports;
    if (!Array.isArray(ports)) continue;
    const requireName = ports.length > 1;
    const names = new Set<string>();
    ports.forEach((port, i) => {
      if (!port || typeof port !== 'object') return;
      const at = `spec.ports[${i}]`;
      if (requireName && !port.name) {
        report(problemFor(o, 'error', 'name', `${at}.name`, 'Required value', 'A Service with several ports must name each of them (e.g. "http", "metrics").'));
      } else if (typeof port.name === 'string' && port.name) {
        for (const msg of isDNS1123Label(port.name)) report(problemFor(o, 'error', 'name', `${at}.name`, `Invalid value: ${JSON.stringify(port.name)}: ${msg}`));
        if (names.has(port.name)) report(problemFor(o, 'error', 'name', `${at}.name`, `Duplicate value: ${JSON.stringify(port.name)}`, 'Give every port of the Service its own name.'));
        names.add(port.name);
      }
      // 0 and "" are defaulted to port before the API server validates (SetDefaults_Service).
      const target = targetPortDefaulted(port) ? undefined : port.targetPort;
      if (target !== undefined && badPort(target)) report(problemFor(o, 'error', 'port-range', `${at}.targetPort`, `Invalid value: ${target}: ${PORT_RANGE}`));
      if (typeof target === 'string')
        for (const msg of isValidPortName(target))
          report(
            problemFor(o, 'error', 'name', `${at}.targetPort`, `Invalid value: ${JSON.stringify(target)}: ${msg}`, /^\d+$/.test(target) ? `Write the port number without quotes: targetPort: ${target}.` : undefined),
          );
    });
  }
};
