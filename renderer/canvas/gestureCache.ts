/**
 * A bitmap of the edge layer for the length of a pan that cannot slide (part of the design is off
 * screen, so the drawn canvases do not hold all of it). At the press the edge shape — every static
 * edge and, zoomed out, every card's overview block — is drawn once into a Konva cache covering the
 * view plus half a view on each side, at the screen's resolution (`pixelRatio` = zoom × device
 * pixel ratio); each pan frame then blits that bitmap instead of tracing thousands of paths.
 * Panning past the margin draws a new one there; the release drops it, and the next redraw is the
 * sharp, culled drawing again (Konva `Node.cache`, https://konvajs.org/docs/performance/Shape_Caching.html).
 */
import type Konva from 'konva';
import { currentViewport, view } from './view';

export class GestureCache {
  private origin: { x: number; y: number } | undefined;
  private scale = 1;
  private margin = { x: 0, y: 0 };

  constructor(private readonly layer: () => Konva.Layer) {}

  private shape(): Konva.Node | undefined {
    return this.layer().getChildren()[0];
  }

  /** Draw the bitmap around the current view (the press of a pan, or a pan past the margin). */
  begin(): void {
    const shape = this.shape();
    if (!shape) return;
    const v = currentViewport();
    this.margin = { x: Math.ceil(view.width / 2), y: Math.ceil(view.height / 2) };
    const box = {
      x: (-v.x - this.margin.x) / v.scale,
      y: (-v.y - this.margin.y) / v.scale,
      width: (view.width + 2 * this.margin.x) / v.scale,
      height: (view.height + 2 * this.margin.y) / v.scale,
    };
    // The edge and overview drawing cull to view.world: widen it to the cached box while drawing.
    const world = view.world;
    view.world = box;
    try {
      shape.cache({ ...box, pixelRatio: v.scale * (globalThis.devicePixelRatio || 1) });
    } finally {
      view.world = world;
    }
    this.origin = { x: v.x, y: v.y };
    this.scale = v.scale;
  }

  /** The stage moved: keep blitting while the view stays inside the bitmap, else draw a new one. */
  moved(): void {
    if (!this.origin) return;
    const v = currentViewport();
    if (Math.abs(v.x - this.origin.x) > this.margin.x - 2 || Math.abs(v.y - this.origin.y) > this.margin.y - 2) this.begin();
  }

  /** Whether the bitmap still covers the view at viewport `v` (same zoom, within the margin). */
  covers(v: { x: number; y: number; scale: number }): boolean {
    if (!this.origin) return false;
    return v.scale === this.scale && Math.abs(v.x - this.origin.x) <= this.margin.x - 2 && Math.abs(v.y - this.origin.y) <= this.margin.y - 2;
  }

  get active(): boolean {
    return this.origin !== undefined;
  }

  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * The pan is over: the bitmap still holds exactly what a redraw here would draw (same zoom, the
   * view inside it), so the frame that ends the pan only blits it; the sharp culled drawing comes
   * back a moment later, or at once when anything else happens (a press, a wheel, a change of the
   * design, the selection or the edge filters: `end`).
   */
  release(redraw: () => void, after = 250): void {
    if (!this.origin) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.origin) return;
      this.end();
      redraw();
    }, after);
  }

  /** Drop the bitmap now (the caller redraws). */
  end(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.origin) return;
    this.origin = undefined;
    this.shape()?.clearCache();
  }
}
