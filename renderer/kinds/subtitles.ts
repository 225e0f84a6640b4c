/** Helpers for card subtitles (./views.tsx): read fields of objects that may be malformed. */
import type { KubeObject } from '../../shared/model/object';

export type Spec = Record<string, unknown>;

export const spec = (o: KubeObject): Spec => (o.spec && typeof o.spec === 'object' ? (o.spec as Spec) : {});
export const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function accessModes(v: unknown): string {
  const short: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
  return arr(v).map((m) => short[String(m)] ?? String(m)).join(',');
}

export function replicas(o: KubeObject): string {
  const n = num(spec(o).replicas) ?? 1;
  return `${n} ${n === 1 ? 'replica' : 'replicas'}`;
}
