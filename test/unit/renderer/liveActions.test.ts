import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workerApi } from '../../../renderer/api/worker';
import { execute } from '../../../renderer/commands/execute';
import { applyAgain, formatApplied, newNode, podsOf, provideLiveApi, reapplyDesign, selectedObject, summarizeApplied, useLiveActions } from '../../../renderer/simulation/actions';
import { eventsAt, provideSimulationApi, sessionFrames, useSimulationStore } from '../../../renderer/simulation/store';
import { canUndo, replaceDesign, select, undo, useKubeplanStore } from '../../../renderer/store';
import { defaultCluster } from '../../../shared/design/types';
import { shopDesign } from '../renderer-api/shop';
import { kubectlFor } from '../../../renderer/console/asUser';

const sim = () => useSimulationStore.getState();
const design = () => useKubeplanStore.getState().design;

beforeEach(() => {
  provideSimulationApi({
    runSimulation: (request, onFrames) => workerApi.runSimulation(request, onFrames),
    cancelSimulation: async (runId) => ({ ok: true, value: workerApi.cancelSimulation(runId) }),
  });
  provideLiveApi({ actSimulation: async (runId, action) => workerApi.actSimulation(runId, action) });
  replaceDesign(shopDesign());
});

afterEach(() => {
  const runId = sim().runId;
  if (runId) workerApi.cancelSimulation(runId);
  sim().stopSimulation();
  provideSimulationApi(undefined);
  provideLiveApi(undefined);
});

describe('live actions from the renderer', () => {
  it('do nothing before a run has ended', () => {
    select(['deploy-frontend']);
    expect(execute('simulate:scaleUp')).toBe(false);
    expect(execute('simulate:applyAgain')).toBe(false);
  });

  it('scale up with the ] command: the frames continue the timeline and the cursor follows', async () => {
    await sim().runSimulation();
    useKubeplanStore.setState({ mode: 'simulate' });
    select(['deploy-frontend']);
    const o = selectedObject()!;
    const before = podsOf(o).length;
    const frames = sessionFrames().length;
    expect(execute('simulate:scaleUp')).toBe(true);
    await expect.poll(() => useLiveActions.getState().busy).toBe(false);
    await expect.poll(() => sessionFrames().length).toBeGreaterThan(frames);
    expect(sessionFrames()[frames]!.cause).toMatchObject({ type: 'step', action: 'scale', target: 'Deployment/shop/frontend' });
    expect(sim().cursor).toBe(sessionFrames().length - 1);
    expect(podsOf(o).filter((p) => p.phase === 'Running')).toHaveLength(before + 1);
    expect(eventsAt(sim().cursor).some((e) => e.reason === 'ScalingReplicaSet' && e.message.includes(`to ${before + 1}`))).toBe(true);
    // The design keeps its own replicas.
    expect((design().resources.find((r) => r.id === 'deploy-frontend')!.object.spec as { replicas: number }).replicas).toBe(before);
  });

  it('apply again reports every object unchanged; re-apply after an edit reports it configured', async () => {
    await sim().runSimulation();
    const again = await applyAgain();
    expect(again?.applied.length).toBe(design().resources.length);
    expect(summarizeApplied(again!.applied)).toBe(`${design().resources.length} unchanged`);
    expect(useLiveActions.getState().lastApply?.lines).toEqual(again!.applied);
    // An edit in the design store, then re-apply.
    const edited = structuredClone(design());
    (edited.resources.find((r) => r.id === 'deploy-frontend')!.object.spec as { replicas: number }).replicas = 4;
    await reapplyDesign(edited);
    const lines = formatApplied(useLiveActions.getState().lastApply!.lines).split('\n');
    expect(lines).toContain('deployment.apps/frontend configured');
    expect(lines).toContain('service/frontend unchanged');
    expect(lines.filter((l) => l.endsWith(' configured'))).toEqual(['deployment.apps/frontend configured']);
  });
});

describe('the design\'s nodes', () => {
  it('crash container: the first running pod of the selection exits and the kubelet restarts it; as another user it is kubectl exec -- kill 1', async () => {
    await sim().runSimulation();
    useKubeplanStore.setState({ mode: 'simulate' });
    select(['deploy-frontend']);
    const pod = podsOf(selectedObject()!).find((p) => p.phase === 'Running')!;
    const frames = sessionFrames().length;
    expect(execute('simulate:crashContainer')).toBe(true);
    await expect.poll(() => useLiveActions.getState().busy).toBe(false);
    await expect.poll(() => sessionFrames().length).toBeGreaterThan(frames);
    expect(sessionFrames()[frames]!.cause).toMatchObject({ type: 'step', action: 'crash', target: `Pod/shop/${pod.name}` });
    expect(eventsAt(sim().cursor).some((e) => e.reason === 'Started' && e.object === `Pod/${pod.name}` && e.count === 2)).toBe(true);
    expect(kubectlFor({ action: 'crash', namespace: 'shop', name: pod.name })).toEqual(['exec', pod.name, '-n', 'shop', '--', 'kill', '1']);
    expect(kubectlFor({ action: 'crash', namespace: 'shop', name: 'p', container: 'side' })).toEqual(['exec', 'p', '-n', 'shop', '-c', 'side', '--', 'kill', '1']);
  });

  it('add node: one undo step, named after the last, starting from the default cluster', () => {
    const start = design();
    expect(execute('cluster:addNode')).toBe(true);
    const nodes = design().cluster.nodes;
    const base = start.cluster.nodes.length ? start.cluster.nodes : defaultCluster().nodes;
    expect(nodes.map((n) => n.name)).toEqual([...base.map((n) => n.name), newNode(base).name]);
    expect(canUndo()).toBe(true);
    undo();
    expect(design().cluster).toEqual(start.cluster);
  });

  it('edit node: refuses a bad value with a message, saves a good one as one undo step', () => {
    execute('cluster:addNode');
    const node = design().cluster.nodes.at(-1)!;
    const before = design();
    expect(execute('cluster:editNode', undefined, { name: node.name, node: { ...node, cpu: 'lots' } })).toBe(true);
    expect(design()).toBe(before);
    execute('cluster:editNode', undefined, { name: node.name, node: { ...node, cpu: '16', memory: '64Gi' } });
    expect(design().cluster.nodes.at(-1)).toMatchObject({ name: node.name, cpu: '16', memory: '64Gi' });
    undo();
    expect(design().cluster.nodes.at(-1)).toMatchObject({ cpu: node.cpu, memory: node.memory });
  });
});
