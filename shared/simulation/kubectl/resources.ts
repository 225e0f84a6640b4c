/** Resource type names as kubectl resolves them (RESTMapper): `pods`, `po`, `pod`, `deployments.apps`, `Deployment`. */
import { getKindInfo, kindAliases, resourceOf } from '../../kinds/registry';
import { apiGroup, type KubeObject } from '../../model/object';
import { kubectlErrorText } from '../kubectlError';
import { isClusterScoped } from '../store';
import { KubectlError } from './types';

/** `kubectl get all`: what its category holds. */
export const ALL_CATEGORY = ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'HorizontalPodAutoscaler', 'CronJob', 'Job'];

/** The kind a type name means, or undefined. */
export function lookupKind(name: string): string | undefined {
  const lower = name.toLowerCase();
  const aliases = kindAliases();
  const direct = aliases.get(lower);
  if (direct) return direct;
  // `deployments.apps`, `deployment.apps`, `ingresses.networking.k8s.io`, `deployments.v1.apps`.
  const dot = lower.indexOf('.');
  if (dot > 0) {
    const kind = aliases.get(lower.slice(0, dot));
    if (kind) {
      const group = apiGroup(getKindInfo(kind)?.apiVersion ?? '');
      const rest = lower.slice(dot + 1).replace(/^v\d\w*\./, '');
      if (rest === group) return kind;
    }
  }
  return undefined;
}

/** The kind a type name means; kubectl's error when the server has no such type. */
export function resolveKind(name: string): string {
  const kind = lookupKind(name);
  if (!kind) throw new KubectlError(`error: the server doesn't have a resource type "${name}"`);
  return kind;
}

/** `deployment.apps/web`, `pod/web-1`: how kubectl names an object (`-o name`, apply's result lines). */
export function objectName(kind: string, name: string): string {
  const info = getKindInfo(kind);
  const group = info ? apiGroup(info.apiVersion) : '';
  return `${kind.toLowerCase()}${group ? `.${group}` : ''}/${name}`;
}

/** `deployments.apps "web" not found`. */
export function notFoundMessage(kind: string, name: string): string {
  return `Error from server (NotFound): ${resourceOf(kind)} "${name}" not found`;
}

/**
 * kubectl's line for a refused request: `Error from server (Forbidden): …`, or for an Invalid
 * error `The Deployment "x" is invalid: …` — one formatter with the simulated apply's
 * (../kubectlError.ts), so the console and `kubeplan simulate` print a refusal alike.
 */
export function serverError(code: number, message: string): string {
  if (code === 400 || code === 403 || code === 404 || code === 409 || code === 422 || code === 503) return kubectlErrorText({ ok: false, code, message });
  return `Error from server: ${message}`;
}

/** A stub object naming what a request is about (get, list, delete by name). */
export function stub(kind: string, namespace: string, name = ''): KubeObject {
  const info = getKindInfo(kind);
  return { apiVersion: info?.apiVersion ?? 'v1', kind, metadata: { name, ...(isClusterScoped(kind) ? {} : { namespace }) } };
}

/** `TYPE/NAME` or `TYPE NAME…` targets of get/describe/delete: kind and names (names empty for a list). */
export function parseTargets(words: readonly string[]): { kind: string; names: string[] }[] {
  if (words.length === 0) return [];
  if (words.every((w) => w.includes('/'))) {
    return words.map((w) => {
      const i = w.indexOf('/');
      return { kind: resolveKind(w.slice(0, i)), names: [w.slice(i + 1)] };
    });
  }
  if (words.slice(1).some((w) => w.includes('/'))) throw new KubectlError('error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. \'kubectl get resource/<resource_name>\' instead of \'kubectl get resource resource/<resource_name>\'');
  const types = words[0].split(',').filter(Boolean);
  const kinds = types.flatMap((t) => (t.toLowerCase() === 'all' ? ALL_CATEGORY : [resolveKind(t)]));
  return kinds.map((kind) => ({ kind, names: words.slice(1) }));
}
