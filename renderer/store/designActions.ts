/**
 * Every change to the design, as named functions over the store: the canvas, inspector and tests
 * call these. The ones commands use also come as pure `…Change` functions that return the change
 * (renderer/commands applies it through `commit`, the one place history is captured). Designs are
 * immutable: each change builds a new design object, which undo history and the selectors key on.
 */
import type { Box, Design, DesignResource, Point } from '../../shared/design/types';
import { getKindModule, isNamespaced } from '../../shared/kinds/registry';
import { cloneJson, DEFAULT_NAMESPACE, type KubeObject } from '../../shared/model/object';
import { keyOf, ObjectIndex } from '../../shared/kinds/objectIndex';
import {
  DEFAULT_FRAME, frameAt, MIN_FRAME, RESOURCE_HEIGHT, RESOURCE_WIDTH, resourceCenter,
} from './geometry';
import { nextResourceId } from './ids';
import { baseNameForKind, takenNames, uniqueName } from './names';
import { designServices, type ConnectResult } from './services';
import { commit } from './history';
import { useKubeplanStore, type ClipboardEntry, type KubeplanState, type StoreChange } from './store';

/** How far each paste or duplicate lands from the original, in world units. */
export const PASTE_OFFSET = 24;

const store = useKubeplanStore;

function design(): Design {
  return store.getState().design;
}

function setDesign(next: Design, selection?: string[]): void {
  store.setState(selection ? { design: next, selection } : { design: next });
}

/**
 * Where an object belongs when its card's centre is at `center`: the namespace of the frame under
 * it, or `default` outside every frame. (A frame named `default` is just where default-namespace
 * objects are usually kept: leaving every frame always means `default`, so the rule is one line a
 * user can predict.) Cluster-scoped kinds have no namespace.
 */
export function namespaceAt(d: Design, kind: string, center: Point): string | undefined {
  if (!isNamespaced(kind)) return undefined;
  return frameAt(d, center) ?? DEFAULT_NAMESPACE;
}

function withNamespace(o: KubeObject, namespace: string | undefined): KubeObject {
  if (!isNamespaced(o.kind, o.apiVersion)) return o;
  if ((o.metadata.namespace || undefined) === namespace) return o;
  return { ...o, metadata: { ...o.metadata, namespace } };
}

/**
 * Add a new, valid object of `kind` with a unique name, its card centred at `at` (world units).
 * Its namespace is `namespace` when given, else the frame under `at`. A Namespace becomes a frame
 * centred at `at`. Returns the new resource id, or undefined for a kind Kubeplan does not know.
 */
export function addResource(kind: string, at: Point, namespace?: string): string | undefined {
  const change = addResourceChange(design(), kind, at, namespace);
  if (!change) return undefined;
  commit(change);
  return change.selection[0];
}

/** The change `addResource` makes: the design with the new object, and the new card selected. */
export function addResourceChange(d: Design, kind: string, at: Point, namespace?: string): { design: Design; selection: [string] } | undefined {
  const module = getKindModule(kind);
  if (!module) return undefined;
  const id = nextResourceId(d);
  if (kind === 'Namespace') {
    const name = uniqueName(baseNameForKind(kind), takenNames(d, kind, undefined));
    const frame: Box = {
      x: Math.round(at.x - DEFAULT_FRAME.width / 2),
      y: Math.round(at.y - DEFAULT_FRAME.height / 2),
      ...DEFAULT_FRAME,
    };
    return {
      design: { ...d, resources: [...d.resources, { id, object: module.create(name) }], layout: { ...d.layout, frames: { ...d.layout.frames, [name]: frame } } },
      selection: [id],
    };
  }
  const ns = module.namespaced ? (namespace ?? namespaceAt(d, kind, at)) : undefined;
  const name = uniqueName(baseNameForKind(kind), takenNames(d, kind, ns));
  const object = module.create(name, ns);
  const position = { x: Math.round(at.x - RESOURCE_WIDTH / 2), y: Math.round(at.y - RESOURCE_HEIGHT / 2) };
  return {
    design: { ...d, resources: [...d.resources, { id, object }], layout: { ...d.layout, positions: { ...d.layout.positions, [id]: position } } },
    selection: [id],
  };
}

/**
 * Replace a resource's object (inspector edits). Renaming a Namespace carries its frame and the
 * objects in it along, so the frame keeps reading as that namespace.
 */
export function updateObject(id: string, object: KubeObject): void {
  const d = design();
  const old = d.resources.find((r) => r.id === id);
  if (!old || old.object === object) return;
  let resources = d.resources.map((r) => (r.id === id ? { ...r, object } : r));
  let frames = d.layout.frames;
  const oldName = old.object.metadata.name;
  const newName = object.metadata.name;
  if (old.object.kind === 'Namespace' && object.kind === 'Namespace' && oldName !== newName && frames[oldName] && !frames[newName]) {
    const { [oldName]: box, ...rest } = frames;
    frames = { ...rest, [newName]: box! };
    resources = resources.map((r) =>
      isNamespaced(r.object.kind, r.object.apiVersion) && (r.object.metadata.namespace || DEFAULT_NAMESPACE) === oldName
        ? { ...r, object: withNamespace(r.object, newName) }
        : r,
    );
  }
  setDesign({ ...d, resources, layout: { ...d.layout, frames } });
}

/**
 * Move resources by (dx, dy). A moved card's namespace follows the frame under its centre (see
 * `namespaceAt`); moving a Namespace moves its frame and everything inside it, namespaces unchanged.
 */
export function moveResources(ids: readonly string[], dx: number, dy: number): void {
  commit(moveChange(design(), ids, dx, dy));
}

export function moveChange(from: Design, ids: readonly string[], dx: number, dy: number): StoreChange | undefined {
  if (ids.length === 0 || (dx === 0 && dy === 0)) return undefined;
  let d = from;
  const moving = new Set(ids);
  // Frames first, so cards land in the frames' new places.
  for (const r of d.resources) {
    if (moving.has(r.id) && r.object.kind === 'Namespace') d = moveFrameIn(d, r.object.metadata.name, dx, dy, moving);
  }
  const positions = { ...d.layout.positions };
  // One pass over the resources, then work on the moved ones only: on a 5,000-card design this
  // runs in the frame that ends a drag.
  const moved: number[] = [];
  d.resources.forEach((r, i) => {
    if (!moving.has(r.id) || r.object.kind === 'Namespace') return;
    const p = positions[r.id];
    if (!p) return;
    positions[r.id] = { x: p.x + dx, y: p.y + dy };
    moved.push(i);
  });
  const withPositions: Design = { ...d, layout: { ...d.layout, positions } };
  let resources = d.resources;
  for (const i of moved) {
    const r = d.resources[i]!;
    const ns = namespaceAt(withPositions, r.object.kind, resourceCenter(positions[r.id]!));
    const object = withNamespace(r.object, ns);
    if (object === r.object) continue;
    // A move within namespaces keeps the resources array, so references and problems are not recomputed.
    if (resources === d.resources) resources = [...d.resources];
    resources[i] = { ...r, object };
  }
  return { design: { ...withPositions, resources } };
}

/** Move a frame (with or without a Namespace object) and the cards inside it. */
export function moveFrame(name: string, dx: number, dy: number): void {
  if (dx === 0 && dy === 0) return;
  setDesign(moveFrameIn(design(), name, dx, dy, new Set()));
}

function moveFrameIn(d: Design, name: string, dx: number, dy: number, skip: ReadonlySet<string>): Design {
  const box = d.layout.frames[name];
  if (!box) return d;
  const positions = { ...d.layout.positions };
  for (const r of d.resources) {
    const p = positions[r.id];
    if (!p || skip.has(r.id) || r.object.kind === 'Namespace') continue;
    if (frameAt(d, resourceCenter(p)) === name) positions[r.id] = { x: p.x + dx, y: p.y + dy };
  }
  const frames = { ...d.layout.frames, [name]: { ...box, x: box.x + dx, y: box.y + dy } };
  return { ...d, layout: { ...d.layout, positions, frames } };
}

/**
 * Give a namespace frame a new box (never smaller than MIN_FRAME). Namespaces of the cards do not
 * change: only moving a card changes its namespace, so a resize never silently re-homes objects.
 */
export function resizeFrame(name: string, box: Box): void {
  const d = design();
  if (!d.layout.frames[name]) return;
  const next: Box = {
    x: box.x,
    y: box.y,
    width: Math.max(MIN_FRAME.width, box.width),
    height: Math.max(MIN_FRAME.height, box.height),
  };
  setDesign({ ...d, layout: { ...d.layout, frames: { ...d.layout.frames, [name]: next } } });
}

/**
 * Delete resources. Deleting a Namespace removes its frame; the objects that were in it stay (and
 * validation shows them in a namespace that no longer exists). References to deleted objects are
 * left as they are, so they show as broken edges rather than vanishing silently.
 */
export function deleteResources(ids: readonly string[]): void {
  commit(deleteChange(store.getState(), ids));
}

export function deleteChange(state: Pick<KubeplanState, 'design' | 'selection'>, ids: readonly string[]): StoreChange | undefined {
  if (ids.length === 0) return undefined;
  const d = state.design;
  const gone = new Set(ids);
  const positions = { ...d.layout.positions };
  const frames = { ...d.layout.frames };
  let changed = false;
  for (const r of d.resources) {
    if (!gone.has(r.id)) continue;
    changed = true;
    delete positions[r.id];
    if (r.object.kind === 'Namespace') delete frames[r.object.metadata.name];
  }
  if (!changed) return undefined;
  const selection = state.selection.filter((id) => !gone.has(id));
  return { design: { ...d, resources: d.resources.filter((r) => !gone.has(r.id)), layout: { ...d.layout, positions, frames } }, selection };
}

function entriesFor(d: Design, ids: readonly string[]): ClipboardEntry[] {
  const wanted = new Set(ids);
  const out: ClipboardEntry[] = [];
  for (const r of d.resources) {
    if (!wanted.has(r.id)) continue;
    const frame = r.object.kind === 'Namespace' ? d.layout.frames[r.object.metadata.name] : undefined;
    const position = frame ? { x: frame.x, y: frame.y } : d.layout.positions[r.id];
    if (position) out.push({ object: cloneJson(r.object), position: { ...position } });
  }
  return out;
}

/** Copy resources (default: the selection) to the store's clipboard. Not a design change. */
export function copy(ids: readonly string[] = store.getState().selection): void {
  commit(copyChange(design(), ids));
}

export function copyChange(d: Design, ids: readonly string[]): StoreChange | undefined {
  const entries = entriesFor(d, ids);
  return entries.length > 0 ? { clipboard: entries, pasteCount: 0 } : undefined;
}

/** Paste the clipboard, each paste a step further away; the pasted copies become the selection. */
export function paste(): string[] {
  const change = pasteChange(store.getState());
  commit(change);
  return change?.selection ?? [];
}

export function pasteChange(state: Pick<KubeplanState, 'design' | 'clipboard' | 'pasteCount'>): StoreChange | undefined {
  const { clipboard, pasteCount } = state;
  const inserted = insertCopies(state.design, clipboard, PASTE_OFFSET * (pasteCount + 1));
  return inserted && { ...inserted, pasteCount: pasteCount + 1 };
}

/** Copy and paste in one step, leaving the clipboard alone. */
export function duplicate(ids: readonly string[] = store.getState().selection): string[] {
  const change = duplicateChange(design(), ids);
  commit(change);
  return change?.selection ?? [];
}

export function duplicateChange(d: Design, ids: readonly string[]): StoreChange | undefined {
  return insertCopies(d, entriesFor(d, ids), PASTE_OFFSET);
}

/**
 * Insert copies with fresh ids and unique names. A copied Namespace gets a new name and its own
 * frame; copied cards take the namespace of the frame they land in (a copy pasted next to its
 * original stays in the same namespace, inside a renamed copied namespace when both were copied).
 */
function insertCopies(from: Design, entries: readonly ClipboardEntry[], offset: number): { design: Design; selection: string[] } | undefined {
  if (entries.length === 0) return undefined;
  let d = from;
  const resources: DesignResource[] = [...d.resources];
  const positions = { ...d.layout.positions };
  const frames = { ...d.layout.frames };
  const reserved = new Set<string>();
  const renamedNamespaces = new Map<string, string>();
  const newIds: string[] = [];
  const current = (): Design => ({ ...d, resources, layout: { ...d.layout, positions, frames } });
  const freshId = () => {
    const id = nextResourceId(current(), reserved);
    reserved.add(id);
    return id;
  };
  for (const e of entries) {
    if (e.object.kind !== 'Namespace') continue;
    const oldName = e.object.metadata.name;
    const name = uniqueName(oldName, takenNames(current(), 'Namespace', undefined));
    const source = d.layout.frames[oldName];
    frames[name] = { x: e.position.x + offset, y: e.position.y + offset, width: source?.width ?? DEFAULT_FRAME.width, height: source?.height ?? DEFAULT_FRAME.height };
    renamedNamespaces.set(oldName, name);
    const id = freshId();
    resources.push({ id, object: { ...cloneJson(e.object), metadata: { ...cloneJson(e.object.metadata), name } } });
    newIds.push(id);
  }
  d = current();
  for (const e of entries) {
    if (e.object.kind === 'Namespace') continue;
    const position = { x: e.position.x + offset, y: e.position.y + offset };
    const oldNs = e.object.metadata.namespace || DEFAULT_NAMESPACE;
    const ns = isNamespaced(e.object.kind, e.object.apiVersion)
      ? (renamedNamespaces.get(oldNs) ?? namespaceAt(current(), e.object.kind, resourceCenter(position)))
      : undefined;
    const name = uniqueName(e.object.metadata.name, takenNames(current(), e.object.kind, ns));
    const object = withNamespace({ ...cloneJson(e.object), metadata: { ...cloneJson(e.object.metadata), name } }, ns);
    const id = freshId();
    resources.push({ id, object });
    positions[id] = position;
    newIds.push(id);
  }
  return { design: current(), selection: newIds };
}

/**
 * Connect two resources by writing the real field (selector, backend, claimName…) through the
 * shared connect rules. Returns what happened; on failure the design is untouched.
 */
export function connect(sourceId: string, targetId: string): ConnectResult {
  const d = design();
  const source = d.resources.find((r) => r.id === sourceId);
  const target = d.resources.find((r) => r.id === targetId);
  if (!source || !target) return { ok: false, message: 'Both ends of a connection must be on the canvas.' };
  const { connect: connectObjects } = designServices();
  const index = new ObjectIndex(d.resources.map((r) => r.object));
  const result = connectObjects(source.object, target.object, index);
  if (!result.ok || result.changed.length === 0) return result;
  // The changed objects are new versions of existing ones: match them by their API identity.
  const changedByKey = new Map(result.changed.map((o) => [keyOf(o), o]));
  const byOldKey = new Map<string, KubeObject>();
  for (const r of [source, target]) {
    const k = keyOf(r.object);
    const o = changedByKey.get(k);
    if (o) byOldKey.set(r.id, o);
  }
  const resources = d.resources.map((r) => {
    const o = byOldKey.get(r.id) ?? changedByKey.get(keyOf(r.object));
    return o ? { ...r, object: o } : r;
  });
  setDesign({ ...d, resources });
  return result;
}

/** Whether a connection from one kind to another means anything. */
export function canConnectKinds(sourceKind: string, targetKind: string): boolean {
  return designServices().canConnect(sourceKind, targetKind);
}

/** Lay the whole design out again (shared/design/layout.ts); one undo step. */
export function autoLayout(): void {
  commit(autoLayoutChange(design()));
}

export function autoLayoutChange(d: Design): StoreChange {
  return { design: designServices().layoutDesign(d) };
}

