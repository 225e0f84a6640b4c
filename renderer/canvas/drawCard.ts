/**
 * Draws one resource card straight onto the canvas in a single Konva sceneFunc: rounded card, a
 * badge shaped and coloured by the kind (in the spirit of the Kubernetes community icons), the
 * name, a subtitle, a problem dot and the connect handle. One Konva node per resource, culled when
 * off screen and simplified when zoomed far out, keeps 2,000 cards within a frame's budget.
 */
import type Konva from 'konva';
import type { KindDisplay } from '../../shared/kinds/types';
import { RESOURCE_HEIGHT as H, RESOURCE_WIDTH as W } from '../store';
import { FONT_FAMILY, THEME } from './theme';
import { isBoxVisible, view } from './view';

export interface CardData {
  /** The kind, drawn small above the name (learners read the kind; the glyph is an abbreviation). */
  kind: string;
  name: string;
  subtitle: string;
  glyph: string;
  color: string;
  shape: KindDisplay['shape'];
  selected: boolean;
  problem?: 'error' | 'warning';
}

/** Where the connect handle sits on a card, relative to its top-left, and its radius (screen px). */
export const HANDLE = { x: W, y: H / 2, radius: 7 };
const BADGE = { x: 9, y: 14, size: 36 };
const TEXT_X = 53;
const TEXT_WIDTH = W - TEXT_X - 12;

/** Below this zoom the text is unreadable anyway: draw coloured blocks only. */
export const DETAIL_SCALE = 0.45;

export function drawCard(context: Konva.Context, shape: Konva.Shape): void {
  const x = shape.x();
  const y = shape.y();
  if (!isBoxVisible(x - HANDLE.radius, y, W + 2 * HANDLE.radius, H)) return;
  const c = shape.getAttr('card') as CardData | undefined;
  if (!c) return;
  const ctx = context._context;
  const detailed = view.scale >= DETAIL_SCALE;

  ctx.beginPath();
  if (detailed) ctx.roundRect(0, 0, W, H, 8);
  else ctx.rect(0, 0, W, H);
  ctx.fillStyle = detailed ? THEME.cardFill : c.color;
  ctx.fill();
  if (!detailed) {
    if (c.selected) strokeSelection(ctx);
    return;
  }
  ctx.lineWidth = c.selected ? 2.5 : 1;
  ctx.strokeStyle = c.selected ? THEME.selection : THEME.cardStroke;
  ctx.stroke();
  // Kind stripe on the left edge, so colour reads even when the badge is small.
  ctx.fillStyle = c.color;
  ctx.fillRect(0, 10, 3, H - 20);

  drawBadge(ctx, c);

  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillStyle = c.color;
  ctx.font = FONTS.caption;
  ctx.fillText(c.kind, TEXT_X, 18);
  ctx.fillStyle = THEME.name;
  ctx.font = FONTS.name;
  ctx.fillText(c.name, TEXT_X, 36);
  ctx.fillStyle = THEME.subtitle;
  ctx.font = FONTS.subtitle;
  ctx.fillText(c.subtitle, TEXT_X, 52);

  if (c.problem) {
    ctx.beginPath();
    ctx.arc(W - 10, 10, 4.5, 0, Math.PI * 2);
    ctx.fillStyle = c.problem === 'error' ? THEME.broken : THEME.warning;
    ctx.fill();
  }

  // Connect handle: drag from it onto another resource to write a reference.
  ctx.beginPath();
  ctx.arc(HANDLE.x, HANDLE.y, 5.5, 0, Math.PI * 2);
  ctx.fillStyle = THEME.cardFill;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = c.color;
  ctx.stroke();
}

function strokeSelection(ctx: CanvasRenderingContext2D): void {
  ctx.lineWidth = 3 / view.scale;
  ctx.strokeStyle = THEME.selection;
  ctx.stroke();
}

/** Text that fits `TEXT_WIDTH` at `font`, with an ellipsis; cached, since names rarely change. */
const fitCache = new Map<string, string>();
let measureCtx: CanvasRenderingContext2D | null | undefined;

export type TextStyle = 'name' | 'caption' | 'subtitle';

const FONTS: Record<TextStyle, string> = {
  name: `600 13px ${FONT_FAMILY}`,
  caption: `600 10px ${FONT_FAMILY}`,
  subtitle: `11px ${FONT_FAMILY}`,
};

export function fitText(text: string, style: TextStyle): string {
  const key = `${style}:${text}`;
  const hit = fitCache.get(key);
  if (hit !== undefined) return hit;
  measureCtx ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  let out = text;
  if (measureCtx) {
    measureCtx.font = FONTS[style];
    if (measureCtx.measureText(text).width > TEXT_WIDTH) {
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (measureCtx.measureText(`${text.slice(0, mid)}…`).width <= TEXT_WIDTH) lo = mid;
        else hi = mid - 1;
      }
      out = `${text.slice(0, lo)}…`;
    }
  }
  if (fitCache.size > 20_000) fitCache.clear();
  fitCache.set(key, out);
  return out;
}

function drawBadge(ctx: CanvasRenderingContext2D, c: CardData): void {
  const { x, y, size: s } = BADGE;
  const cx = x + s / 2;
  const cy = y + s / 2;
  ctx.beginPath();
  switch (c.shape) {
    case 'hexagon':
    case 'frame':
      polygon(ctx, cx, cy, s / 2, 6, -Math.PI / 2);
      break;
    case 'circle':
      ctx.arc(cx, cy, s / 2, 0, Math.PI * 2);
      break;
    case 'diamond':
      polygon(ctx, cx, cy, s / 2 + 2, 4, -Math.PI / 2);
      break;
    case 'cylinder': {
      const e = 6;
      ctx.moveTo(x + 2, y + e);
      ctx.ellipse(cx, y + e, s / 2 - 2, e, 0, Math.PI, 0, false);
      ctx.lineTo(x + s - 2, y + s - e);
      ctx.ellipse(cx, y + s - e, s / 2 - 2, e, 0, 0, Math.PI, false);
      ctx.closePath();
      break;
    }
    case 'document': {
      const f = 10;
      ctx.moveTo(x + 4, y);
      ctx.lineTo(x + s - f - 4, y);
      ctx.lineTo(x + s - 4, y + f);
      ctx.lineTo(x + s - 4, y + s);
      ctx.lineTo(x + 4, y + s);
      ctx.closePath();
      break;
    }
    case 'shield':
      ctx.moveTo(cx, y);
      ctx.lineTo(x + s - 3, y + 6);
      ctx.quadraticCurveTo(x + s - 3, y + s - 8, cx, y + s);
      ctx.quadraticCurveTo(x + 3, y + s - 8, x + 3, y + 6);
      ctx.closePath();
      break;
    case 'rounded':
    default:
      // The community workload icon: a rounded heptagon-like badge; a rounded square reads well small.
      ctx.roundRect(x, y, s, s, 9);
      break;
  }
  ctx.fillStyle = c.color;
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = `700 ${glyphSize(c.glyph.length, 11, c.shape === 'shield' || c.shape === 'diamond' ? 23 : 31)}px ${FONT_FAMILY}`;
  ctx.fillText(c.glyph, cx, cy + (c.shape === 'shield' ? -2 : 0));
}

/** A font size at which a glyph of `length` letters fits `width` pixels (bold, ~0.62 em a letter). */
export function glyphSize(length: number, max: number, width: number): number {
  return Math.min(max, Math.floor((width / (0.62 * Math.max(1, length))) * 2) / 2);
}

function polygon(ctx: CanvasRenderingContext2D, cx: number, cy: number, r: number, sides: number, start: number): void {
  for (let i = 0; i < sides; i++) {
    const a = start + (i * 2 * Math.PI) / sides;
    const px = cx + r * Math.cos(a);
    const py = cy + r * Math.sin(a);
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
}
