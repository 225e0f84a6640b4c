/** The simulated network: Services, Ingress, NetworkPolicy, request resolution and connectivity. */
export * from './types';
export { PortSet } from './ports';
export { PolicyEngine, compilePolicy, type Peer } from './policy';
export { ServiceTable, deriveEndpointSlices } from './services';
export { matchIngress, hostMatches, pathMatches } from './ingress';
export { assignServiceAddresses, toNetService, toNetIngress, toNetPolicy, toNetEndpointSlice, containerPorts } from './convert';
export { NetworkResolver, resolveRequest, type NetRequest, type RequestResult, type RequestSource, type RequestTarget } from './resolve';
export { computeConnectivity, connectivityLines, writeConnectivity, formatConnectivityTxt, formatConnectivityJson, workloadName } from './connectivity';
export { traceFlows, connectivityMatrix, parseFlowSource, parseFlowTarget, explainText, ownerStop, EXTERNAL, CONTROLLER, type FlowSpec, type FlowTrace, type FlowRoute, type FlowStop, type MatrixCell, type ConnectivityMatrix } from './flows';
