// Small builders for hand-made network snapshots, so each table row states only what it tests.
import type { NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import type { NetContainerPort, NetNamespace, NetPod, NetPolicy, NetService, NetworkSnapshot } from '../../../../shared/simulation/network';

let ipCounter = 0;

export function pod(ns: string, name: string, labels: Record<string, string> = {}, extra: Partial<NetPod> = {}): NetPod {
  ipCounter++;
  return {
    namespace: ns,
    name,
    labels,
    ip: `10.244.${(ipCounter >> 8) & 255}.${(ipCounter & 255) + 0}`,
    node: 'node-1',
    ready: true,
    ports: [],
    hostNetwork: false,
    owner: `Pod/${name}`,
    ...extra,
  };
}

export function ports(...list: [number, string?, NetContainerPort['protocol']?][]): NetContainerPort[] {
  return list.map(([containerPort, name, protocol]) => ({ containerPort, protocol: protocol ?? 'TCP', ...(name ? { name } : {}) }));
}

export function policy(ns: string, name: string, spec: Partial<NetworkPolicySpec>): NetPolicy {
  return { namespace: ns, name, spec: { podSelector: {}, ...spec } };
}

export function namespace(name: string, labels: Record<string, string> = {}): NetNamespace {
  return { name, labels: { ...labels, 'kubernetes.io/metadata.name': name } };
}

export function service(ns: string, name: string, extra: Partial<NetService> = {}): NetService {
  return {
    namespace: ns,
    name,
    type: 'ClusterIP',
    clusterIP: '10.96.0.100',
    selector: { app: name },
    publishNotReadyAddresses: false,
    sessionAffinity: 'None',
    externalTrafficPolicy: 'Cluster',
    ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }],
    ...extra,
  };
}

export function snapshot(parts: Partial<NetworkSnapshot>): NetworkSnapshot {
  const nsNames = new Set<string>([...(parts.pods ?? []).map((p) => p.namespace), ...(parts.networkPolicies ?? []).map((p) => p.namespace)]);
  const given = parts.namespaces ?? [];
  const namespaces = [...given, ...[...nsNames].filter((n) => !given.some((g) => g.name === n)).map((n) => namespace(n))];
  return {
    nodes: [{ name: 'node-1', ip: '192.168.0.10' }, { name: 'node-2', ip: '192.168.0.11' }],
    pods: [],
    services: [],
    ingresses: [],
    networkPolicies: [],
    ...parts,
    namespaces,
  };
}
