/**
 * Seeded randomness for the simulator: the only source of "random" names, uids and tie-breaks, so
 * the same input, scenario and seed give byte-identical output.
 */

/** mulberry32: small, fast, good enough for names and tie-breaking (not for cryptography). */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  hex(len: number): string {
    let s = '';
    for (let i = 0; i < len; i++) s += HEX[this.int(16)];
    return s;
  }

  /** A version-4-shaped uuid, as the API server assigns to metadata.uid. */
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[this.int(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** `n` characters from apimachinery's safe alphabet (util/rand.String): generateName suffixes. */
  suffix(n = 5): string {
    let s = '';
    for (let i = 0; i < n; i++) s += SAFE_ALPHABET[this.int(SAFE_ALPHABET.length)];
    return s;
  }
}

const HEX = '0123456789abcdef';
/** apimachinery pkg/util/rand: vowels and confusable characters removed. */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a 32-bit over a string's UTF-16 code units (upstream hashes the template's bytes). */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each character of the decimal hash mapped into the safe alphabet. */
export function safeEncode(text: string): string {
  let s = '';
  for (let i = 0; i < text.length; i++) s += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return s;
}

/** Stable JSON: object keys sorted, so equal objects always serialise (and hash) the same. */
export function stableStringify(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`).join(',')}}`;
}

/** The pod-template-hash label value (controller.ComputeHash: fnv32a + collisionCount, safe-encoded). */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const text = stableStringify(template) + (collisionCount ? String(collisionCount) : '');
  return safeEncode(String(fnv32a(text)));
}

/** Deep equality of JSON data: a native JSON compare first, the key-order-blind one only when those differ. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x === y || (x?.length === y?.length && stableStringify(a) === stableStringify(b));
}
