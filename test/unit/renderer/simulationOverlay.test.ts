import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workerApi } from '../../../renderer/api/worker';
import { execute } from '../../../renderer/commands';
import { buildOverlay, chipAt, chipTone, COMPACT, LABELLED, STRIP, type GhostChip, type PodChip } from '../../../renderer/simulation/overlay/model';
import { stepEvent } from '../../../renderer/simulation/playback';
import { provideSimulationApi, sessionFrames, useSimulationStore, type SessionEvent } from '../../../renderer/simulation/store';
import { explainPod, explainPodAt } from '../../../renderer/simulation/whyNot';
import { replaceDesign, useKubeplanStore } from '../../../renderer/store';
import { designObjects, parseDesign } from '../../../shared/design';
import type { Design } from '../../../shared/design/types';
import { KeyframeIndex, simulateSession, startSession, type ClusterView, type PodRecord } from '../../../shared/simulation/session';
import { shopDesign } from '../renderer-api/shop';

function multiTenant(): Design {
  const file = join(import.meta.dirname, '..', '..', '..', 'assets', 'examples', 'multi-tenant.kubeplan.yaml');
  const parsed = parseDesign(readFileSync(file, 'utf8'), file);
  if ('error' in parsed) throw new Error(parsed.error.message);
  return parsed.design;
}

type Spec = { replicas?: number; template: { spec: { containers: Array<{ resources?: unknown }> } } };
function deployment(d: Design, name: string): { spec: Spec; id: string } {
  const r = d.resources.find((x) => x.object.kind === 'Deployment' && x.object.metadata.name === name)!;
  return { spec: r.object.spec as Spec, id: r.id };
}

/** The view and the events as they stand at the end of a run of `design`. */
function runToEnd(design: Design): { view: ClusterView; events: SessionEvent[] } {
  const run = simulateSession({ objects: designObjects(design), cluster: design.cluster });
  const index = new KeyframeIndex(64);
  const head = new Map<string, PodRecord | ClusterView['nodes'][number] | ClusterView['quotas'][number] | ClusterView['claims'][number]>();
  const latest: SessionEvent[] = [];
  for (const f of run.sessionFrames) {
    for (const k of f.removed) head.delete(k);
    for (const r of f.set) head.set(r.kind === 'Node' ? `Node//${r.name}` : `${r.kind}/${r.namespace}/${r.name}`, r);
    index.push(f, () => head.values(), head.size);
    for (const e of f.events) latest[e.index] = e;
  }
  return { view: index.viewAt(run.sessionFrames.length - 1), events: latest.filter((e) => e !== undefined) };
}

describe('the simulate-mode overlay model', () => {
  it('puts each pod on its workload card, labelled with its node, and gauges each quota on its namespace frame', () => {
    const design = multiTenant();
    const { view, events } = runToEnd(design);
    const model = buildOverlay(design, view, events);
    const pods = model.chips.filter((c): c is PodChip => c.type === 'pod');
    expect(pods.map((c) => c.pod.name).sort()).toEqual(view.pods.map((p) => p.name).sort());
    // team-c runs into its quota (ghost chips share its card, so its chips are compact): checked below.
    for (const chip of pods.filter((c) => c.pod.namespace !== 'team-c')) {
      const owner = design.resources.find((r) => `${r.object.apiVersion.includes('/') ? r.object.apiVersion.split('/')[0] : ''}/${r.object.kind}/${r.object.metadata.namespace}/${r.object.metadata.name}` === chip.pod.owner)!;
      const at = design.layout.positions[owner.id]!;
      expect(chip.x).toBeGreaterThanOrEqual(at.x + STRIP.x);
      expect(chip.x + chip.width).toBeLessThanOrEqual(at.x + STRIP.x + STRIP.width);
      expect(chip.y).toBeGreaterThanOrEqual(at.y + STRIP.y);
      expect(chip.tone).toBe('Running');
      expect(chip.label).toBe(chip.pod.node);
      expect(chip.width).toBe(LABELLED.width);
    }
    expect(model.gauges.map((g) => `${g.quota} ${g.resource} ${g.used}/${g.hard}`)).toContain('team-a-quota pods 4/20');
    for (const g of model.gauges) {
      const frame = design.layout.frames[g.key.split('/')[0]!]!;
      expect(g.x).toBeGreaterThan(frame.x + frame.width / 2 - 1);
      expect(g.x + g.width).toBeLessThanOrEqual(frame.x + frame.width);
    }
    // Hit-testing finds a chip by a world point inside it.
    const first = pods[0]!;
    expect(chipAt(model, first.x + 2, first.y + 2)).toBe(first);
    expect(chipAt(model, first.x - 50, first.y - 50)).toBeUndefined();
  });

  it('a Deployment over its quota gets a ghost chip per refused pod, carrying the FailedCreate message', () => {
    const design = multiTenant();
    deployment(design, 'reports').spec.replicas = 12;
    const { view, events } = runToEnd(design);
    const model = buildOverlay(design, view, events);
    const ghosts = model.chips.filter((c): c is GhostChip => c.type === 'ghost' && c.owner.includes('/team-b/'));
    const live = model.chips.filter((c) => c.type === 'pod' && c.pod.namespace === 'team-b');
    expect(live).toHaveLength(10); // team-b's quota: pods 10
    expect(ghosts).toHaveLength(2);
    expect(ghosts[0]!.message).toMatch(/^Error creating: pods "reports-[a-z0-9-]+" is forbidden: exceeded quota: team-b-quota, requested: pods=1, used: pods=10, limited: pods=10$/);
    expect(ghosts[0]!.owner).toBe('apps/Deployment/team-b/reports');
    // Twelve chips do not fit labelled: compact squares, still inside the card.
    expect(ghosts[0]!.width).toBe(COMPACT.width);
    expect(model.gauges.find((g) => g.key === 'team-b/team-b-quota/pods')).toMatchObject({ used: '10', hard: '10', ratio: 1 });
    // Before the apply (frame 0 of the view) there is nothing to draw.
    expect(buildOverlay(design, { ...view, pods: [] }, []).chips).toEqual([]);
  });

  it('more pods than fit show as many as fit and "+N"; unschedulable ones wait in the Pending lane', () => {
    const design = multiTenant();
    const owner = 'apps/Deployment/team-a/web';
    const pods: PodRecord[] = Array.from({ length: 30 }, (_, i) => ({
      kind: 'Pod', namespace: 'team-a', name: `web-${i}`, owner, node: i < 25 ? 'node-1' : '', phase: 'Pending', status: 'Pending', ip: '', cpu: 0, memory: 0,
      ...(i >= 25 ? { reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' } : {}),
    }));
    const model = buildOverlay(design, { seq: 1, time: 0, pods, nodes: [], quotas: [], claims: [] }, []);
    const more = model.chips.filter((c) => c.type === 'more');
    const shown = model.chips.filter((c) => c.type === 'pod');
    expect(more).toHaveLength(1);
    expect(shown.length + (more[0] as { count: number }).count).toBe(30);
    const last = model.chips.at(-1)!;
    const at = design.layout.positions[design.resources.find((r) => r.object.kind === 'Deployment' && r.object.metadata.name === 'web')!.id]!;
    expect(last.x + last.width).toBeLessThanOrEqual(at.x + STRIP.x + STRIP.width);
    expect(model.unschedulable.map((p) => p.name)).toEqual(['web-25', 'web-26', 'web-27', 'web-28', 'web-29']);
  });
});

describe('why not this node', () => {
  it('replays the design with the scheduler recorder on for one pod: every node and the filter that refused it', () => {
    const design = shopDesign();
    const frontend = deployment(design, 'frontend');
    frontend.spec.template.spec.containers[0]!.resources = { requests: { cpu: '100' } };
    const { view } = runToEnd(design);
    const pending = view.pods.find((p) => p.owner === 'apps/Deployment/shop/frontend' && p.node === '');
    expect(pending?.reason).toBe('Unschedulable');
    const why = explainPod(design, pending!.namespace, pending!.name)!;
    expect(why.message).toBe(pending!.message);
    expect(why.rows.map((r) => r.node)).toEqual(design.cluster.nodes.map((n) => n.name));
    expect(why.rows.every((r) => !r.feasible && r.failed?.plugin === 'NodeResourcesFit' && r.failed.reasons.includes('Insufficient cpu'))).toBe(true);
  });
});

describe('why not this node, in the live session at the cursor', () => {
  it('replays the run and its live actions: before a big node is added every node refuses the pod; after, the new node is chosen', () => {
    const design = shopDesign();
    deployment(design, 'frontend').spec.template.spec.containers[0]!.resources = { requests: { cpu: '100' } };
    // The worker's live session: the run, then a live action adding a node that fits the pod.
    const { session } = startSession({ objects: designObjects(design), cluster: design.cluster, options: { record: true } });
    const before = session.view();
    const waiting = before.pods.filter((p) => p.owner === 'apps/Deployment/shop/frontend' && p.node === '');
    expect(waiting.map((p) => p.reason)).toEqual(['Unschedulable', 'Unschedulable', 'Unschedulable']);
    const addNode = { action: 'addNode' as const, node: { name: 'node-big', cpu: '128', memory: '256Gi', pods: 110 } };
    session.act(addNode);
    // One pod of 100 CPUs fits the new node.
    const pending = waiting.find((w) => session.view().pods.find((p) => p.name === w.name)?.node === 'node-big')!;
    expect(pending).toBeDefined();

    // Before the action (the cursor on an earlier frame, so the action is not replayed).
    const earlier = explainPodAt(design, [], pending.namespace, pending.name, before.time)!;
    expect(earlier.rows.map((r) => r.node)).toEqual(design.cluster.nodes.map((n) => n.name));
    expect(earlier.rows.every((r) => !r.feasible && r.failed?.reasons.includes('Insufficient cpu'))).toBe(true);
    const now = explainPodAt(design, [addNode], pending.namespace, pending.name, session.view().time)!;
    expect(now.rows.find((r) => r.chosen)?.node).toBe('node-big');
    expect(now.attempt).toBeGreaterThan(earlier.attempt);
  });
});

describe('the timeline commands', () => {
  beforeEach(() => {
    provideSimulationApi({
      runSimulation: (request, onFrames) => workerApi.runSimulation(request, onFrames),
      cancelSimulation: async (runId) => ({ ok: true, value: workerApi.cancelSimulation(runId) }),
    });
    replaceDesign(shopDesign());
  });
  afterEach(() => {
    useSimulationStore.getState().stopSimulation();
    provideSimulationApi(undefined);
  });

  it('a run that fails says why, in simulate mode, and Stop still returns to the design', async () => {
    provideSimulationApi({
      runSimulation: async () => ({ ok: false, error: { message: 'the simulation failed: boom at line 3', code: 'simulation' } }),
      cancelSimulation: async () => ({ ok: true, value: false }),
    });
    await useSimulationStore.getState().runSimulation();
    expect(useSimulationStore.getState()).toMatchObject({ status: 'error', error: 'the simulation failed: boom at line 3' });
    expect(useKubeplanStore.getState().mode).toBe('simulate');
    expect(execute('sim:stop')).toBe(true);
    expect(useKubeplanStore.getState().mode).toBe('design');
  });

  it('Run enters simulate mode; Home, → and End move the cursor; ← skips frames where nothing changed; Stop returns to the design', async () => {
    const design = useKubeplanStore.getState().design;
    expect(execute('sim:toStart')).toBe(false); // not in design mode
    expect(execute('sim:run')).toBe(true);
    await new Promise<void>((resolve) => {
      const off = useSimulationStore.subscribe((s) => {
        if (s.status === 'ready') {
          off();
          resolve();
        }
      });
    });
    expect(useKubeplanStore.getState().mode).toBe('simulate');
    expect(execute('edit:selectAll')).toBe(true);
    expect(execute('edit:delete')).toBe(false);
    const end = useSimulationStore.getState().cursor;
    expect(execute('sim:toStart')).toBe(true);
    expect(useSimulationStore.getState().cursor).toBe(0);
    execute('sim:stepForward');
    const one = useSimulationStore.getState().cursor;
    expect(one).toBeGreaterThan(0);
    const f = sessionFrames()[one]!;
    expect(f.set.length + f.removed.length + f.events.length > 0 || f.cause.type !== 'tick').toBe(true);
    execute('sim:toEnd');
    expect(useSimulationStore.getState().cursor).toBe(end);
    stepEvent(-1);
    const back = useSimulationStore.getState().cursor;
    expect(back).toBeLessThan(end);
    for (let s = back + 1; s < end; s++) {
      const g = sessionFrames()[s]!;
      expect(g.set.length + g.removed.length + g.events.length, `frame ${s} skipped`).toBe(0);
    }
    expect(execute('sim:stop')).toBe(true);
    expect(useKubeplanStore.getState().mode).toBe('design');
    expect(useKubeplanStore.getState().design).toBe(design);
  });
});

describe('chip tones', () => {
  it('draw a crash-looping pod (phase Running) as failing, a healthy one as running', () => {
    const base = { kind: 'Pod', namespace: 'shop', name: 'p', owner: 'apps/Deployment/shop/orders', node: 'node-1', phase: 'Running', status: 'Running', ip: '10.244.0.2', cpu: 0, memory: 0 } as PodRecord;
    expect(chipTone(base)).toBe('Running');
    expect(chipTone({ ...base, status: 'CrashLoopBackOff', reason: 'CrashLoopBackOff' })).toBe('Failed');
    expect(chipTone({ ...base, status: 'Error' })).toBe('Failed');
    expect(chipTone({ ...base, reason: 'Terminating', status: 'Terminating' })).toBe('Terminating');
  });
});
