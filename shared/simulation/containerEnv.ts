/**
 * A container's environment as the kubelet builds it (pkg/kubelet/kubelet_pods.go,
 * makeEnvironmentVariables): `envFrom` ConfigMaps and Secrets first, then `env` (a later name wins),
 * values from ConfigMap and Secret keys and the pod's own fields. `kubectl exec -- env` prints it
 * and the kubelet reads it to run a container's command (./containerCommand.ts). A reference to a
 * ConfigMap, Secret or key that does not exist gives no variable (upstream refuses to start the
 * container with CreateContainerConfigError; the simulator does not model that state).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import type { Cluster } from './cluster';

/** A base64 decoder with no platform dependency (shared/ has neither Buffer nor atob in its types). */
export function fromBase64(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text.replace(/[^A-Za-z0-9+/]/g, '')) {
    value = (value << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 255);
    }
  }
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) out += String.fromCharCode(b);
    else if (b >= 0xc0 && b < 0xe0) out += String.fromCharCode(((b & 31) << 6) | (bytes[++i] & 63));
    else if (b >= 0xe0 && b < 0xf0) out += String.fromCharCode(((b & 15) << 12) | ((bytes[++i] & 63) << 6) | (bytes[++i] & 63));
    else {
      const cp = ((b & 7) << 18) | ((bytes[++i] & 63) << 12) | ((bytes[++i] & 63) << 6) | (bytes[++i] & 63);
      out += String.fromCodePoint(cp);
    }
  }
  return out;
}

/** UTF-8 text to base64, as a Secret's `data` holds it (the inverse of `fromBase64`). */
export function toBase64(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]! + (i + 1 < bytes.length ? alphabet[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? alphabet[n & 63]! : '=');
  }
  return out;
}

type Data = Record<string, string>;

/** The data of a ConfigMap or Secret (a Secret's decoded), or undefined when it does not exist. */
export function configData(c: Cluster, kind: 'ConfigMap' | 'Secret', ns: string, name: string): Data | undefined {
  const o = c.store.getBy(kind, ns, name);
  if (!o) return undefined;
  const data = (o as { data?: Data }).data ?? {};
  if (kind === 'Secret') {
    const out: Data = {};
    for (const [k, v] of Object.entries(data)) out[k] = fromBase64(v);
    return { ...out, ...((o as { stringData?: Data }).stringData ?? {}) };
  }
  return { ...data };
}

/** The variables the container's spec declares, in order (envFrom, then env), names possibly repeated. */
export function declaredEnv(c: Cluster, pod: KubeObject, ct: Container): [string, string][] {
  const ns = pod.metadata.namespace ?? 'default';
  const vars: [string, string][] = [];
  for (const f of ct.envFrom ?? []) {
    const d = f.configMapRef ? configData(c, 'ConfigMap', ns, f.configMapRef.name ?? '') : f.secretRef ? configData(c, 'Secret', ns, f.secretRef.name ?? '') : undefined;
    for (const [k, v] of Object.entries(d ?? {})) vars.push([`${f.prefix ?? ''}${k}`, v]);
  }
  for (const e of ct.env ?? []) {
    const from = e.valueFrom;
    let v: string | undefined = e.value ?? '';
    if (from?.configMapKeyRef) v = configData(c, 'ConfigMap', ns, from.configMapKeyRef.name ?? '')?.[from.configMapKeyRef.key];
    else if (from?.secretKeyRef) v = configData(c, 'Secret', ns, from.secretKeyRef.name ?? '')?.[from.secretKeyRef.key];
    else if (from?.fieldRef) {
      const path = from.fieldRef.fieldPath;
      v = path === 'metadata.name' ? pod.metadata.name : path === 'metadata.namespace' ? ns : path === 'status.podIP' ? String((pod.status as Pod['status'])?.podIP ?? '') : path === 'spec.nodeName' ? String((pod.spec as Pod['spec'])?.nodeName ?? '') : '';
    }
    if (v !== undefined) vars.push([e.name, v]);
  }
  return vars;
}

/** A lookup of the container's variables (the last declaration of a name wins), with HOSTNAME, PATH and HOME. */
export function envLookup(c: Cluster, pod: KubeObject, ct: Container): (name: string) => string | undefined {
  // Built on the first look-up: most commands read no variable.
  let m: Map<string, string> | undefined;
  return (name) => {
    if (!m) {
      m = new Map<string, string>([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOSTNAME', pod.metadata.name], ['HOME', '/root']]);
      for (const [k, v] of declaredEnv(c, pod, ct)) m.set(k, v);
    }
    return m.get(name);
  };
}
