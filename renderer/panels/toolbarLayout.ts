/**
 * Which toolbar groups fit: first every button drops its text label, then groups collapse into the
 * "⋯" menu, least needed first, until the rest fits beside the title. Pure, so it is tested by width.
 */

/** Toolbar groups in the order they collapse: the first goes into the menu first. */
export const COLLAPSE_ORDER = ['help', 'uiZoom', 'history', 'view', 'examples', 'file', 'language', 'presenter', 'simulate'] as const;
export type ToolbarGroupId = (typeof COLLAPSE_ORDER)[number];

/** The brand (logo and name) drops its name but never collapses. */
export type ToolbarPartId = ToolbarGroupId | 'brand';

/** Groups in the order they drop their text labels (New, Open, Save keep theirs longest). */
export const LABEL_ORDER: readonly ToolbarPartId[] = ['brand', 'presenter', 'view', 'examples', 'language', 'file', 'simulate'];

/** The groups in the order the toolbar shows them (and the "⋯" menu lists them). */
export const TOOLBAR_ORDER: readonly ToolbarGroupId[] = ['file', 'history', 'view', 'simulate', 'help', 'examples', 'uiZoom', 'language', 'presenter'];

export interface MeasuredGroup {
  id: ToolbarPartId;
  /** Its width with text labels. */
  width: number;
  /** How much narrower it is without them. */
  labels: number;
}

export interface ToolbarPlan {
  /** Groups whose buttons show icons only, in LABEL_ORDER. */
  compact: ToolbarPartId[];
  /** Groups shown in the "⋯" menu instead of the toolbar, in COLLAPSE_ORDER. */
  collapsed: ToolbarGroupId[];
}

export const FULL_TOOLBAR: ToolbarPlan = { compact: [], collapsed: [] };

/**
 * The plan for `available` pixels (the toolbar's width less the brand, the title's minimum and
 * paddings). Groups drop their labels in LABEL_ORDER, then, when even icons alone do not fit,
 * move into the "⋯" menu in COLLAPSE_ORDER; once one has moved, the "⋯" button (`overflowWidth`)
 * needs its room too.
 */
export function planToolbar(groups: readonly MeasuredGroup[], available: number, overflowWidth: number): ToolbarPlan {
  const inOrder = (order: readonly ToolbarPartId[]) => order.flatMap((id) => groups.filter((g) => g.id === id));
  let width = groups.reduce((sum, g) => sum + g.width, 0);
  const compact: ToolbarPartId[] = [];
  for (const g of inOrder(LABEL_ORDER)) {
    if (width <= available) return { compact, collapsed: [] };
    if (g.labels <= 0) continue;
    compact.push(g.id);
    width -= g.labels;
  }
  if (width <= available) return { compact, collapsed: [] };
  const collapsed: ToolbarGroupId[] = [];
  for (const g of inOrder(COLLAPSE_ORDER)) {
    if (width + (collapsed.length > 0 ? overflowWidth : 0) <= available) break;
    collapsed.push(g.id as ToolbarGroupId);
    width -= g.width - g.labels;
  }
  return { compact, collapsed };
}

export function samePlan(a: ToolbarPlan, b: ToolbarPlan): boolean {
  return a.compact.join() === b.compact.join() && a.collapsed.join() === b.collapsed.join();
}
