/**
 * The live view of the canvas: the Konva stage, its size and the world rectangle on screen. Kept
 * outside React so drawing functions can cull and pick a level of detail without re-rendering,
 * and so toolbar/menu actions (fit, zoom) can reach the canvas.
 */
import type Konva from 'konva';
import type { Box, Design, Point } from '../../shared/design/types';
import { contentBounds, setViewport, useKubeplanStore, type Viewport } from '../store';

export const view = {
  stage: undefined as Konva.Stage | undefined,
  width: 800,
  height: 600,
  /** False until the canvas has measured its container; a fit asked for earlier waits for it. */
  measured: false,
  pendingFit: false,
  /** The world rectangle on screen, padded a little, for culling. */
  world: { x: -Infinity, y: -Infinity, width: Infinity, height: Infinity } as Box,
  scale: 1,
  /** How far a running pan has slid the drawn canvases by CSS, ahead of the stage's own position. */
  panShift: { x: 0, y: 0 } as Point,
};

/** Recompute what is on screen from a viewport (called before each redraw after a pan or zoom). */
export function updateVisibleWorld(v: Viewport): void {
  const pad = 40 / v.scale;
  view.scale = v.scale;
  view.world = {
    x: -v.x / v.scale - pad,
    y: -v.y / v.scale - pad,
    width: view.width / v.scale + 2 * pad,
    height: view.height / v.scale + 2 * pad,
  };
}

export function isBoxVisible(x: number, y: number, w: number, h: number): boolean {
  const r = view.world;
  return x + w >= r.x && x <= r.x + r.width && y + h >= r.y && y <= r.y + r.height;
}

/**
 * True when every card, frame and "missing" marker of the design lies inside the canvas, `margin`
 * screen pixels clear of its edges (room for selection rings and strokes): nothing is culled, so
 * the drawn canvases hold the whole scene and a pan can slide them instead of redrawing.
 */
export function sceneFitsOnScreen(design: Design, markers: readonly Point[], v: Viewport, margin: number, size = { width: view.width, height: view.height }): boolean {
  const b = contentBounds(design);
  if (!b) return true;
  const reach = 16; // a marker's circle and arrow, in world units
  let x0 = b.x, y0 = b.y, x1 = b.x + b.width, y1 = b.y + b.height;
  for (const m of markers) {
    x0 = Math.min(x0, m.x - reach);
    y0 = Math.min(y0, m.y - reach);
    x1 = Math.max(x1, m.x + reach);
    y1 = Math.max(y1, m.y + reach);
  }
  return x0 * v.scale + v.x >= margin && y0 * v.scale + v.y >= margin
    && x1 * v.scale + v.x <= size.width - margin && y1 * v.scale + v.y <= size.height - margin;
}

/** The viewport currently on screen: the stage (plus a pan's CSS shift) while a gesture is running, else the store's. */
export function currentViewport(): Viewport {
  const s = view.stage;
  return s ? { x: s.x() + view.panShift.x, y: s.y() + view.panShift.y, scale: s.scaleX() } : useKubeplanStore.getState().viewport;
}

export function screenToWorld(p: Point, v: Viewport = currentViewport()): Point {
  return { x: (p.x - v.x) / v.scale, y: (p.y - v.y) / v.scale };
}

/** The world point at the centre of the canvas (click-to-add from the palette). */
export function viewportCenter(): Point {
  return screenToWorld({ x: view.width / 2, y: view.height / 2 });
}

/** Zoom by a factor keeping the screen point `around` (default: the centre) still. */
export function zoomBy(factor: number, around: Point = { x: view.width / 2, y: view.height / 2 }): void {
  const v = currentViewport();
  const world = screenToWorld(around, v);
  const scale = clampScale(v.scale * factor);
  setViewport({ scale, x: around.x - world.x * scale, y: around.y - world.y * scale });
}

export function clampScale(s: number): number {
  return Math.min(4, Math.max(0.05, s));
}

/** Frame everything (cards and namespace frames) in the canvas with a margin; no zoom above 100 %. */
export function fitToContent(margin = 48): void {
  if (!view.measured) {
    view.pendingFit = true;
    return;
  }
  const bounds = contentBounds(useKubeplanStore.getState().design);
  if (!bounds) {
    setViewport({ x: 0, y: 0, scale: 1 });
    return;
  }
  fitBox(bounds, margin, 1);
}

export function fitBox(b: Box, margin = 48, maxScale = 1.5): void {
  const scale = clampScale(
    Math.min(maxScale, (view.width - 2 * margin) / Math.max(1, b.width), (view.height - 2 * margin) / Math.max(1, b.height)),
  );
  setViewport({
    scale,
    x: Math.round(view.width / 2 - (b.x + b.width / 2) * scale),
    y: Math.round(view.height / 2 - (b.y + b.height / 2) * scale),
  });
}

/** Centre the view on a box without changing the zoom (clicking a problem centres its object). */
export function centerOn(b: Box): void {
  const v = currentViewport();
  setViewport({ scale: v.scale, x: Math.round(view.width / 2 - (b.x + b.width / 2) * v.scale), y: Math.round(view.height / 2 - (b.y + b.height / 2) * v.scale) });
}
