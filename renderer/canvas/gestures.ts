/**
 * Pointer input on the canvas, handed to the active tool (tools/: select, connect, pan; the store's
 * `tool`). This host owns what every tool shares: the edge scene, the overlay, the cursor, hover
 * tooltips, wheel zoom and the tool transitions. Everything that changes during a gesture lives in
 * the tools and in Konva nodes; the store hears once, when the gesture ends (one undo step).
 */
import type { Point } from '../../shared/design/types';
import { designIndex, setTool, setViewport, useKubeplanStore, type ToolId } from '../store';
import { DETAIL_SCALE, fitText } from './drawCard';
import { emptyEdgeScene, missingMarkers, type EdgeScene, type MissingMarker } from './drawEdges';
import { GestureCache } from './gestureCache';
import { hitTest } from './hitTest';
import { ConnectTool } from './tools/connect';
import { PanTool } from './tools/pan';
import { SelectTool } from './tools/select';
import type { CanvasLayers, Overlay, Tool, ToolEnterData, ToolHost } from './tools/types';
import { clampScale, currentViewport, sceneFitsOnScreen, screenToWorld, updateVisibleWorld, view } from './view';

export type { CanvasLayers, Overlay } from './tools/types';

export interface CanvasTooltip {
  message: string;
  tone: 'problem' | 'info';
  x: number;
  y: number;
}

/** Screen pixels kept clear around the scene for a sliding pan (selection rings, strokes, markers). */
const SLIDE_MARGIN = 12;

export class CanvasGestures implements ToolHost {
  readonly edgeScene: EdgeScene = emptyEdgeScene();
  readonly overlay: Overlay = {};
  readonly gestureCache = new GestureCache(() => this.layers.edges);
  spaceDown = false;
  private readonly pan = new PanTool(this);
  private readonly tools: Record<ToolId, Tool> = { select: new SelectTool(this), connect: new ConnectTool(this), pan: this.pan };
  private active: Tool = this.tools.select;
  private wheelTimer: ReturnType<typeof setTimeout> | undefined;
  private cursor = '';

  private markers: MissingMarker[] | undefined;
  /** What the tooltip is showing: a marker or a card, by a key; undefined when hidden. */
  private hovered: string | undefined;

  constructor(
    readonly layers: CanvasLayers,
    readonly container: HTMLElement,
    readonly notify: (message: string) => void,
    /** Shows (or hides, with undefined) a tooltip: a broken reference's problem, or a card's full name. */
    private readonly explain: (tip: CanvasTooltip | undefined) => void = () => undefined,
  ) {
    setTool('select');
  }

  get design() {
    return useKubeplanStore.getState().design;
  }

  /** The active tool and its state, e.g. `select.dragging-cards` (tests, debugging). */
  get toolState(): string {
    return `${this.active.id}.${this.active.state}`;
  }

  screenPoint(e: { clientX: number; clientY: number }): Point {
    const r = this.container.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  setCursor(c: string): void {
    if (c !== this.cursor) {
      this.cursor = c;
      this.container.style.cursor = c;
    }
  }

  transition(to: ToolId, e?: PointerEvent, data?: ToolEnterData): void {
    this.active = this.tools[to];
    setTool(to);
    this.active.enter?.(e, data);
  }

  /** A tool chosen from outside (the store's `tool`); only between gestures. */
  chooseTool(tool: ToolId): void {
    if (tool !== this.active.id && this.active.state === 'idle') this.transition(tool);
  }

  /** Show the detailed card layer or the batched overview, by zoom (called after every view change). */
  syncLevelOfDetail(): void {
    const detailed = view.scale >= DETAIL_SCALE;
    if (this.layers.nodes.visible() !== detailed) {
      this.layers.nodes.visible(detailed);
      this.layers.edges.batchDraw();
    }
  }

  /** Space held: the pan tool, until it is released (a pan under way finishes first). */
  setSpace(down: boolean): void {
    if (down === this.spaceDown) return;
    this.spaceDown = down;
    if (this.active.state !== 'idle') return;
    if (down && this.active.id !== 'pan') this.transition('pan');
    else if (!down && this.active.id === 'pan') this.transition('select');
  }

  onPointerDown = (e: PointerEvent): void => {
    if (this.active.state !== 'idle') return;
    // A pan's bitmap lingering after its release: any new gesture starts from the real drawing.
    if (this.gestureCache.active) {
      this.gestureCache.end();
      this.layers.edges.batchDraw();
    }
    if (this.hovered) {
      this.hovered = undefined;
      this.explain(undefined);
    }
    // The middle button, or a press with Space held, pans whatever the tool.
    if ((e.button === 1 || (e.button === 0 && this.spaceDown)) && this.active.id !== 'pan') return this.transition('pan', e);
    // While the simulation runs the design is read-only: a press pans, whatever the tool.
    if (useKubeplanStore.getState().mode !== 'design' && this.active.id !== 'pan') return this.transition('pan', e);
    this.active.onPointerDown?.(e);
  };

  onPointerMove = (e: PointerEvent): void => this.active.onPointerMove?.(e);

  onPointerUp = (e: PointerEvent): void => this.active.onPointerUp?.(e);

  /** Escape: put back whatever the gesture moved and forget it. */
  cancel(): void {
    this.active.cancel?.();
  }

  onWheel = (e: WheelEvent): void => {
    e.preventDefault();
    // A zoom mid-pan culls again: the pan goes on redrawing from where it is now.
    this.pan.stopSliding(true);
    this.gestureCache.end(); // a bitmap is only good at the zoom it was drawn at
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
  sceneFitsOnScreen(): boolean {
    this.markers ??= missingMarkers(this.edgeScene.edges, this.edgeScene.positions);
    return sceneFitsOnScreen(this.design, this.markers.map((m) => m.at), currentViewport(), SLIDE_MARGIN);
  }

  /** A viewport set from outside (fit, zoom buttons) mid-pan: drop the slide; the pan redraws from now on. */
  dropPanShift(): void {
    this.pan.stopSliding(false);
  }

  hover(screen: Point): void {
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
