/**
 * Draws the overlay model (./model.ts) onto a canvas context in one pass: chip strips, pod chips
 * coloured by phase, ghost chips, "+N", quota gauges on frame title bars and claim strips. Off-screen
 * cards are culled; a chip that just appeared grows in over APPEAR_MS, and Pending chips pulse —
 * the only animation, so a layer redrawn every animation frame stays cheap (no objects per chip).
 */
import { FONT_FAMILY } from '../../canvas/theme';
import { isBoxVisible } from '../../canvas/view';
import { CARD, STRIP, type Chip, type ChipTone, type OverlayModel } from './model';

export const TONE_COLORS: Record<ChipTone, string> = {
  Running: '#2e9d57',
  Pending: '#e0a021',
  Failed: '#d93025',
  Succeeded: '#4f6fb3',
  Terminating: '#8a94a6',
  Unknown: '#8a94a6',
};

const GHOST = '#d93025';
export const APPEAR_MS = 350;

export interface DrawClock {
  /** ms timestamp of this frame. */
  now: number;
  /** When each chip key was first drawn (chips not in the map are drawn settled). */
  appeared: Map<string, number>;
  /** Zoom: text is skipped when it would be too small to read. */
  scale: number;
}

/** Whether anything is still moving at `now` (the loop keeps drawing while it is). */
export function animating(model: OverlayModel, clock: DrawClock): boolean {
  for (const t of clock.appeared.values()) if (clock.now - t < APPEAR_MS) return true;
  return model.chips.some((c) => c.type === 'pod' && c.tone === 'Pending');
}

export function drawOverlayModel(ctx: CanvasRenderingContext2D, model: OverlayModel, clock: DrawClock): void {
  const text = clock.scale >= 0.55;
  // Strips: the card's lower band, so chips read as part of the card.
  ctx.fillStyle = 'rgba(241, 244, 249, 0.96)';
  for (const s of model.strips) {
    if (!isBoxVisible(s.x, s.y, CARD.width, CARD.height)) continue;
    ctx.beginPath();
    ctx.roundRect(s.x + STRIP.x - 2, s.y + STRIP.y, STRIP.width + 4, STRIP.height, 4);
    ctx.fill();
  }

  const pulse = 0.55 + 0.45 * (0.5 + 0.5 * Math.sin(clock.now / 260));
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.font = `600 8.5px ${FONT_FAMILY}`;
  // Settled pod chips are batched into one path per tone (Pending ones pulse together), filled
  // once each, then labelled: hundreds of chips cost a handful of fills, not one per chip.
  const settled = new Map<ChipTone, Path2D>();
  const labelled: Chip[] = [];
  for (const c of model.chips) {
    if (!isBoxVisible(c.x, c.y, c.width, c.height)) continue;
    const born = clock.appeared.get(c.key);
    if (c.type === 'pod' && (born === undefined || clock.now - born >= APPEAR_MS)) {
      let path = settled.get(c.tone);
      if (!path) settled.set(c.tone, (path = new Path2D()));
      path.roundRect(c.x, c.y, c.width, c.height, 3);
      if (text && c.label) labelled.push(c);
      continue;
    }
    drawChip(ctx, c, clock, pulse, text);
  }
  for (const [tone, path] of settled) {
    ctx.globalAlpha = tone === 'Pending' ? pulse : 1;
    ctx.fillStyle = TONE_COLORS[tone];
    ctx.fill(path);
  }
  ctx.globalAlpha = 1;
  ctx.fillStyle = '#fff';
  for (const c of labelled) if (c.type === 'pod') ctx.fillText(c.label!, c.x + c.width / 2, c.y + c.height / 2 + 0.5, c.width - 3);

  for (const g of model.gauges) {
    if (!isBoxVisible(g.x, g.y, g.width, 20)) continue;
    const over = g.ratio >= 1;
    const color = over ? '#d93025' : g.ratio >= 0.8 ? '#e0a021' : '#2e9d57';
    if (text) {
      ctx.textAlign = 'left';
      ctx.font = `500 9px ${FONT_FAMILY}`;
      ctx.fillStyle = over ? '#a3261b' : '#3d4a5c';
      ctx.fillText(`${g.resource} ${g.used}/${g.hard}`, g.x, g.y + 6, g.width);
    }
    ctx.fillStyle = '#dfe4ec';
    ctx.fillRect(g.x, g.y + 13, g.width, 5);
    ctx.fillStyle = color;
    ctx.fillRect(g.x, g.y + 13, g.width * Math.min(1, Number.isFinite(g.ratio) ? g.ratio : 1), 5);
  }

  for (const c of model.claims) {
    if (!isBoxVisible(c.x, c.y, CARD.width, CARD.height)) continue;
    ctx.beginPath();
    ctx.roundRect(c.x + STRIP.x - 2, c.y + STRIP.y, STRIP.width + 4, STRIP.height, 4);
    ctx.fillStyle = c.bound ? '#e3f4e8' : '#fdf1d8';
    ctx.fill();
    if (text) {
      ctx.textAlign = 'left';
      ctx.font = `600 9px ${FONT_FAMILY}`;
      ctx.fillStyle = c.bound ? '#1e6b3a' : '#8a5a00';
      ctx.fillText(c.bound ? `Bound · ${c.volume}` : 'Pending', c.x + STRIP.x + 2, c.y + STRIP.y + STRIP.height / 2 + 0.5, STRIP.width - 4);
    }
  }
  ctx.textAlign = 'left';
}

function drawChip(ctx: CanvasRenderingContext2D, c: Chip, clock: DrawClock, pulse: number, text: boolean): void {
  const born = clock.appeared.get(c.key);
  const grow = born === undefined ? 1 : Math.min(1, (clock.now - born) / APPEAR_MS);
  const w = c.width * grow;
  const h = c.height * grow;
  const x = c.x + (c.width - w) / 2;
  const y = c.y + (c.height - h) / 2;
  ctx.globalAlpha = grow;
  if (c.type === 'pod') {
    if (c.tone === 'Pending') ctx.globalAlpha = grow * pulse;
    ctx.fillStyle = TONE_COLORS[c.tone];
    ctx.beginPath();
    ctx.roundRect(x, y, w, h, 3);
    ctx.fill();
    if (text && c.label && grow === 1) {
      ctx.globalAlpha = 1;
      ctx.fillStyle = '#fff';
      ctx.fillText(c.label, c.x + c.width / 2, c.y + c.height / 2 + 0.5, c.width - 3);
    }
  } else if (c.type === 'ghost') {
    ctx.setLineDash([2, 2]);
    ctx.strokeStyle = GHOST;
    ctx.lineWidth = 1;
    ctx.fillStyle = 'rgba(217, 48, 37, 0.08)';
    ctx.beginPath();
    ctx.roundRect(x + 0.5, y + 0.5, w - 1, h - 1, 3);
    ctx.fill();
    ctx.stroke();
    ctx.setLineDash([]);
    if (text && c.label) {
      ctx.fillStyle = GHOST;
      ctx.fillText(c.label, c.x + c.width / 2, c.y + c.height / 2 + 0.5);
    }
  } else {
    ctx.fillStyle = '#5f6b7a';
    if (text) ctx.fillText(`+${c.count}`, c.x + c.width / 2, c.y + c.height / 2 + 0.5);
  }
}
