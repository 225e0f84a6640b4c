import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDesign, type Design } from '../../../shared/design/types';
import type { KubeObject } from '../../../shared/model/object';
import { movedCards, rerouteAround, routeEdges, type RouteInput } from '../../../renderer/canvas/edgeRoutes';
import {
  canUndo, designIndex, replaceDesign, selectEdges, setEdgeKindVisible, setEdgeLegendOpen, showAllEdgeKinds, useKubeplanStore,
  RESOURCE_HEIGHT as H, RESOURCE_WIDTH as W,
} from '../../../renderer/store';
import { namespaceFrameOf } from '../../../shared/design/layout';
import { POLICY_HEAVY, policyHeavyDesign } from '../../fixtures/policyHeavy';

const state = () => useKubeplanStore.getState();

describe('the policy-heavy design (50 namespaces, 200 policies selecting namespaces by label)', () => {
  const d = policyHeavyDesign();
  const edges = designIndex(d).edges;

  it('has 3,350 objects', () => {
    expect(d.resources).toHaveLength(3350);
  });

  it('draws a whole-namespace peer as one edge to the namespace frame, not one per workload: thousands of edges, not 45,000', () => {
    const policyEdges = edges.filter((e) => e.relation === 'policy-peer' || e.relation === 'policy-target');
    // Each namespace's allow-from-front-tiers peer selects the 20 web and api namespaces.
    const fromTiers = policyEdges.filter((e) => e.sourceId === idOf(d, 'NetworkPolicy', 'team-01', 'allow-from-front-tiers') && e.kind === 'policy-from');
    expect(fromTiers.map((e) => e.targetFrame)).toHaveLength(20);
    expect(fromTiers.every((e) => e.targetFrame !== undefined && e.targetId === undefined)).toBe(true);
    expect(edges.length).toBeLessThan(5000);
    expect(policyEdges.length).toBeLessThan(2500);
  });

  it('splits policy peers by direction: ingress "allows from", egress "allows to"', () => {
    const kinds = (name: string) => new Set(edges.filter((e) => e.sourceId === idOf(d, 'NetworkPolicy', 'team-02', name) && e.relation === 'policy-peer').map((e) => e.kind));
    expect(kinds('allow-to-data')).toEqual(new Set(['policy-to']));
    expect(kinds('allow-monitoring')).toEqual(new Set(['policy-from']));
  });

  it('a default-deny policy (podSelector {}) applies to its own namespace as one edge', () => {
    const deny = edges.filter((e) => e.sourceId === idOf(d, 'NetworkPolicy', 'team-07', 'default-deny'));
    expect(deny.map((e) => [e.kind, e.targetFrame])).toEqual([['policy-target', 'team-07']]);
  });

  it('routes every edge; the edges to other namespaces\' frames are the ones between namespaces (hidden zoomed out unless selected)', () => {
    const input = routeInput(d);
    const table = routeEdges(input);
    expect(table.routes.size).toBe(edges.length);
    expect([...table.routes.values()].filter((r) => r.crossNamespace)).toHaveLength(POLICY_HEAVY.namespaces * 40 - 40);
  });
});

function idOf(d: Design, kind: string, ns: string, name: string): string {
  return d.resources.find((r) => r.object.kind === kind && r.object.metadata.namespace === ns && r.object.metadata.name === name)!.id;
}

function routeInput(d: Design): RouteInput {
  const ns = new Map(d.resources.map((r) => [r.id, namespaceFrameOf(r.object)]));
  return {
    edges: designIndex(d).edges, positions: d.layout.positions, frames: d.layout.frames,
    namespaceOf: (id) => ns.get(id) ?? '', cardIds: d.resources.filter((r) => r.object.kind !== 'Namespace').map((r) => r.id),
  };
}

const obj = (kind: string, name: string, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: kind === 'Deployment' ? 'apps/v1' : 'v1', kind, metadata: { name, namespace: 'shop' }, ...extra });

/** A Service, its Deployment three cards to the right, and a ConfigMap card in the way. */
function rowDesign(): Design {
  const d = emptyDesign();
  d.resources = [
    { id: 'svc', object: obj('Service', 'web', { spec: { selector: { app: 'web' } } }) },
    { id: 'cm', object: obj('ConfigMap', 'other') },
    { id: 'dep', object: obj('Deployment', 'web', { spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } }) },
  ];
  d.layout.positions = { svc: { x: 0, y: 0 }, cm: { x: 300, y: 0 }, dep: { x: 600, y: 0 } };
  d.layout.frames = { shop: { x: -40, y: -60, width: 900, height: 300 } };
  return d;
}

describe('edge routes', () => {
  it('a straight line through another card is bent around it; with the card gone it is straight', () => {
    const d = rowDesign();
    const route = routeEdges(routeInput(d)).routes.get(designIndex(d).edges[0]!.id)!;
    expect(route.c).toBeDefined();
    // The curve's middle clears the card in the way (above or below it).
    const midY = (route.a.y + 2 * route.c!.y + route.b.y) / 4;
    expect(midY < 0 || midY > H).toBe(true);
    const clear = { ...d, layout: { ...d.layout, positions: { ...d.layout.positions, cm: { x: 300, y: 400 } } } };
    const straight = routeEdges(routeInput(clear)).routes.get(designIndex(clear).edges[0]!.id)!;
    expect(straight.c).toBeUndefined();
    expect(straight.a).toEqual({ x: W, y: H / 2 });
    expect(straight.b).toEqual({ x: 600, y: H / 2 });
  });

  it('after a move, only edges with a moved end are re-routed at once; the edges the moved card now lies across follow', () => {
    const d = rowDesign();
    d.layout.positions.cm = { x: 300, y: 400 };
    const first = routeEdges(routeInput(d));
    const id = designIndex(d).edges[0]!.id;
    const moved = { ...d, layout: { ...d.layout, positions: { ...d.layout.positions, cm: { x: 300, y: 0 } } } };
    const input = routeInput(moved);
    const next = routeEdges(input, first);
    expect(next.routes.get(id)).toBe(first.routes.get(id));
    expect(movedCards(first.positions, input.positions, input.cardIds)).toEqual(['cm']);
    expect(rerouteAround(next, input, ['cm'])).toBe(1);
    expect(next.routes.get(id)!.c).toBeDefined();
  });
});

describe('edge filters', () => {
  beforeEach(() => {
    replaceDesign(rowDesign());
    showAllEdgeKinds();
  });

  it('hiding a kind is view state: the design stays clean and there is nothing to undo', () => {
    const design = state().design;
    setEdgeKindVisible('policy-from', false);
    setEdgeKindVisible('selects', false);
    setEdgeLegendOpen(true);
    expect(state().edgeView).toEqual({ hidden: ['policy-from', 'selects'], legendOpen: true });
    expect(state().design).toBe(design);
    expect(state().file.dirty).toBe(false);
    expect(canUndo()).toBe(false);
    setEdgeKindVisible('selects', true);
    expect(state().edgeView.hidden).toEqual(['policy-from']);
    showAllEdgeKinds();
    expect(state().edgeView.hidden).toEqual([]);
  });

  it('filters never change which edges the design has (only what the canvas draws)', () => {
    const before = selectEdges(state()).length;
    setEdgeKindVisible('selects', false);
    expect(selectEdges(state())).toHaveLength(before);
  });
});
