/**
 * Zoomed far out, cards are a few pixels wide and their text unreadable: the card layer is hidden
 * and this draws every card as a plain block in its kind's colour, batched into one path per colour,
 * so 2,000 cards cost a handful of fills instead of 2,000 shapes.
 */
import type { Design } from '../../shared/design/types';
import { getKindModule } from '../../shared/kinds/registry';
import { RESOURCE_HEIGHT as H, RESOURCE_WIDTH as W } from '../store';
import { FONT_FAMILY, THEME } from './theme';
import { isBoxVisible, view } from './view';
import { designCardGroups } from './cardGroups';

const colorByKind = new Map<string, string>();

function kindColor(kind: string, apiVersion: string): string {
  let c = colorByKind.get(kind);
  if (!c) {
    c = getKindModule(kind, apiVersion)?.display.color ?? THEME.fallbackKind;
    colorByKind.set(kind, c);
  }
  return c;
}

export function drawOverview(ctx: CanvasRenderingContext2D, design: Design, selection: ReadonlySet<string>, moving: ReadonlySet<string>): void {
  const paths = new Map<string, Path2D>();
  const selected = new Path2D();
  let anySelected = false;
  const positions = design.layout.positions;
  const { memberOf } = designCardGroups(design.resources);
  for (const r of design.resources) {
    const o = r.object;
    if (o.kind === 'Namespace' || moving.has(r.id) || memberOf.has(r.id)) continue;
    const p = positions[r.id];
    if (!p || !isBoxVisible(p.x, p.y, W, H)) continue;
    const color = kindColor(o.kind, o.apiVersion);
    let path = paths.get(color);
    if (!path) paths.set(color, (path = new Path2D()));
    path.rect(p.x, p.y, W, H);
    if (selection.has(r.id)) {
      // Outside the block, so the ring shows even on a card of the selection colour.
      const g = 4 / view.scale;
      selected.rect(p.x - g, p.y - g, W + 2 * g, H + 2 * g);
      anySelected = true;
    }
  }
  for (const [color, path] of paths) {
    ctx.fillStyle = color;
    ctx.fill(path);
  }
  if (anySelected) {
    ctx.lineWidth = 2.5 / view.scale;
    ctx.strokeStyle = THEME.selection;
    ctx.stroke(selected);
  }
  drawFrameLabels(ctx, design);
}

/** Namespace names at a readable screen size over the blocks (the frames' own labels are tiny here). */
function drawFrameLabels(ctx: CanvasRenderingContext2D, design: Design): void {
  const px = 1 / view.scale;
  ctx.font = `600 ${12 * px}px ${FONT_FAMILY}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3 * px;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.fillStyle = THEME.frameLabel;
  for (const [name, f] of Object.entries(design.layout.frames)) {
    if (!isBoxVisible(f.x, f.y, f.width, 20 * px)) continue;
    ctx.strokeText(name, f.x + 6 * px, f.y + 4 * px, f.width - 12 * px);
    ctx.fillText(name, f.x + 6 * px, f.y + 4 * px, f.width - 12 * px);
  }
}
