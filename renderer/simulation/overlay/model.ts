/**
 * What the simulate-mode overlay draws, worked out once per cursor move (pure, so it is unit
 * tested without a canvas): pod chips in a strip at the bottom of their workload's card, ghost
 * chips for pods admission rejected, the Pending lane's pods, a used/hard gauge per quota on its
 * namespace frame, and a Bound/Pending strip on claim cards. Everything is in world coordinates;
 * drawing (./draw.ts) only walks these lists.
 */
import type { Design } from '../../../shared/design/types';
import { objectKey } from '../../../shared/model/object';
import type { ClusterView, PodRecord, QuotaRecord } from '../../../shared/simulation/session';
import type { SessionEvent } from '../store';
import { milli, units } from '../../../shared/simulation/resources';

/** Card size (shared/design/layout.ts NODE_SIZE) and the namespace frame's title bar height. */
export const CARD = { width: 160, height: 64 } as const;
export const FRAME_HEADER = 28;

/** The strip inside a card that holds its chips. */
export const STRIP = { x: 6, y: CARD.height - 22, width: CARD.width - 12, height: 19 } as const;
/** Chips labelled with the node, while they fit; beyond that compact squares (the node on hover). */
export const LABELLED = { width: 34, height: 13, gap: 3 } as const;
export const COMPACT = { width: 9, height: 13, gap: 2 } as const;
/** Room the "+N" chip takes at the end of a full strip. */
export const MORE_WIDTH = 24;

export type ChipTone = 'Running' | 'Pending' | 'Failed' | 'Succeeded' | 'Terminating' | 'Unknown';

export interface PodChip {
  type: 'pod';
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  tone: ChipTone;
  /** The node, shortened to fit (empty on compact chips). */
  label: string;
  pod: PodRecord;
}

export interface GhostChip {
  type: 'ghost';
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  /** The FailedCreate event's message, verbatim (`Error creating: pods "web-…" is forbidden: exceeded quota: …`). */
  message: string;
  namespace: string;
  owner: string;
}

export interface MoreChip {
  type: 'more';
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
}

export type Chip = PodChip | GhostChip | MoreChip;

export interface Gauge {
  key: string;
  /** The quota's resource name: `pods`, `requests.cpu`… */
  resource: string;
  used: string;
  hard: string;
  /** used / hard, 0…∞ (above 1 when over). */
  ratio: number;
  x: number;
  y: number;
  width: number;
  quota: string;
}

export interface ClaimStrip {
  key: string;
  x: number;
  y: number;
  bound: boolean;
  volume: string;
}

/** A card the overlay draws on (its top-left), so drawing can cull by the card's box. */
export interface CardStrip {
  x: number;
  y: number;
}

export interface OverlayModel {
  strips: CardStrip[];
  chips: Chip[];
  gauges: Gauge[];
  claims: ClaimStrip[];
  /** Pods the scheduler could not place, in the Pending lane (sorted by namespace and name). */
  unschedulable: PodRecord[];
  podCount: number;
}

export const EMPTY_OVERLAY: OverlayModel = { strips: [], chips: [], gauges: [], claims: [], unschedulable: [], podCount: 0 };

export function chipTone(p: PodRecord): ChipTone {
  if (p.reason === 'Terminating') return 'Terminating';
  // A crash-looping pod is phase Running, but its container is not: drawn as failing (docs/simulator.md, "Crash loops").
  if (p.phase === 'Running' && (p.reason === 'CrashLoopBackOff' || p.status === 'Error')) return 'Failed';
  switch (p.phase) {
    case 'Running':
    case 'Pending':
    case 'Failed':
    case 'Succeeded':
      return p.phase;
    default:
      return 'Unknown';
  }
}

/** A node name short enough for a chip: its end is what tells nodes apart (`…orker-2`). */
export function shortNode(node: string, max = 7): string {
  if (node.length <= max) return node;
  return `…${node.slice(node.length - (max - 1))}`;
}

/** The card that shows an owner's pods: the design resource whose key is the pod's owner key. */
export interface DesignIndex {
  byKey: Map<string, { id: string; kind: string; replicas: number }>;
}

export function indexDesign(design: Design): DesignIndex {
  const byKey = new Map<string, { id: string; kind: string; replicas: number }>();
  for (const r of design.resources) {
    const spec = (r.object.spec ?? {}) as { replicas?: unknown; parallelism?: unknown };
    const wanted = r.object.kind === 'Job' ? spec.parallelism : spec.replicas;
    byKey.set(objectKey(r.object), { id: r.id, kind: r.object.kind, replicas: typeof wanted === 'number' && wanted >= 0 ? wanted : 1 });
  }
  return { byKey };
}

/** Admission rejections as of the cursor: FailedCreate events whose message says the API server forbade the pod. */
export function admissionRejections(events: readonly SessionEvent[]): SessionEvent[] {
  return events.filter((e) => e.reason === 'FailedCreate' && e.message.includes(' is forbidden: '));
}

/**
 * The owner key a FailedCreate event belongs to: the workload itself (StatefulSet, DaemonSet, Job)
 * or, for a ReplicaSet, the Deployment over it — known from its pods' records, or from the name
 * (`web-5d8f7c9b4` → Deployment `web`) when none of its pods was ever created.
 */
function rejectionOwner(e: SessionEvent, rsOwner: Map<string, string>, index: DesignIndex): string | undefined {
  const slash = e.object.indexOf('/');
  const kind = e.object.slice(0, slash);
  const name = e.object.slice(slash + 1);
  if (kind === 'ReplicaSet') {
    const known = rsOwner.get(`${e.namespace}/${name}`);
    if (known) return known;
    const deployment = `apps/Deployment/${e.namespace}/${name.replace(/-[a-z0-9]+$/, '')}`;
    if (index.byKey.has(deployment)) return deployment;
    return `apps/ReplicaSet/${e.namespace}/${name}`;
  }
  const group = kind === 'Job' || kind === 'CronJob' ? 'batch' : 'apps';
  return `${group}/${kind}/${e.namespace}/${name}`;
}

function quotaValue(resource: string, v: string): number {
  try {
    if (resource.includes('cpu')) return milli(v);
    if (resource.includes('memory') || resource.includes('storage')) return units(v);
    const n = Number(v);
    return Number.isFinite(n) ? n : units(v);
  } catch {
    return NaN;
  }
}

const GAUGE_ORDER = ['pods', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'cpu', 'memory'];
const GAUGE_WIDTH = 104;
const GAUGE_GAP = 10;

function gauges(q: QuotaRecord, frame: { x: number; y: number; width: number }, already: number): Gauge[] {
  const resources = Object.keys(q.hard).sort((a, b) => {
    const i = GAUGE_ORDER.indexOf(a);
    const j = GAUGE_ORDER.indexOf(b);
    return (i < 0 ? 99 : i) - (j < 0 ? 99 : j) || a.localeCompare(b);
  });
  // Right-aligned in the title bar, leaving the left half for the namespace's name.
  const room = Math.max(0, Math.floor((frame.width / 2 - 12) / (GAUGE_WIDTH + GAUGE_GAP)) - already);
  return resources.slice(0, room).map((resource, i) => {
    const hard = q.hard[resource] ?? '0';
    const used = q.used[resource] ?? '0';
    const h = quotaValue(resource, hard);
    const u = quotaValue(resource, used);
    const slot = already + i;
    return {
      key: `${q.namespace}/${q.name}/${resource}`, resource, used, hard, quota: q.name,
      ratio: h > 0 ? u / h : u > 0 ? Infinity : 0,
      x: frame.x + frame.width - 12 - (slot + 1) * GAUGE_WIDTH - slot * GAUGE_GAP, y: frame.y + 4, width: GAUGE_WIDTH,
    };
  });
}

/**
 * The overlay for one view. `events` are the session's events as they stand at the cursor (for
 * ghost chips); pods whose owner has no card on the canvas are left out of the strips (they are
 * still counted, and unschedulable ones still wait in the Pending lane).
 */
export function buildOverlay(design: Design, view: ClusterView | null, events: readonly SessionEvent[], index: DesignIndex = indexDesign(design)): OverlayModel {
  if (!view) return EMPTY_OVERLAY;
  const positions = design.layout.positions;
  const byOwner = new Map<string, PodRecord[]>();
  const rsOwner = new Map<string, string>();
  const unschedulable: PodRecord[] = [];
  for (const p of view.pods) {
    const list = byOwner.get(p.owner);
    if (list) list.push(p);
    else byOwner.set(p.owner, [p]);
    if (p.controller?.startsWith('ReplicaSet/')) rsOwner.set(`${p.namespace}/${p.controller.slice('ReplicaSet/'.length)}`, p.owner);
    if (p.node === '' && p.reason === 'Unschedulable') unschedulable.push(p);
  }

  // Ghosts: per owner, the pods it wants but admission refused (at least one while the refusal stands).
  const ghosts = new Map<string, SessionEvent>();
  for (const e of admissionRejections(events)) {
    const owner = rejectionOwner(e, rsOwner, index);
    if (!owner) continue;
    const prev = ghosts.get(owner);
    if (!prev || e.lastTime >= prev.lastTime) ghosts.set(owner, e);
  }

  const strips: CardStrip[] = [];
  const chips: Chip[] = [];
  const owners = new Set([...byOwner.keys(), ...ghosts.keys()]);
  for (const owner of owners) {
    const card = index.byKey.get(owner);
    const at = card && positions[card.id];
    if (!card || !at) continue;
    const pods = byOwner.get(owner) ?? [];
    const rejection = ghosts.get(owner);
    const live = pods.filter((p) => p.reason !== 'Terminating').length;
    const ghostCount = rejection ? Math.max(1, card.replicas - live) : 0;
    strips.push({ x: at.x, y: at.y });
    layoutStrip(at.x + STRIP.x, at.y + STRIP.y + (STRIP.height - LABELLED.height) / 2, pods, ghostCount, rejection, owner, chips);
  }

  const quotas: Gauge[] = [];
  const perFrame = new Map<string, number>();
  for (const q of view.quotas) {
    const frame = design.layout.frames[q.namespace];
    if (!frame) continue;
    const already = perFrame.get(q.namespace) ?? 0;
    const g = gauges(q, frame, already);
    perFrame.set(q.namespace, already + g.length);
    quotas.push(...g);
  }

  const claims: ClaimStrip[] = [];
  for (const c of view.claims) {
    const card = index.byKey.get(`/PersistentVolumeClaim/${c.namespace}/${c.name}`);
    const at = card && positions[card.id];
    if (!at) continue;
    claims.push({ key: `${c.namespace}/${c.name}`, x: at.x, y: at.y, bound: c.phase === 'Bound', volume: c.volume });
  }

  return { strips, chips, gauges: quotas, claims, unschedulable, podCount: view.pods.length };
}

function layoutStrip(x0: number, y: number, pods: readonly PodRecord[], ghostCount: number, rejection: SessionEvent | undefined, owner: string, out: Chip[]): void {
  const total = pods.length + ghostCount;
  const fitsLabelled = Math.floor((STRIP.width + LABELLED.gap) / (LABELLED.width + LABELLED.gap));
  const size = total <= fitsLabelled ? LABELLED : COMPACT;
  const labelled = size === LABELLED;
  const fits = Math.floor((STRIP.width + size.gap) / (size.width + size.gap));
  // When they do not all fit, the last places make room for "+N".
  const shown = total <= fits ? total : Math.max(0, Math.floor((STRIP.width - MORE_WIDTH - size.gap + size.gap) / (size.width + size.gap)));
  let x = x0;
  for (let i = 0; i < shown; i++) {
    if (i < pods.length) {
      const pod = pods[i]!;
      out.push({ type: 'pod', key: `Pod/${pod.namespace}/${pod.name}`, x, y, width: size.width, height: size.height, tone: chipTone(pod), label: labelled ? shortNode(pod.node) : '', pod });
    } else {
      out.push({
        type: 'ghost', key: `ghost/${owner}/${i - pods.length}`, x, y, width: size.width, height: size.height, label: labelled ? '×' : '',
        message: rejection!.message, namespace: rejection!.namespace, owner,
      });
    }
    x += size.width + size.gap;
  }
  if (shown < total) out.push({ type: 'more', key: `more/${owner}`, x, y, width: MORE_WIDTH, height: size.height, count: total - shown });
}

/** The chip under a world point, if any (the last drawn wins). */
export function chipAt(model: OverlayModel, x: number, y: number): Chip | undefined {
  for (let i = model.chips.length - 1; i >= 0; i--) {
    const c = model.chips[i]!;
    if (x >= c.x && x <= c.x + c.width && y >= c.y - 1 && y <= c.y + c.height + 1) return c;
  }
  return undefined;
}
