/**
 * Canvas tools, in tldraw's style: the active tool (the store's `tool`) gets the pointer events;
 * each tool is a small state machine whose states are named, and every change of state or tool
 * is an explicit transition. Adding a tool (the simulation's scrub tool) is one more object.
 */
import type { GestureCache } from '../gestureCache';
import type Konva from 'konva';
import type { Box, Design, Point } from '../../../shared/design/types';
import type { ToolId } from '../../store';
import type { EdgeScene } from '../drawEdges';

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

/** What a tool may use of the canvas (CanvasGestures provides it). */
export interface ToolHost {
  readonly layers: CanvasLayers;
  readonly container: HTMLElement;
  readonly edgeScene: EdgeScene;
  readonly overlay: Overlay;
  readonly design: Design;
  /** Whether Space is held (the pan tool stays active while it is). */
  readonly spaceDown: boolean;
  screenPoint(e: { clientX: number; clientY: number }): Point;
  setCursor(cursor: string): void;
  notify(message: string): void;
  /** Update cursor and tooltip for a pointer resting at `screen` (the select tool's idle state). */
  hover(screen: Point): void;
  /** Card, frame and marker positions on screen are all inside the canvas: nothing is culled. */
  sceneFitsOnScreen(): boolean;
  /** The edge layer's bitmap for a pan that redraws (gestureCache.ts). */
  readonly gestureCache: GestureCache;
  /** Leave this tool for another; `e` is the pointer press that starts the new tool, if any. */
  transition(to: ToolId, e?: PointerEvent, data?: ToolEnterData): void;
}

/** What a tool is told when it becomes active through a press (the connect tool's source card). */
export interface ToolEnterData {
  sourceId?: string;
}

export interface Tool {
  readonly id: ToolId;
  /** The current state's name (`idle`, `dragging-cards`…): only `idle` may hand over to another tool. */
  readonly state: string;
  enter?(e?: PointerEvent, data?: ToolEnterData): void;
  onPointerDown?(e: PointerEvent): void;
  onPointerMove?(e: PointerEvent): void;
  onPointerUp?(e: PointerEvent): void;
  /** Escape: put back whatever the current state moved and return to idle. */
  cancel?(): void;
}

/** A tool whose states are a tagged union (`{ name: 'idle' } | …`); it starts and ends idle. */
export abstract class StateTool<S extends { name: string }> implements Tool {
  abstract readonly id: ToolId;
  protected current: S;

  constructor(protected readonly host: ToolHost, private readonly idle: S) {
    this.current = idle;
  }

  get state(): string {
    return this.current.name;
  }

  protected toIdle(): void {
    this.current = this.idle;
  }
}

/** Pointer moves below this many screen pixels are a click, not a drag. */
export const DRAG_THRESHOLD = 4;

export function dist(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function capture(host: ToolHost, e: PointerEvent): void {
  host.container.setPointerCapture(e.pointerId);
}

export function release(host: ToolHost, e: PointerEvent): void {
  if (host.container.hasPointerCapture(e.pointerId)) host.container.releasePointerCapture(e.pointerId);
}
