/**
 * Editing a traffic flow while a run is live sends it to the running cluster (renderer/traffic/liveFlows.ts):
 * the timeline continues, and a HorizontalPodAutoscaler on the workload the flow reaches reacts to the new rate.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workerApi } from '../../../renderer/api/worker';
import { execute } from '../../../renderer/commands/execute';
import { provideLiveApi, useLiveActions } from '../../../renderer/simulation/actions';
import { eventsAt, provideSimulationApi, sessionFrames, useSimulationStore } from '../../../renderer/simulation/store';
import { flowActions } from '../../../renderer/traffic/liveFlows';
import { replaceDesign, useKubeplanStore } from '../../../renderer/store';
import { getKindModule } from '../../../shared/kinds/registry';
import type { DesignFlow } from '../../../shared/design/types';
import { shopDesign } from '../renderer-api/shop';

const sim = () => useSimulationStore.getState();
const flow = (rate: number, name = 'shoppers'): DesignFlow => ({ id: 'f1', name, from: 'external', to: 'http://shop.example.com/', rate });

beforeEach(() => {
  provideSimulationApi({
    runSimulation: (request, onFrames) => workerApi.runSimulation(request, onFrames),
    cancelSimulation: async (runId) => ({ ok: true, value: workerApi.cancelSimulation(runId) }),
  });
  provideLiveApi({ actSimulation: async (runId, action) => workerApi.actSimulation(runId, action) });
  const design = shopDesign();
  const hpa = getKindModule('HorizontalPodAutoscaler')!.create('frontend', 'shop');
  (hpa.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name = 'frontend';
  replaceDesign({ ...design, resources: [...design.resources, { id: 'hpa-frontend', object: hpa }], flows: [flow(20)] });
});

afterEach(() => {
  const runId = sim().runId;
  if (runId) workerApi.cancelSimulation(runId);
  sim().stopSimulation();
  provideSimulationApi(undefined);
  provideLiveApi(undefined);
});

describe('flow edits while a run is live', () => {
  it('are the live actions that take the running flows to the edited ones', () => {
    expect(flowActions([flow(20)], [flow(20)])).toEqual([]);
    expect(flowActions([flow(20)], [flow(200)])).toEqual([{ action: 'startTraffic', flow: { name: 'shoppers', from: 'external', to: 'http://shop.example.com/', rate: 200 } }]);
    expect(flowActions([flow(20)], [])).toEqual([{ action: 'stopTraffic', name: 'shoppers' }]);
    expect(flowActions([flow(20)], [flow(20, 'buyers')]).map((a) => a.action)).toEqual(['stopTraffic', 'startTraffic']);
  });

  it('raising the rate in the Traffic tab continues the timeline and the HPA scales the frontend', async () => {
    await sim().runSimulation();
    expect(sim().status).toBe('ready');
    expect(useKubeplanStore.getState().mode).toBe('simulate');
    const frames = sessionFrames().length;
    expect(execute('traffic:editFlow', undefined, { id: 'f1', flow: { name: 'shoppers', from: 'external', to: 'http://shop.example.com/', rate: 400 } })).toBe(true);
    await expect.poll(() => sessionFrames().length).toBeGreaterThan(frames);
    await expect.poll(() => useLiveActions.getState().busy).toBe(false);
    expect(sessionFrames()[frames]!.cause).toMatchObject({ type: 'step', action: 'startTraffic' });
    const raised = sessionFrames()[frames]!.time;
    const rescaled = eventsAt(sessionFrames().length - 1).filter((e) => e.reason === 'SuccessfulRescale' && e.object === 'HorizontalPodAutoscaler/frontend' && e.lastTime >= raised);
    expect(rescaled.length).toBeGreaterThan(0);
    expect(rescaled.every((e) => / above target$/.test(e.message))).toBe(true);
  });
});
