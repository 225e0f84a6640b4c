/**
 * A design file gives every namespace a frame (shared/design fills missing ones on load, laid out
 * afresh). So that a saved design reopens looking exactly as it was drawn, frames that exist only
 * implicitly (objects in `default` dropped on the open canvas) are written around their cards.
 */
import { namespaceFrameOf } from '../../shared/design';
import type { Box, Design } from '../../shared/design/types';
import { FRAME_HEADER, RESOURCE_HEIGHT, RESOURCE_WIDTH } from '../store';

const PADDING = 32;

export function withImplicitFrames(design: Design): Design {
  const members = new Map<string, Box[]>();
  for (const r of design.resources) {
    const ns = namespaceFrameOf(r.object);
    if (!ns || design.layout.frames[ns] || r.object.kind === 'Namespace') continue;
    const p = design.layout.positions[r.id];
    if (!p) return design;
    const list = members.get(ns);
    const box = { ...p, width: RESOURCE_WIDTH, height: RESOURCE_HEIGHT };
    if (list) list.push(box);
    else members.set(ns, [box]);
  }
  if (members.size === 0) return design;
  const frames = { ...design.layout.frames };
  for (const [ns, boxes] of members) {
    // Loops, not Math.min(...boxes): a namespace of 130,000 objects would overflow the stack.
    let x = Infinity, y = Infinity, right = -Infinity, bottom = -Infinity;
    for (const b of boxes) {
      x = Math.min(x, b.x - PADDING);
      y = Math.min(y, b.y - PADDING - FRAME_HEADER);
      right = Math.max(right, b.x + b.width + PADDING);
      bottom = Math.max(bottom, b.y + b.height + PADDING);
    }
    frames[ns] = { x, y, width: right - x, height: bottom - y };
  }
  return { ...design, layout: { ...design.layout, frames } };
}
