/**
 * Import: loaded objects → a design, auto-laid-out. Objects are kept exactly as read (unknown
 * kinds and fields included); each gets a fresh resource id.
 */
import type { LoadedObject } from '../manifests/types';
import { layoutDesign } from './layout';
import { emptyDesign, type Design } from './types';

export function importAsDesign(loaded: readonly LoadedObject[], name: string): Design {
  const design = emptyDesign(name);
  design.resources = loaded.map((l, i) => ({ id: `r${i + 1}`, object: l.object }));
  return layoutDesign(design);
}
