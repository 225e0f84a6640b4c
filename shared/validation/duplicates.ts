/**
 * The same object (API group, kind, namespace, name) written twice: applied, the second silently
 * replaces the first, so one of them is lost.
 */
import { namespaceOf } from '../kinds/objectIndex';
import { problemFor } from './problem';
import type { Check } from './types';

export const checkDuplicates: Check = (ctx, report) => {
  const count = new Map<string, number>();
  for (const o of ctx.objects) {
    if (typeof o.metadata?.name !== 'string' || o.metadata.name === '') continue;
    const key = ctx.index.keyOf(o);
    const n = (count.get(key) ?? 0) + 1;
    count.set(key, n);
    if (n === 1) continue;
    const ns = namespaceOf(o);
    const where = ns ? ` in namespace "${ns}"` : '';
    report(
      problemFor(
        o,
        'error',
        'duplicate',
        'metadata.name',
        `Duplicate value: ${o.kind} "${o.metadata.name}"${where} is defined more than once; applying keeps only the last definition`,
        `Rename one of them or delete the copy.`,
      ),
    );
  }
};
