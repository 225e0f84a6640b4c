/**
 * Draws the reference edges: an arrow from a source card to each target, coloured by relation;
 * a broken reference is a dashed red line to a small "missing" marker beside its source. All edges
 * of a layer are stroked as a few batched paths (one per colour), culled to the screen.
 */
import type { Point } from '../../shared/design/types';
import type { DesignEdge } from '../store';
import { RESOURCE_HEIGHT as H, RESOURCE_WIDTH as W } from '../store';
import { FONT_FAMILY, RELATION_COLORS, THEME } from './theme';
import { DETAIL_SCALE } from './drawCard';
import { isBoxVisible, view } from './view';

export interface EdgeScene {
  edges: readonly DesignEdge[];
  positions: Readonly<Record<string, Point>>;
  /** Resources being dragged: their edges are drawn by the drag layer, offset by `offset`. */
  moving: ReadonlySet<string>;
  offset: Point;
  /** Selected resources: their edges are drawn bolder, so a busy graph reads one object at a time. */
  selected: ReadonlySet<string>;
}

export const emptyEdgeScene = (): EdgeScene => ({ edges: [], positions: {}, moving: new Set(), offset: { x: 0, y: 0 }, selected: new Set() });

/** Where a broken reference's "missing" marker sits, by its index among the source's broken edges. */
export function missingMarker(source: Point, k: number): Point {
  return { x: source.x + W + 34, y: source.y - 14 - k * 24 };
}

/** Point on the border of a card (top-left `p`) on the way from its centre to `toward`. */
function clipToCard(p: Point, toward: Point): Point {
  const cx = p.x + W / 2;
  const cy = p.y + H / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const t = Math.min(dx === 0 ? Infinity : W / 2 / Math.abs(dx), dy === 0 ? Infinity : H / 2 / Math.abs(dy));
  return { x: cx + dx * Math.min(1, t), y: cy + dy * Math.min(1, t) };
}

function arrowHead(ctx: CanvasPath, from: Point, to: Point, size: number): void {
  const a = Math.atan2(to.y - from.y, to.x - from.x);
  ctx.moveTo(to.x, to.y);
  ctx.lineTo(to.x - size * Math.cos(a - 0.45), to.y - size * Math.sin(a - 0.45));
  ctx.moveTo(to.x, to.y);
  ctx.lineTo(to.x - size * Math.cos(a + 0.45), to.y - size * Math.sin(a + 0.45));
}

/**
 * Draw the edges of a scene. `which` picks the static edges (no moving end) or the moving ones
 * (at least one end moving), so a drag redraws only the edges that move.
 */
export function drawEdges(ctx: CanvasRenderingContext2D, scene: EdgeScene, which: 'static' | 'moving'): void {
  const { edges, positions, moving, offset, selected } = scene;
  const paths = new Map<string, Path2D>();
  const bold = new Map<string, Path2D>();
  const broken = new Path2D();
  const markers: Point[] = [];
  const brokenCount = new Map<string, number>();
  const pos = (id: string): Point | undefined => {
    const p = positions[id];
    if (!p) return undefined;
    return moving.has(id) ? { x: p.x + offset.x, y: p.y + offset.y } : p;
  };
  const detailed = view.scale >= DETAIL_SCALE;
  // 1.25 screen pixels when zoomed out (sub-pixel lines cost as much and show nothing).
  const lw = Math.max(1.25, 1.25 / view.scale);
  const head = 9;
  for (const e of edges) {
    const movingEdge = moving.has(e.sourceId) || (e.targetId !== undefined && moving.has(e.targetId));
    if ((which === 'moving') !== movingEdge) {
      if (!e.targetId) brokenCount.set(e.sourceId, (brokenCount.get(e.sourceId) ?? 0) + 1);
      continue;
    }
    const s = pos(e.sourceId);
    if (!s) continue;
    if (!e.targetId) {
      const k = brokenCount.get(e.sourceId) ?? 0;
      brokenCount.set(e.sourceId, k + 1);
      const m = missingMarker(s, k);
      if (!isBoxVisible(Math.min(s.x, m.x) - 12, Math.min(s.y, m.y) - 12, W + 60, H + 40)) continue;
      const from = { x: s.x + W, y: s.y + H / 2 - 10 };
      broken.moveTo(from.x, from.y);
      broken.lineTo(m.x - 8, m.y + 4);
      markers.push(m);
      continue;
    }
    const t = pos(e.targetId);
    if (!t) continue;
    const minX = Math.min(s.x, t.x);
    const minY = Math.min(s.y, t.y);
    if (!isBoxVisible(minX, minY, Math.abs(s.x - t.x) + W, Math.abs(s.y - t.y) + H)) continue;
    const sc = { x: s.x + W / 2, y: s.y + H / 2 };
    const tc = { x: t.x + W / 2, y: t.y + H / 2 };
    const a = clipToCard(s, tc);
    const b = clipToCard(t, sc);
    const color = RELATION_COLORS[e.relation] ?? THEME.fallbackKind;
    const group = selected.size > 0 && (selected.has(e.sourceId) || selected.has(e.targetId)) ? bold : paths;
    let path = group.get(color);
    if (!path) group.set(color, (path = new Path2D()));
    path.moveTo(a.x, a.y);
    path.lineTo(b.x, b.y);
    if (detailed) arrowHead(path, a, b, head);
  }
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = lw;
  ctx.setLineDash([]);
  for (const [color, path] of paths) {
    ctx.strokeStyle = color;
    ctx.stroke(path);
  }
  ctx.lineWidth = lw * 2.2;
  for (const [color, path] of bold) {
    ctx.strokeStyle = color;
    ctx.stroke(path);
  }
  ctx.lineWidth = lw;
  if (markers.length === 0) return;
  ctx.strokeStyle = THEME.broken;
  ctx.setLineDash([6, 5]);
  ctx.stroke(broken);
  ctx.setLineDash([]);
  ctx.fillStyle = '#fff';
  ctx.lineWidth = 1.5;
  for (const m of markers) {
    ctx.beginPath();
    ctx.arc(m.x, m.y, 9, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
  if (!detailed) return;
  ctx.fillStyle = THEME.broken;
  ctx.font = `700 12px ${FONT_FAMILY}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const m of markers) ctx.fillText('?', m.x, m.y + 0.5);
  ctx.fillStyle = '#fff';
}

export interface MissingMarker {
  at: Point;
  sourceId: string;
  message: string;
}

/** Where each broken reference's marker is, with what it says (hover tooltips). */
export function missingMarkers(edges: readonly DesignEdge[], positions: Readonly<Record<string, Point>>): MissingMarker[] {
  const count = new Map<string, number>();
  const out: MissingMarker[] = [];
  for (const e of edges) {
    if (e.targetId) continue;
    const k = count.get(e.sourceId) ?? 0;
    count.set(e.sourceId, k + 1);
    const p = positions[e.sourceId];
    if (p) out.push({ at: missingMarker(p, k), sourceId: e.sourceId, message: e.problem?.message ?? e.label });
  }
  return out;
}
