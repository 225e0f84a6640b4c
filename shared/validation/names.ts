/**
 * Object names as the API server checks them (ValidateObjectMeta with each kind's name rule,
 * kubernetes/pkg/apis/core/validation and apimachinery/pkg/api/validation), plus container and
 * port names in pod templates.
 */
import { nameFormat } from '../kinds/registry';
import type { NameFormat } from '../kinds/types';
import { isPlainObject } from '../model/object';
import { problemFor } from './problem';
import { containersOf } from './podSpec';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isPathSegmentName, isValidPortName } from './dns';
import type { Check } from './types';

type NameRule = (name: string) => string[];

/** Each kind's name rule (`KindInfo.nameFormat`): Namespace ValidateNamespaceName, Service ValidateServiceName, RBAC path segments. */
const NAME_RULES: Record<NameFormat, NameRule> = {
  'dns1123-subdomain': isDNS1123Subdomain,
  'dns1123-label': isDNS1123Label,
  'dns1035-label': isDNS1035Label,
  'path-segment': isPathSegmentName,
};

const HINTS: Partial<Record<NameFormat, string>> = {
  'dns1123-label': 'Use lower-case letters, digits and "-" only, at most 63 characters (e.g. "shop-prod").',
  'dns1035-label': 'Start with a letter; use lower-case letters, digits and "-" only, at most 63 characters (e.g. "web-api").',
};
const SUBDOMAIN_HINT = 'Use lower-case letters, digits, "-" and "." only, starting and ending with a letter or digit (e.g. "web-api").';

export function nameRuleFor(kind: string): NameRule {
  return NAME_RULES[nameFormat(kind)];
}

export const checkNames: Check = (ctx, report) => {
  for (const o of ctx.objects) {
    const meta: Record<string, unknown> = isPlainObject(o.metadata) ? o.metadata : {};
    const name = meta.name;
    if (typeof name !== 'string' || name === '') {
      if (typeof meta.generateName !== 'string' || meta.generateName === '')
        report(problemFor(o, 'error', 'name', 'metadata.name', 'Required value: name or generateName is required', 'Give the object a name.'));
    } else {
      // A CronJob's name gets an 11-character suffix for its Jobs (ValidateCronJob).
      if (o.kind === 'CronJob' && name.length > 52)
        report(problemFor(o, 'error', 'name', 'metadata.name', `Invalid value: ${JSON.stringify(name)}: must be no more than 52 characters`, 'Shorten the name to 52 characters or fewer.'));
      for (const msg of nameRuleFor(o.kind)(name))
        report(problemFor(o, 'error', 'name', 'metadata.name', `Invalid value: ${JSON.stringify(name)}: ${msg}`, HINTS[nameFormat(o.kind)] ?? SUBDOMAIN_HINT));
    }
    const ns = meta.namespace;
    if (typeof ns === 'string' && ns !== '') {
      for (const msg of isDNS1123Label(ns))
        report(problemFor(o, 'error', 'name', 'metadata.namespace', `Invalid value: ${JSON.stringify(ns)}: ${msg}`, HINTS['dns1123-label']));
    }
  }
  for (const entry of ctx.index.podTemplates('*')) checkContainerNames(entry, report);
};

/** Container names are DNS-1123 labels, unique in the pod; port names are IANA service names. */
function checkContainerNames(entry: Parameters<typeof containersOf>[0], report: Parameters<Check>[1]): void {
  const seen = new Set<string>();
  for (const { container, path } of containersOf(entry)) {
    const name = container.name;
    if (typeof name === 'string' && name !== '') {
      for (const msg of isDNS1123Label(name))
        report(problemFor(entry.owner, 'error', 'name', `${path}.name`, `Invalid value: ${JSON.stringify(name)}: ${msg}`, 'Container names are lower-case letters, digits and "-", at most 63 characters.'));
      if (seen.has(name))
        report(problemFor(entry.owner, 'error', 'name', `${path}.name`, `Duplicate value: ${JSON.stringify(name)}`, 'Give every container of the pod its own name.'));
      seen.add(name);
    }
    const ports = container.ports;
    if (!Array.isArray(ports)) continue;
    ports.forEach((port, i) => {
      if (!port || typeof port.name !== 'string' || port.name === '') return;
      for (const msg of isValidPortName(port.name))
        report(problemFor(entry.owner, 'error', 'name', `${path}.ports[${i}].name`, `Invalid value: ${JSON.stringify(port.name)}: ${msg}`, 'Port names are at most 15 lower-case letters, digits and "-", with at least one letter (e.g. "http").'));
    });
  }
}
