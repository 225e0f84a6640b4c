/**
 * ResourceQuota: what each object uses (the quota evaluators of pkg/quota/v1/evaluator/core), the
 * admission check with upstream's messages, and the usage the quota controller writes to status.
 */
import type { PersistentVolumeClaim, Pod, ResourceQuota, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../model/object';
import { resourceOf } from '../../kinds/registry';
import { addTo, fmt, podResourceList, q, type QuantityMap } from '../resources';

const ONE = q('1');

/** Whether a pod still counts against quota (terminal pods are released). */
export function podCharged(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/** `count/<resource>` as quota names it: `count/deployments.apps`, `count/pods`. */
export function countKey(kind: string): string {
  return `count/${resourceOf(kind)}`;
}

/** The quota usage of one object. PVC storage classes come from `claimClass` (after defaulting). */
export function usageOf(o: KubeObject): QuantityMap {
  const m: QuantityMap = new Map();
  m.set(countKey(o.kind), ONE);
  switch (o.kind) {
    case 'Pod': {
      const pod = o as Pod & KubeObject;
      // `count/pods` is the generic object count (every pod in storage); `pods` and the compute
      // resources count only non-terminal pods (pods.go podEvaluator: QuotaV1Pod / isTerminating).
      if (!podCharged(pod)) return m;
      m.set('pods', ONE);
      const req = podResourceList(pod.spec, 'requests');
      const lim = podResourceList(pod.spec, 'limits');
      for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
        const v = req.get(r) ?? q(0);
        m.set(`requests.${r}`, v);
        if (r !== 'ephemeral-storage') m.set(r, v);
        m.set(`limits.${r}`, lim.get(r) ?? q(0));
      }
      break;
    }
    case 'PersistentVolumeClaim': {
      const pvc = o as PersistentVolumeClaim & KubeObject;
      const storage = q(pvc.spec?.resources?.requests?.storage as string | undefined);
      m.set('persistentvolumeclaims', ONE);
      m.set('requests.storage', storage);
      const cls = pvc.spec?.storageClassName;
      if (cls) {
        m.set(`${cls}.storageclass.storage.k8s.io/requests.storage`, storage);
        m.set(`${cls}.storageclass.storage.k8s.io/persistentvolumeclaims`, ONE);
      }
      break;
    }
    case 'Service': {
      const svc = o as Service & KubeObject;
      m.set('services', ONE);
      const type = svc.spec?.type ?? 'ClusterIP';
      if (type === 'NodePort' || type === 'LoadBalancer') m.set('services.nodeports', q(svc.spec?.ports?.length ?? 0));
      if (type === 'LoadBalancer') m.set('services.loadbalancers', ONE);
      break;
    }
    case 'ConfigMap':
      m.set('configmaps', ONE);
      break;
    case 'Secret':
      m.set('secrets', ONE);
      break;
    case 'ResourceQuota':
      m.set('resourcequotas', ONE);
      break;
  }
  return m;
}

const COMPUTE = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/**
 * Quota on cpu/memory makes them mandatory in every container (pods.go podEvaluator.Constraints):
 * the required set is the quota's own keys (`cpu` stays `cpu`, `requests.cpu` stays `requests.cpu`);
 * a container covers `cpu` and `requests.cpu` with a cpu request and `limits.cpu` with a cpu limit
 * (podComputeUsageHelper). Resources and container names are listed sorted (sets.String.List()).
 */
function missingConstraints(pod: Pod, hard: Record<string, string>): string | null {
  const required = Object.keys(hard).filter((k) => COMPUTE.has(k));
  if (required.length === 0) return null;
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const r of required) {
      const [which, name] = r.includes('.') ? (r.split('.') as ['requests' | 'limits', string]) : (['requests', r] as const);
      if (c.resources?.[which]?.[name] === undefined) {
        let names = missing.get(r);
        if (!names) missing.set(r, (names = new Set()));
        names.add(c.name);
      }
    }
  }
  if (missing.size === 0) return null;
  const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts = sorted(missing.keys()).map((r) => `${r} for: ${sorted(missing.get(r) ?? []).join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

function pretty(m: QuantityMap): string {
  return [...m.keys()].sort().map((k) => `${k}=${fmt(m.get(k) ?? q(0))}`).join(',');
}

export interface QuotaCharge {
  quota: KubeObject;
  used: Record<string, string>;
}

/**
 * Check `o` against every quota of its namespace (sorted by name). Returns the error text
 * (without the `pods "x" is forbidden: ` prefix) or the new usage to write to each quota.
 */
export function checkQuotas(o: KubeObject, quotas: KubeObject[]): { error: string } | { charges: QuotaCharge[] } {
  const usage = usageOf(o);
  const charges: QuotaCharge[] = [];
  for (const quota of [...quotas].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    const rq = quota as ResourceQuota & KubeObject;
    const hard = (rq.spec?.hard ?? {}) as Record<string, string>;
    const matched = Object.keys(hard).filter((k) => usage.has(k));
    if (matched.length === 0) continue;
    if (o.kind === 'Pod') {
      const missing = missingConstraints(o as Pod, hard);
      if (missing) return { error: `failed quota: ${quota.metadata.name}: ${missing}` };
    }
    const used = (rq.status?.used ?? {}) as Record<string, string>;
    const requested: QuantityMap = new Map();
    const failedUsed: QuantityMap = new Map();
    const failedHard: QuantityMap = new Map();
    const next: Record<string, string> = { ...used };
    for (const k of matched) {
      const req = usage.get(k) ?? q(0);
      const u = q(used[k] ?? '0');
      const h = q(hard[k]);
      const total = { nano: u.nano + req.nano, format: u.nano === 0n ? req.format : u.format };
      if (total.nano > h.nano) {
        requested.set(k, req);
        failedUsed.set(k, u);
        failedHard.set(k, h);
      }
      next[k] = fmt(total);
    }
    if (requested.size > 0) {
      return { error: `exceeded quota: ${quota.metadata.name}, requested: ${pretty(requested)}, used: ${pretty(failedUsed)}, limited: ${pretty(failedHard)}` };
    }
    charges.push({ quota, used: next });
  }
  return { charges };
}

/** The quota controller's recount: usage of every object in the namespace, for the keys `hard` lists. */
export function recount(hard: Record<string, string>, objects: Iterable<KubeObject>): Record<string, string> {
  const sum: QuantityMap = new Map();
  for (const o of objects) {
    for (const [k, v] of usageOf(o)) if (k in hard) addTo(sum, k, v);
  }
  const out: Record<string, string> = {};
  for (const k of Object.keys(hard).sort()) {
    const v = sum.get(k) ?? q(0);
    out[k] = fmt(v.nano === 0n ? q(0) : v);
  }
  return out;
}
