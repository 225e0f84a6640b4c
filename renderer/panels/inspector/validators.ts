/**
 * Input checks for the inspector, as Kubernetes' apimachinery validation does them
 * (k8s.io/apimachinery/pkg/util/validation): DNS names, label keys and values, quantities, ports.
 * A check returns undefined when the text is fine, else an i18n key with its parameters.
 */
import { nameFormat } from '../../../shared/kinds/registry';
import { isQuantity } from '../../../shared/model/quantity';

export interface Invalid {
  key: string;
  params?: Record<string, unknown>;
}
export type Check = (text: string) => Invalid | undefined;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const CIDR = /^((\d{1,3}\.){3}\d{1,3}\/\d{1,2}|[0-9a-fA-F:]+\/\d{1,3})$/;

export const required: Check = (v) => (v.trim() === '' ? { key: 'errors.required' } : undefined);

export const dns1123Label: Check = (v) => (v.length <= 63 && DNS1123_LABEL.test(v) ? undefined : { key: 'errors.dns1123', params: { value: v, max: 63 } });
/** Service names are DNS-1035 labels: they must start with a letter. */
export const dns1035Label: Check = (v) => (v.length <= 63 && DNS1035_LABEL.test(v) ? undefined : { key: 'errors.dns1123', params: { value: v, max: 63 } });
export const dns1123Subdomain: Check = (v) => (v.length <= 253 && DNS1123_SUBDOMAIN.test(v) ? undefined : { key: 'errors.dns1123', params: { value: v, max: 253 } });

/** The name rule for a kind (apimachinery's NameIsDNSSubdomain unless the kind says otherwise). */
export function nameCheck(kind: string): Check {
  const format = nameFormat(kind);
  if (format === 'dns1035-label') return dns1035Label;
  if (format === 'dns1123-label') return dns1123Label;
  return dns1123Subdomain;
}

export const labelKey: Check = (v) => {
  const slash = v.lastIndexOf('/');
  const prefix = slash >= 0 ? v.slice(0, slash) : undefined;
  const name = slash >= 0 ? v.slice(slash + 1) : v;
  const ok = name.length > 0 && name.length <= 63 && QUALIFIED_NAME.test(name) && (prefix === undefined || (prefix.length <= 253 && DNS1123_SUBDOMAIN.test(prefix)));
  return ok ? undefined : { key: 'errors.labelKey', params: { value: v } };
};

export const labelValue: Check = (v) => (v === '' || (v.length <= 63 && QUALIFIED_NAME.test(v)) ? undefined : { key: 'errors.labelValue', params: { value: v } });

export const quantity: Check = (v) => (isQuantity(v.trim()) ? undefined : { key: 'errors.quantity', params: { value: v } });

export const optionalQuantity: Check = (v) => (v.trim() === '' ? undefined : quantity(v));

export const port: Check = (v) => {
  const n = Number(v);
  return /^\d+$/.test(v.trim()) && n >= 1 && n <= 65535 ? undefined : { key: 'errors.port' };
};

/** A Service targetPort: a number or a container port name. */
export const portOrName: Check = (v) => (/^\d+$/.test(v.trim()) ? port(v) : v.trim() === '' ? undefined : dns1035Label(v.trim()));

export const integerAtLeast = (min: number): Check => (v) => (/^\d+$/.test(v.trim()) && Number(v) >= min ? undefined : { key: 'errors.integer', params: { min } });

export const cidr: Check = (v) => (CIDR.test(v.trim()) ? undefined : { key: 'errors.cidr', params: { value: v } });

export function firstInvalid(text: string, checks: Check[]): Invalid | undefined {
  for (const c of checks) {
    const r = c(text);
    if (r) return r;
  }
  return undefined;
}
