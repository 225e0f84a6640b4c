/** FNV-1a, 32-bit: a small, stable hash for deterministic addresses, names and ports. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** `n` lowercase consonant/digit characters, like the random suffixes of generated pod names. */
export function nameSuffix(seed: string, n: number): string {
  // Upstream's rand.String alphabet (k8s.io/apimachinery/pkg/util/rand): no vowels, no 0/1/3.
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let h = fnv1a(seed);
  let out = '';
  for (let i = 0; i < n; i++) {
    out += alphabet[h % alphabet.length];
    h = fnv1a(`${seed}/${i}/${h}`);
  }
  return out;
}
