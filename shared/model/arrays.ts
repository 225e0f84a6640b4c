/**
 * `target.push(...items)` passes every item as an argument: past ~120,000 items (a file of small
 * documents) V8 throws "Maximum call stack size exceeded". This appends in a loop instead.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `start` and `values`, without spreading them into arguments (see pushAll). */
export function maxOf(start: number, values: Iterable<number>): number {
  let max = start;
  for (const v of values) if (v > max) max = v;
  return max;
}
