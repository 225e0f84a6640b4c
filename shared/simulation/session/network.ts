/**
 * The network view `connectivity` and `explain` read: the design run to steady state by the same
 * engine as `simulate` (and the session), so every pod has the name, node and IP the simulation
 * shows, and a pod the simulation leaves Pending has no IP and receives no traffic.
 */
import { defaultCluster, type ClusterSpec } from '../../design/types';
import type { KubeObject } from '../../model/object';
import { NetworkResolver, type NetworkSnapshot } from '../network';
import { connectivityMatrix, traceFlows, type ConnectivityMatrix, type FlowSpec, type FlowTrace } from '../network/flows';
import { isTerminal } from '../controllers/util';
import { topOwner } from '../report';
import { Simulation } from '../simulate';
import { isClusterScoped, nsOf } from '../store';
import { networkSnapshot } from '../traffic';
import { parseIPv4 } from '../network/ip';

/**
 * Namespaces the objects use but do not declare, as Namespace objects: a connectivity question
 * about manifests assumes their namespaces exist (as `kubectl create namespace` before the apply).
 */
function missingNamespaces(objects: readonly KubeObject[]): KubeObject[] {
  const declared = new Set(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));
  const used = new Set<string>();
  for (const o of objects) if (!isClusterScoped(o.kind)) used.add(nsOf(o));
  return [...used].filter((n) => !declared.has(n) && n !== 'default' && n !== 'kube-system').sort().map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
}

/**
 * The cluster with the nodes that input pods are bound to (`spec.nodeName`, as every pod of a
 * `kubectl get pods -o yaml` dump is) but the cluster does not list: a connectivity question about
 * a dump assumes the nodes it ran on exist, sized as the cluster's first node. Without them the
 * pods would stay Pending (a pod bound to an unknown node never starts) and have no connections.
 */
export function withBoundNodes(objects: readonly KubeObject[], cluster: ClusterSpec): ClusterSpec {
  const known = new Set(cluster.nodes.map((n) => n.name));
  /** Node name → the InternalIP its pods report as `status.hostIP` ('' when none does). */
  const added = new Map<string, string>();
  for (const o of objects) {
    if (o.kind !== 'Pod') continue;
    const name = (o.spec as { nodeName?: unknown } | undefined)?.nodeName;
    if (typeof name !== 'string' || !name || known.has(name)) continue;
    const hostIP = (o.status as { hostIP?: unknown } | undefined)?.hostIP;
    const address = typeof hostIP === 'string' && parseIPv4(hostIP) !== undefined ? hostIP : '';
    if (!added.get(name)) added.set(name, address);
  }
  if (added.size === 0) return cluster;
  const model = cluster.nodes[0] ?? defaultCluster().nodes[0]!;
  const nodes = [...added].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, address]) => ({
    name, cpu: model.cpu, memory: model.memory, pods: model.pods, labels: { 'kubernetes.io/hostname': name }, ...(address ? { address } : {}),
  }));
  return { ...cluster, nodes: [...cluster.nodes, ...nodes] };
}

/** The design applied and run to steady state (no scenario), without recording. */
export function steadyCluster(objects: readonly KubeObject[], spec: ClusterSpec, seed = 1): Simulation {
  const input = [...missingNamespaces(objects), ...objects];
  const cluster = withBoundNodes(objects, spec);
  // Job pods run on (they would succeed after `jobRunSeconds`): the connections asked about are
  // those a Job's pods have while they run, as for a dump whose Job pods have since completed.
  const sim = new Simulation({ objects: input, cluster, seed, options: { record: false, jobRunSeconds: Infinity } });
  sim.apply(input);
  sim.cluster.runToSteady(() => sim.tick());
  return sim;
}

/** A pod with no IP at steady state (unschedulable, or waiting for its volume): no traffic reaches it. */
export interface WaitingPod {
  namespace: string;
  name: string;
  /** The top owner, `Kind/name`, as NetPod.owner. */
  owner: string;
  /** `''` when no node fits it. */
  node: string;
}

export type SteadyNetwork = NetworkSnapshot & { waiting: WaitingPod[] };

/** The network snapshot of the design's steady state: the pods `simulate` shows Running, with their IPs, and the ones still waiting. */
export function steadyNetworkSnapshot(objects: readonly KubeObject[], cluster: ClusterSpec, seed = 1): SteadyNetwork {
  const c = steadyCluster(objects, cluster, seed).cluster;
  const waiting: WaitingPod[] = [];
  for (const p of c.store.list('Pod')) {
    if ((p.status as { podIP?: string } | undefined)?.podIP || isTerminal(p) || p.metadata.deletionTimestamp) continue;
    waiting.push({ namespace: nsOf(p), name: p.metadata.name, owner: topOwner(c, p), node: (p.spec as { nodeName?: string } | undefined)?.nodeName ?? '' });
  }
  return { ...networkSnapshot(c), waiting };
}

export interface TrafficReport {
  flows: FlowTrace[];
  matrix: ConnectivityMatrix;
  /** `namespace/Kind/name` of workloads with pods the steady state leaves without an IP: they receive no traffic. */
  waiting: string[];
}

/** The design's flows traced over its steady state, with the connectivity matrix (docs/traffic.md). */
export function trafficReport(objects: readonly KubeObject[], cluster: ClusterSpec, flows: readonly FlowSpec[], seed = 1): TrafficReport {
  const snapshot = steadyNetworkSnapshot(objects, cluster, seed);
  const resolver = new NetworkResolver(snapshot);
  return {
    flows: traceFlows(snapshot, flows, {}, resolver),
    matrix: connectivityMatrix(snapshot, {}, 40, resolver),
    waiting: [...new Set(snapshot.waiting.map((w) => `${w.namespace}/${w.owner}`))].sort(),
  };
}
