/**
 * Keeps the edge scene's routes in step with the design: on each design change, edges whose ends
 * moved are re-routed at once (the frame that ends a drag stays cheap), and a moment later the
 * edges that the moved cards now lie across.
 */
import type { Design } from '../../shared/design/types';
import { namespaceFrameOf } from '../../shared/design/layout';
import { CROWDED_CROSS_NAMESPACE, type EdgeScene } from './drawEdges';
import { movedCards, rerouteAround, routeEdges, type RouteInput, type RouteTable } from './edgeRoutes';

/** How long after a change the whole design is re-routed. */
export const REROUTE_DELAY_MS = 400;

let lastResources: Design['resources'] | undefined;
let namespaceById = new Map<string, string>();
let cardIds: string[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

function objectsChanged(design: Design): void {
  if (design.resources === lastResources) return;
  lastResources = design.resources;
  namespaceById = new Map();
  cardIds = [];
  for (const r of design.resources) {
    namespaceById.set(r.id, namespaceFrameOf(r.object));
    if (r.object.kind !== 'Namespace') cardIds.push(r.id);
  }
}

function install(scene: EdgeScene, routes: RouteTable): void {
  scene.routes = routes;
  let cross = 0;
  for (const r of routes.routes.values()) if (r.crossNamespace) cross++;
  scene.crowded = cross > CROWDED_CROSS_NAMESPACE;
}

/** Route the scene's edges (already set from the design) against the design's cards and frames. */
export function syncEdgeRoutes(scene: EdgeScene, design: Design, redraw: () => void): void {
  objectsChanged(design);
  const input: RouteInput = {
    edges: scene.edges,
    positions: design.layout.positions,
    frames: design.layout.frames,
    namespaceOf: (id) => namespaceById.get(id) ?? '',
    cardIds,
  };
  const previous = scene.routes.routes.size > 0 ? scene.routes : undefined;
  scene.frames = design.layout.frames;
  install(scene, routeEdges(input, previous));
  clearTimeout(timer);
  timer = undefined;
  if (!previous || previous.positions === input.positions) return;
  const table = scene.routes;
  const before = previous.positions;
  const ids = cardIds;
  // Finding the moved cards walks every card: done with the re-route, after the frame.
  timer = setTimeout(() => {
    timer = undefined;
    if (scene.routes !== table) return;
    const moved = movedCards(before, input.positions, ids);
    if (moved.length > 0 && rerouteAround(table, input, moved) > 0) redraw();
  }, REROUTE_DELAY_MS);
}

/** Stop a pending re-route (the canvas unmounts). */
export function cancelEdgeRoutes(): void {
  clearTimeout(timer);
  timer = undefined;
}
