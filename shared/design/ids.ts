import type { KubeObject } from '../model/object';
import type { Design } from './types';

/** The Kubernetes objects of a design, in design order. */
export function designObjects(design: Design): KubeObject[] {
  return design.resources.map((r) => r.object);
}

/** A resource id not yet used in the design: `r<n>`, one past the highest in use. */
export function newResourceId(design: Design): string {
  return `r${highestResourceNumber(design) + 1}`;
}

export function highestResourceNumber(design: Design): number {
  let max = 0;
  for (const r of design.resources) {
    const m = /^r(\d+)$/.exec(r.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}
