/** Konva nodes of the cards and frames by id, so gestures reach them without searching the tree. */
import type Konva from 'konva';

export const cardNodes = new Map<string, Konva.Shape>();
export const frameNodes = new Map<string, Konva.Shape>();

/** A ref callback that keeps `map` in step with a mounted node. */
export function registerIn(map: Map<string, Konva.Shape>, id: string) {
  let current: Konva.Shape | null = null;
  return (node: Konva.Shape | null) => {
    if (node) {
      current = node;
      map.set(id, node);
    } else if (current && map.get(id) === current) {
      map.delete(id);
      current = null;
    }
  };
}
