import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getKindInfo } from '../../../shared/kinds/registry';

// The kind module is the one table per kind: a kind named anywhere in the source (a table key, a
// string literal) must have a module in shared/kinds, so adding a kind never means hunting tables.
const ROOT = resolve(__dirname, '../../..');
const MODELS = join(ROOT, 'node_modules/kubernetes-models');
/** shared/validation/apiVersions.ts lists what upstream serves at each version (its discovery documents), not what Kubeplan knows. */
const UPSTREAM_CATALOGUE = new Set(['shared/validation/apiVersions.ts']);

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

/** Every built-in kind upstream serves, read from the type declarations of kubernetes-models. */
function upstreamKinds(): Set<string> {
  const kinds = new Set<string>();
  for (const file of files(MODELS, /\.d\.ts$/)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/"kind": "([A-Za-z]+)";/g)) if (!m[1]!.endsWith('List')) kinds.add(m[1]!);
  }
  return kinds;
}

/** `file:line Kind` for each built-in kind named in `text` (a quoted string or a table key) that has no module. */
export function kindsWithoutModule(file: string, text: string, upstream: ReadonlySet<string>): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/'([A-Z][A-Za-z]+)'|(?:^\s*|[{,]\s*)([A-Z][A-Za-z]+):/g)) {
      const kind = m[1] ?? m[2]!;
      if (upstream.has(kind) && !getKindInfo(kind)) found.push(`${file}:${i + 1} ${kind}`);
    }
  });
  return found;
}

describe('one table per kind', () => {
  const upstream = upstreamKinds();

  it('knows the upstream kinds (the scan has something to look for)', () => {
    for (const k of ['Deployment', 'Lease', 'PodTemplate', 'Endpoints']) expect(upstream.has(k)).toBe(true);
  });

  it('names no kind outside shared/kinds that has no kind module', () => {
    const sources = ['shared', 'main', 'renderer', 'cli'].flatMap((d) => files(join(ROOT, d), /\.tsx?$/));
    const found = sources.flatMap((path) => {
      const file = relative(ROOT, path);
      if (file.startsWith('shared/kinds/') || UPSTREAM_CATALOGUE.has(file)) return [];
      return kindsWithoutModule(file, readFileSync(path, 'utf8'), upstream);
    });
    expect(found).toEqual([]);
  });

  it('catches a new table that names a kind without a module', () => {
    const table = "const COLUMN: Record<string, number> = {\n  Deployment: 2,\n  Lease: 4,\n};\nconst WATCHED = ['Endpoints'];";
    expect(kindsWithoutModule('x.ts', table, upstream)).toEqual(['x.ts:3 Lease', 'x.ts:5 Endpoints']);
  });
});
