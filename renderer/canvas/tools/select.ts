/**
 * The select tool: click and shift-click to select, drag a rubber band, drag cards (one or many),
 * move and resize namespace frames. Pressing a card's handle hands over to the connect tool. While
 * a drag lasts, only Konva nodes move; the store hears once, at the end (one undo step).
 */
import type { Box, Point } from '../../../shared/design/types';
import {
  boxFromCorners, clearSelection, commitOrAskMove, frameAt, MIN_FRAME, moveChange, moveFrame, moveResources, resizeFrame, select,
  toggleSelected, useKubeplanStore,
} from '../../store';
import { cardsInFrame, hitTest, idsInBox } from '../hitTest';
import { cardNodes, frameNodes } from '../registry';
import { screenToWorld, view } from '../view';
import { capture, DRAG_THRESHOLD, dist, release, StateTool, type ToolHost } from './types';

interface DraggedFrame {
  name: string;
  origin: Point;
  nsId?: string;
}

type SelectState =
  | { name: 'idle' }
  /** Pressed on a card; a click (de)selects it, a drag past the threshold moves the selection. */
  | { name: 'pointing-card'; id: string; startScreen: Point; startWorld: Point; toggle: boolean; collapse: boolean }
  | { name: 'pointing-frame'; frame: string; nsId?: string; startScreen: Point; startWorld: Point }
  | { name: 'dragging-cards'; ids: string[]; origins: Map<string, Point>; startWorld: Point; delta: Point; frame?: DraggedFrame }
  | { name: 'resizing-frame'; frame: string; box: Box; startWorld: Point; size: { width: number; height: number } }
  | { name: 'brushing'; startWorld: Point; startScreen: Point; shift: boolean; moved: boolean };

const selection = () => useKubeplanStore.getState().selection;

export class SelectTool extends StateTool<SelectState> {
  readonly id = 'select';

  constructor(host: ToolHost) {
    super(host, { name: 'idle' });
  }

  enter(): void {
    this.toIdle();
    this.host.setCursor('');
  }

  onPointerDown(e: PointerEvent): void {
    if (this.current.name !== 'idle' || e.button !== 0) return;
    const host = this.host;
    capture(host, e);
    const screen = host.screenPoint(e);
    const world = screenToWorld(screen);
    const design = host.design;
    const hit = hitTest(design, world, view.scale);
    const shift = e.shiftKey || e.metaKey || e.ctrlKey;
    const selected = selection();
    switch (hit.type) {
      case 'handle':
        return host.transition('connect', e, { sourceId: hit.id });
      case 'card': {
        const isSelected = selected.includes(hit.id);
        if (!isSelected) {
          if (shift) toggleSelected(hit.id);
          else select([hit.id]);
        }
        this.current = { name: 'pointing-card', id: hit.id, startScreen: screen, startWorld: world, toggle: shift && isSelected, collapse: !shift && isSelected && selected.length > 1 };
        return;
      }
      case 'resize': {
        const box = design.layout.frames[hit.frame]!;
        this.current = { name: 'resizing-frame', frame: hit.frame, box, startWorld: world, size: { width: box.width, height: box.height } };
        return;
      }
      case 'frame-header': {
        const ns = design.resources.find((r) => r.object.kind === 'Namespace' && r.object.metadata.name === hit.frame);
        if (ns) {
          if (shift) toggleSelected(ns.id);
          else if (!selected.includes(ns.id)) select([ns.id]);
        } else if (!shift) clearSelection();
        this.current = { name: 'pointing-frame', frame: hit.frame, nsId: ns?.id, startScreen: screen, startWorld: world };
        return;
      }
      case 'empty':
        this.current = { name: 'brushing', startWorld: world, startScreen: screen, shift, moved: false };
        return;
    }
  }

  onPointerMove(e: PointerEvent): void {
    const s = this.current;
    const screen = this.host.screenPoint(e);
    if (s.name === 'idle') return this.host.hover(screen);
    const world = screenToWorld(screen);
    const layers = this.host.layers;
    switch (s.name) {
      case 'pointing-card': {
        if (dist(screen, s.startScreen) < DRAG_THRESHOLD) return;
        const ids = selection().filter((id) => cardNodes.has(id));
        this.startDrag(ids.includes(s.id) ? ids : [s.id], s.startWorld);
        return this.onPointerMove(e);
      }
      case 'pointing-frame': {
        if (dist(screen, s.startScreen) < DRAG_THRESHOLD) return;
        const design = this.host.design;
        const box = design.layout.frames[s.frame]!;
        this.startDrag(cardsInFrame(design, s.frame, frameAt), s.startWorld, { name: s.frame, origin: { x: box.x, y: box.y }, nsId: s.nsId });
        return this.onPointerMove(e);
      }
      case 'dragging-cards': {
        const delta = { x: Math.round(world.x - s.startWorld.x), y: Math.round(world.y - s.startWorld.y) };
        s.delta = delta;
        for (const id of s.ids) {
          const o = s.origins.get(id)!;
          cardNodes.get(id)?.position({ x: o.x + delta.x, y: o.y + delta.y });
        }
        this.host.edgeScene.offset = delta;
        if (s.frame) {
          frameNodes.get(s.frame.name)?.position({ x: s.frame.origin.x + delta.x, y: s.frame.origin.y + delta.y });
          layers.frames.batchDraw();
        }
        layers.drag.batchDraw();
        return;
      }
      case 'resizing-frame': {
        s.size = {
          width: Math.max(MIN_FRAME.width, Math.round(s.box.width + world.x - s.startWorld.x)),
          height: Math.max(MIN_FRAME.height, Math.round(s.box.height + world.y - s.startWorld.y)),
        };
        frameNodes.get(s.frame)?.size(s.size);
        layers.frames.batchDraw();
        return;
      }
      case 'brushing': {
        if (!s.moved && dist(screen, s.startScreen) < DRAG_THRESHOLD) return;
        s.moved = true;
        this.host.overlay.band = boxFromCorners(s.startWorld, world);
        layers.drag.batchDraw();
        return;
      }
    }
  }

  onPointerUp(e: PointerEvent): void {
    const s = this.current;
    if (s.name === 'idle') return;
    this.toIdle();
    release(this.host, e);
    switch (s.name) {
      case 'pointing-card':
        if (s.toggle) toggleSelected(s.id);
        else if (s.collapse) select([s.id]);
        return;
      case 'pointing-frame':
        return;
      case 'dragging-cards':
        return this.endDrag(s, true);
      case 'resizing-frame':
        return resizeFrame(s.frame, { x: s.box.x, y: s.box.y, ...s.size });
      case 'brushing': {
        const band = this.host.overlay.band;
        this.clearOverlay();
        if (!s.moved || !band) {
          if (!s.shift) clearSelection();
          return;
        }
        const ids = idsInBox(this.host.design, band);
        select(s.shift ? [...selection(), ...ids] : ids);
        return;
      }
    }
  }

  cancel(): void {
    const s = this.current;
    this.toIdle();
    if (s.name === 'dragging-cards') this.endDrag(s, false);
    if (s.name === 'resizing-frame') {
      frameNodes.get(s.frame)?.size({ width: s.box.width, height: s.box.height });
      this.host.layers.frames.batchDraw();
    }
    this.clearOverlay();
  }

  private clearOverlay(): void {
    this.host.overlay.band = undefined;
    this.host.layers.drag.batchDraw();
  }

  /** Lift the dragged cards onto the drag layer; the rest of the scene stays drawn as it was. */
  private startDrag(ids: string[], startWorld: Point, frame?: DraggedFrame): void {
    const { layers, edgeScene } = this.host;
    const positions = this.host.design.layout.positions;
    const origins = new Map<string, Point>();
    for (const id of ids) {
      const node = cardNodes.get(id);
      const p = positions[id];
      if (!node || !p) continue;
      origins.set(id, { ...p });
      node.moveTo(layers.drag);
    }
    this.current = { name: 'dragging-cards', ids: [...origins.keys()], origins, startWorld, delta: { x: 0, y: 0 }, frame };
    edgeScene.moving = new Set(origins.keys());
    edgeScene.offset = { x: 0, y: 0 };
    layers.edges.batchDraw();
    layers.nodes.batchDraw();
    this.host.setCursor('grabbing');
  }

  private endDrag(s: Extract<SelectState, { name: 'dragging-cards' }>, commit: boolean): void {
    const { layers, edgeScene } = this.host;
    for (const id of s.ids) {
      const node = cardNodes.get(id);
      if (!node) continue;
      node.moveTo(layers.nodes);
      const o = s.origins.get(id)!;
      // Put the node where the store will say it is; React then finds nothing to change.
      node.position(commit ? { x: o.x + s.delta.x, y: o.y + s.delta.y } : o);
    }
    if (s.frame) frameNodes.get(s.frame.name)?.position(commit ? { x: s.frame.origin.x + s.delta.x, y: s.frame.origin.y + s.delta.y } : s.frame.origin);
    edgeScene.moving = new Set();
    edgeScene.offset = { x: 0, y: 0 };
    this.host.setCursor('');
    if (commit && (s.delta.x !== 0 || s.delta.y !== 0)) {
      if (s.frame?.nsId) moveResources([s.frame.nsId], s.delta.x, s.delta.y);
      else if (s.frame) moveFrame(s.frame.name, s.delta.x, s.delta.y);
      else this.moveCards(s);
    }
    layers.stage.batchDraw();
  }

  /** Cards dropped into another namespace's frame (or out of every frame) ask before their namespace changes. */
  private moveCards(s: Extract<SelectState, { name: 'dragging-cards' }>): void {
    const { layers, edgeScene } = this.host;
    const asked = commitOrAskMove(moveChange(useKubeplanStore.getState().design, s.ids, s.delta.x, s.delta.y), (moved) => {
      edgeScene.moving = new Set();
      edgeScene.offset = { x: 0, y: 0 };
      if (!moved) for (const [id, o] of s.origins) cardNodes.get(id)?.position(o);
      layers.stage.batchDraw();
    });
    if (!asked) return;
    // While the question is open, the cards' edges keep following them to where they were dropped.
    edgeScene.moving = new Set(s.ids);
    edgeScene.offset = { ...s.delta };
  }
}
