import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDesign, type Design } from '../../../shared/design/types';
import type { KubeObject } from '../../../shared/model/object';
import { hitTest, idsInBox, cardsInFrame } from '../../../renderer/canvas/hitTest';
import { HANDLE } from '../../../renderer/canvas/drawCard';
import { resourceSubtitle } from '../../../renderer/kinds/registry';
import { missingMarker } from '../../../renderer/canvas/drawEdges';
import { sceneFitsOnScreen } from '../../../renderer/canvas/view';
import { frameAt, RESOURCE_HEIGHT as H, RESOURCE_WIDTH as W } from '../../../renderer/store';
import { paletteGroups, PALETTE_GROUPS } from '../../../renderer/palette/paletteGroups';
import { allKindModules } from '../../../shared/kinds/registry';

const obj = (kind: string, name: string, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind, metadata: { name }, ...extra });

function design(): Design {
  const d = emptyDesign();
  d.resources = [
    { id: 'ns', object: obj('Namespace', 'shop') },
    { id: 'a', object: obj('Service', 'a') },
    { id: 'b', object: obj('Service', 'b') },
  ];
  d.layout.positions = { a: { x: 100, y: 100 }, b: { x: 1000, y: 100 } };
  d.layout.frames = { shop: { x: 50, y: 50, width: 600, height: 400 } };
  return d;
}

describe('what is under the pointer', () => {
  let d: Design;
  beforeEach(() => {
    d = design();
  });

  it('finds a card by its body and its connect handle on the right edge', () => {
    expect(hitTest(d, { x: 150, y: 120 }, 1)).toEqual({ type: 'card', id: 'a' });
    expect(hitTest(d, { x: 100 + HANDLE.x, y: 100 + HANDLE.y }, 1)).toEqual({ type: 'handle', id: 'a' });
  });

  it('offers no handle when zoomed too far out to aim at it', () => {
    expect(hitTest(d, { x: 100 + HANDLE.x - 1, y: 100 + HANDLE.y }, 0.1)).toEqual({ type: 'card', id: 'a' });
  });

  it('finds a frame\'s title bar and its resize grip, and empty space inside a frame', () => {
    expect(hitTest(d, { x: 400, y: 60 }, 1)).toEqual({ type: 'frame-header', frame: 'shop' });
    expect(hitTest(d, { x: 645, y: 445 }, 1)).toEqual({ type: 'resize', frame: 'shop' });
    expect(hitTest(d, { x: 400, y: 300 }, 1)).toEqual({ type: 'empty' });
  });

  it('rubber band picks the cards it touches and Namespaces whose frame lies inside it', () => {
    expect(idsInBox(d, { x: 0, y: 0, width: 200, height: 200 })).toEqual(['a']);
    expect(idsInBox(d, { x: 0, y: 0, width: 2000, height: 600 }).sort()).toEqual(['a', 'b', 'ns']);
  });

  it('a frame carries the cards whose centre is inside it', () => {
    expect(cardsInFrame(d, 'shop', frameAt)).toEqual(['a']);
  });

  it('nested frames: the smallest frame containing the point wins', () => {
    d.layout.frames.inner = { x: 80, y: 80, width: 300, height: 200 };
    expect(frameAt(d, { x: 100 + W / 2, y: 100 + H / 2 })).toBe('inner');
    expect(frameAt(d, { x: 600, y: 400 })).toBe('shop');
    expect(frameAt(d, { x: 2000, y: 2000 })).toBeUndefined();
  });

  it('stacks the "missing" markers of several broken references of one object', () => {
    const p = { x: 0, y: 0 };
    expect(missingMarker(p, 1).y).toBeLessThan(missingMarker(p, 0).y);
  });
});

describe('panning slides the drawn canvases only while nothing is culled', () => {
  const screen = { width: 1200, height: 500 };
  // Cards and the frame span x 50..1160, y 50..450 in the world.
  it('the whole design in view, clear of the edges: a pan may slide', () => {
    expect(sceneFitsOnScreen(design(), [], { x: 0, y: 0, scale: 1 }, 12, screen)).toBe(true);
    expect(sceneFitsOnScreen(design(), [], { x: 100, y: 0, scale: 0.5 }, 12, screen)).toBe(true);
  });

  it('a card at or past the canvas edge, or an empty margin too thin for its selection ring: the pan redraws', () => {
    expect(sceneFitsOnScreen(design(), [], { x: 40, y: 0, scale: 1 }, 12, screen)).toBe(false);
    expect(sceneFitsOnScreen(design(), [], { x: 0, y: -45, scale: 1 }, 12, screen)).toBe(false);
    expect(sceneFitsOnScreen(design(), [], { x: 0, y: 45, scale: 1 }, 12, screen)).toBe(false);
  });

  it('a broken reference\'s "missing" marker beside a card counts as part of the scene', () => {
    const marker = missingMarker({ x: 1000, y: 100 }, 0);
    expect(sceneFitsOnScreen(design(), [marker], { x: 0, y: 0, scale: 1 }, 12, screen)).toBe(false);
    expect(sceneFitsOnScreen(design(), [marker], { x: -30, y: 0, scale: 1 }, 12, screen)).toBe(true);
  });

  it('an empty design always fits', () => {
    expect(sceneFitsOnScreen(emptyDesign(), [], { x: 5000, y: 5000, scale: 1 }, 12, screen)).toBe(true);
  });
});

describe('card subtitles', () => {
  it('say what matters for each kind', () => {
    expect(resourceSubtitle({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3 } })).toBe('3 replicas');
    expect(resourceSubtitle(obj('Service', 's', { spec: { type: 'NodePort', ports: [{ port: 80 }, { port: 443 }] } }))).toBe('NodePort :80,443');
    expect(resourceSubtitle(obj('PersistentVolumeClaim', 'd', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }))).toBe('1Gi RWO');
    expect(resourceSubtitle(obj('Widget', 'w', { metadata: { name: 'w', namespace: 'x' } }))).toBe('namespace x');
  });
});

describe('the palette', () => {
  it('lists every known kind once, in the fixed group order', () => {
    const groups = paletteGroups();
    const kinds = groups.flatMap((g) => g.kinds.map((k) => k.kind));
    expect(new Set(kinds).size).toBe(allKindModules().length);
    const order = groups.map((g) => PALETTE_GROUPS.indexOf(g.group));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(groups.find((g) => g.group === 'Cluster')?.kinds.map((k) => k.kind)).toContain('Namespace');
  });
});

describe('adding at the centre of the view', () => {
  it('steps aside to the nearest spot where the new card overlaps no other', async () => {
    const { freeSpotNear } = await import('../../../renderer/palette/dropResource');
    const { addResource, replaceDesign, useKubeplanStore } = await import('../../../renderer/store');
    replaceDesign(emptyDesign());
    expect(freeSpotNear({ x: 0, y: 0 })).toEqual({ x: 0, y: 0 });
    addResource('Deployment', { x: 0, y: 0 });
    const spot = freeSpotNear({ x: 10, y: 5 });
    const p = Object.values(useKubeplanStore.getState().design.layout.positions)[0]!;
    const apart = Math.abs(spot.x - (p.x + W / 2)) >= W || Math.abs(spot.y - (p.y + H / 2)) >= H;
    expect(apart).toBe(true);
  });
});
