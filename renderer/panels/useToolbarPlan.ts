/**
 * Measure the toolbar and choose what fits (./toolbarLayout.ts). Each group's width is measured
 * while everything shows with labels, and again whenever the language or interface size changes.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { FULL_TOOLBAR, planToolbar, samePlan, type MeasuredGroup, type ToolbarPartId, type ToolbarPlan } from './toolbarLayout';

/** The title keeps at least this much room (CSS px), enough for a short design name. */
const TITLE_MIN = 130;
/** The "⋯" button and its gap (CSS px). */
const OVERFLOW_WIDTH = 40;
/** The toolbar's gap between items and its side padding (CSS px, .toolbar in styles.css). */
const GAP = 6;
const PADDING = 10;

export function useToolbarPlan(ref: RefObject<HTMLElement | null>, zoom: number, language: string): ToolbarPlan {
  const [plan, setPlan] = useState<ToolbarPlan>(FULL_TOOLBAR);
  const groups = useRef(new Map<ToolbarPartId, MeasuredGroup>());
  /** Paddings and one gap: what the toolbar spends besides the groups (each with its gap) and the title. */
  const overhead = useRef(0);

  useLayoutEffect(() => {
    groups.current.clear();
    setPlan(FULL_TOOLBAR);
  }, [zoom, language]);

  useLayoutEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    const update = () => {
      // Rectangles are in screen pixels, so CSS sizes are multiplied by the interface zoom.
      const width = bar.getBoundingClientRect().width;
      if (samePlan(plan, FULL_TOOLBAR)) {
        groups.current.clear();
        for (const el of bar.querySelectorAll<HTMLElement>('[data-group]')) {
          const labels = [...el.querySelectorAll<HTMLElement>('.tb-label')].reduce((sum, l) => sum + l.getBoundingClientRect().width + GAP * zoom, 0);
          groups.current.set(el.dataset.group as ToolbarPartId, { id: el.dataset.group as ToolbarPartId, width: el.getBoundingClientRect().width + GAP * zoom, labels });
        }
        // (plus the brand's 2px margin and a little slack for rounding)
        overhead.current = (GAP + 2 * PADDING + 4) * zoom;
      }
      if (groups.current.size === 0) return;
      const next = planToolbar([...groups.current.values()], width - overhead.current - TITLE_MIN * zoom, OVERFLOW_WIDTH * zoom);
      setPlan((current) => (samePlan(current, next) ? current : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(bar);
    return () => observer.disconnect();
  }, [ref, plan, zoom, language]);

  return plan;
}
