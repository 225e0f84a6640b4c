/**
 * Adding a kind from the palette: at a drop point on the canvas, or at the centre of the view
 * (click, Enter), stepping aside from a card already there so repeated adds do not stack exactly.
 */
import type { Point } from '../../shared/design/types';
import { addResource, RESOURCE_HEIGHT, RESOURCE_WIDTH, useKubeplanStore } from '../store';
import { screenToWorld, view, viewportCenter } from '../canvas/view';

/** The canvas container's client rectangle, or undefined before the canvas mounts. */
export function canvasClientRect(): DOMRect | undefined {
  return view.stage?.container().parentElement?.getBoundingClientRect();
}

/** Add `kind` where the pointer was released, if that is over the canvas. Returns the new id. */
export function dropOnCanvas(kind: string, clientX: number, clientY: number): string | undefined {
  const r = canvasClientRect();
  if (!r || clientX < r.left || clientX > r.right || clientY < r.top || clientY > r.bottom) return undefined;
  return addResource(kind, screenToWorld({ x: clientX - r.left, y: clientY - r.top }));
}

export function addAtCenter(kind: string): string | undefined {
  return addResource(kind, freeSpotNear(viewportCenter()));
}

function freeSpotNear(p: Point): Point {
  const positions = Object.values(useKubeplanStore.getState().design.layout.positions);
  const taken = (q: Point) =>
    positions.some((s) => Math.abs(s.x + RESOURCE_WIDTH / 2 - q.x) < 12 && Math.abs(s.y + RESOURCE_HEIGHT / 2 - q.y) < 12);
  let q = { x: Math.round(p.x), y: Math.round(p.y) };
  for (let i = 0; i < 50 && taken(q); i++) q = { x: q.x + 24, y: q.y + 24 };
  return q;
}
