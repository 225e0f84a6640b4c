import { describe, expect, it } from 'vitest';
// @ts-expect-error: eslint.config.js is plain JavaScript without type declarations.
import { SHARED_LAYERS } from '../../../eslint.config.js';
import { importCycles, importGraph } from './imports';

// The structure of docs/architecture.md, checked on the real source rather than on lint samples.
const graph = importGraph(['shared', 'main', 'renderer', 'cli']);

describe('the import graph', () => {
  it('has no cycles: every module can load before the modules that import it', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    expect(importCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });

  it('keeps every shared folder to the folders below it', () => {
    const layer = (file: string) => (SHARED_LAYERS as string[]).indexOf(file.split('/')[1]!);
    const upward = [...graph].flatMap(([file, targets]) =>
      file.startsWith('shared/') ? targets.filter((t) => t.startsWith('shared/') && layer(t) > layer(file)).map((t) => `${file} → ${t}`) : [],
    );
    expect(upward).toEqual([]);
  });
});
