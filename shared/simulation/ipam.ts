/**
 * Node and pod addresses. Each node gets a /24 pod range when it registers, in registration order
 * (node i: 10.244.i.0/24), as kube-controller-manager's node IPAM does with --allocate-node-cidrs,
 * kubeadm's flannel pod subnet 10.244.0.0/16 and the default --node-cidr-mask-size of 24
 * (https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/,
 * pkg/controller/nodeipam/ipam/range_allocator.go); past 256 nodes the ranges run on (10.245.0.0/24…)
 * as a wider --cluster-cidr would. Pods get addresses from their node's range as the host-local
 * CNI IPAM plugin hands them out: the gateway keeps .1, pods take .2–.254, the next free address
 * after the last one given (https://www.cni.dev/plugins/current/ipam/host-local/).
 * Node addresses are 192.168.49.2, .3, … (a local docker network, as kind and minikube use).
 */
import type { KubeObject } from '../model/object';
import type { Cluster } from './cluster';
import { formatIPv4, parseIPv4 } from './network/ip';

const POD_NETWORK = parseIPv4('10.244.0.0') as number;
const NODE_NETWORK = parseIPv4('192.168.49.2') as number;
/** Host addresses per /24 pod range: .2 to .254. */
const HOSTS = 253;

export function nodePodCidr(index: number): string {
  return `${formatIPv4(POD_NETWORK + index * 256)}/24`;
}

export function nodeAddress(index: number): string {
  return formatIPv4(NODE_NETWORK + index);
}

interface NodeRange {
  base: number;
  /** Offset (0 … HOSTS-1) to try first: host-local continues after the last address it gave. */
  next: number;
  used: Set<number>;
}

interface ClusterIpam {
  nodes: number;
  ranges: Map<string, NodeRange>;
  /** InternalIP by node name: read per pod status write, so looked up once. */
  addresses: Map<string, string>;
}

const state = new WeakMap<Cluster, ClusterIpam>();

function ipamOf(c: Cluster): ClusterIpam {
  let s = state.get(c);
  if (!s) state.set(c, (s = { nodes: 0, ranges: new Map(), addresses: new Map() }));
  return s;
}

/** The node as it registers: its InternalIP and the pod range the node IPAM controller gives it. */
export function withNodeNetwork(c: Cluster, node: KubeObject): KubeObject {
  const s = ipamOf(c);
  const index = s.nodes++;
  const cidr = nodePodCidr(index);
  return {
    ...node,
    spec: { ...(node.spec as object), podCIDR: cidr, podCIDRs: [cidr] },
    // A node that reports its own InternalIP (one a dump names) keeps it.
    status: { ...(node.status as object), addresses: [{ type: 'InternalIP', address: nodeIP(node) || nodeAddress(index) }, { type: 'Hostname', address: node.metadata.name }] },
  };
}

/** A node's InternalIP from its status (empty when the node is unknown). */
export function nodeIP(node: KubeObject | undefined): string {
  const addresses = (node?.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? [];
  return addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
}

/** The InternalIP of a node by name (empty when no such node registered). */
export function nodeIPByName(c: Cluster, name: string): string {
  const s = ipamOf(c);
  let ip = s.addresses.get(name);
  if (ip === undefined) {
    ip = nodeIP(c.store.getBy('Node', '', name));
    if (ip) s.addresses.set(name, ip);
  }
  return ip;
}

function rangeOf(c: Cluster, nodeName: string): NodeRange | undefined {
  const s = ipamOf(c);
  let r = s.ranges.get(nodeName);
  if (r) return r;
  const cidr = (c.store.getBy('Node', '', nodeName)?.spec as { podCIDR?: string } | undefined)?.podCIDR;
  const base = cidr ? parseIPv4(cidr.split('/')[0] ?? '') : undefined;
  if (base === undefined) return undefined;
  s.ranges.set(nodeName, (r = { base, next: 0, used: new Set() }));
  return r;
}

/** The next free pod address on the node, or undefined when its range is exhausted (host-local's error). */
export function allocatePodIP(c: Cluster, nodeName: string): string | undefined {
  const r = rangeOf(c, nodeName);
  if (!r) return undefined;
  for (let k = 0; k < HOSTS; k++) {
    const offset = (r.next + k) % HOSTS;
    if (r.used.has(offset)) continue;
    r.used.add(offset);
    r.next = (offset + 1) % HOSTS;
    return formatIPv4(r.base + 2 + offset);
  }
  return undefined;
}

/** The address goes back to the node's range when its pod is gone (CNI DEL). */
export function releasePodIP(c: Cluster, nodeName: string, ip: string): void {
  const r = state.get(c)?.ranges.get(nodeName);
  const n = parseIPv4(ip);
  if (r && n !== undefined) r.used.delete(n - r.base - 2);
}

/** host-local's message when a node's range has no address left. */
export function rangeExhausted(c: Cluster, nodeName: string): string {
  const r = rangeOf(c, nodeName);
  const range = r ? `${formatIPv4(r.base + 2)}-${formatIPv4(r.base + 1 + HOSTS)}` : 'none';
  return `Failed to create pod sandbox: plugin type="flannel" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${range}`;
}
