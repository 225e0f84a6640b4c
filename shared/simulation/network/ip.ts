/** IPv4 arithmetic for ipBlock, Service and pod addresses: addresses as unsigned 32-bit numbers. */

export type Interval = [start: number, end: number];

export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** `10.0.0.0/8` → [start, end]; undefined for IPv6 or malformed text. */
export function parseCidr(text: string): Interval | undefined {
  const [addr, bitsText] = text.split('/');
  const base = parseIPv4(addr ?? '');
  if (base === undefined || bitsText === undefined || !/^\d{1,2}$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  if (bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  const start = base - (base % size);
  return [start, start + size - 1];
}

/** Sorted, disjoint intervals minus another set of intervals. */
export function subtractIntervals(from: Interval[], minus: Interval[]): Interval[] {
  let out = from.map((i) => [...i] as Interval);
  for (const [ms, me] of minus) {
    const next: Interval[] = [];
    for (const [s, e] of out) {
      if (me < s || ms > e) next.push([s, e]);
      else {
        if (ms > s) next.push([s, ms - 1]);
        if (me < e) next.push([me + 1, e]);
      }
    }
    out = next;
  }
  return out;
}

export function inIntervals(n: number, set: readonly Interval[]): boolean {
  for (const [s, e] of set) if (n >= s && n <= e) return true;
  return false;
}

export function formatRange([s, e]: Interval): string {
  return `${formatIPv4(s)}-${formatIPv4(e)}`;
}

export const ALL_IPV4: Interval = [0, 2 ** 32 - 1];
