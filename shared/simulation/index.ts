/** The deterministic cluster simulator. See docs/scenarios.md for the scenario format. */
export { simulate, Simulation, applyOrder } from './simulate';
export type * from './types';
