/** Helpers for card subtitles (./views.tsx): read fields of objects that may be malformed. */
import i18next from 'i18next';
import type { KubeObject } from '../../shared/model/object';

/**
 * A subtitle string in the interface language (`cards.*` in renderer/i18n); the English text
 * itself before i18next starts (unit tests, the worker).
 */
export function tc(key: string, english: string, values: Record<string, string | number> = {}): string {
  if (i18next.isInitialized) return i18next.t(`cards.${key}`, values as Record<string, unknown>) as string;
  return english.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

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
  return tc('replicas', n === 1 ? '{{count}} replica' : '{{count}} replicas', { count: n });
}
