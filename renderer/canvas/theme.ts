/** Colours of the canvas, in one place so the cards, edges and frames agree. */
import { PICTURE_RELATION_COLORS } from '../../shared/design/picture';
import type { EdgeKind } from '../../shared/references';

export const THEME = {
  background: '#f6f7fb',
  grid: '#e6e9f0',
  cardFill: '#ffffff',
  cardStroke: '#c9cfdb',
  selection: '#1a73e8',
  validTarget: '#12b886',
  name: '#1f2937',
  subtitle: '#6b7280',
  frameFill: 'rgba(50, 108, 229, 0.045)',
  frameStroke: '#8fa8e0',
  frameHeader: 'rgba(50, 108, 229, 0.12)',
  frameLabel: '#274b9f',
  frameImplicit: '#9aa3b2',
  broken: '#d93025',
  warning: '#f29900',
  rubberBand: 'rgba(26, 115, 232, 0.08)',
  rubberBandStroke: 'rgba(26, 115, 232, 0.7)',
  fallbackKind: '#7a8599',
} as const;

/**
 * One colour per relation, so an edge says what kind of reference it is at a glance: the table
 * the pictures for slides draw with too (shared/design/picture.ts), so a picture matches the canvas.
 */
export const RELATION_COLORS = PICTURE_RELATION_COLORS;

/**
 * One colour per edge kind (legend and filters): the relations' colours, with policy peers split
 * into ingress (`policy-from`, violet-magenta) and egress (`policy-to`, amber) so they read apart.
 */
export const EDGE_COLORS: Record<EdgeKind, string> = {
  selects: RELATION_COLORS.selects,
  routes: RELATION_COLORS.routes,
  mounts: RELATION_COLORS.mounts,
  config: RELATION_COLORS.config,
  binds: RELATION_COLORS.binds,
  scales: RELATION_COLORS.scales,
  constrains: RELATION_COLORS.constrains,
  'policy-target': RELATION_COLORS['policy-target'],
  'policy-from': '#ae3ec9',
  'policy-to': '#f59f00',
  'role-ref': RELATION_COLORS['role-ref'],
  subject: RELATION_COLORS.subject,
};

/** Egress edges are dashed, so "to" and "from" differ in more than colour. */
export const EDGE_DASH: Partial<Record<EdgeKind, number[]>> = { 'policy-to': [8, 5] };

/** System fonts first; "Noto Sans SC" is the bundled CJK face (renderer/fonts), for machines without one. */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';
