/** The deterministic cluster simulator. See docs/scenarios.md for the scenario format. */
export { simulate, Simulation, applyOrder } from './simulate';
export { parseScenario, parseTarget, parseDuration, type ParsedScenario, type ScenarioError } from './scenario';
export { formatPods, formatEvents, formatApplied, humanDuration } from './format';
export { networkSnapshot } from './traffic';
export { SIMULATION_LIMITS, SimulationLimitError, clusterProblems, type SimulationStop } from './limits';
export type * from './types';
