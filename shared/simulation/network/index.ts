/** The simulated network: Services, Ingress, NetworkPolicy, request resolution and connectivity. */
export * from './types';
export { PortSet } from './ports';
export { PolicyEngine, compilePolicy, describeRule, describePeer, type Peer } from './policy';
export { ServiceTable, deriveEndpointSlices, targetPortOn, type Backend } from './services';
export { matchIngress, hostMatches, pathMatches, type IngressMatch } from './ingress';
export { assignServiceAddresses, toNetService, toNetIngress, toNetPolicy, containerPorts } from './convert';
export { snapshotFromObjects, podRunner, nodeIP, podIP } from './snapshot';
export { NetworkResolver, resolveRequest, type NetRequest, type RequestResult, type RequestSource, type RequestTarget, type Hop, type HopKind, type FinalVerdict } from './resolve';
export { computeConnectivity, connectivityLines, writeConnectivity, formatConnectivityTxt, formatConnectivityJson, workloadName, externalPeers, INGRESS_CONTROLLER, type ConnectionLine } from './connectivity';
