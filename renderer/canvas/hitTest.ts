/**
 * What is under a point of the canvas, answered from the design's geometry rather than Konva's hit
 * canvas: the layers do not listen, so a pan or zoom never redraws a hit graph of 2,000 shapes.
 */
import type { Box, Design, Point } from '../../shared/design/types';
import { boxesIntersect, FRAME_HEADER, RESOURCE_HEIGHT as H, RESOURCE_WIDTH as W } from '../store';
import { DETAIL_SCALE, HANDLE } from './drawCard';
import { GRIP } from './gripSize';
import { designCardGroups } from './cardGroups';

export type Hit =
  | { type: 'handle'; id: string }
  | { type: 'card'; id: string }
  | { type: 'resize'; frame: string }
  | { type: 'frame-header'; frame: string }
  | { type: 'empty' };

export function hitTest(design: Design, p: Point, scale: number): Hit {
  const { positions, frames } = design.layout;
  const handleReach = (HANDLE.radius + 3) / scale;
  const resources = design.resources;
  const { memberOf } = designCardGroups(resources);
  // Last drawn is on top: search from the end.
  if (scale >= DETAIL_SCALE) {
    for (let i = resources.length - 1; i >= 0; i--) {
      const r = resources[i]!;
      const q = positions[r.id];
      if (!q || r.object.kind === 'Namespace' || memberOf.has(r.id)) continue;
      const dx = p.x - (q.x + HANDLE.x);
      const dy = p.y - (q.y + HANDLE.y);
      if (dx * dx + dy * dy <= handleReach * handleReach) return { type: 'handle', id: r.id };
    }
  }
  for (let i = resources.length - 1; i >= 0; i--) {
    const r = resources[i]!;
    const q = positions[r.id];
    if (!q || r.object.kind === 'Namespace' || memberOf.has(r.id)) continue;
    if (p.x >= q.x && p.x <= q.x + W && p.y >= q.y && p.y <= q.y + H) return { type: 'card', id: r.id };
  }
  const grip = Math.max(GRIP, 10 / scale);
  const bySize = Object.entries(frames).sort(([, a], [, b]) => a.width * a.height - b.width * b.height);
  for (const [name, b] of bySize) {
    if (p.x >= b.x + b.width - grip && p.x <= b.x + b.width + 2 / scale && p.y >= b.y + b.height - grip && p.y <= b.y + b.height + 2 / scale) {
      return { type: 'resize', frame: name };
    }
  }
  for (const [name, b] of bySize) {
    if (p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + FRAME_HEADER) return { type: 'frame-header', frame: name };
  }
  return { type: 'empty' };
}

/** Resource ids whose cards touch a box, and Namespaces whose frames lie wholly inside it (rubber band). */
export function idsInBox(design: Design, box: Box): string[] {
  const out: string[] = [];
  const { memberOf } = designCardGroups(design.resources);
  for (const r of design.resources) {
    if (r.object.kind === 'Namespace') {
      const f = design.layout.frames[r.object.metadata.name];
      if (f && f.x >= box.x && f.y >= box.y && f.x + f.width <= box.x + box.width && f.y + f.height <= box.y + box.height) out.push(r.id);
      continue;
    }
    const q = design.layout.positions[r.id];
    if (q && !memberOf.has(r.id) && boxesIntersect(box, { x: q.x, y: q.y, width: W, height: H })) out.push(r.id);
  }
  return out;
}

/** The cards whose centre lies in a frame (what moves with it). */
export function cardsInFrame(design: Design, frame: string, frameAt: (d: Design, p: Point) => string | undefined): string[] {
  const out: string[] = [];
  for (const r of design.resources) {
    const q = design.layout.positions[r.id];
    if (!q || r.object.kind === 'Namespace') continue;
    if (frameAt(design, { x: q.x + W / 2, y: q.y + H / 2 }) === frame) out.push(r.id);
  }
  return out;
}
