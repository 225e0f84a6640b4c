/**
 * Where each edge runs, computed once per change of the design (never per frame): from the border
 * of its source card to the border of its target card, or of its target namespace's frame for a
 * whole-namespace edge; bent into a quadratic curve when the straight line would cross another
 * card. Cards are looked up in a uniform grid, so routing 7,500 edges costs tens of milliseconds.
 */
import type { Box, Point } from '../../shared/design/types';
import type { DesignEdge } from '../store';
import { FRAME_HEADER, RESOURCE_HEIGHT as H, RESOURCE_WIDTH as W } from '../store';

export interface EdgeRoute {
  /** Start, on the source card's border. */
  a: Point;
  /** Quadratic control point; undefined for a straight edge. */
  c?: Point;
  /** End, on the target card's (or frame's) border. */
  b: Point;
  /** Bounding box of the curve, for culling. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** True when the ends lie in different namespaces (or one is a frame of another namespace). */
  crossNamespace: boolean;
}

export interface RouteInput {
  edges: readonly DesignEdge[];
  positions: Readonly<Record<string, Point>>;
  frames: Readonly<Record<string, Box>>;
  /** Namespace frame of each resource id (`''` for cluster-scoped). */
  namespaceOf: (id: string) => string;
  /** Resources drawn as cards (Namespace objects are frames): what edges steer around. */
  cardIds: readonly string[];
}

const CELL = 256;
/** Sample step along an edge when checking it against cards: under half a card's height. */
const STEP = 24;
/** Longer edges cross whole namespaces of cards; they get one fixed bend instead of a search. */
const LONG = 2400;
const BENDS = [0.18, -0.18, 0.35, -0.35, 0.6, -0.6];

class CardGrid {
  private cells = new Map<number, string[]>();
  constructor(private positions: Readonly<Record<string, Point>>, ids: Iterable<string>) {
    for (const id of ids) {
      const p = positions[id];
      if (!p) continue;
      for (let gx = Math.floor(p.x / CELL); gx <= Math.floor((p.x + W) / CELL); gx++) {
        for (let gy = Math.floor(p.y / CELL); gy <= Math.floor((p.y + H) / CELL); gy++) {
          const k = gx * 100_003 + gy;
          const list = this.cells.get(k);
          if (list) list.push(id);
          else this.cells.set(k, [id]);
        }
      }
    }
  }

  /** The card under a world point, other than the edge's own two ends. */
  hit(x: number, y: number, skipA: string, skipB: string | undefined): boolean {
    const list = this.cells.get(Math.floor(x / CELL) * 100_003 + Math.floor(y / CELL));
    if (!list) return false;
    for (const id of list) {
      if (id === skipA || id === skipB) continue;
      const p = this.positions[id]!;
      if (x >= p.x && x <= p.x + W && y >= p.y && y <= p.y + H) return true;
    }
    return false;
  }
}

/** Point on the border of a box on the way from its centre to `toward` (the centre when they coincide). */
export function clipToBox(x: number, y: number, w: number, h: number, toward: Point): Point {
  const cx = x + w / 2;
  const cy = y + h / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const t = Math.min(dx === 0 ? Infinity : w / 2 / Math.abs(dx), dy === 0 ? Infinity : h / 2 / Math.abs(dy));
  return { x: cx + dx * Math.min(1, t), y: cy + dy * Math.min(1, t) };
}

/** How many sample points of the path a→(c)→b lie on other cards. */
function hits(grid: CardGrid, a: Point, c: Point | undefined, b: Point, skipA: string, skipB: string | undefined, len: number): number {
  const n = Math.max(2, Math.ceil(len / STEP));
  const cx = c ? c.x : (a.x + b.x) / 2;
  const cy = c ? c.y : (a.y + b.y) / 2;
  let count = 0;
  for (let i = 1; i < n; i++) {
    const t = i / n;
    const u = 1 - t;
    // A straight edge is the curve with its control point at the middle.
    const x = u * u * a.x + 2 * u * t * cx + t * t * b.x;
    const y = u * u * a.y + 2 * u * t * cy + t * t * b.y;
    if (grid.hit(x, y, skipA, skipB)) count++;
  }
  return count;
}

/** The point of a frame's border (below its header) nearest to a point inside it. */
function nearestSide(f: Box, p: Point): Point {
  const sides = [
    { d: p.x - f.x, at: { x: f.x, y: p.y } },
    { d: f.x + f.width - p.x, at: { x: f.x + f.width, y: p.y } },
    { d: p.y - f.y - FRAME_HEADER, at: { x: p.x, y: f.y + FRAME_HEADER } },
    { d: f.y + f.height - p.y, at: { x: p.x, y: f.y + f.height } },
  ];
  return sides.reduce((best, s) => (s.d < best.d ? s : best)).at;
}

function makeRoute(a: Point, c: Point | undefined, b: Point, crossNamespace: boolean): EdgeRoute {
  const xs = c ? [a.x, b.x, c.x] : [a.x, b.x];
  const ys = c ? [a.y, b.y, c.y] : [a.y, b.y];
  return { a, c, b, minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys), crossNamespace };
}

/** Route one edge: undefined for a broken edge or one whose ends are not on the canvas. */
function routeEdge(e: DesignEdge, input: RouteInput, grid: CardGrid): EdgeRoute | undefined {
  const s = input.positions[e.sourceId];
  if (!s) return undefined;
  const sc = { x: s.x + W / 2, y: s.y + H / 2 };
  let target: Box;
  let inside = false;
  let crossNamespace: boolean;
  if (e.targetFrame !== undefined) {
    const f = input.frames[e.targetFrame];
    if (!f) return undefined;
    inside = sc.x >= f.x && sc.x <= f.x + f.width && sc.y >= f.y && sc.y <= f.y + f.height;
    target = f;
    crossNamespace = input.namespaceOf(e.sourceId) !== e.targetFrame;
  } else if (e.targetId !== undefined) {
    const t = input.positions[e.targetId];
    if (!t) return undefined;
    target = { x: t.x, y: t.y, width: W, height: H };
    crossNamespace = input.namespaceOf(e.sourceId) !== input.namespaceOf(e.targetId);
  } else return undefined;
  // A whole-namespace edge from inside its own frame is a short stub to the frame's nearest side.
  if (inside) {
    const b = nearestSide(target, sc);
    return makeRoute(clipToBox(s.x, s.y, W, H, b), undefined, b, crossNamespace);
  }
  const tc = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
  const end = (toward: Point) => clipToBox(target.x, target.y, target.width, target.height, toward);
  let a = clipToBox(s.x, s.y, W, H, tc);
  let b = end(sc);
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  if (len < 1) return makeRoute(a, undefined, b, crossNamespace);
  const nx = -(b.y - a.y) / len;
  const ny = (b.x - a.x) / len;
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  if (len > LONG) {
    // A gentle bend, always to the same side of the direction of travel: parallel long edges fan
    // apart instead of overlapping, and do not change shape as cards move.
    const c = { x: mid.x + nx * len * 0.12, y: mid.y + ny * len * 0.12 };
    return makeRoute(clipToBox(s.x, s.y, W, H, c), c, end(c), crossNamespace);
  }
  const skipB = e.targetId;
  let best = hits(grid, a, undefined, b, e.sourceId, skipB, len);
  if (best === 0) return makeRoute(a, undefined, b, crossNamespace);
  let bestC: Point | undefined;
  for (const k of BENDS) {
    const off = k * Math.max(len, 2 * H);
    const c = { x: mid.x + nx * off, y: mid.y + ny * off };
    const a2 = clipToBox(s.x, s.y, W, H, c);
    const b2 = end(c);
    const n = hits(grid, a2, c, b2, e.sourceId, skipB, len * (1 + Math.abs(k)));
    if (n < best) {
      best = n;
      bestC = c;
      a = a2;
      b = b2;
      if (n === 0) break;
    }
  }
  return makeRoute(a, bestC, b, crossNamespace);
}

export interface RouteTable {
  routes: Map<string, EdgeRoute>;
  /** The positions and frames the routes were computed for, so the next change re-routes only what moved. */
  positions: Readonly<Record<string, Point>>;
  frames: Readonly<Record<string, Box>>;
}

export const emptyRouteTable = (): RouteTable => ({ routes: new Map(), positions: {}, frames: {} });

/** True when neither end of the edge moved (positions and frames are replaced, never mutated). */
function sameEnds(e: DesignEdge, input: RouteInput, previous: RouteTable): boolean {
  if (input.positions[e.sourceId] !== previous.positions[e.sourceId]) return false;
  if (e.targetId !== undefined) return input.positions[e.targetId] === previous.positions[e.targetId];
  return e.targetFrame === undefined || input.frames[e.targetFrame] === previous.frames[e.targetFrame];
}

/**
 * Route every edge. With `previous`, edges whose ends did not move keep their route (cheap enough
 * for the frame that ends a drag; see `rerouteAround` for the cards that moved onto them).
 */
export function routeEdges(input: RouteInput, previous?: RouteTable): RouteTable {
  let grid: CardGrid | undefined;
  const routes = new Map<string, EdgeRoute>();
  for (const e of input.edges) {
    if (e.targetId === undefined && e.targetFrame === undefined) continue;
    const old = previous && sameEnds(e, input, previous) ? previous.routes.get(e.id) : undefined;
    if (!old) grid ??= new CardGrid(input.positions, input.cardIds);
    const r = old ?? routeEdge(e, input, grid!);
    if (r) routes.set(e.id, r);
  }
  return { routes, positions: input.positions, frames: input.frames };
}

/** Cards whose position differs between two position tables. */
export function movedCards(before: Readonly<Record<string, Point>>, after: Readonly<Record<string, Point>>, cardIds: readonly string[]): string[] {
  return cardIds.filter((id) => before[id] !== after[id]);
}

/**
 * Re-route, in place, the edges whose route now passes over one of the `moved` cards (their own
 * ends were re-routed already): what a drag leaves lying across other edges.
 */
export function rerouteAround(table: RouteTable, input: RouteInput, moved: readonly string[]): number {
  if (moved.length === 0) return 0;
  const boxes = moved.map((id) => input.positions[id]).filter((p): p is Point => p !== undefined);
  const grid = new CardGrid(input.positions, input.cardIds);
  let count = 0;
  for (const e of input.edges) {
    const r = table.routes.get(e.id);
    if (!r) continue;
    if (!boxes.some((p) => p.x <= r.maxX && p.x + W >= r.minX && p.y <= r.maxY && p.y + H >= r.minY)) continue;
    const next = routeEdge(e, input, grid);
    if (next) table.routes.set(e.id, next);
    count++;
  }
  return count;
}
