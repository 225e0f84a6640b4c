/** The deterministic cluster simulator. See docs/scenarios.md for the scenario format. */
export { simulate } from './simulate';
export { parseScenario, parseTarget, parseDuration } from './scenario';
export { scenarioFromRequest } from './scenarioInput';
export { formatPods, formatEvents, formatApplied } from './format';
export type * from './types';
