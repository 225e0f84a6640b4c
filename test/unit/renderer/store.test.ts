import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyDesign, type Design } from '../../../shared/design/types';
import type { KubeObject } from '../../../shared/model/object';
import {
  addResource, beginGesture, canRedo, canUndo, clearSelection, connect, copy, deleteResources, duplicate,
  endGesture, markSaved, moveFrame, moveResources, paste, provideDesignServices, redo, replaceDesign,
  resizeFrame, select, selectAll, selectEdges, setViewport, toggleSelected, undo, updateObject,
  useKubeplanStore, RESOURCE_WIDTH, RESOURCE_HEIGHT, MIN_FRAME, resetDesignServices, canConnectKinds, autoLayout,
} from '../../../renderer/store';

const state = () => useKubeplanStore.getState();
const byId = (id: string) => state().design.resources.find((r) => r.id === id)!;
const names = (kind: string) => state().design.resources.filter((r) => r.object.kind === kind).map((r) => r.object.metadata.name);

beforeEach(() => {
  replaceDesign(emptyDesign());
  useKubeplanStore.setState({ clipboard: [], pasteCount: 0 });
  setViewport({ x: 0, y: 0, scale: 1 });
});

describe('adding resources', () => {
  it('creates a valid Deployment centred at the drop point in the default namespace', () => {
    const id = addResource('Deployment', { x: 300, y: 200 })!;
    const r = byId(id);
    expect(r.object).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' } });
    expect(state().design.layout.positions[id]).toEqual({ x: 300 - RESOURCE_WIDTH / 2, y: 200 - RESOURCE_HEIGHT / 2 });
    expect(state().selection).toEqual([id]);
  });

  it('gives each new object of a kind a unique DNS-1123 name in its namespace: web, web-2, web-3', () => {
    addResource('Deployment', { x: 0, y: 0 });
    addResource('Deployment', { x: 0, y: 0 });
    addResource('Deployment', { x: 0, y: 0 });
    expect(names('Deployment')).toEqual(['web', 'web-2', 'web-3']);
    for (const n of names('Deployment')) expect(n).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });

  it('reuses a name in another namespace, since names are unique per namespace', () => {
    addResource('Deployment', { x: 0, y: 0 });
    addResource('Deployment', { x: 0, y: 0 }, 'shop');
    expect(names('Deployment')).toEqual(['web', 'web']);
  });

  it('turns a dropped Namespace into a frame and puts objects dropped inside it in that namespace', () => {
    const nsId = addResource('Namespace', { x: 400, y: 300 })!;
    const ns = byId(nsId).object.metadata.name;
    const frame = state().design.layout.frames[ns]!;
    expect(frame.x).toBeLessThan(400);
    expect(frame.x + frame.width).toBeGreaterThan(400);
    const id = addResource('Service', { x: 400, y: 300 })!;
    expect(byId(id).object.metadata.namespace).toBe(ns);
    expect(byId(nsId).object.metadata.namespace).toBeUndefined();
  });

  it('ignores kinds it does not know', () => {
    expect(addResource('Nonsense', { x: 0, y: 0 })).toBeUndefined();
    expect(state().design.resources).toHaveLength(0);
  });
});

describe('moving resources between namespace frames', () => {
  it('changes the namespace to the frame the card is dropped into, and back to default outside every frame', () => {
    const nsId = addResource('Namespace', { x: 1000, y: 1000 })!;
    const ns = byId(nsId).object.metadata.name;
    const id = addResource('Deployment', { x: 100, y: 100 })!;
    moveResources([id], 900, 900);
    expect(byId(id).object.metadata.namespace).toBe(ns);
    moveResources([id], -900, -900);
    expect(byId(id).object.metadata.namespace).toBe('default');
    expect(state().design.layout.positions[id]).toEqual({ x: 100 - RESOURCE_WIDTH / 2, y: 100 - RESOURCE_HEIGHT / 2 });
  });

  it('moving a Namespace carries its frame and the cards inside it, namespaces unchanged', () => {
    const nsId = addResource('Namespace', { x: 400, y: 300 })!;
    const ns = byId(nsId).object.metadata.name;
    const inside = addResource('Deployment', { x: 400, y: 300 })!;
    const outside = addResource('Deployment', { x: 2000, y: 2000 })!;
    const frameBefore = state().design.layout.frames[ns]!;
    const insideBefore = state().design.layout.positions[inside]!;
    moveResources([nsId], 50, 20);
    expect(state().design.layout.frames[ns]).toMatchObject({ x: frameBefore.x + 50, y: frameBefore.y + 20 });
    expect(state().design.layout.positions[inside]).toEqual({ x: insideBefore.x + 50, y: insideBefore.y + 20 });
    expect(byId(inside).object.metadata.namespace).toBe(ns);
    expect(byId(outside).object.metadata.namespace).toBe('default');
  });

  it('moves a frame that has no Namespace object (e.g. default) with its contents', () => {
    const d: Design = { ...emptyDesign(), layout: { positions: {}, frames: { default: { x: 0, y: 0, width: 600, height: 400 } } } };
    replaceDesign(d);
    const id = addResource('Service', { x: 100, y: 100 })!;
    moveFrame('default', 10, 10);
    expect(state().design.layout.frames.default).toMatchObject({ x: 10, y: 10 });
    expect(state().design.layout.positions[id]).toEqual({ x: 100 - RESOURCE_WIDTH / 2 + 10, y: 100 - RESOURCE_HEIGHT / 2 + 10 });
  });

  it('resizes a frame but never below the minimum size', () => {
    const nsId = addResource('Namespace', { x: 400, y: 300 })!;
    const ns = byId(nsId).object.metadata.name;
    resizeFrame(ns, { x: 0, y: 0, width: 10, height: 900 });
    expect(state().design.layout.frames[ns]).toEqual({ x: 0, y: 0, width: MIN_FRAME.width, height: 900 });
  });
});

describe('editing, deleting, copying', () => {
  it('updates an object and renaming a Namespace carries its frame and members along', () => {
    const nsId = addResource('Namespace', { x: 400, y: 300 })!;
    const id = addResource('Deployment', { x: 400, y: 300 })!;
    const ns = byId(nsId).object;
    updateObject(nsId, { ...ns, metadata: { ...ns.metadata, name: 'shop' } });
    expect(state().design.layout.frames.shop).toBeDefined();
    expect(state().design.layout.frames[ns.metadata.name]).toBeUndefined();
    expect(byId(id).object.metadata.namespace).toBe('shop');
  });

  it('deletes resources, their positions and a deleted Namespace\'s frame, and drops them from the selection', () => {
    const nsId = addResource('Namespace', { x: 400, y: 300 })!;
    const id = addResource('Deployment', { x: 2000, y: 300 })!;
    selectAll();
    deleteResources([nsId, id]);
    expect(state().design.resources).toHaveLength(0);
    expect(state().design.layout.positions).toEqual({});
    expect(state().design.layout.frames).toEqual({});
    expect(state().selection).toEqual([]);
  });

  it('duplicates with new unique names, offset, and selects the copies', () => {
    const id = addResource('Deployment', { x: 100, y: 100 })!;
    const [copyId] = duplicate([id]);
    expect(byId(copyId!).object.metadata.name).toBe('web-2');
    expect(state().design.layout.positions[copyId!]!.x).toBeGreaterThan(state().design.layout.positions[id]!.x);
    expect(state().selection).toEqual([copyId]);
  });

  it('copy then paste twice gives two new objects, each further away, and copying is not an undo step', () => {
    const id = addResource('Service', { x: 100, y: 100 })!;
    const before = useKubeplanStore.temporal.getState().pastStates.length;
    copy([id]);
    expect(useKubeplanStore.temporal.getState().pastStates.length).toBe(before);
    const [a] = paste();
    const [b] = paste();
    expect(names('Service')).toEqual(['svc', 'svc-2', 'svc-3']);
    const p = state().design.layout.positions;
    expect(p[b!]!.x - p[a!]!.x).toBe(p[a!]!.x - p[id]!.x);
  });

  it('pastes a copied Namespace as a new frame with its members in the new namespace', () => {
    const nsId = addResource('Namespace', { x: 400, y: 300 })!;
    const depId = addResource('Deployment', { x: 400, y: 300 })!;
    const [newNs, newDep] = duplicate([nsId, depId]);
    const nsName = byId(newNs!).object.metadata.name;
    expect(nsName).not.toBe(byId(nsId).object.metadata.name);
    expect(state().design.layout.frames[nsName]).toBeDefined();
    expect(byId(newDep!).object.metadata).toMatchObject({ name: 'web', namespace: nsName });
  });
});

describe('connecting resources', () => {
  afterEach(() => resetDesignServices());

  it('Service → Deployment sets the selector to the pod labels and draws the edge (shared connect)', () => {
    const dep = addResource('Deployment', { x: 300, y: 0 })!;
    const svc = addResource('Service', { x: 0, y: 0 })!;
    expect(canConnectKinds('Service', 'Deployment')).toBe(true);
    expect(canConnectKinds('Deployment', 'Ingress')).toBe(false);
    expect(connect(svc, dep)).toMatchObject({ ok: true });
    const labels = (byId(dep).object.spec as { template: { metadata: { labels: unknown } } }).template.metadata.labels;
    expect((byId(svc).object.spec as { selector: unknown }).selector).toEqual(labels);
    expect(selectEdges(state()).filter((e) => e.sourceId === svc).map((e) => e.targetId)).toEqual([dep]);
  });

  it('Ingress → Service adds a backend for that Service, one undo step', () => {
    const svc = addResource('Service', { x: 0, y: 0 })!;
    const ing = addResource('Ingress', { x: -300, y: 0 })!;
    const before = state().design;
    expect(connect(ing, svc)).toMatchObject({ ok: true });
    expect(JSON.stringify(byId(ing).object.spec)).toContain('"name":"svc"');
    expect(selectEdges(state()).some((e) => e.sourceId === ing && e.targetId === svc)).toBe(true);
    undo();
    expect(state().design).toBe(before);
  });

  it('writes the objects connect() changed and leaves the design alone when it refuses', () => {
    provideDesignServices({
      connect: (source, target) =>
        source.kind === 'Service' && target.kind === 'Deployment'
          ? { ok: true, changed: [{ ...source, spec: { ...(source.spec as object), selector: { app: target.metadata.name } } } as KubeObject] }
          : { ok: false, message: 'cannot connect' },
    });
    const svc = addResource('Service', { x: 0, y: 0 })!;
    const dep = addResource('Deployment', { x: 300, y: 0 })!;
    expect(selectEdges(state()).find((e) => e.sourceId === svc)?.targetId).toBeUndefined();
    expect(connect(svc, dep)).toMatchObject({ ok: true });
    expect((byId(svc).object.spec as { selector: unknown }).selector).toEqual({ app: 'web' });
    expect(selectEdges(state()).find((e) => e.sourceId === svc)?.targetId).toBe(dep);
    const before = state().design;
    expect(connect(dep, svc)).toEqual({ ok: false, message: 'cannot connect' });
    expect(state().design).toBe(before);
  });

  it('draws no edge from a ResourceQuota to its Namespace: the frame around it already says so', () => {
    addResource('Namespace', { x: 400, y: 300 });
    const quota = addResource('ResourceQuota', { x: 400, y: 300 })!;
    expect(selectEdges(state()).filter((e) => e.sourceId === quota)).toEqual([]);
  });

  it('draws a Service that selects nothing as a broken edge to a missing target', () => {
    const svc = addResource('Service', { x: 0, y: 0 })!;
    const edge = selectEdges(state()).find((e) => e.sourceId === svc)!;
    expect(edge.targetId).toBeUndefined();
    expect(edge.problem?.message).toMatch(/selects no pods/);
  });

  it('recomputes edges only when objects change, not on selection, viewport or a move within a namespace', () => {
    const id = addResource('Service', { x: 0, y: 0 })!;
    const edges = selectEdges(state());
    select([]);
    setViewport({ x: 5, y: 5, scale: 2 });
    moveResources([id], 40, 0);
    expect(selectEdges(state())).toBe(edges);
    updateObject(id, { ...byId(id).object, metadata: { ...byId(id).object.metadata, labels: { a: 'b' } } });
    expect(selectEdges(state())).not.toBe(edges);
  });
});

describe('auto-layout', () => {
  it('lays every resource out again as one undo step', () => {
    const a = addResource('Deployment', { x: 0, y: 0 })!;
    const b = addResource('Deployment', { x: 0, y: 0 })!;
    const before = state().design;
    autoLayout();
    const p = state().design.layout.positions;
    expect(p[a]).not.toEqual(p[b]);
    undo();
    expect(state().design).toBe(before);
  });
});

describe('undo history', () => {
  it('undoes and redoes every design change, one step each, without losing a state', () => {
    const designs: Design[] = [state().design];
    addResource('Deployment', { x: 0, y: 0 });
    designs.push(state().design);
    addResource('Service', { x: 300, y: 0 });
    designs.push(state().design);
    moveResources([state().design.resources[0]!.id], 10, 10);
    designs.push(state().design);
    for (let i = designs.length - 2; i >= 0; i--) {
      undo();
      expect(state().design).toBe(designs[i]);
    }
    expect(canUndo()).toBe(false);
    for (let i = 1; i < designs.length; i++) {
      redo();
      expect(state().design).toBe(designs[i]);
    }
    expect(canRedo()).toBe(false);
  });

  it('keeps selection and viewport out of history: selecting does not wipe redo', () => {
    const id = addResource('Deployment', { x: 0, y: 0 })!;
    addResource('Service', { x: 300, y: 0 });
    undo();
    const past = useKubeplanStore.temporal.getState().pastStates.length;
    select([id]);
    toggleSelected(id);
    clearSelection();
    setViewport({ x: 100, y: 50, scale: 1.5 });
    expect(useKubeplanStore.temporal.getState().pastStates.length).toBe(past);
    expect(canRedo()).toBe(true);
    redo();
    expect(names('Service')).toEqual(['svc']);
    expect(state().viewport).toEqual({ x: 100, y: 50, scale: 1.5 });
  });

  it('records a drag as one step however many moves the gesture made', () => {
    const id = addResource('Deployment', { x: 0, y: 0 })!;
    const start = state().design;
    beginGesture();
    for (let i = 0; i < 10; i++) moveResources([id], 5, 0);
    endGesture();
    expect(state().design.layout.positions[id]!.x).toBe(start.layout.positions[id]!.x + 50);
    undo();
    expect(state().design).toBe(start);
    redo();
    expect(state().design.layout.positions[id]!.x).toBe(start.layout.positions[id]!.x + 50);
  });

  it('drops undone resources from the selection', () => {
    const id = addResource('Deployment', { x: 0, y: 0 })!;
    expect(state().selection).toEqual([id]);
    undo();
    expect(state().selection).toEqual([]);
  });

  it('starts a loaded design with empty history, clean, and marks dirty on change and clean on save', () => {
    addResource('Deployment', { x: 0, y: 0 });
    replaceDesign(emptyDesign('shop'), '/tmp/shop.kubeplan.yaml');
    expect(canUndo()).toBe(false);
    expect(state().file).toMatchObject({ path: '/tmp/shop.kubeplan.yaml', dirty: false });
    addResource('Deployment', { x: 0, y: 0 });
    expect(state().file.dirty).toBe(true);
    markSaved();
    expect(state().file.dirty).toBe(false);
    undo();
    expect(state().file.dirty).toBe(true);
    redo();
    expect(state().file.dirty).toBe(false);
  });
});
