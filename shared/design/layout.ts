/**
 * Automatic layout of a design: namespaces as frames, related objects side by side, cluster-scoped
 * objects in their own area above the frames.
 *
 * Why not elkjs: its API is asynchronous (a worker or a promise) while import and load are
 * synchronous, and its layered algorithm takes seconds on 10,000 nodes against a
 * 1 s import budget. The graphs here are simple and known in advance — traffic flows Ingress →
 * Service → workload → its ConfigMaps, Secrets and claims — so a deterministic layered placement
 * per connected group, packed into shelves, draws the same picture in linear time.
 */
import { targetNamespace } from '../manifests/order';
import type { KubeObject } from '../model/object';
import { ObjectIndex } from '../kinds/objectIndex';
import { getKindInfo } from '../kinds/registry';
import { referenceRules, type Reference, type ReferenceRelation } from '../references';
import { cardGroups } from './cardGroups';
import type { Box, Design, DesignLayout, Point } from './types';
import { maxOf } from '../model/arrays';

/** The size the layout reserves for one resource's shape on the canvas. */
export const NODE_SIZE = { width: 160, height: 64 } as const;
const GAP_X = 56;
const GAP_Y = 28;
const GROUP_GAP = 56;
/** Inside a frame: room for the namespace title on top, padding elsewhere. */
const FRAME_PAD = { top: 56, side: 32, bottom: 32 };
const FRAME_GAP = 80;
const ORIGIN = { x: 40, y: 40 };

/** The column of workloads, and of kinds that name none (`KindInfo.layoutColumn`). */
const WORKLOAD_COLUMN = 2;

/**
 * Relations that make objects "belong together". Policies, quotas and limit ranges touch a whole
 * namespace; letting them join groups would pull every workload into one blob.
 */
const GROUPING: ReadonlySet<ReferenceRelation> = new Set(['selects', 'routes', 'mounts', 'config', 'binds', 'scales']);

/** A fresh layout for every resource and namespace of the design (a new Design; the input is not changed). */
export function layoutDesign(design: Design): Design {
  return { ...design, layout: computeLayout(design.resources.map((r) => r.object), design.resources.map((r) => r.id)) };
}

/** Positions and frames only where the design has none yet (new objects, migrated files). */
export function fillMissingLayout(design: Design): Design {
  const missingPosition = design.resources.some((r) => !design.layout.positions[r.id]);
  const namespaces = new Set(design.resources.map((r) => namespaceFrameOf(r.object)).filter((ns) => ns !== ''));
  const missingFrame = [...namespaces].some((ns) => !design.layout.frames[ns]);
  if (!missingPosition && !missingFrame) return design;
  const auto = layoutDesign(design).layout;
  return {
    ...design,
    layout: {
      positions: { ...auto.positions, ...design.layout.positions },
      frames: { ...auto.frames, ...design.layout.frames },
    },
  };
}

/** The frame an object is drawn in: its namespace; a Namespace object is the frame itself; '' for cluster-scoped objects. */
export function namespaceFrameOf(o: KubeObject): string {
  if (o.kind === 'Namespace' && o.apiVersion === 'v1') return o.metadata.name;
  return targetNamespace(o);
}

interface Group {
  members: number[];
  width: number;
  height: number;
  /** Offsets of members inside the group box. */
  offsets: Map<number, Point>;
}

export function computeLayout(objects: readonly KubeObject[], ids: readonly string[]): DesignLayout {
  // Pods drawn on their workload's card (cardGroups) take no place of their own: they sit under it.
  const { memberOf } = cardGroups(objects.map((object, i) => ({ id: ids[i]!, object })));
  const index = new ObjectIndex(objects);
  const position = new Map<string, number>();
  objects.forEach((o, i) => position.set(index.keyOf(o), i));
  if (memberOf.size > 0) {
    // A reference to a pod drawn on another card groups with that card.
    const indexOfId = new Map(ids.map((id, i) => [id, i]));
    for (const [key, i] of position) {
      const card = memberOf.get(ids[i]!);
      if (card !== undefined) position.set(key, indexOfId.get(card)!);
    }
  }

  // Neighbours through grouping references, both directions, in first-seen order.
  const neighbours: number[][] = objects.map(() => []);
  for (const ref of groupingReferences(index)) {
    const a = position.get(ref.source);
    if (a === undefined) continue;
    for (const t of ref.targets) {
      const b = position.get(t);
      if (b === undefined || b === a) continue;
      neighbours[a]!.push(b);
      neighbours[b]!.push(a);
    }
  }

  // Namespaces in order of first appearance; cluster-scoped objects ('') apart.
  const byNamespace = new Map<string, number[]>();
  const namespaceObject = new Map<string, number>();
  objects.forEach((o, i) => {
    if (memberOf.size > 0 && memberOf.has(ids[i]!)) return;
    const ns = namespaceFrameOf(o);
    if (o.kind === 'Namespace' && o.apiVersion === 'v1') {
      namespaceObject.set(ns, i);
      if (!byNamespace.has(ns)) byNamespace.set(ns, []);
      return;
    }
    const list = byNamespace.get(ns);
    if (list) list.push(i);
    else byNamespace.set(ns, [i]);
  });

  const positions: Record<string, Point> = Object.create(null) as Record<string, Point>; // keyed by any resource id
  const frames: Record<string, Box> = {};

  // Cluster-scoped objects: their own area on top.
  let top = ORIGIN.y;
  const cluster = byNamespace.get('');
  if (cluster?.length) {
    const clusterGroups = groupsOf(cluster, objects, neighbours);
    const area = packGroups(clusterGroups, Math.max(targetWidth(clusterGroups) * 2, 4 * (NODE_SIZE.width + GAP_X)));
    placeArea(area, ORIGIN.x, top, ids, positions);
    top += area.height + FRAME_GAP;
  }

  // Namespace frames, shelf-packed into rows about as wide as the whole picture is tall.
  const boxes: { ns: string; area: PackedArea }[] = [];
  for (const [ns, members] of byNamespace) {
    if (ns === '') continue;
    const groups = groupsOf(members, objects, neighbours);
    const area = packGroups(groups, targetWidth(groups));
    boxes.push({ ns, area });
  }
  const frameSize = (a: PackedArea) => ({
    width: Math.max(a.width, NODE_SIZE.width) + 2 * FRAME_PAD.side,
    height: Math.max(a.height, NODE_SIZE.height) + FRAME_PAD.top + FRAME_PAD.bottom,
  });
  const totalArea = boxes.reduce((s, b) => s + frameSize(b.area).width * frameSize(b.area).height, 0);
  const rowWidth = maxOf(Math.sqrt(totalArea) * 1.6, boxes.map((b) => frameSize(b.area).width));
  let x = ORIGIN.x;
  let rowHeight = 0;
  for (const { ns, area } of boxes) {
    const size = frameSize(area);
    if (x > ORIGIN.x && x - ORIGIN.x + size.width > rowWidth) {
      x = ORIGIN.x;
      top += rowHeight + FRAME_GAP;
      rowHeight = 0;
    }
    frames[ns] = { x, y: top, width: size.width, height: size.height };
    placeArea(area, x + FRAME_PAD.side, top + FRAME_PAD.top, ids, positions);
    const nsIndex = namespaceObject.get(ns);
    if (nsIndex !== undefined) positions[ids[nsIndex]!] = { x, y: top };
    x += size.width + FRAME_GAP;
    rowHeight = Math.max(rowHeight, size.height);
  }
  for (const [member, card] of memberOf) {
    const p = positions[card];
    if (p) positions[member] = { ...p };
  }
  return { positions, frames };
}

/**
 * The references of the reference table that make objects belong together, resolved. Like
 * resolveReferences, but rules of other relations (policies reach every pod) are not even run.
 */
function groupingReferences(index: ObjectIndex): Reference[] {
  const rules = referenceRules();
  const out: Reference[] = [];
  for (const o of index.objects) {
    for (const rule of rules.get(o.kind) ?? []) {
      if (!GROUPING.has(rule.relation)) continue;
      try {
        for (const ref of rule.resolve(o, index)) out.push(ref);
      } catch {
        // A malformed object cannot be followed; it is simply placed on its own.
      }
    }
  }
  return out;
}

/** Connected groups of related objects (input order), each laid out in columns. */
function groupsOf(members: readonly number[], objects: readonly KubeObject[], neighbours: readonly number[][]): Group[] {
  const inScope = new Set(members);
  const seen = new Set<number>();
  const groups: Group[] = [];
  for (const start of members) {
    if (seen.has(start)) continue;
    const component: number[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const i = queue.pop()!;
      component.push(i);
      for (const n of neighbours[i]!) {
        if (inScope.has(n) && !seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
    component.sort((a, b) => a - b);
    groups.push(layoutGroup(component, objects, neighbours));
  }
  return groups;
}

/**
 * Columns by kind; the workload column keeps input order and the others line up beside the
 * workloads they reach (one sweep, leaving a gap rather than drifting off the row), so a Service
 * sits next to its Deployment and a ConfigMap next to the workload that mounts it.
 */
function layoutGroup(component: readonly number[], objects: readonly KubeObject[], neighbours: readonly number[][]): Group {
  const columns = new Map<number, number[]>();
  for (const i of component) {
    const c = getKindInfo(objects[i]!.kind)?.layoutColumn ?? WORKLOAD_COLUMN;
    const list = columns.get(c);
    if (list) list.push(i);
    else columns.set(c, [i]);
  }
  const row = new Map<number, number>();
  const order = [WORKLOAD_COLUMN, 1, 0, 3, 4].filter((c) => columns.has(c));
  const rowsOf = new Map<number, (number | undefined)[]>();
  for (const c of order) {
    const list = columns.get(c)!;
    const anchor = c === WORKLOAD_COLUMN;
    const key = (i: number) => {
      if (anchor) {
        // Workloads in input order; an autoscaler right below the workload it scales.
        if (objects[i]!.kind !== 'HorizontalPodAutoscaler') return i;
        const target = neighbours[i]!.find((n) => list.includes(n));
        return target === undefined ? i : target + 0.5;
      }
      let best = Infinity;
      for (const n of neighbours[i]!) {
        const r = row.get(n);
        if (r !== undefined && r < best) best = r;
      }
      return best;
    };
    const keyed = list.map((i) => ({ i, k: key(i) }));
    keyed.sort((a, b) => a.k - b.k || a.i - b.i);
    // Beside the neighbour when that row is free, else the next free row below.
    const slots: (number | undefined)[] = [];
    let next = 0;
    for (const { i, k } of keyed) {
      const r = anchor || !Number.isFinite(k) ? next : Math.max(next, k);
      slots[r] = i;
      row.set(i, r);
      next = r + 1;
    }
    rowsOf.set(c, slots);
  }
  const used = [...columns.keys()].sort((a, b) => a - b);
  const offsets = new Map<number, Point>();
  let rows = 0;
  used.forEach((c, ci) => {
    const slots = rowsOf.get(c)!;
    rows = Math.max(rows, slots.length);
    slots.forEach((i, r) => {
      if (i !== undefined) offsets.set(i, { x: ci * (NODE_SIZE.width + GAP_X), y: r * (NODE_SIZE.height + GAP_Y) });
    });
  });
  return {
    members: [...component],
    width: used.length * NODE_SIZE.width + (used.length - 1) * GAP_X,
    height: rows * NODE_SIZE.height + (rows - 1) * GAP_Y,
    offsets,
  };
}

interface PackedArea {
  width: number;
  height: number;
  placed: { group: Group; x: number; y: number }[];
}

/** A frame wide enough for its biggest group and roughly 3:2 overall. */
function targetWidth(groups: readonly Group[]): number {
  const area = groups.reduce((s, g) => s + (g.width + GROUP_GAP) * (g.height + GROUP_GAP), 0);
  return maxOf(Math.sqrt(area * 1.5), groups.map((g) => g.width));
}

/** Shelf packing: groups left to right, a new shelf when the row is full. */
function packGroups(groups: readonly Group[], maxWidth: number): PackedArea {
  const placed: PackedArea['placed'] = [];
  let x = 0;
  let y = 0;
  let shelf = 0;
  let width = 0;
  for (const group of groups) {
    if (x > 0 && x + group.width > maxWidth) {
      x = 0;
      y += shelf + GROUP_GAP;
      shelf = 0;
    }
    placed.push({ group, x, y });
    width = Math.max(width, x + group.width);
    shelf = Math.max(shelf, group.height);
    x += group.width + GROUP_GAP;
  }
  return { width, height: groups.length ? y + shelf : 0, placed };
}

function placeArea(area: PackedArea, originX: number, originY: number, ids: readonly string[], positions: Record<string, Point>): void {
  for (const { group, x, y } of area.placed) {
    for (const i of group.members) {
      const off = group.offsets.get(i)!;
      positions[ids[i]!] = { x: originX + x + off.x, y: originY + y + off.y };
    }
  }
}
