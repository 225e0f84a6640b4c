/**
 * The pan (hand) tool: active while Space is held, or for one middle-button drag. While every card
 * is on screen the pan slides the stage's canvases by CSS and redraws nothing until it ends.
 */
import type { Point } from '../../../shared/design/types';
import { setViewport } from '../../store';
import { currentViewport, updateVisibleWorld, view } from '../view';
import { capture, release, StateTool, type ToolHost } from './types';

type PanState =
  | { name: 'idle' }
  /** `slide`: everything is drawn on screen, so the pan slides the canvases instead of redrawing them. */
  | { name: 'panning'; startScreen: Point; origin: Point; slide: boolean };

export class PanTool extends StateTool<PanState> {
  readonly id = 'pan';

  constructor(host: ToolHost) {
    super(host, { name: 'idle' });
  }

  enter(e?: PointerEvent): void {
    this.toIdle();
    if (e) this.onPointerDown(e);
    else this.host.setCursor('grab');
  }

  onPointerDown(e: PointerEvent): void {
    if (this.current.name !== 'idle' || (e.button !== 0 && e.button !== 1)) return;
    e.preventDefault();
    const v = currentViewport();
    const slide = this.host.sceneFitsOnScreen();
    this.current = { name: 'panning', startScreen: this.host.screenPoint(e), origin: { x: v.x, y: v.y }, slide };
    // Part of the design is off screen: pan over a bitmap of the edge layer rather than redraw it.
    if (!slide) this.host.gestureCache.begin();
    this.host.setCursor('grabbing');
    capture(this.host, e);
  }

  onPointerMove(e: PointerEvent): void {
    const s = this.current;
    if (s.name !== 'panning') return;
    const screen = this.host.screenPoint(e);
    const stage = this.host.layers.stage;
    const x = s.origin.x + screen.x - s.startScreen.x;
    const y = s.origin.y + screen.y - s.startScreen.y;
    if (s.slide) {
      // Nothing was culled, so the drawn canvases already hold the whole scene: move them, redraw nothing.
      this.slide(x - stage.x(), y - stage.y());
      return;
    }
    stage.position({ x, y });
    updateVisibleWorld(currentViewport());
    this.host.gestureCache.moved();
    this.redrawScene();
  }

  onPointerUp(e: PointerEvent): void {
    if (this.current.name !== 'panning') return;
    release(this.host, e);
    this.settle();
    // The bitmap is still right where the pan ended: keep it for this frame, redraw sharp shortly.
    const edges = this.host.layers.edges;
    this.host.gestureCache.release(() => edges.batchDraw());
    setViewport(currentViewport());
    this.finish();
  }

  cancel(): void {
    if (this.current.name === 'panning') this.settle();
    this.dropCache();
    this.finish();
  }

  /** Back to the sharp, culled drawing of the edge layer where the pan ended. */
  private dropCache(): void {
    if (!this.host.gestureCache.active) return;
    this.host.gestureCache.end();
    this.host.layers.edges.batchDraw();
  }

  /** Back to idle while Space is still held, else back to the select tool. */
  private finish(): void {
    this.toIdle();
    if (this.host.spaceDown) this.host.setCursor('grab');
    else this.host.transition('select');
  }

  /** A zoom or a viewport set from outside mid-pan: stop sliding; the pan redraws from now on. */
  stopSliding(settle: boolean): void {
    if (settle) this.settle();
    else this.slide(0, 0);
    if (this.current.name === 'panning') this.current.slide = false;
  }

  /** Slide the stage's canvases by CSS (dx, dy screen pixels past the stage's own position). */
  private slide(dx: number, dy: number): void {
    view.panShift = { x: dx, y: dy };
    this.host.layers.stage.content.style.transform = dx || dy ? `translate(${dx}px, ${dy}px)` : '';
  }

  /** Turn a sliding pan's CSS shift into the stage's real position and draw there (same pixels). */
  private settle(): void {
    if (view.panShift.x === 0 && view.panShift.y === 0) return;
    const v = currentViewport();
    this.slide(0, 0);
    const stage = this.host.layers.stage;
    stage.position({ x: v.x, y: v.y });
    updateVisibleWorld(v);
    stage.batchDraw();
  }

  /**
   * Redraw what a pan moves: frames, edges (and overview blocks) and, zoomed in, the cards. The
   * card layer is hidden zoomed out and the drag layer is empty during a pan; clearing them would
   * still cost a full-canvas upload each frame.
   */
  private redrawScene(): void {
    const { frames, edges, nodes } = this.host.layers;
    frames.batchDraw();
    edges.batchDraw();
    if (nodes.visible()) nodes.batchDraw();
  }
}
