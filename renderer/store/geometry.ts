/**
 * Canvas geometry shared by the store and the canvas: the size of a resource's card, which
 * namespace frame a point falls in, and bounding boxes.
 */
import { NODE_SIZE } from '../../shared/design/layout';
import type { Box, Design, Point } from '../../shared/design/types';

/**
 * Every resource is drawn as a card of this size (world units), top-left at its layout position:
 * the size auto-layout reserves, so laid-out and saved designs never overlap.
 */
export const RESOURCE_WIDTH = NODE_SIZE.width;
export const RESOURCE_HEIGHT = NODE_SIZE.height;
/** Size of a new namespace frame, and the smallest a frame may be resized to. */
export const DEFAULT_FRAME = { width: 640, height: 400 };
export const MIN_FRAME = { width: 200, height: 120 };
/** Height of a frame's title bar (where it is grabbed to move and its name is drawn). */
export const FRAME_HEADER = 28;

export function resourceBox(p: Point): Box {
  return { x: p.x, y: p.y, width: RESOURCE_WIDTH, height: RESOURCE_HEIGHT };
}

export function resourceCenter(p: Point): Point {
  return { x: p.x + RESOURCE_WIDTH / 2, y: p.y + RESOURCE_HEIGHT / 2 };
}

export function boxContains(b: Box, p: Point): boolean {
  return p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
}

export function boxesIntersect(a: Box, b: Box): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** A box from two corners in any order (rubber band). */
export function boxFromCorners(a: Point, b: Point): Box {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/**
 * The namespace whose frame contains a point. When frames overlap, the smallest wins (the one drawn
 * on top reads as "inside"); undefined when the point is outside every frame.
 */
export function frameAt(design: Design, p: Point): string | undefined {
  let best: string | undefined;
  let bestArea = Infinity;
  for (const [name, box] of Object.entries(design.layout.frames)) {
    const area = box.width * box.height;
    if (boxContains(box, p) && area < bestArea) {
      best = name;
      bestArea = area;
    }
  }
  return best;
}

/** Bounding box of everything on the canvas (cards and frames), or undefined for an empty design. */
export function contentBounds(design: Design): Box | undefined {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const add = (b: Box) => {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  };
  for (const r of design.resources) {
    const p = design.layout.positions[r.id];
    if (p && r.object.kind !== 'Namespace') add(resourceBox(p));
  }
  for (const box of Object.values(design.layout.frames)) add(box);
  if (minX === Infinity) return undefined;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
