/**
 * Names for new objects: valid DNS-1123 labels, unique per kind and namespace (`web`, `web-2`, …),
 * the way a person would name them by hand.
 */
import type { Design } from '../../shared/design/types';
import { getKindInfo, isNamespaced } from '../../shared/kinds/registry';
import { DEFAULT_NAMESPACE } from '../../shared/model/object';

/** RFC 1123 label, as Kubernetes validates most object names (at most 63 characters). */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function isDns1123Label(name: string): boolean {
  return name.length <= 63 && DNS1123_LABEL.test(name);
}

/** Turn any text into a DNS-1123 label (`MyApp_v2` → `myapp-v2`); `fallback` when nothing is left. */
export function toDns1123Label(text: string, fallback = 'object'): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return s || fallback;
}

export function baseNameForKind(kind: string): string {
  return getKindInfo(kind)?.baseName ?? toDns1123Label(kind.replace(/([a-z])([A-Z])/g, '$1-$2'));
}

/** The names already taken by objects of `kind` in `namespace` (cluster-scoped kinds ignore it). */
export function takenNames(design: Design, kind: string, namespace: string | undefined): Set<string> {
  const namespaced = isNamespaced(kind);
  const ns = namespace || DEFAULT_NAMESPACE;
  const taken = new Set<string>();
  for (const r of design.resources) {
    const o = r.object;
    if (o.kind !== kind) continue;
    if (namespaced && (o.metadata.namespace || DEFAULT_NAMESPACE) !== ns) continue;
    taken.add(o.metadata.name);
  }
  // A frame without a Namespace object still claims its name.
  if (kind === 'Namespace') for (const name of Object.keys(design.layout.frames)) taken.add(name);
  return taken;
}

/**
 * `base` if free, else `base-2`, `base-3`… A base that already ends in `-<n>` counts on from there
 * (copying `web-2` gives `web-3`).
 */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  const clean = toDns1123Label(base);
  if (!taken.has(clean)) return clean;
  const m = /^(.*?)-(\d+)$/.exec(clean);
  const stem = m ? m[1]! : clean;
  let n = m ? Number(m[2]) + 1 : 2;
  for (;;) {
    const suffix = `-${n}`;
    const candidate = stem.slice(0, 63 - suffix.length).replace(/-+$/, '') + suffix;
    if (!taken.has(candidate)) return candidate;
    n++;
  }
}
