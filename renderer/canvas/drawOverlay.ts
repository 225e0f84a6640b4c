/** The drag layer's overlay: the rubber band, and while connecting the line and the valid targets. */
import type { Design } from '../../shared/design/types';
import { RESOURCE_HEIGHT as H, RESOURCE_WIDTH as W } from '../store';
import type { Overlay } from './gestures';
import { THEME } from './theme';
import { isBoxVisible, view } from './view';

export function drawOverlay(ctx: CanvasRenderingContext2D, overlay: Overlay, design: Design): void {
  const px = 1 / view.scale;
  if (overlay.band) {
    const b = overlay.band;
    ctx.fillStyle = THEME.rubberBand;
    ctx.fillRect(b.x, b.y, b.width, b.height);
    ctx.lineWidth = px;
    ctx.strokeStyle = THEME.rubberBandStroke;
    ctx.strokeRect(b.x, b.y, b.width, b.height);
  }
  const c = overlay.connect;
  if (!c) return;
  ctx.strokeStyle = THEME.validTarget;
  for (const id of c.targets) {
    const p = design.layout.positions[id];
    if (!p || !isBoxVisible(p.x, p.y, W, H)) continue;
    ctx.lineWidth = (id === c.hover ? 4 : 2) * Math.max(px, 0.75);
    ctx.setLineDash(id === c.hover ? [] : [5, 4]);
    ctx.beginPath();
    ctx.roundRect(p.x - 4, p.y - 4, W + 8, H + 8, 11);
    ctx.stroke();
  }
  ctx.setLineDash([6 * px, 4 * px]);
  ctx.lineWidth = 2 * px;
  ctx.strokeStyle = c.hover ? THEME.validTarget : THEME.selection;
  ctx.beginPath();
  ctx.moveTo(c.from.x, c.from.y);
  ctx.lineTo(c.to.x, c.to.y);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.arc(c.to.x, c.to.y, 4 * px, 0, Math.PI * 2);
  ctx.fillStyle = ctx.strokeStyle;
  ctx.fill();
}
