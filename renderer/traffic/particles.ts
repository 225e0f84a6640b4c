/**
 * Traffic particles on the canvas (docs/traffic.md). The traffic report's routes become polylines
 * between card centres (`buildTrafficScene`); a requestAnimationFrame loop redraws one
 * non-listening Konva layer with `drawTraffic`, no React state per frame. Particles are green when
 * their requests are delivered, red when dropped: a red particle stops where its hop dropped it
 * (short of the destination for an ingress policy, just past the source for an egress policy, at
 * the Service with no endpoints, at the Ingress controller with no rule) and fades there. Each
 * route's line is as thick as its rate. Hit tests read the same scene (`hitTraffic`).
 */
import type { Design, Point } from '../../shared/design/types';
import type { TrafficReport } from '../../shared/ipc/traffic';
import { contentBounds, resourceCenter } from '../store';

export interface SceneRoute {
  flow: string;
  flowName: string;
  points: Point[];
  /** Cumulative length at each point. */
  lengths: number[];
  /** Where the particles end: the full length when delivered, the stop when dropped. */
  end: number;
  delivered: boolean;
  rate: number;
  reason: string;
  explain: string;
  /** Dropped by a NetworkPolicy: each rule of the isolating policies and why it did not allow the request. */
  rules?: string[];
  /** Particles on this route; each has its phase in [0, 1). */
  phases: Float32Array;
}

export interface TrafficScene {
  routes: SceneRoute[];
  particles: number;
  /** Where the external client and the Ingress controller are drawn (world units). */
  external?: Point;
  controller?: Point;
}

/** World units a particle travels per second. */
export const SPEED = 140;
/** Seconds a dropped particle stays (fading) where it stopped. */
const LINGER = 0.6;
/** Particles per request per second, before the budget scales them down. */
const PER_REQUEST = 0.6;
export const DEFAULT_BUDGET = 2000;

export const COLORS = { delivered: '#1e8e3e', dropped: '#d93025', deliveredLine: 'rgba(30,142,62,0.22)', droppedLine: 'rgba(217,48,37,0.22)', focus: 'rgba(26,115,232,0.35)' };

/** `Kind/namespace/name` → the card's centre, for every resource of the design. */
function cardCentres(design: Design): Map<string, Point> {
  const out = new Map<string, Point>();
  for (const r of design.resources) {
    const p = design.layout.positions[r.id];
    if (!p) continue;
    const o = r.object;
    out.set(`${o.kind}/${o.metadata.namespace ?? 'default'}/${o.metadata.name}`, resourceCenter(p));
  }
  return out;
}

/** Build the scene once per report and design; `budget` caps the particles over all routes. */
export function buildTrafficScene(design: Design, report: TrafficReport | null, budget = DEFAULT_BUDGET): TrafficScene {
  if (!report) return { routes: [], particles: 0 };
  const centres = cardCentres(design);
  const bounds = contentBounds(design);
  const midY = bounds ? bounds.y + bounds.height / 2 : 0;
  const left = bounds ? bounds.x : 0;
  // Just left of the content, inside the margin a fit leaves, so both stay on screen.
  const external = { x: left - 40, y: midY };
  const controller = { x: left - 40, y: midY + 90 };
  let usesExternal = false;
  let usesController = false;
  const routes: SceneRoute[] = [];
  for (const flow of report.flows) {
    for (const route of flow.routes) {
      const points: Point[] = [];
      for (const stop of route.path) {
        const p = stop === 'external' ? external : stop === 'ingress-controller' ? controller : centres.get(stop);
        if (!p) break; // a place with no card (a workload not in the design): draw up to there
        if (stop === 'external') usesExternal = true;
        if (stop === 'ingress-controller') usesController = true;
        points.push(p);
      }
      if (points.length < 2 || route.rate <= 0) continue;
      const lengths = [0];
      for (let i = 1; i < points.length; i++) lengths.push(lengths[i - 1]! + Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y));
      const total = lengths[lengths.length - 1]!;
      let end = total;
      const delivered = route.verdict === 'delivered';
      if (!delivered && route.stop && route.stop.segment < points.length - 1) {
        const s = route.stop.segment;
        end = lengths[s]! + (lengths[s + 1]! - lengths[s]!) * route.stop.at;
      }
      routes.push({ flow: flow.id, flowName: flow.name, points, lengths, end: Math.max(1, end), delivered, rate: route.rate, reason: route.reason, explain: route.explain, ...(route.rules ? { rules: route.rules } : {}), phases: new Float32Array(0) });
    }
  }
  // Particles in proportion to the rate, at least one per route, within the budget.
  const wanted = routes.map((r) => Math.max(1, Math.round(r.rate * PER_REQUEST)));
  const sum = wanted.reduce((a, b) => a + b, 0);
  const scale = sum > budget ? budget / sum : 1;
  let particles = 0;
  routes.forEach((r, i) => {
    const n = Math.max(1, Math.floor(wanted[i]! * scale));
    const phases = new Float32Array(n);
    // Evenly spaced with a little jitter (deterministic), so a flow reads as a stream.
    for (let k = 0; k < n; k++) phases[k] = (k + 0.35 * Math.sin(k * 12.9898 + i * 78.233) ** 2) / n;
    r.phases = phases;
    particles += n;
  });
  return { routes, particles, ...(usesExternal ? { external } : {}), ...(usesController ? { controller } : {}) };
}

/** The point at distance `d` along a route. */
function pointAt(r: SceneRoute, d: number, out: Point): void {
  const { lengths, points } = r;
  let i = 1;
  while (i < lengths.length - 1 && lengths[i]! < d) i++;
  const a = points[i - 1]!;
  const b = points[i]!;
  const span = lengths[i]! - lengths[i - 1]! || 1;
  const f = Math.min(1, Math.max(0, (d - lengths[i - 1]!) / span));
  out.x = a.x + (b.x - a.x) * f;
  out.y = a.y + (b.y - a.y) * f;
}

/** Line width (world units) for a rate, so the screen width grows with the logarithm of the rate. */
export function rateWidth(rate: number, scale: number): number {
  return (1.5 + 1.6 * Math.log2(1 + rate)) / Math.max(scale, 0.05);
}

export interface DrawView {
  world: { x: number; y: number; width: number; height: number };
  scale: number;
}

const scratch = { x: 0, y: 0 };

/** Draw routes and particles at time `t` (seconds) in world coordinates (the stage's transform is on `ctx`). */
export function drawTraffic(ctx: CanvasRenderingContext2D, scene: TrafficScene, t: number, v: DrawView, focus: string | null, labels: { external: string; controller: string }): void {
  const { world, scale } = v;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const r of scene.routes) {
    ctx.beginPath();
    ctx.moveTo(r.points[0]!.x, r.points[0]!.y);
    for (let i = 1; i < r.points.length; i++) ctx.lineTo(r.points[i]!.x, r.points[i]!.y);
    ctx.strokeStyle = r.flow === focus ? COLORS.focus : r.delivered ? COLORS.deliveredLine : COLORS.droppedLine;
    ctx.lineWidth = rateWidth(r.rate, scale);
    ctx.stroke();
  }
  const radius = 3.2 / Math.max(scale, 0.25);
  const x0 = world.x - radius, y0 = world.y - radius, x1 = world.x + world.width + radius, y1 = world.y + world.height + radius;
  for (const pass of [true, false]) {
    ctx.beginPath();
    for (const r of scene.routes) {
      if (r.delivered !== pass) continue;
      const travel = r.end / SPEED;
      const period = travel + (pass ? 0 : LINGER);
      for (let k = 0; k < r.phases.length; k++) {
        const u = ((t / period + r.phases[k]!) % 1) * period;
        pointAt(r, Math.min(u, travel) * SPEED, scratch);
        if (scratch.x < x0 || scratch.x > x1 || scratch.y < y0 || scratch.y > y1) continue;
        // A dropped particle shrinks while it lingers at its stop.
        const rr = u > travel ? radius * (1 - (u - travel) / LINGER) + 0.2 : radius;
        ctx.moveTo(scratch.x + rr, scratch.y);
        ctx.arc(scratch.x, scratch.y, rr, 0, Math.PI * 2);
      }
    }
    ctx.fillStyle = pass ? COLORS.delivered : COLORS.dropped;
    ctx.fill();
  }
  // Dropped routes end on a cross at their stop, so the hop reads even between particles.
  ctx.beginPath();
  for (const r of scene.routes) {
    if (r.delivered) continue;
    pointAt(r, r.end, scratch);
    const s = 5 / Math.max(scale, 0.25);
    ctx.moveTo(scratch.x - s, scratch.y - s);
    ctx.lineTo(scratch.x + s, scratch.y + s);
    ctx.moveTo(scratch.x + s, scratch.y - s);
    ctx.lineTo(scratch.x - s, scratch.y + s);
  }
  ctx.strokeStyle = COLORS.dropped;
  ctx.lineWidth = 2 / Math.max(scale, 0.25);
  ctx.stroke();
  drawPlace(ctx, scene.external, labels.external, scale);
  drawPlace(ctx, scene.controller, labels.controller, scale);
}

function drawPlace(ctx: CanvasRenderingContext2D, p: Point | undefined, label: string, scale: number): void {
  if (!p) return;
  const s = Math.max(scale, 0.25);
  ctx.beginPath();
  ctx.arc(p.x, p.y, 9 / s, 0, Math.PI * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = '#5f6b7a';
  ctx.lineWidth = 1.5 / s;
  ctx.stroke();
  ctx.fillStyle = '#3c4043';
  ctx.font = `${11 / s}px system-ui, sans-serif`;
  // Left-aligned from the circle's edge: the margin left of the content is narrow.
  ctx.textAlign = 'left';
  ctx.fillText(label, p.x - 9 / s, p.y + 22 / s);
}

export interface TrafficHit {
  route: SceneRoute;
  /** A red particle (or the stop mark) rather than the route's line. */
  particle: boolean;
}

/**
 * What is under a world point at time `t`: a dropped particle or stop mark first, then the nearest
 * route line within `tolerance` screen pixels.
 */
export function hitTraffic(scene: TrafficScene, world: Point, t: number, scale: number, tolerance = 7): TrafficHit | undefined {
  const tol = tolerance / Math.max(scale, 0.05);
  let best: TrafficHit | undefined;
  let bestD = tol;
  for (const r of scene.routes) {
    if (r.delivered) continue;
    pointAt(r, r.end, scratch);
    let d = Math.hypot(scratch.x - world.x, scratch.y - world.y);
    if (d <= bestD) {
      bestD = d;
      best = { route: r, particle: true };
    }
    const travel = r.end / SPEED;
    const period = travel + LINGER;
    for (let k = 0; k < r.phases.length; k++) {
      const u = ((t / period + r.phases[k]!) % 1) * period;
      pointAt(r, Math.min(u, travel) * SPEED, scratch);
      d = Math.hypot(scratch.x - world.x, scratch.y - world.y);
      if (d <= bestD) {
        bestD = d;
        best = { route: r, particle: true };
      }
    }
  }
  if (best) return best;
  for (const r of scene.routes) {
    for (let i = 1; i < r.points.length; i++) {
      const d = segmentDistance(world, r.points[i - 1]!, r.points[i]!);
      const half = rateWidth(r.rate, scale) / 2;
      if (d <= Math.max(bestD, half)) {
        bestD = d;
        best = { route: r, particle: false };
      }
    }
  }
  return best;
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x, dy = b.y - a.y;
  const len2 = dx * dx + dy * dy || 1;
  const f = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(a.x + dx * f - p.x, a.y + dy * f - p.y);
}
