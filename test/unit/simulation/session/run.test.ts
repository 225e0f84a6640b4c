/**
 * Both hosts run one engine: main's worker (main/core/ops.ts) and the browser's web worker
 * (renderer/api/simulation.ts) step the session, return exactly what `simulate()` returns, and
 * stream the session's frames next to the timeline in typed batches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engine } from '../../../../main/core/engineImpl';
import { createOps } from '../../../../main/core/ops';
import { createSimulationRunner } from '../../../../renderer/api/simulation';
import { defaultCluster, type Design } from '../../../../shared/design/types';
import { simulationFramesSchema } from '../../../../shared/ipc/schemas';
import { parseManifests } from '../../../../shared/manifests';
import type { KubeObject } from '../../../../shared/model/object';
import { parseScenario, simulate } from '../../../../shared/simulation';
import { frameBatches, simulateSession, type SessionFrame } from '../../../../shared/simulation/session';
import { container, deployment, nodes, ns } from '../helpers';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'scenarios');

function fixture(name: string) {
  const objects = parseManifests(readFileSync(join(fixtures, name, 'manifests.yaml'), 'utf8'), 'manifests.yaml').objects.map((o) => o.object);
  const parsed = parseScenario(readFileSync(join(fixtures, name, 'scenario.yaml'), 'utf8'), 'scenario.yaml');
  if ('error' in parsed) throw new Error(parsed.error.message);
  return { objects, scenario: parsed.scenario };
}

function designOf(objects: KubeObject[]): Design {
  return { formatVersion: 1, name: 'test', resources: objects.map((object, i) => ({ id: `r${i}`, object })), layout: { positions: {}, frames: {} }, cluster: defaultCluster() } as Design;
}

describe('one engine for simulate and both hosts', () => {
  it.each(readdirSync(fixtures))('scenario %s: the session gives simulate()\'s result byte for byte', (name) => {
    const input = { ...fixture(name), cluster: defaultCluster(), seed: 1 };
    const { sessionFrames, ...result } = simulateSession(input);
    expect(JSON.stringify(result)).toBe(JSON.stringify(simulate(input)));
    expect(sessionFrames.length).toBeGreaterThan(2);
  });

  it('a run that reaches a simulator limit stops where simulate() stops, with the same message, in a last "stopped" frame', () => {
    const input = { objects: [ns('a'), deployment('w', 'a', 400, [container('c')])], cluster: nodes(1), seed: 1, options: { limits: { pendingPodsBeyondCapacity: 5 } } };
    const whole = simulate(input);
    const { sessionFrames, ...result } = simulateSession(input);
    expect(whole.stopped?.message).toContain('asks for far more pods than the cluster can hold');
    expect(JSON.stringify(result)).toBe(JSON.stringify(whole));
    expect(sessionFrames.at(-1)?.cause).toEqual({ type: 'stopped', message: whole.stopped?.message });
  });

  it('batches keep both frame lists in order and the timeline start without gaps', () => {
    const timeline = Array.from({ length: 5 }, (_, i) => ({ time: i, messages: [], events: [], pods: [] }));
    const session = Array.from({ length: 12 }, (_, seq) => ({ seq }) as SessionFrame);
    const batches = [...frameBatches(timeline, session, 4)];
    expect(batches.map((b) => [b.start, b.frames.length, b.session.start, b.session.frames.length])).toEqual([[0, 4, 0, 4], [4, 1, 4, 4], [5, 0, 8, 4]]);
  });

  it('main\'s worker and the browser\'s worker stream the same typed session frames', async () => {
    const { objects, scenario } = fixture('rolling-update');
    const expected = simulateSession({ objects, scenario, cluster: defaultCluster(), seed: 1 }).sessionFrames;
    const design = designOf(objects);

    const fromMain: SessionFrame[] = [];
    createOps(engine).simulate({ design, scenario, seed: 1 }, (start, frames, session) => {
      expect(simulationFramesSchema.parse({ runId: 'r', start, frames, session })).toEqual({ runId: 'r', start, frames, session });
      expect(session?.start).toBe(fromMain.length);
      fromMain.push(...(session?.frames ?? []));
    });
    expect(fromMain).toEqual(expected);

    const fromBrowser: SessionFrame[] = [];
    const r = await createSimulationRunner().run({ runId: 'b', design, scenario, seed: 1 }, (batch) => void fromBrowser.push(...(batch.session?.frames ?? [])));
    expect(r.ok).toBe(true);
    expect(fromBrowser).toEqual(expected);
  });
});
