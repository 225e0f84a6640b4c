import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workerApi } from '../../../renderer/api/worker';
import { eventsAt, provideSimulationApi, sessionFrames, useSimulationStore } from '../../../renderer/simulation/store';
import { replaceDesign, useKubeplanStore } from '../../../renderer/store';
import { simulateSession } from '../../../shared/simulation/session';
import { designObjects } from '../../../shared/design';
import { shopDesign } from '../renderer-api/shop';

const sim = () => useSimulationStore.getState();

beforeEach(() => {
  provideSimulationApi({
    runSimulation: (request, onFrames) => workerApi.runSimulation(request, onFrames),
    cancelSimulation: async (runId) => ({ ok: true, value: workerApi.cancelSimulation(runId) }),
  });
  replaceDesign(shopDesign());
});

afterEach(() => {
  sim().stopSimulation();
  provideSimulationApi(undefined);
});

describe('the renderer simulation store', () => {
  it('runs the open design, keeps every frame and shows the last, in simulate mode', async () => {
    const design = useKubeplanStore.getState().design;
    const expected = simulateSession({ objects: designObjects(design), cluster: design.cluster });
    await sim().runSimulation();
    expect(sim().status).toBe('ready');
    expect(useKubeplanStore.getState().mode).toBe('simulate');
    expect(sessionFrames().length).toBe(expected.sessionFrames.length);
    expect(sim().cursor).toBe(expected.sessionFrames.length - 1);
    expect(sim().view?.pods.map((p) => `${p.namespace}/${p.name} ${p.phase}`)).toEqual(
      expected.pods.map((p) => `${p.namespace}/${p.name} ${p.phase}`),
    );
    expect(sim().result?.pods.length).toBe(expected.pods.length);
    // The design store is untouched.
    expect(useKubeplanStore.getState().design).toBe(design);
  });

  it('seeks back to the start and forward again, and lists the events up to the cursor', async () => {
    await sim().runSimulation();
    const last = sim().cursor;
    const lastView = sim().view;
    sim().seek(0);
    expect(sim().view?.pods).toEqual([]);
    expect(sim().following).toBe(false);
    expect(eventsAt(0)).toEqual([]);
    sim().seek(last + 100);
    expect(sim().cursor).toBe(last);
    expect(sim().view).toEqual(lastView);
    expect(eventsAt(last).length).toBeGreaterThan(0);
  });

  it('refuses frames that leave a gap, and stop returns to design mode', async () => {
    await sim().runSimulation();
    const n = sessionFrames().length;
    expect(() => sim().appendFrames([{ ...sessionFrames()[0]!, seq: n + 1 }])).toThrow(/frame \d+ arrived where frame \d+ was expected/);
    sim().stopSimulation();
    expect(sim().status).toBe('idle');
    expect(sessionFrames().length).toBe(0);
    expect(useKubeplanStore.getState().mode).toBe('design');
  });
});
