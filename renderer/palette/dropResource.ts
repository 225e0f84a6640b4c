/**
 * Adding a kind from the palette: at a drop point on the canvas, or at the centre of the view
 * (click, Enter), stepping aside from a card already there so repeated adds do not stack exactly.
 */
import type { Point } from '../../shared/design/types';
import { execute } from '../commands';
import { RESOURCE_HEIGHT, RESOURCE_WIDTH, useKubeplanStore } from '../store';
import { screenToWorld, view, viewportCenter } from '../canvas/view';

/** The canvas container's client rectangle, or undefined before the canvas mounts. */
export function canvasClientRect(): DOMRect | undefined {
  return view.stage?.container().parentElement?.getBoundingClientRect();
}

/** Add `kind` where the pointer was released, if that is over the canvas. Returns the new id. */
export function dropOnCanvas(kind: string, clientX: number, clientY: number): string | undefined {
  const r = canvasClientRect();
  if (!r || clientX < r.left || clientX > r.right || clientY < r.top || clientY > r.bottom) return undefined;
  return add(kind, screenToWorld({ x: clientX - r.left, y: clientY - r.top }));
}

export function addAtCenter(kind: string): string | undefined {
  return add(kind, freeSpotNear(viewportCenter()));
}

/** Through the command registry, like every user action: one undo step, refused outside design mode. */
function add(kind: string, at: Point): string | undefined {
  const before = useKubeplanStore.getState().design;
  if (!execute('design:addResource', undefined, { kind, at })) return undefined;
  const after = useKubeplanStore.getState().design;
  return after !== before ? after.resources[after.resources.length - 1]?.id : undefined;
}

/** The nearest spot to `p` (card centre) where a new card overlaps no other card, searching outwards in rings. */
export function freeSpotNear(p: Point): Point {
  const { design } = useKubeplanStore.getState();
  const boxes = design.resources
    .filter((r) => r.object.kind !== 'Namespace')
    .map((r) => design.layout.positions[r.id])
    .filter((q): q is Point => q !== undefined);
  const gap = 16;
  const free = (c: Point) =>
    boxes.every((b) => Math.abs(b.x + RESOURCE_WIDTH / 2 - c.x) >= RESOURCE_WIDTH + gap || Math.abs(b.y + RESOURCE_HEIGHT / 2 - c.y) >= RESOURCE_HEIGHT + gap);
  const start = { x: Math.round(p.x), y: Math.round(p.y) };
  if (free(start)) return start;
  const stepX = RESOURCE_WIDTH + gap;
  const stepY = RESOURCE_HEIGHT + gap;
  for (let ring = 1; ring <= 8; ring++) {
    let best: Point | undefined;
    let bestDistance = Infinity;
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        const c = { x: start.x + i * stepX, y: start.y + j * stepY };
        const distance = Math.hypot(i * stepX, j * stepY);
        if (distance < bestDistance && free(c)) {
          best = c;
          bestDistance = distance;
        }
      }
    }
    if (best) return best;
  }
  return start;
}
