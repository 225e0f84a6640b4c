/**
 * A picture of a design for slides and documents: the layout drawn as standalone SVG (namespace
 * frames, one card per resource with its kind badge, name and subtitle, the references as
 * arrows with their relation as a label, and optionally the simulation's state as a badge per
 * card). Pure: the CLI (`kubeplan render`, PNG through resvg) and the app (export and copy as
 * image) draw the same picture from the same model. See docs/architecture.md, "Pictures".
 */
import { getKindModule } from '../kinds/registry';
import type { KindDisplay } from '../kinds/types';
import { ObjectIndex, keyOf } from '../kinds/objectIndex';
import type { KubeObject } from '../model/object';
import { resolveReferences, type ReferenceRelation } from '../references';
import { cardGroups } from './cardGroups';
import { NODE_SIZE } from './layout';
import type { Box, Design, DesignResource } from './types';

/** One colour per relation: the canvas draws its edges with this table too (renderer/canvas/theme.ts). */
export const PICTURE_RELATION_COLORS: Record<ReferenceRelation, string> = {
  selects: '#2f9e44',
  routes: '#7048e8',
  mounts: '#e8590c',
  config: '#1098ad',
  binds: '#8d6e63',
  'policy-target': '#c2255c',
  'policy-peer': '#e64980',
  scales: '#1c7ed6',
  constrains: '#5c7080',
  'role-ref': '#6741d9',
  subject: '#0ca678',
};

const RELATION_WORDS: Record<ReferenceRelation, string> = {
  selects: 'selects', routes: 'routes to', mounts: 'mounts', config: 'reads', binds: 'binds',
  'policy-target': 'applies to', 'policy-peer': 'allows', scales: 'scales', constrains: 'constrains',
  'role-ref': 'grants role', subject: 'grants to',
};

/**
 * System fonts first; Noto Sans SC is the CJK face the app bundles (renderer/fonts) and a
 * machine may have; WenQuanYi and Noto Sans CJK are the common Linux CJK faces.
 */
export const PICTURE_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', 'Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', sans-serif";

/** A badge drawn on a card: the simulation's state of the object (`3/3 Running`, `Pending`). */
export interface PictureBadge {
  text: string;
  tone: 'ok' | 'progress' | 'bad';
}

export interface PictureOptions {
  /** Resource ids to draw (the selection); every card when absent or empty. */
  ids?: readonly string[];
  /** The card's subtitle (the app passes its own, in the interface language). */
  subtitle?: (r: DesignResource) => string;
  /** Per resource id: the simulation's state, drawn at the card's top right. */
  overlay?: Readonly<Record<string, PictureBadge>>;
  /** The word on each edge; English by default. */
  relationLabel?: (relation: ReferenceRelation) => string;
  /** The frame's label; `namespace <name>` by default. */
  frameLabel?: (namespace: string) => string;
  /** A caption at the top; the design's name by default, none when ''. */
  title?: string;
  /** Margin around the content, in px. */
  margin?: number;
}

export interface Picture {
  svg: string;
  width: number;
  height: number;
  /** How many cards and edges were drawn (the CLI reports it). */
  cards: number;
  edges: number;
}

const W = NODE_SIZE.width;
const H = NODE_SIZE.height;
const THEME = {
  background: '#f6f7fb', card: '#ffffff', cardStroke: '#c9cfdb', name: '#1f2937', subtitle: '#6b7280',
  frameFill: '#eef2fc', frameStroke: '#8fa8e0', frameLabel: '#274b9f', title: '#1f2937', fallback: '#7a8599',
  ok: '#2f9e44', progress: '#f29900', bad: '#d93025',
};

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // Characters XML 1.0 forbids (control characters a YAML string may carry).
    // eslint-disable-next-line no-control-regex -- these are exactly what XML forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** A rough width of text at a font size: CJK glyphs are square, Latin about 0.58 em. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? size : size * 0.58;
  return w;
}

function fit(text: string, size: number, max: number): string {
  if (textWidth(text, size) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > max) break;
    out += ch;
  }
  return `${out}…`;
}

/** The subtitle without the app: replicas for scalable kinds, a Service's type, else the namespace. */
export function defaultSubtitle(o: KubeObject): string {
  const spec = (o.spec && typeof o.spec === 'object' ? o.spec : {}) as Record<string, unknown>;
  if (typeof spec.replicas === 'number') return `${spec.replicas} ${spec.replicas === 1 ? 'replica' : 'replicas'}`;
  if (o.kind === 'Service') return typeof spec.type === 'string' ? spec.type : 'ClusterIP';
  const ns = o.metadata?.namespace;
  return typeof ns === 'string' && ns ? `namespace ${ns}` : '';
}

function badge(display: KindDisplay | undefined, glyph: string, color: string): string {
  const x = 9, y = 14, s = 36;
  const cx = x + s / 2, cy = y + s / 2;
  const poly = (r: number, n: number, start: number) =>
    Array.from({ length: n }, (_, i) => {
      const a = start + (i * 2 * Math.PI) / n;
      return `${round(cx + r * Math.cos(a))},${round(cy + r * Math.sin(a))}`;
    }).join(' ');
  let shape: string;
  switch (display?.shape) {
    case 'hexagon':
    case 'frame':
      shape = `<polygon points="${poly(s / 2, 6, -Math.PI / 2)}" fill="${color}"/>`;
      break;
    case 'circle':
      shape = `<circle cx="${cx}" cy="${cy}" r="${s / 2}" fill="${color}"/>`;
      break;
    case 'diamond':
      shape = `<polygon points="${poly(s / 2 + 2, 4, -Math.PI / 2)}" fill="${color}"/>`;
      break;
    default:
      shape = `<rect x="${x}" y="${y}" width="${s}" height="${s}" rx="8" fill="${color}"/>`;
  }
  const size = glyph.length > 4 ? 8 : 9.5;
  return `${shape}<text x="${cx}" y="${cy + 3.5}" text-anchor="middle" font-size="${size}" font-weight="700" fill="#ffffff">${escapeXml(glyph)}</text>`;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Where a segment from a box's centre towards `to` leaves the box. */
function border(b: Box, to: { x: number; y: number }): { x: number; y: number } {
  const cx = b.x + b.width / 2, cy = b.y + b.height / 2;
  const dx = to.x - cx, dy = to.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const t = Math.min(Math.abs(b.width / 2 / (dx || 1e-9)), Math.abs(b.height / 2 / (dy || 1e-9)));
  return { x: cx + dx * t, y: cy + dy * t };
}

const frameNamespace = (o: KubeObject): string => (typeof o.metadata?.namespace === 'string' && o.metadata.namespace ? o.metadata.namespace : 'default');

export function renderDesignPicture(design: Design, options: PictureOptions = {}): Picture {
  const margin = options.margin ?? 24;
  const groups = cardGroups(design.resources);
  const wanted = options.ids && options.ids.length > 0 ? new Set(options.ids) : undefined;
  const cards = design.resources.filter(
    (r) => r.object.kind !== 'Namespace' && !groups.memberOf.has(r.id) && design.layout.positions[r.id] && (!wanted || wanted.has(r.id)),
  );
  const cardIds = new Set(cards.map((r) => r.id));
  const boxOf = (id: string): Box => ({ ...design.layout.positions[id]!, width: W, height: H });

  // Frames: the namespaces of the drawn cards (whole-design pictures also keep empty frames).
  const namespaces = new Set(cards.map((r) => frameNamespace(r.object)));
  const frames = Object.entries(design.layout.frames).filter(([ns]) => !wanted || namespaces.has(ns));

  // Edges: resolved references between drawn cards (a pod drawn on its workload's card counts as the card).
  const idByKey = new Map<string, string>();
  for (const r of design.resources) {
    const key = keyOf(r.object);
    idByKey.set(key, groups.memberOf.get(r.id) ?? r.id);
  }
  let references: ReturnType<typeof resolveReferences> = [];
  try {
    references = resolveReferences(new ObjectIndex(design.resources.map((r) => r.object)));
  } catch {
    references = []; // a malformed design still gets its cards drawn
  }
  const seen = new Set<string>();
  const edges: { from: string; to: string; relation: ReferenceRelation }[] = [];
  for (const ref of references) {
    const from = idByKey.get(ref.source);
    if (!from || !cardIds.has(from)) continue;
    for (const target of ref.targets) {
      const to = idByKey.get(target);
      if (!to || to === from || !cardIds.has(to)) continue;
      const key = `${from}→${to}:${ref.relation}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ from, to, relation: ref.relation });
    }
  }

  // Bounds: cards, and the frames they are drawn in.
  const boxes: Box[] = [...cards.map((r) => boxOf(r.id)), ...frames.map(([, b]) => b)];
  const title = options.title ?? design.name;
  const titleHeight = title ? 34 : 0;
  if (boxes.length === 0) boxes.push({ x: 0, y: 0, width: 320, height: 80 });
  const minX = Math.min(...boxes.map((b) => b.x)) - margin;
  const minY = Math.min(...boxes.map((b) => b.y)) - margin - titleHeight;
  const maxX = Math.max(...boxes.map((b) => b.x + b.width)) + margin + 8; // the badge overhangs
  const maxY = Math.max(...boxes.map((b) => b.y + b.height)) + margin;
  const width = Math.ceil(maxX - minX);
  const height = Math.ceil(maxY - minY);

  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${round(minX)} ${round(minY)} ${width} ${height}" font-family="${escapeXml(PICTURE_FONT_FAMILY)}">`,
  );
  out.push(`<title>${escapeXml(title || design.name)}</title>`);
  const relations = [...new Set(edges.map((e) => e.relation))];
  out.push('<defs>');
  for (const rel of relations) {
    out.push(
      `<marker id="arrow-${rel}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${PICTURE_RELATION_COLORS[rel]}"/></marker>`,
    );
  }
  out.push('</defs>');
  out.push(`<rect x="${round(minX)}" y="${round(minY)}" width="${width}" height="${height}" fill="${THEME.background}"/>`);
  if (title) out.push(`<text class="title" x="${round(minX + margin)}" y="${round(minY + margin + 14)}" font-size="18" font-weight="600" fill="${THEME.title}">${escapeXml(title)}</text>`);

  const frameLabel = options.frameLabel ?? ((ns: string) => `namespace ${ns}`);
  for (const [ns, b] of frames) {
    out.push(
      `<g class="frame" data-namespace="${escapeXml(ns)}"><rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="12" fill="${THEME.frameFill}" stroke="${THEME.frameStroke}" stroke-width="1.5"/><text x="${b.x + 14}" y="${b.y + 24}" font-size="13" font-weight="600" fill="${THEME.frameLabel}">${escapeXml(fit(frameLabel(ns), 13, b.width - 28))}</text></g>`,
    );
  }

  const relationLabel = options.relationLabel ?? ((r: ReferenceRelation) => RELATION_WORDS[r]);
  for (const e of edges) {
    const a = boxOf(e.from), b = boxOf(e.to);
    const ca = { x: a.x + W / 2, y: a.y + H / 2 }, cb = { x: b.x + W / 2, y: b.y + H / 2 };
    const p = border(a, cb), q = border(b, ca);
    const color = PICTURE_RELATION_COLORS[e.relation];
    const dash = e.relation === 'policy-peer' ? ' stroke-dasharray="8 5"' : '';
    const label = relationLabel(e.relation);
    const mx = (p.x + q.x) / 2, my = (p.y + q.y) / 2;
    const lw = textWidth(label, 10) + 8;
    out.push(
      `<g class="edge" data-relation="${e.relation}"><line x1="${round(p.x)}" y1="${round(p.y)}" x2="${round(q.x)}" y2="${round(q.y)}" stroke="${color}" stroke-width="1.6"${dash} marker-end="url(#arrow-${e.relation})"/>` +
        `<rect x="${round(mx - lw / 2)}" y="${round(my - 8)}" width="${round(lw)}" height="15" rx="7" fill="#ffffff" fill-opacity="0.9"/><text x="${round(mx)}" y="${round(my + 3.5)}" text-anchor="middle" font-size="10" fill="${color}">${escapeXml(label)}</text></g>`,
    );
  }

  const subtitleOf = options.subtitle ?? ((r: DesignResource) => defaultSubtitle(r.object));
  for (const r of cards) {
    const { x, y } = design.layout.positions[r.id]!;
    const display = getKindModule(r.object.kind, r.object.apiVersion)?.display;
    const color = display?.color ?? THEME.fallback;
    const glyph = display?.glyph ?? r.object.kind.slice(0, 4).toLowerCase();
    const group = groups.cards.get(r.id);
    const kind = group?.owner?.kind ?? r.object.kind;
    const name = group?.owner?.name ?? String(r.object.metadata?.name ?? '');
    const subtitle = subtitleOf(r);
    const parts = [
      `<g class="card" data-id="${escapeXml(r.id)}" data-kind="${escapeXml(kind)}" transform="translate(${x},${y})">`,
      `<rect width="${W}" height="${H}" rx="8" fill="${THEME.card}" stroke="${THEME.cardStroke}"/>`,
      `<rect x="0" y="10" width="3" height="${H - 20}" fill="${color}"/>`,
      badge(display, glyph, color),
      `<text x="53" y="18" font-size="10" font-weight="600" fill="${color}">${escapeXml(fit(kind, 10, W - 65))}</text>`,
      `<text x="53" y="36" font-size="13" font-weight="600" fill="${THEME.name}">${escapeXml(fit(name, 13, W - 65))}</text>`,
      `<text x="53" y="52" font-size="11" fill="${THEME.subtitle}">${escapeXml(fit(subtitle, 11, W - 65))}</text>`,
    ];
    const b = options.overlay?.[r.id];
    if (b) {
      const bw = textWidth(b.text, 10) + 12;
      parts.push(
        `<g class="badge" data-tone="${b.tone}"><rect x="${round(W - bw + 6)}" y="-9" width="${round(bw)}" height="18" rx="9" fill="${THEME[b.tone]}"/><text x="${round(W - bw / 2 + 6)}" y="4" text-anchor="middle" font-size="10" font-weight="600" fill="#ffffff">${escapeXml(b.text)}</text></g>`,
      );
    }
    parts.push('</g>');
    out.push(parts.join(''));
  }
  out.push('</svg>');
  return { svg: `${out.join('\n')}\n`, width, height, cards: cards.length, edges: edges.length };
}
