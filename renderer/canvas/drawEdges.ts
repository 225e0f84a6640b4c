/**
 * Draws the reference edges: an arrow from a source card to each target (or, for a whole
 * namespace, to its frame), coloured by kind, along the routes edgeRoutes.ts computed when the
 * design changed; a broken reference is a dashed red line to a small "missing" marker beside its
 * source. All edges of a layer are stroked as a few batched paths (one per kind), culled to the
 * screen. On a crowded design (hundreds of edges between namespaces, which would cross the whole
 * canvas as a sheet of lines), edges between namespaces show for the selected objects only.
 */
import type { Box, Point } from '../../shared/design/types';
import { pointsAtSource, type EdgeKind } from '../../shared/references';
import type { DesignEdge } from '../store';
import { RESOURCE_HEIGHT as H, RESOURCE_WIDTH as W } from '../store';
import { EDGE_COLORS, EDGE_DASH, FONT_FAMILY, THEME } from './theme';
import { DETAIL_SCALE } from './drawCard';
import { clipToBox, emptyRouteTable, type RouteTable } from './edgeRoutes';
import { isBoxVisible, view } from './view';

export interface EdgeScene {
  edges: readonly DesignEdge[];
  positions: Readonly<Record<string, Point>>;
  frames: Readonly<Record<string, Box>>;
  /** Routes of the static edges, computed on design change. */
  routes: RouteTable;
  /** Edge kinds filtered out in the legend. */
  hidden: ReadonlySet<EdgeKind>;
  /** Many edges between namespaces: only the selection's are drawn. */
  crowded: boolean;
  /** Resources being dragged: their edges are drawn by the drag layer, offset by `offset`. */
  moving: ReadonlySet<string>;
  offset: Point;
  /** Selected resources: their edges are drawn bolder, so a busy graph reads one object at a time. */
  selected: ReadonlySet<string>;
}

export const emptyEdgeScene = (): EdgeScene => ({
  edges: [], positions: {}, frames: {}, routes: emptyRouteTable(), hidden: new Set(), crowded: false,
  moving: new Set(), offset: { x: 0, y: 0 }, selected: new Set(),
});

/** Edges between namespaces above which only the selection's are drawn. */
export const CROWDED_CROSS_NAMESPACE = 300;

/** What the last static draw drew (tests and the bench read it through the test hooks). */
export const edgeStats = { drawn: 0, hiddenUntilSelected: 0 };

/** Where a broken reference's "missing" marker sits, by its index among the source's broken edges. */
export function missingMarker(source: Point, k: number): Point {
  return { x: source.x + W + 34, y: source.y - 14 - k * 24 };
}

function arrowHead(ctx: CanvasPath, from: Point, to: Point, size: number): void {
  const a = Math.atan2(to.y - from.y, to.x - from.x);
  ctx.moveTo(to.x, to.y);
  ctx.lineTo(to.x - size * Math.cos(a - 0.45), to.y - size * Math.sin(a - 0.45));
  ctx.moveTo(to.x, to.y);
  ctx.lineTo(to.x - size * Math.cos(a + 0.45), to.y - size * Math.sin(a + 0.45));
}

/** One edge into a path: the route's line or curve, and the arrowhead at the end traffic flows to. */
function trace(path: Path2D, kind: EdgeKind, a: Point, c: Point | undefined, b: Point, arrow: boolean): void {
  path.moveTo(a.x, a.y);
  if (c) path.quadraticCurveTo(c.x, c.y, b.x, b.y);
  else path.lineTo(b.x, b.y);
  if (!arrow) return;
  if (pointsAtSource(kind)) arrowHead(path, c ?? b, a, 9);
  else arrowHead(path, c ?? a, b, 9);
}

/**
 * Draw the edges of a scene. `which` picks the static edges (no moving end) or the moving ones
 * (at least one end moving), so a drag redraws only the edges that move.
 */
export function drawEdges(ctx: CanvasRenderingContext2D, scene: EdgeScene, which: 'static' | 'moving'): void {
  const { edges, positions, frames, moving, offset, selected, hidden, routes } = scene;
  const paths = new Map<EdgeKind, Path2D>();
  const bold = new Map<EdgeKind, Path2D>();
  const broken = new Path2D();
  const markers: Point[] = [];
  const brokenCount = new Map<string, number>();
  const pos = (id: string): Point | undefined => {
    const p = positions[id];
    if (!p) return undefined;
    return moving.has(id) ? { x: p.x + offset.x, y: p.y + offset.y } : p;
  };
  const detailed = view.scale >= DETAIL_SCALE;
  const thinOut = scene.crowded;
  let drawn = 0;
  let hiddenUntilSelected = 0;
  // 1.25 screen pixels zoomed in. Zoomed out (the overview), exactly one device pixel: Skia then
  // strokes the batched paths as hairlines (SkDraw's treat-as-hairline), about ten times cheaper
  // in the software raster than stroking thousands of curves into outlines first.
  const lw = detailed ? Math.max(1.25, 1.25 / view.scale) : 1 / (view.scale * (globalThis.devicePixelRatio || 1));
  for (const e of edges) {
    const movingEdge = moving.has(e.sourceId) || (e.targetId !== undefined && moving.has(e.targetId));
    const isBroken = e.targetId === undefined && e.targetFrame === undefined;
    if ((which === 'moving') !== movingEdge) {
      if (isBroken) brokenCount.set(e.sourceId, (brokenCount.get(e.sourceId) ?? 0) + 1);
      continue;
    }
    if (isBroken) {
      const s = pos(e.sourceId);
      if (!s) continue;
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
    if (hidden.has(e.kind)) continue;
    const isSelected = selected.size > 0 && (selected.has(e.sourceId) || (e.targetId !== undefined && selected.has(e.targetId)));
    const group = isSelected ? bold : paths;
    let path = group.get(e.kind);
    if (which === 'static') {
      const r = routes.routes.get(e.id);
      if (!r) continue;
      if (thinOut && r.crossNamespace && !isSelected) {
        hiddenUntilSelected++;
        continue;
      }
      if (!isBoxVisible(r.minX, r.minY, r.maxX - r.minX, r.maxY - r.minY)) continue;
      if (!path) group.set(e.kind, (path = new Path2D()));
      trace(path, e.kind, r.a, r.c, r.b, detailed);
      drawn++;
      continue;
    }
    // Moving edges follow the pointer: straight, from border to border.
    const s = pos(e.sourceId);
    if (!s) continue;
    const t: Box | undefined = e.targetId !== undefined
      ? (() => { const p = pos(e.targetId); return p ? { ...p, width: W, height: H } : undefined; })()
      : frames[e.targetFrame!];
    if (!t) continue;
    const sc = { x: s.x + W / 2, y: s.y + H / 2 };
    const tc = { x: t.x + t.width / 2, y: t.y + t.height / 2 };
    if (!path) group.set(e.kind, (path = new Path2D()));
    trace(path, e.kind, clipToBox(s.x, s.y, W, H, tc), undefined, clipToBox(t.x, t.y, t.width, t.height, sc), detailed);
  }
  if (which === 'static') Object.assign(edgeStats, { drawn, hiddenUntilSelected });
  ctx.lineCap = detailed ? 'round' : 'butt';
  ctx.lineJoin = detailed ? 'round' : 'miter';
  const stroke = (group: Map<EdgeKind, Path2D>, width: number) => {
    ctx.lineWidth = width;
    for (const [kind, path] of group) {
      ctx.strokeStyle = EDGE_COLORS[kind] ?? THEME.fallbackKind;
      const dash = EDGE_DASH[kind];
      ctx.setLineDash(dash ? dash.map((d) => d * Math.max(1, 1 / view.scale)) : []);
      ctx.stroke(path);
    }
  };
  stroke(paths, lw);
  stroke(bold, lw * 2.2);
  ctx.setLineDash([]);
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
    if (e.targetId !== undefined || e.targetFrame !== undefined) continue;
    const k = count.get(e.sourceId) ?? 0;
    count.set(e.sourceId, k + 1);
    const p = positions[e.sourceId];
    if (p) out.push({ at: missingMarker(p, k), sourceId: e.sourceId, message: e.problem?.message ?? e.label });
  }
  return out;
}
