/**
 * Which resources the canvas draws as one card: a pod with a controller owner is part of its
 * workload's card rather than a card of its own. The design keeps every pod object (import and
 * export stay lossless); only the drawing groups them.
 *
 * - The owner chain is followed through controller `ownerReferences` (by uid, else by kind and name
 *   in the pod's namespace) to the top owner in the design: a pod of ReplicaSet `web-5d9c8` whose
 *   Deployment `web` is in the design joins the Deployment's card.
 * - An owner that is not in the design (the pods of a `kubectl get pods -o yaml` dump) has no card:
 *   its pods share one, drawn for the first of them and titled with the owner (`ReplicaSet
 *   web-5d9c8`, 3 pods), as `kubeplan connectivity` names them.
 * - A Node owner (the mirror pod of a static pod) is no workload: that pod keeps its own card.
 */
import { isPlainObject, type KubeObject } from '../model/object';
import type { DesignResource } from './types';

export interface CardGroup {
  /** Pods the card shows, its own object included when it is one of them. */
  pods: number;
  /** When the owner is not in the design: the owner the card stands for. */
  owner?: { kind: string; name: string };
}

export interface CardGroups {
  /** Resource id → the id of the card that shows it (only for resources drawn on another's card). */
  memberOf: Map<string, string>;
  /** Card id → what it shows besides its own object. */
  cards: Map<string, CardGroup>;
}

interface Ref {
  kind: string;
  name: string;
  uid?: string;
}

function controllerRef(o: KubeObject): Ref | undefined {
  const refs = o.metadata.ownerReferences;
  if (!Array.isArray(refs)) return undefined;
  for (const r of refs as unknown[]) {
    if (isPlainObject(r) && r.controller === true && typeof r.kind === 'string' && typeof r.name === 'string') {
      return { kind: r.kind, name: r.name, uid: typeof r.uid === 'string' ? r.uid : undefined };
    }
  }
  return undefined;
}

const namespaceOf = (o: KubeObject) => (typeof o.metadata.namespace === 'string' && o.metadata.namespace ? o.metadata.namespace : 'default');

const EMPTY: CardGroups = { memberOf: new Map(), cards: new Map() };

export function cardGroups(resources: readonly DesignResource[]): CardGroups {
  if (!resources.some((r) => r.object.kind === 'Pod' && controllerRef(r.object))) return EMPTY;
  const byUid = new Map<string, number>();
  const byName = new Map<string, number>();
  resources.forEach((r, i) => {
    const uid = r.object.metadata.uid;
    if (typeof uid === 'string' && uid) byUid.set(uid, i);
    byName.set(`${namespaceOf(r.object)}/${r.object.kind}/${r.object.metadata.name}`, i);
  });
  const memberOf = new Map<string, string>();
  const cards = new Map<string, CardGroup>();
  /** Card id for pods whose top owner is not in the design, by `ns/Kind/name`. */
  const absent = new Map<string, string>();
  resources.forEach((r, i) => {
    if (r.object.kind !== 'Pod') return;
    let cur = i;
    let missing: Ref | undefined;
    for (let depth = 0; depth < 5; depth++) {
      const o = resources[cur]!.object;
      const ref = controllerRef(o);
      if (!ref || ref.kind === 'Node') break;
      const next = (ref.uid !== undefined ? byUid.get(ref.uid) : undefined) ?? byName.get(`${namespaceOf(o)}/${ref.kind}/${ref.name}`);
      if (next === undefined || next === cur) {
        missing = ref;
        break;
      }
      cur = next;
    }
    // The top owner in the design has the card; only when the pod's own owner is absent do its pods share one.
    if (missing && cur === i) {
      const key = `${namespaceOf(r.object)}/${missing.kind}/${missing.name}`;
      const card = absent.get(key);
      if (card === undefined) {
        absent.set(key, r.id);
        cards.set(r.id, { pods: 1, owner: { kind: missing.kind, name: missing.name } });
      } else {
        memberOf.set(r.id, card);
        cards.get(card)!.pods++;
      }
    } else if (cur !== i) {
      const card = resources[cur]!.id;
      memberOf.set(r.id, card);
      const g = cards.get(card);
      if (g) g.pods++;
      else cards.set(card, { pods: 1 });
    }
  });
  return { memberOf, cards };
}
