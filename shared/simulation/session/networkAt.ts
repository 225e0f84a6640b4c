/**
 * The network at a point of the timeline: the run's steady state (session/network.ts) with its pods
 * replaced by the pods the timeline shows at that point, so a flow traced over it follows the
 * cluster the user is looking at — no endpoints before the pods start or after a scale to 0, the
 * new ReplicaSet's pods after a rollout, pods on other nodes after a drain.
 *
 * A pod record carries no labels or ports: a pod takes them from the steady state's pod of the same
 * name, else from one of the same owner (the pods of one controller share their template; a rollout's
 * new pods differ only in pod-template-hash, which no Service or NetworkPolicy selects on). The
 * Services' EndpointSlices are rebuilt as the EndpointSlice controller would
 * (pkg/controller/endpointslice): every pod of the namespace with an IP whose labels match the
 * Service's selector, ready when it is Running and ready. Services, Ingresses and NetworkPolicies
 * are the steady state's: live actions do not change them (a re-apply of an edited design does;
 * its steady state is traced again).
 */
import { selectorMatches } from '../../model/selector';
import type { NetEndpointSlice, NetPod, NetworkSnapshot } from '../network';
import type { PodRecord } from './records';

/** `apps/Deployment/shop/web` (a pod record's owner, a design key) → `shop Deployment/web` (a NetPod's namespace and owner). */
function ownerKey(designKey: string): string {
  const parts = designKey.split('/');
  const name = parts[parts.length - 1];
  const namespace = parts[parts.length - 2];
  const kind = parts[parts.length - 3];
  return `${namespace} ${kind}/${name}`;
}

export function networkAt(steady: NetworkSnapshot, pods: readonly PodRecord[]): NetworkSnapshot {
  const byName = new Map(steady.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  const byOwner = new Map<string, NetPod>();
  for (const p of steady.pods) if (!byOwner.has(`${p.namespace} ${p.owner}`)) byOwner.set(`${p.namespace} ${p.owner}`, p);
  const now: NetPod[] = [];
  for (const r of pods) {
    if (!r.ip || r.status === 'Terminating' || r.phase === 'Succeeded' || r.phase === 'Failed') continue;
    const model = byName.get(`${r.namespace}/${r.name}`) ?? byOwner.get(ownerKey(r.owner));
    if (!model) continue;
    now.push({ ...model, name: r.name, ip: r.ip, node: r.node, ready: r.phase === 'Running' && r.status === 'Running' });
  }
  const slicePorts = new Map<string, NetEndpointSlice['ports']>();
  for (const s of steady.endpointSlices ?? []) if (s.ports.length > 0 && !slicePorts.has(`${s.namespace}/${s.service}`)) slicePorts.set(`${s.namespace}/${s.service}`, s.ports);
  const endpointSlices: NetEndpointSlice[] = [];
  for (const svc of steady.services) {
    if (!svc.selector) {
      // No selector: its endpoints are whatever the user wrote; keep the steady state's.
      endpointSlices.push(...(steady.endpointSlices ?? []).filter((s) => s.namespace === svc.namespace && s.service === svc.name));
      continue;
    }
    const selector = { matchLabels: svc.selector };
    const endpoints = now
      .filter((p) => p.namespace === svc.namespace && Object.keys(svc.selector!).length > 0 && selectorMatches(selector, p.labels))
      .map((p) => ({ ip: p.ip, pod: p.name, node: p.node, ready: p.ready }));
    const ports = slicePorts.get(`${svc.namespace}/${svc.name}`)
      ?? svc.ports.filter((p) => typeof p.targetPort === 'number').map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.targetPort as number, protocol: p.protocol }));
    endpointSlices.push({ namespace: svc.namespace, service: svc.name, ports, endpoints });
  }
  return { ...steady, pods: now, endpointSlices };
}
