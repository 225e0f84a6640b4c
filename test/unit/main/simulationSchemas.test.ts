/**
 * The IPC schemas of a simulation describe what the simulator really produces: real runs (every
 * scenario fixture, and traffic through the shop's Ingress) parse with them unchanged. A field the
 * simulator adds or renames without the schema fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SimulationFrames, ValidationProblem } from '../../../shared/ipc/api';
import { simulationResultSchema, timelineFrameSchema } from '../../../shared/ipc/simulation';
import { parseManifests } from '../../../shared/manifests';
import { defaultCluster } from '../../../shared/design/types';
import { parseScenario, simulate, type TimelineFrame } from '../../../shared/simulation';
import type { Problem } from '../../../shared/validation';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

function objectsOf(file: string) {
  const { objects, errors } = parseManifests(readFileSync(file, 'utf8'), file);
  expect(errors).toEqual([]);
  return objects.map((o) => o.object);
}

function scenarioOf(text: string) {
  const parsed = parseScenario(text, 'scenario.yaml');
  if ('error' in parsed) throw new Error(parsed.error.message);
  return parsed.scenario;
}

/** The summary and frames exactly as both hosts split a run. */
function expectConforms(run: ReturnType<typeof simulate>) {
  const { timeline, ...result } = run;
  expect(simulationResultSchema.parse(result)).toEqual(result);
  for (const frame of timeline) expect(timelineFrameSchema.parse(frame)).toEqual(frame);
  return { timeline, result };
}

describe('the simulation crosses IPC typed', () => {
  it.each(readdirSync(join(fixtures, 'scenarios')))('scenario %s: the summary and every frame match the schemas', (name) => {
    const dir = join(fixtures, 'scenarios', name);
    const run = simulate({ objects: objectsOf(join(dir, 'manifests.yaml')), cluster: defaultCluster(), scenario: scenarioOf(readFileSync(join(dir, 'scenario.yaml'), 'utf8')) });
    const { timeline, result } = expectConforms(run);
    expect(timeline.length).toBeGreaterThan(0);
    expect(result.events.length).toBeGreaterThan(0);
  });

  it('traffic aggregates and step errors match the schemas too', () => {
    const scenario = scenarioOf([
      'steps:',
      '  - wait: steady',
      '  - startTraffic: {name: shoppers, from: external, to: "http://shop.example.com/", rate: 5}',
      '  - wait: 3s',
      '  - scale: {target: deployment/missing, namespace: shop, replicas: 2}',
      '',
    ].join('\n'));
    const { result } = expectConforms(simulate({ objects: objectsOf(join(fixtures, 'apps', 'three-tier-shop.yaml')), cluster: defaultCluster(), scenario }));
    expect(result.traffic.length).toBeGreaterThan(0);
    expect(result.stepErrors).toEqual([expect.objectContaining({ step: 4, message: expect.stringContaining('not found') })]);
  });

  it('the inferred IPC types are the simulator and validation types', () => {
    expectTypeOf<SimulationFrames['frames'][number]>().toEqualTypeOf<TimelineFrame>();
    expectTypeOf<ValidationProblem>().toEqualTypeOf<Problem>();
  });
});
