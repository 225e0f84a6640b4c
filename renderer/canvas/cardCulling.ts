/**
 * Off-screen cards are hidden Konva nodes, so the card layer's draw skips them at once instead of
 * saving, transforming and restoring the context for each of 5,000 shapes that then draw nothing.
 * Runs before each card-layer draw; only cards whose visibility flips are touched.
 */
import type Konva from 'konva';
import { RESOURCE_HEIGHT as H, RESOURCE_WIDTH as W } from '../store';
import { HANDLE } from './drawCard';
import { cardNodes } from './registry';
import { isBoxVisible } from './view';

export function cullCards(layer: Konva.Layer): void {
  const r = HANDLE.radius;
  for (const node of cardNodes.values()) {
    // Cards lifted onto the drag layer always draw: they follow the pointer into view. Cards are
    // the layer's direct children, and their attributes are read directly: this loop runs over
    // every card before each draw of the card layer.
    const a = node.attrs as { x?: number; y?: number; visible?: boolean };
    const on = node.parent !== layer || isBoxVisible((a.x ?? 0) - r, (a.y ?? 0) - r, W + 2 * r, H + 2 * r);
    if ((a.visible ?? true) !== on) node.visible(on);
  }
}
