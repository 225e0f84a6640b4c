// The real Engine: the shared modules and main/core/inputs, as the worker runs them.
import { designObjects, isDesignText, parseDesign, serializeDesign } from '../../shared/design';
import { importAsDesign } from '../../shared/design/import';
import { exportManifests, exportManifestsByNamespace } from '../../shared/manifests';
import { clusterProblems, scenarioFromRequest } from '../../shared/simulation';
import { startSession, trafficReport } from '../../shared/simulation/session';
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
  traceTraffic: (design) => trafficReport(designObjects(design), design.cluster, design.flows ?? []),
  simulate({ objects, cluster, scenario, seed, flows }: SimulationInput) {
    const problems = clusterProblems(cluster);
    if (problems.length) throw new UserError({ message: problems.join('; '), code: 'cluster' });
    const read = scenarioFromRequest(scenario);
    if ('error' in read) throw new UserError({ message: read.error.text, file: read.error.file, ...(read.error.line ? { line: read.error.line } : {}), code: 'scenario' });
    const { run, session } = startSession({ objects, cluster, scenario: read.scenario, seed, ...(flows?.length ? { flows } : {}) });
    return { ...run, session };
  },
};
