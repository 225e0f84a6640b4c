// The real Engine: the shared modules and main/core/inputs, as the worker runs them.
import { designObjects, isDesignText, parseDesign, serializeDesign } from '../../shared/design';
import { exportManifests, exportManifestsByNamespace, importAsDesign } from '../../shared/manifests';
import { clusterProblems, parseScenario, simulate, type Scenario } from '../../shared/simulation';
import { validateObjects } from '../../shared/validation';
import type { Engine, SimulationInput } from './engine';
import { loadInputs } from './inputs';
import { UserError } from './result';

export const engine: Engine = {
  isDesignText,
  parseDesign,
  serializeDesign,
  designObjects,
  exportManifests,
  exportManifestsByNamespace,
  importAsDesign,
  loadInputs,
  validateObjects,
  simulate: ({ objects, cluster, scenario, seed }: SimulationInput) => {
    const problems = clusterProblems(cluster);
    if (problems.length) throw new UserError({ message: problems.join('; '), code: 'cluster' });
    return simulate({ objects, cluster, scenario: toScenario(scenario), seed });
  },
};

/** The renderer sends a scenario as its YAML text or as an already parsed object. */
function toScenario(scenario: unknown): Scenario | undefined {
  if (scenario === undefined || scenario === null) return undefined;
  if (typeof scenario === 'string') {
    const parsed = parseScenario(scenario, 'scenario');
    if ('error' in parsed) {
      const { file, line, message } = parsed.error;
      throw new UserError({ message: `${file}${line ? `:${line}` : ''}: ${message}`, file, ...(line ? { line } : {}), code: 'scenario' });
    }
    return parsed.scenario;
  }
  if (typeof scenario === 'object' && Array.isArray((scenario as { steps?: unknown }).steps)) return scenario as Scenario;
  throw new UserError({ message: 'a scenario is a mapping with a "steps" list', code: 'scenario' });
}
