/**
 * Each step shows what it talks about: the view fits the step's highlighted cards (or, for a step
 * without cards, the whole design) into the part of the canvas the step card does not cover, so
 * the card never hides what it points at — on a 1024×768 projector as on a large screen.
 */
import type { Box } from '../../shared/design/types';
import { view } from '../canvas/view';
import { contentBounds, resourceBox, setViewport, useKubeplanStore } from '../store';

/** Room around the cards: pod chips and ghosts hang below a card in simulate mode. */
const PAD = { side: 40, top: 30, bottom: 70 };

/** The union of the cards' boxes, padded; undefined when none has a position. */
function cardsBox(ids: readonly string[]): Box | undefined {
  const { positions } = useKubeplanStore.getState().design.layout;
  const boxes = ids.map((id) => positions[id]).filter((p) => p !== undefined).map((p) => resourceBox(p));
  if (boxes.length === 0) return undefined;
  const x = Math.min(...boxes.map((b) => b.x)) - PAD.side;
  const y = Math.min(...boxes.map((b) => b.y)) - PAD.top;
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + PAD.side;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + PAD.bottom;
  return { x, y, width: right - x, height: bottom - y };
}

/** The canvas's free area: what the step card (bottom) or, in presenter mode, the compact card and the caption leave. */
function freeArea(): { top: number; height: number } {
  const doc = globalThis.document;
  const canvas = doc?.querySelector('[data-testid="design-canvas"]')?.getBoundingClientRect();
  const cardEl = doc?.querySelector('[data-testid="lesson-card"]');
  const card = cardEl?.getBoundingClientRect();
  const caption = doc?.querySelector('[data-testid="presenter-caption"]')?.getBoundingClientRect();
  if (!canvas || !card) return { top: 0, height: view.height };
  let top = 0;
  let bottom = view.height;
  // The card sits at the bottom (lesson mode) or, compact, at the top left (presenter mode), where
  // it leaves the centre free unless the canvas is narrow.
  if (!cardEl?.classList.contains('compact')) bottom = Math.min(bottom, card.top - canvas.top - 8);
  else if (card.right - canvas.left > view.width * 0.45) top = Math.max(top, card.bottom - canvas.top + 8);
  // The presenter caption sits at the bottom, or at the top when the step shows the dock.
  if (caption && caption.height > 0) {
    if (caption.top - canvas.top > view.height / 2) bottom = Math.min(bottom, caption.top - canvas.top - 8);
    else top = Math.max(top, caption.bottom - canvas.top + 8);
  }
  // Notices (a live action's kubectl output) sit at the top: keep the cards below them while that leaves room.
  const notices = doc?.querySelector('.notices')?.getBoundingClientRect();
  if (notices && notices.height > 0 && bottom - (notices.bottom - canvas.top + 6) >= 220) top = Math.max(top, notices.bottom - canvas.top + 6);
  return { top, height: Math.max(120, bottom - top) };
}

/** Fit the cards (by design id) into the free area; with none, the whole design. */
export function frameStep(ids: readonly string[]): void {
  if (!view.measured) return;
  const design = useKubeplanStore.getState().design;
  const box = (ids.length > 0 ? cardsBox(ids) : undefined) ?? contentBounds(design);
  if (!box) return;
  const area = freeArea();
  const margin = 12;
  const maxScale = ids.length > 0 ? 1.25 : 1;
  const scale = Math.max(0.05, Math.min(maxScale, (view.width - 2 * margin) / Math.max(1, box.width), (area.height - 2 * margin) / Math.max(1, box.height)));
  setViewport({
    scale,
    x: Math.round(view.width / 2 - (box.x + box.width / 2) * scale),
    y: Math.round(area.top + area.height / 2 - (box.y + box.height / 2) * scale),
  });
}
