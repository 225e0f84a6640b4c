/** Stable resource ids for new objects (never exported; only the design file keeps them). */
import type { Design } from '../../shared/design/types';

/** The next free `r<n>` id — short, readable in the design file, never reused within a design. */
export function nextResourceId(design: Design, reserved: ReadonlySet<string> = new Set()): string {
  let max = 0;
  for (const r of design.resources) {
    const m = /^r(\d+)$/.exec(r.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = max + 1;
  while (reserved.has(`r${n}`)) n++;
  return `r${n}`;
}
