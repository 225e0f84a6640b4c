/**
 * Dragging a card into another namespace frame (or out of every frame) changes its namespace, which
 * can silently cut references: a Service no longer selects the Deployment's pods, a volume's claim
 * is in another namespace. The canvas asks first: `askNamespaceMove` holds the move until the user
 * confirms (one undo step) or cancels (the design is untouched, the cards go back).
 */
import { create } from 'zustand';
import type { Design } from '../../shared/design/types';
import { keyOf } from '../../shared/kinds/objectIndex';
import { resolveReferences, type ReferenceRelation } from '../../shared/references';
import { designIndex } from './derived';
import { commit } from './history';
import { useKubeplanStore, type StoreChange } from './store';
import { afterPaint } from '../shell/afterPaint';

export interface MovedObject {
  id: string;
  kind: string;
  name: string;
  from: string;
  to: string;
}

export interface BrokenLink {
  /** `Service "web"` */
  source: string;
  relation: ReferenceRelation;
  target: string;
}

export interface NamespaceMoveQuestion {
  moved: MovedObject[];
  /** References that resolve before the move and would not after it. */
  breaks: BrokenLink[];
}

/** What changing namespaces from `before` to `after` would move and break; undefined when no namespace changes. */
export function namespaceMoveQuestion(before: Design, after: Design): NamespaceMoveQuestion | undefined {
  const oldById = new Map(before.resources.map((r) => [r.id, r.object]));
  const moved: MovedObject[] = [];
  const newKey = new Map<string, string>();
  for (const r of after.resources) {
    const old = oldById.get(r.id);
    if (!old || old === r.object || old.metadata.namespace === r.object.metadata.namespace) continue;
    moved.push({ id: r.id, kind: old.kind, name: old.metadata.name, from: old.metadata.namespace ?? 'default', to: r.object.metadata.namespace ?? 'default' });
    newKey.set(keyOf(old), keyOf(r.object));
  }
  if (moved.length === 0) return undefined;
  const remap = (k: string) => newKey.get(k) ?? k;
  const { index, references } = designIndex(before);
  // Only references with a moved end can break. Whether one still holds is a question about its
  // two ends (a selector, a name, an owner), plus the Namespaces for namespace selectors: resolving
  // just those objects after the move answers it without resolving the whole design again.
  const affected = references.filter((ref) => newKey.has(ref.source) || ref.targets.some((t) => newKey.has(t)));
  const involved = new Set<string>();
  for (const ref of affected) {
    involved.add(ref.source);
    for (const t of ref.targets) involved.add(t);
  }
  const ends = after.resources.filter((r) => r.object.kind === 'Namespace' || involved.has(keyOf(oldById.get(r.id) ?? r.object))).map((r) => r.object);
  const reached = new Set<string>();
  for (const ref of resolveReferences(ends)) {
    for (const t of ref.targets) reached.add(`${ref.rule}|${ref.source}|${ref.path}|${t}`);
  }
  const describe = (key: string) => {
    const o = index.get(key);
    return o ? `${o.kind} "${o.metadata.name}"` : key;
  };
  const breaks: BrokenLink[] = [];
  for (const ref of affected) {
    for (const t of ref.targets) {
      if (!newKey.has(ref.source) && !newKey.has(t)) continue;
      if (reached.has(`${ref.rule}|${remap(ref.source)}|${ref.path}|${remap(t)}`)) continue;
      breaks.push({ source: describe(ref.source), relation: ref.relation, target: describe(t) });
    }
  }
  return { moved, breaks };
}

interface PendingMove {
  question: NamespaceMoveQuestion;
  /** The design the move was computed from: if it changed meanwhile, the move is stale. */
  before: Design;
  change: StoreChange;
  /** Called with the answer: the canvas puts the dragged cards back unless they moved. */
  settle: (moved: boolean) => void;
}

export const useNamespaceMove = create<{ pending?: PendingMove }>()(() => ({}));

/**
 * Commit a move right away when no namespace changes (returns false); otherwise hold it, ask, and
 * return true: `settle` hears the answer.
 */
export function commitOrAskMove(change: StoreChange | undefined, settle: (moved: boolean) => void): boolean {
  const before = useKubeplanStore.getState().design;
  // A move replaces the resources array only when a namespace changes (see `moveChange`).
  if (!change?.design || change.design.resources === before.resources) {
    commit(change);
    return false;
  }
  const after = change.design;
  // Finding what the move would break resolves every reference of the design (tens of
  // milliseconds on thousands of objects): the dropped cards are painted first, then it asks.
  afterPaint(() => {
    if (useKubeplanStore.getState().design !== before) return settle(false);
    const question = namespaceMoveQuestion(before, after);
    if (question) useNamespaceMove.setState({ pending: { question, before, change, settle } });
    else {
      commit(change);
      settle(true);
    }
  });
  return true;
}

/** Move: the positions and namespaces change in one undo step. */
export function confirmNamespaceMove(): void {
  const pending = useNamespaceMove.getState().pending;
  if (!pending) return;
  useNamespaceMove.setState({ pending: undefined });
  const current = useKubeplanStore.getState().design === pending.before;
  if (current) commit(pending.change);
  pending.settle(current);
}

/** Keep the namespace: nothing changes and the cards go back where they were. */
export function cancelNamespaceMove(): void {
  const pending = useNamespaceMove.getState().pending;
  if (!pending) return;
  useNamespaceMove.setState({ pending: undefined });
  pending.settle(false);
}
