/**
 * Import: loaded objects → a design, auto-laid-out. Objects are kept exactly as read (unknown
 * kinds and fields included); each gets a fresh resource id.
 */
import { layoutDesign } from '../design/layout';
import { emptyDesign, type Design } from '../design/types';
import type { LoadedObject } from './types';

export function importAsDesign(loaded: readonly LoadedObject[], name: string): Design {
  const design = emptyDesign(name);
  design.resources = loaded.map((l, i) => ({ id: `r${i + 1}`, object: l.object }));
  return layoutDesign(design);
}

