/**
 * The network view of a cluster: everything Services, Ingress and NetworkPolicy need, and nothing
 * else. The simulator builds it from its store (shared/simulation/traffic.ts networkSnapshot; a
 * design's through its simulated steady state, shared/simulation/session/network.ts). All maps and
 * lists are plain data so a snapshot can cross a worker.
 */
import type { NetworkPolicySpec } from 'kubernetes-types/networking/v1';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];

export interface NetNamespace {
  name: string;
  /** Includes `kubernetes.io/metadata.name=<name>`, as the API server sets it. */
  labels: Record<string, string>;
}

export interface NetContainerPort {
  name?: string;
  containerPort: number;
  protocol: Protocol;
}

export interface NetPod {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  ip: string;
  node: string;
  ready: boolean;
  /** Every container's declared ports (init containers excluded). */
  ports: NetContainerPort[];
  hostNetwork: boolean;
  /** The top owner, `Kind/name` (`Deployment/web`); a bare pod is `Pod/<name>`. */
  owner: string;
}

export interface NetNode {
  name: string;
  ip: string;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface NetServicePort {
  name?: string;
  protocol: Protocol;
  port: number;
  /** Number, or the name of a container port looked up per pod. Defaults to `port`. */
  targetPort: number | string;
  /** Set for NodePort and LoadBalancer Services (allocated when the manifest leaves it out). */
  nodePort?: number;
}

export interface NetService {
  namespace: string;
  name: string;
  type: ServiceType;
  /** A virtual IP, or `None` for a headless Service, or `''` for ExternalName. */
  clusterIP: string;
  /** LoadBalancer only: `<pending>` offline (no cloud controller hands out an address). */
  externalIP?: string;
  externalName?: string;
  /** Missing selector: the Service has no managed endpoints. */
  selector?: Record<string, string>;
  publishNotReadyAddresses: boolean;
  sessionAffinity: 'None' | 'ClientIP';
  externalTrafficPolicy: 'Cluster' | 'Local';
  ports: NetServicePort[];
}

/** One EndpointSlice worth of data: a set of addresses serving the same resolved ports. */
export interface NetEndpointSlice {
  namespace: string;
  service: string;
  ports: { name?: string; port: number; protocol: Protocol }[];
  endpoints: { ip: string; pod?: string; node?: string; ready: boolean }[];
}

export type IngressPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface NetIngressBackend {
  service?: { name: string; port: number | string };
  /** A non-Service backend (`Kind/name`); the simulator cannot follow it. */
  resource?: string;
}

export interface NetIngressPath {
  path: string;
  pathType: IngressPathType;
  backend: NetIngressBackend;
}

export interface NetIngressRule {
  /** Missing host matches every host. */
  host?: string;
  paths: NetIngressPath[];
}

export interface NetIngress {
  namespace: string;
  name: string;
  ingressClassName?: string;
  defaultBackend?: NetIngressBackend;
  rules: NetIngressRule[];
}

export interface NetPolicy {
  namespace: string;
  name: string;
  spec: NetworkPolicySpec;
}

export interface NetworkSnapshot {
  namespaces: NetNamespace[];
  nodes: NetNode[];
  pods: NetPod[];
  services: NetService[];
  /** When absent, endpoints are derived from Services and pods (see services.ts). */
  endpointSlices?: NetEndpointSlice[];
  ingresses: NetIngress[];
  networkPolicies: NetPolicy[];
}

/**
 * The points where real clusters differ by network plugin or proxy mode. Each is a visible
 * option; the defaults are named in DEFAULT_NETWORK_OPTIONS.
 */
export interface NetworkOptions {
  /**
   * Whether an ipBlock peer matches pod IPs. Plugins differ (kubernetes.io: "cluster ingress and
   * egress mechanisms often require rewriting the source or destination IP"); the default
   * `false` is what netpol-analyzer assumes.
   */
  ipBlockMatchesPods: boolean;
  /**
   * A pod talking to its own pod IP. kubernetes.io (Network Policies, "a pod cannot block access
   * to itself") and https://github.com/kubernetes-sigs/network-policy-api/pull/390 ("A Pod connecting to its own Pod IP is not subject
   * to" policy): `allowed` by default; `evaluated` applies the policies like any other pair.
   */
  podToSelf: 'allowed' | 'evaluated';
  /**
   * A pod reaching itself through a Service (hairpin). CNIs differ (https://github.com/kubernetes/kubernetes/issues/95879);
   * network-policy-api pull 390 (above) says such traffic is subject to policy, so `evaluated` by default.
   */
  hairpinViaService: 'evaluated' | 'allowed';
  /**
   * Who NodePort/LoadBalancer traffic comes from when it reaches the pod: the external `client`
   * (source IP preserved, as with externalTrafficPolicy Local) or the `node` that received it
   * (SNAT with externalTrafficPolicy Cluster). `client` by default; `Local` Services always use it.
   */
  nodePortSource: 'client' | 'node';
  /** The Ingress controller as a policy peer: a pod in this namespace with these labels. */
  ingressController: { namespace: string; labels: Record<string, string>; namespaceLabels: Record<string, string> };
  /** Source address of an external client when a request names none. */
  externalClientIP: string;
}

export const DEFAULT_NETWORK_OPTIONS: NetworkOptions = {
  ipBlockMatchesPods: false,
  podToSelf: 'allowed',
  hairpinViaService: 'evaluated',
  nodePortSource: 'client',
  ingressController: {
    namespace: 'ingress-nginx',
    labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
    namespaceLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' },
  },
  externalClientIP: '203.0.113.10',
};

/** A policy rule that took part in a verdict, e.g. `shop/allow-web ingress[0] from[1]`. */
export interface RuleRef {
  namespace: string;
  policy: string;
  direction: 'ingress' | 'egress';
  /** Index of the rule in the policy's ingress/egress list. */
  rule: number;
  /** Index of the peer in the rule's from/to list; undefined when the rule has no peers (any peer). */
  peer?: number;
}

export type Direction = 'ingress' | 'egress';

export interface PolicyVerdict {
  allowed: boolean;
  /** The pod is selected by some policy of its namespace with this direction in policyTypes. */
  isolated: boolean;
  /** The isolating policies (namespace/name) when isolated. */
  policies: string[];
  /** The rules that allowed the connection (every one of them; policies are additive). */
  allowedBy: RuleRef[];
  reason: string;
  /**
   * Denied only: each rule of the isolating policies in this direction and why it does not allow
   * the connection (`shop/allow-api ingress[0]: no from peer matches pod ingress-nginx/…`), or that a
   * policy has no rule in this direction — which policy and which rule, for the canvas's hover.
   */
  unmatched?: string[];
}
