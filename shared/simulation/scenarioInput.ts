/** A scenario as the UI sends it to either host: its YAML text, an already parsed object, or nothing. */
import { parseScenario, type ScenarioError } from './scenario';
import type { Scenario } from './types';

export function scenarioFromRequest(scenario: unknown): { scenario?: Scenario } | { error: ScenarioError & { text: string } } {
  if (scenario === undefined || scenario === null) return {};
  const parsed =
    typeof scenario === 'string' ? parseScenario(scenario, 'scenario')
    : typeof scenario === 'object' && Array.isArray((scenario as { steps?: unknown }).steps) ? { scenario: scenario as Scenario }
    : { error: { file: 'scenario', message: 'a scenario is a mapping with a "steps" list' } };
  if ('scenario' in parsed) return parsed;
  const { file, line, message } = parsed.error;
  return { error: { ...parsed.error, text: `${file}${line ? `:${line}` : ''}: ${message}` } };
}
