import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/design';
import { emptyDesign } from '../../../shared/design/types';
import { trafficReport } from '../../../shared/simulation/session';
import { execute } from '../../../renderer/commands';
import { canUndo, redo, replaceDesign, undo, useKubeplanStore } from '../../../renderer/store';
import { flowProblem } from '../../../renderer/traffic/flowActions';
import { buildTrafficScene, hitTraffic, rateWidth, SPEED } from '../../../renderer/traffic/particles';

const flows = () => useKubeplanStore.getState().design.flows;

beforeEach(() => {
  replaceDesign(emptyDesign());
  useKubeplanStore.setState({ mode: 'design' });
});

describe('flow commands', () => {
  it('add, edit and remove a flow, each one undo step, in design and simulate mode', () => {
    expect(execute('traffic:addFlow', undefined, { name: ' shoppers ', from: 'external', to: 'http://shop.example.com/', rate: 40 })).toBe(true);
    expect(flows()).toEqual([{ id: 'f1', name: 'shoppers', from: 'external', to: 'http://shop.example.com/', rate: 40 }]);
    expect(canUndo()).toBe(true);
    useKubeplanStore.setState({ mode: 'simulate' });
    execute('traffic:editFlow', undefined, { id: 'f1', flow: { name: 'shoppers', from: 'external', to: 'node:30080', rate: 5, protocol: 'UDP' } });
    expect(flows()).toEqual([{ id: 'f1', name: 'shoppers', from: 'external', to: 'node:30080', rate: 5, protocol: 'UDP' }]);
    execute('traffic:removeFlow', undefined, 'f1');
    expect(useKubeplanStore.getState().design.flows).toBeUndefined();
    undo();
    expect(flows()?.[0]?.to).toBe('node:30080');
    undo();
    expect(flows()?.[0]?.to).toBe('http://shop.example.com/');
    redo();
    expect(flows()?.[0]?.rate).toBe(5);
  });

  it('refuses a draft with a problem and changes nothing', () => {
    execute('traffic:addFlow', undefined, { name: 'a', from: 'external', to: 'node:1', rate: 1 });
    const before = useKubeplanStore.getState().design;
    execute('traffic:addFlow', undefined, { name: 'a', from: 'external', to: 'node:2', rate: 1 });
    execute('traffic:addFlow', undefined, { name: 'b', from: 'external', to: 'node:2', rate: 0 });
    expect(useKubeplanStore.getState().design).toBe(before);
    expect(flowProblem({ name: 'a', from: 'external', to: 'x', rate: 1 }, before)).toBe('duplicateName');
    expect(flowProblem({ name: 'b', from: '', to: 'x', rate: 1 }, before)).toBe('from');
    expect(flowProblem({ name: 'b', from: 'external', to: 'x', rate: Number.NaN }, before)).toBe('rate');
  });
});

describe('the particles scene', () => {
  const file = join(import.meta.dirname, '../../../assets/examples/shop-default-deny.kubeplan.yaml');
  const parsed = parseDesign(readFileSync(file, 'utf8'), file);
  if ('error' in parsed) throw new Error(parsed.error.message);
  const design = parsed.design;
  const report = trafficReport(design.resources.map((r) => r.object), design.cluster, design.flows ?? []);
  const centre = (id: string) => {
    const p = design.layout.positions[id]!;
    return { x: p.x + 80, y: p.y + 32 };
  };

  it('draws each route between card centres, from the external client through the Ingress and Service', () => {
    const scene = buildTrafficScene(design, report);
    const shoppers = scene.routes.filter((r) => r.flowName === 'shoppers');
    expect(shoppers).toHaveLength(3);
    expect(shoppers[0]!.points.slice(1)).toEqual([centre('ing-shop'), centre('svc-frontend'), centre('deploy-frontend')]);
    expect(shoppers[0]!.points[0]).toEqual(scene.external);
    expect(shoppers.every((r) => r.delivered && r.end === r.lengths[r.lengths.length - 1])).toBe(true);
  });

  it('ends a dropped route short of the workload its ingress policy protects', () => {
    const scene = buildTrafficScene(design, report);
    const db = scene.routes.find((r) => r.flowName === 'frontend-to-db')!;
    expect(db.delivered).toBe(false);
    expect(db.points).toEqual([centre('deploy-frontend'), centre('svc-postgres'), centre('sts-postgres')]);
    const lastSegment = db.lengths[2]! - db.lengths[1]!;
    expect(db.end).toBeCloseTo(db.lengths[1]! + 0.85 * lastSegment);
  });

  it('spends the particle budget in proportion to the rates, at least one per route', () => {
    const scene = buildTrafficScene(design, report, 50);
    expect(scene.particles).toBeLessThanOrEqual(50 + scene.routes.length);
    const shoppers = scene.routes.find((r) => r.flowName === 'shoppers')!;
    const db = scene.routes.find((r) => r.flowName === 'frontend-to-db')!;
    expect(shoppers.phases.length).toBeGreaterThanOrEqual(db.phases.length);
    expect(scene.routes.every((r) => r.phases.length >= 1)).toBe(true);
    expect(rateWidth(100, 1)).toBeGreaterThan(rateWidth(1, 1));
  });

  it('hit-tests the stop of a dropped route and a route line, not empty space', () => {
    const scene = buildTrafficScene(design, report);
    const db = scene.routes.find((r) => r.flowName === 'frontend-to-db')!;
    const a = db.points[1]!, b = db.points[2]!;
    const stop = { x: a.x + (b.x - a.x) * 0.85, y: a.y + (b.y - a.y) * 0.85 };
    const hit = hitTraffic(scene, stop, 0, 1);
    expect(hit?.particle).toBe(true);
    expect(hit?.route.reason).toContain('shop/allow-postgres-from-api');
    const line = hitTraffic(scene, { x: (a.x + stop.x) / 2, y: (a.y + stop.y) / 2 }, db.end / SPEED / 2 + 0.3, 1);
    expect(line?.route.flowName).toBeDefined();
    expect(hitTraffic(scene, { x: -5000, y: -5000 }, 0, 1)).toBeUndefined();
  });

  it('has nothing to draw without a report', () => {
    expect(buildTrafficScene(design, null)).toEqual({ routes: [], particles: 0 });
  });
});

describe('the traffic store', () => {
  it('traces the open design through the host and keeps only the newest answer', async () => {
    const { provideTraceApi, refreshTraffic, useTrafficStore } = await import('../../../renderer/traffic/store');
    const seen: string[] = [];
    let release: (() => void) | undefined;
    provideTraceApi(async (design) => {
      seen.push(design.name);
      if (design.name === 'slow') await new Promise<void>((r) => (release = r));
      return { ok: true, value: { flows: [], matrix: { peers: [design.name], cells: [] }, waiting: [] } };
    });
    try {
      replaceDesign(emptyDesign('slow'));
      const first = refreshTraffic();
      replaceDesign(emptyDesign('fast'));
      await refreshTraffic();
      release?.();
      await first;
      expect(seen).toEqual(['slow', 'fast']);
      expect(useTrafficStore.getState().report?.matrix.peers).toEqual(['fast']);
      expect(useTrafficStore.getState().status).toBe('ready');
      provideTraceApi(async () => ({ ok: false, error: { message: 'boom', code: 'traffic' } }));
      await refreshTraffic();
      expect(useTrafficStore.getState()).toMatchObject({ status: 'error', error: 'boom' });
    } finally {
      provideTraceApi(undefined);
    }
  });
});
