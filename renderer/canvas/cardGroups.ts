/**
 * The design's card groups (shared/design/cardGroups.ts: pods drawn on their workload's card),
 * memoised on the identity of the resources array, which every action replaces exactly when an
 * object changes — so the cards, hit tests, overview and edges share one computation per change.
 */
import { cardGroups, type CardGroups } from '../../shared/design/cardGroups';
import type { Design } from '../../shared/design/types';

const memo = new WeakMap<Design['resources'], CardGroups>();

export function designCardGroups(resources: Design['resources']): CardGroups {
  let g = memo.get(resources);
  if (!g) memo.set(resources, (g = cardGroups(resources)));
  return g;
}
