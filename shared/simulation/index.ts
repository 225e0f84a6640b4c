/** The deterministic cluster simulator. See docs/scenarios.md for the scenario format. */
export { simulate } from './simulate';
export { parseScenario, parseTarget, parseDuration } from './scenario';
export { scenarioFromRequest } from './scenarioInput';
export { formatPods, formatEvents, formatApplied } from './format';
export { SchedulingRecorder, type SchedulingRecord } from './scheduling/recorder';
export { formatSchedulingRecord } from './scheduling/format';
export { SIMULATION_LIMITS, clusterProblems, type SimulationStop } from './limits';
export type * from './types';
