/**
 * Logs and metrics of the simulated cluster (docs/observability.md): the recorder that watches
 * containers live, the observation derived from it, and `kubectl logs` / `kubectl top` over it.
 * A session's observation: `SimulationSession.observation()`.
 */
export { ObservationRecorder, type PodLife, type ContainerRun, type ContainerSpecInfo, type HpaDecision, type LoadChange, type ServiceInfo } from './recorder';
export { Observation, METRIC_RESOLUTION, MAX_SAMPLES, STEADY_TAIL, type MetricSeries, type MetricTarget, type NodeInfo, type ObservationSource, type PodUsage, type ServiceStats, type Usage } from './observation';
export { containerLogs, runLines, rfc3339Nano, MAX_LOG_LINES, type LogLine, type LogRead } from './logs';
export { kubectlLogs, kubectlTopPods, kubectlTopNodes, tabTable, scrapeTime, type KubectlOutput, type LogsOptions, type TopPodsOptions, type TopNodesOptions } from './kubectl';
export { aggregateSeconds, type TrafficSecond } from './traffic';
