/**
 * Pointer gestures on the canvas: select (click, shift-click, rubber band), drag cards (one or
 * many), move and resize namespace frames, connect by dragging from a handle, pan (Space-drag,
 * middle-drag) and wheel zoom. Everything that changes during a gesture lives in this object and
 * in Konva nodes; the store hears once, when the gesture ends (one undo step).
 */
import type Konva from 'konva';
import type { Box, Point } from '../../shared/design/types';
import {
  canConnectKinds, clearSelection, connect, frameAt, MIN_FRAME, moveFrame, moveResources, resizeFrame, select,
  setViewport, toggleSelected, useKubeplanStore, boxFromCorners, designIndex,
} from '../store';
import { DETAIL_SCALE, fitText, HANDLE } from './drawCard';
import { emptyEdgeScene, missingMarkers, type EdgeScene, type MissingMarker } from './drawEdges';
import { cardsInFrame, hitTest, idsInBox } from './hitTest';
import { cardNodes, frameNodes } from './registry';
import { clampScale, currentViewport, sceneFitsOnScreen, screenToWorld, updateVisibleWorld, view } from './view';

export interface CanvasTooltip {
  message: string;
  tone: 'problem' | 'info';
  x: number;
  y: number;
}

export interface CanvasLayers {
  stage: Konva.Stage;
  frames: Konva.Layer;
  edges: Konva.Layer;
  nodes: Konva.Layer;
  drag: Konva.Layer;
}

/** What the drag layer's overlay draws: rubber band, connect line, valid targets. */
export interface Overlay {
  band?: Box;
  connect?: { from: Point; to: Point; targets: string[]; hover?: string };
}

type Gesture =
  | { type: 'press-card'; id: string; startScreen: Point; startWorld: Point; toggle: boolean; collapse: boolean }
  | { type: 'drag-cards'; ids: string[]; origins: Map<string, Point>; startWorld: Point; delta: Point; frame?: { name: string; origin: Point; nsId?: string } }
  | { type: 'press-frame'; frame: string; nsId?: string; startScreen: Point; startWorld: Point; shift: boolean }
  | { type: 'resize'; frame: string; box: Box; startWorld: Point; size: { width: number; height: number } }
  | { type: 'band'; startWorld: Point; startScreen: Point; shift: boolean; moved: boolean }
  | { type: 'connect'; sourceId: string; targets: Set<string>; from: Point }
  /** `slide`: everything is drawn on screen, so the pan slides the canvases by CSS instead of redrawing them. */
  | { type: 'pan'; startScreen: Point; origin: Point; slide: boolean };

const DRAG_THRESHOLD = 4;
/** Screen pixels kept clear around the scene for a sliding pan (selection rings, strokes, markers). */
const SLIDE_MARGIN = 12;

export class CanvasGestures {
  readonly edgeScene: EdgeScene = emptyEdgeScene();
  readonly overlay: Overlay = {};
  private gesture: Gesture | undefined;
  private spaceDown = false;
  private wheelTimer: ReturnType<typeof setTimeout> | undefined;
  private cursor = '';

  private markers: MissingMarker[] | undefined;
  /** What the tooltip is showing: a marker or a card, by a key; undefined when hidden. */
  private hovered: string | undefined;

  constructor(
    private readonly layers: CanvasLayers,
    private readonly container: HTMLElement,
    private readonly notify: (message: string) => void,
    /** Shows (or hides, with undefined) a tooltip: a broken reference's problem, or a card's full name. */
    private readonly explain: (tip: CanvasTooltip | undefined) => void = () => undefined,
  ) {}

  private get design() {
    return useKubeplanStore.getState().design;
  }

  private screenPoint(e: { clientX: number; clientY: number }): Point {
    const r = this.container.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  /** Show the detailed card layer or the batched overview, by zoom (called after every view change). */
  syncLevelOfDetail(): void {
    const detailed = view.scale >= DETAIL_SCALE;
    if (this.layers.nodes.visible() !== detailed) {
      this.layers.nodes.visible(detailed);
      this.layers.edges.batchDraw();
    }
  }

  setSpace(down: boolean): void {
    this.spaceDown = down;
    if (!this.gesture) this.setCursor(down ? 'grab' : '');
  }

  private setCursor(c: string): void {
    if (c !== this.cursor) {
      this.cursor = c;
      this.container.style.cursor = c;
    }
  }

  onPointerDown = (e: PointerEvent): void => {
    if (this.gesture) return;
    if (this.hovered) {
      this.hovered = undefined;
      this.explain(undefined);
    }
    const screen = this.screenPoint(e);
    const world = screenToWorld(screen);
    if (e.button === 1 || (e.button === 0 && this.spaceDown)) {
      e.preventDefault();
      const v = currentViewport();
      this.gesture = { type: 'pan', startScreen: screen, origin: { x: v.x, y: v.y }, slide: this.sceneFitsOnScreen() };
      this.setCursor('grabbing');
      this.container.setPointerCapture(e.pointerId);
      return;
    }
    if (e.button !== 0) return;
    this.container.setPointerCapture(e.pointerId);
    const design = this.design;
    const hit = hitTest(design, world, view.scale);
    const shift = e.shiftKey || e.metaKey || e.ctrlKey;
    const selection = useKubeplanStore.getState().selection;
    switch (hit.type) {
      case 'handle': {
        const source = design.resources.find((r) => r.id === hit.id)!;
        const targets = new Set(
          design.resources
            .filter((r) => r.id !== hit.id && r.object.kind !== 'Namespace' && canConnectKinds(source.object.kind, r.object.kind))
            .map((r) => r.id),
        );
        const p = design.layout.positions[hit.id]!;
        this.gesture = { type: 'connect', sourceId: hit.id, targets, from: { x: p.x + HANDLE.x, y: p.y + HANDLE.y } };
        this.overlay.connect = { from: this.gesture.from, to: world, targets: [...targets] };
        this.layers.drag.batchDraw();
        return;
      }
      case 'card': {
        const isSelected = selection.includes(hit.id);
        if (!isSelected) {
          if (shift) toggleSelected(hit.id);
          else select([hit.id]);
        }
        this.gesture = { type: 'press-card', id: hit.id, startScreen: screen, startWorld: world, toggle: shift && isSelected, collapse: !shift && isSelected && selection.length > 1 };
        return;
      }
      case 'resize': {
        const box = design.layout.frames[hit.frame]!;
        this.gesture = { type: 'resize', frame: hit.frame, box, startWorld: world, size: { width: box.width, height: box.height } };
        return;
      }
      case 'frame-header': {
        const ns = design.resources.find((r) => r.object.kind === 'Namespace' && r.object.metadata.name === hit.frame);
        if (ns) {
          if (shift) toggleSelected(ns.id);
          else if (!selection.includes(ns.id)) select([ns.id]);
        } else if (!shift) clearSelection();
        this.gesture = { type: 'press-frame', frame: hit.frame, nsId: ns?.id, startScreen: screen, startWorld: world, shift };
        return;
      }
      case 'empty':
        this.gesture = { type: 'band', startWorld: world, startScreen: screen, shift, moved: false };
        return;
    }
  };

  onPointerMove = (e: PointerEvent): void => {
    const screen = this.screenPoint(e);
    const g = this.gesture;
    if (!g) {
      this.hover(screen);
      return;
    }
    const world = screenToWorld(screen);
    switch (g.type) {
      case 'pan': {
        const stage = this.layers.stage;
        const x = g.origin.x + screen.x - g.startScreen.x;
        const y = g.origin.y + screen.y - g.startScreen.y;
        if (g.slide) {
          // Nothing was culled, so the drawn canvases already hold the whole scene: move them, redraw nothing.
          this.slide(x - stage.x(), y - stage.y());
          return;
        }
        stage.position({ x, y });
        updateVisibleWorld(currentViewport());
        this.redrawScene();
        return;
      }
      case 'press-card': {
        if (dist(screen, g.startScreen) < DRAG_THRESHOLD) return;
        const selection = useKubeplanStore.getState().selection;
        const ids = selection.filter((id) => cardNodes.has(id));
        this.startDrag(ids.includes(g.id) ? ids : [g.id], g.startWorld);
        this.onPointerMove(e);
        return;
      }
      case 'press-frame': {
        if (dist(screen, g.startScreen) < DRAG_THRESHOLD) return;
        const ids = cardsInFrame(this.design, g.frame, frameAt);
        const box = this.design.layout.frames[g.frame]!;
        this.startDrag(ids, g.startWorld, { name: g.frame, origin: { x: box.x, y: box.y }, nsId: g.nsId });
        this.onPointerMove(e);
        return;
      }
      case 'drag-cards': {
        const delta = { x: Math.round(world.x - g.startWorld.x), y: Math.round(world.y - g.startWorld.y) };
        g.delta = delta;
        for (const id of g.ids) {
          const o = g.origins.get(id)!;
          cardNodes.get(id)?.position({ x: o.x + delta.x, y: o.y + delta.y });
        }
        this.edgeScene.offset = delta;
        if (g.frame) {
          frameNodes.get(g.frame.name)?.position({ x: g.frame.origin.x + delta.x, y: g.frame.origin.y + delta.y });
          this.layers.frames.batchDraw();
        }
        this.layers.drag.batchDraw();
        return;
      }
      case 'resize': {
        const node = frameNodes.get(g.frame);
        g.size = {
          width: Math.max(MIN_FRAME.width, Math.round(g.box.width + world.x - g.startWorld.x)),
          height: Math.max(MIN_FRAME.height, Math.round(g.box.height + world.y - g.startWorld.y)),
        };
        node?.size(g.size);
        this.layers.frames.batchDraw();
        return;
      }
      case 'band': {
        if (!g.moved && dist(screen, g.startScreen) < DRAG_THRESHOLD) return;
        g.moved = true;
        this.overlay.band = boxFromCorners(g.startWorld, world);
        this.layers.drag.batchDraw();
        return;
      }
      case 'connect': {
        const hit = hitTest(this.design, world, view.scale);
        const hover = (hit.type === 'card' || hit.type === 'handle') && g.targets.has(hit.id) ? hit.id : undefined;
        this.overlay.connect = { from: g.from, to: world, targets: [...g.targets], hover };
        this.layers.drag.batchDraw();
        return;
      }
    }
  };

  onPointerUp = (e: PointerEvent): void => {
    const g = this.gesture;
    if (!g) return;
    this.gesture = undefined;
    if (this.container.hasPointerCapture(e.pointerId)) this.container.releasePointerCapture(e.pointerId);
    const world = screenToWorld(this.screenPoint(e));
    switch (g.type) {
      case 'pan':
        this.settlePan();
        setViewport(currentViewport());
        this.setCursor(this.spaceDown ? 'grab' : '');
        return;
      case 'press-card':
        if (g.toggle) toggleSelected(g.id);
        else if (g.collapse) select([g.id]);
        return;
      case 'press-frame':
        return;
      case 'drag-cards':
        this.endDrag(g, true);
        return;
      case 'resize':
        resizeFrame(g.frame, { x: g.box.x, y: g.box.y, ...g.size });
        return;
      case 'band': {
        const band = this.overlay.band;
        this.overlay.band = undefined;
        this.layers.drag.batchDraw();
        if (!g.moved || !band) {
          if (!g.shift) clearSelection();
          return;
        }
        const ids = idsInBox(this.design, band);
        select(g.shift ? [...useKubeplanStore.getState().selection, ...ids] : ids);
        return;
      }
      case 'connect': {
        this.overlay.connect = undefined;
        this.layers.drag.batchDraw();
        const hit = hitTest(this.design, world, view.scale);
        if ((hit.type !== 'card' && hit.type !== 'handle') || hit.id === g.sourceId) return;
        const result = connect(g.sourceId, hit.id);
        if (!result.ok) this.notify(result.message);
        else select([g.sourceId]);
        return;
      }
    }
  };

  /** Escape: put back whatever the gesture moved and forget it. */
  cancel(): void {
    const g = this.gesture;
    if (!g) return;
    this.gesture = undefined;
    if (g.type === 'pan') this.settlePan();
    if (g.type === 'drag-cards') this.endDrag(g, false);
    if (g.type === 'resize') {
      frameNodes.get(g.frame)?.size({ width: g.box.width, height: g.box.height });
      this.layers.frames.batchDraw();
    }
    this.overlay.band = undefined;
    this.overlay.connect = undefined;
    this.layers.drag.batchDraw();
  }

  onWheel = (e: WheelEvent): void => {
    e.preventDefault();
    if (this.gesture?.type === 'pan') {
      // A zoom mid-pan culls again: the pan goes on redrawing from where it is now.
      this.settlePan();
      this.gesture.slide = false;
    }
    const stage = this.layers.stage;
    const screen = this.screenPoint(e);
    const v = currentViewport();
    // Pinch gestures arrive as ctrl+wheel with small deltas; give them more weight.
    const factor = Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015));
    const scale = clampScale(v.scale * factor);
    const world = screenToWorld(screen, v);
    stage.scale({ x: scale, y: scale });
    stage.position({ x: screen.x - world.x * scale, y: screen.y - world.y * scale });
    updateVisibleWorld(currentViewport());
    this.syncLevelOfDetail();
    stage.batchDraw();
    // The store hears once the wheel rests, so toolbars do not re-render on every notch.
    clearTimeout(this.wheelTimer);
    this.wheelTimer = setTimeout(() => setViewport(currentViewport()), 150);
  };

  /**
   * True when every card, frame and missing marker lies inside the canvas (with a margin), i.e.
   * nothing is culled: the usual case zoomed out to fit, where redrawing 2,000 blocks and 3,000
   * edges per pointer move costs a software raster of every layer each frame.
   */
  private sceneFitsOnScreen(): boolean {
    this.markers ??= missingMarkers(this.edgeScene.edges, this.edgeScene.positions);
    return sceneFitsOnScreen(this.design, this.markers.map((m) => m.at), currentViewport(), SLIDE_MARGIN);
  }

  /** Slide the stage's canvases by CSS (dx, dy screen pixels past the stage's own position). */
  private slide(dx: number, dy: number): void {
    view.panShift = { x: dx, y: dy };
    this.layers.stage.content.style.transform = dx || dy ? `translate(${dx}px, ${dy}px)` : '';
  }

  /** Turn a sliding pan's CSS shift into the stage's real position and draw there (same pixels). */
  settlePan(): void {
    if (view.panShift.x === 0 && view.panShift.y === 0) return;
    const v = currentViewport();
    this.slide(0, 0);
    const stage = this.layers.stage;
    stage.position({ x: v.x, y: v.y });
    updateVisibleWorld(v);
    stage.batchDraw();
  }

  /** A viewport set from outside (fit, zoom buttons) mid-pan: drop the slide; the pan redraws from now on. */
  dropPanShift(): void {
    this.slide(0, 0);
    if (this.gesture?.type === 'pan') this.gesture.slide = false;
  }

  /**
   * Redraw what a pan moves: frames, edges (and overview blocks) and, zoomed in, the cards. The
   * card layer is hidden zoomed out and the drag layer is empty during a pan; clearing them would
   * still cost a full-canvas upload each frame.
   */
  private redrawScene(): void {
    this.layers.frames.batchDraw();
    this.layers.edges.batchDraw();
    if (this.layers.nodes.visible()) this.layers.nodes.batchDraw();
  }

  private hover(screen: Point): void {
    if (this.spaceDown) return this.setCursor('grab');
    const world = screenToWorld(screen);
    const hit = hitTest(this.design, world, view.scale);
    this.hoverTooltip(world, screen, hit);
    this.setCursor(hit.type === 'handle' ? 'crosshair' : hit.type === 'card' ? 'pointer' : hit.type === 'resize' ? 'nwse-resize' : hit.type === 'frame-header' ? 'move' : '');
  }

  /**
   * Resting on a broken reference's "missing" marker explains what is missing; resting on a card
   * whose name was shortened to fit shows the whole `Kind namespace/name`.
   */
  private hoverTooltip(world: Point, screen: Point, hit: ReturnType<typeof hitTest>): void {
    const reach = 11 / Math.max(view.scale, 0.01);
    this.markers ??= missingMarkers(this.edgeScene.edges, this.edgeScene.positions);
    const i = view.scale >= 0.2 ? this.markers.findIndex((k) => Math.abs(k.at.x - world.x) <= reach && Math.abs(k.at.y - world.y) <= reach) : -1;
    let key: string | undefined;
    let tip: Omit<CanvasTooltip, 'x' | 'y'> | undefined;
    if (i >= 0) {
      key = `marker:${i}`;
      tip = { message: this.markers[i]!.message, tone: 'problem' };
    } else if (hit.type === 'card' && view.scale >= DETAIL_SCALE) {
      const o = this.design.resources.find((r) => r.id === hit.id)?.object;
      if (o && (fitText(o.metadata.name, 'name') !== o.metadata.name || fitText(o.kind, 'caption') !== o.kind)) {
        key = `card:${hit.id}`;
        tip = { message: `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`, tone: 'info' };
      }
    }
    if (key === this.hovered) return;
    this.hovered = key;
    this.explain(tip ? { ...tip, x: screen.x, y: screen.y } : undefined);
  }

  /** Lift the dragged cards onto the drag layer; the rest of the scene stays drawn as it was. */
  private startDrag(ids: string[], startWorld: Point, frame?: { name: string; origin: Point; nsId?: string }): void {
    const positions = this.design.layout.positions;
    const origins = new Map<string, Point>();
    for (const id of ids) {
      const node = cardNodes.get(id);
      const p = positions[id];
      if (!node || !p) continue;
      origins.set(id, { ...p });
      node.moveTo(this.layers.drag);
    }
    this.gesture = { type: 'drag-cards', ids: [...origins.keys()], origins, startWorld, delta: { x: 0, y: 0 }, frame };
    this.edgeScene.moving = new Set(origins.keys());
    this.edgeScene.offset = { x: 0, y: 0 };
    this.layers.edges.batchDraw();
    this.layers.nodes.batchDraw();
    this.setCursor('grabbing');
  }

  private endDrag(g: Extract<Gesture, { type: 'drag-cards' }>, commit: boolean): void {
    for (const id of g.ids) {
      const node = cardNodes.get(id);
      if (!node) continue;
      node.moveTo(this.layers.nodes);
      const o = g.origins.get(id)!;
      // Put the node where the store will say it is; React then finds nothing to change.
      node.position(commit ? { x: o.x + g.delta.x, y: o.y + g.delta.y } : o);
    }
    if (g.frame) frameNodes.get(g.frame.name)?.position(commit ? { x: g.frame.origin.x + g.delta.x, y: g.frame.origin.y + g.delta.y } : g.frame.origin);
    this.edgeScene.moving = new Set();
    this.edgeScene.offset = { x: 0, y: 0 };
    this.setCursor('');
    if (commit && (g.delta.x !== 0 || g.delta.y !== 0)) {
      if (g.frame?.nsId) moveResources([g.frame.nsId], g.delta.x, g.delta.y);
      else if (g.frame) moveFrame(g.frame.name, g.delta.x, g.delta.y);
      else moveResources(g.ids, g.delta.x, g.delta.y);
    }
    this.layers.stage.batchDraw();
  }

  /** Refresh the data the edge layers draw from (after every design change). */
  setEdges(): void {
    const d = this.design;
    this.edgeScene.edges = designIndex(d).edges;
    this.edgeScene.positions = d.layout.positions;
    this.markers = undefined;
    if (this.hovered) {
      this.hovered = undefined;
      this.explain(undefined);
    }
  }
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

