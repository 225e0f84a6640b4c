/**
 * The bundled CJK font (renderer/fonts): every Chinese character the interface shows is in a
 * bundled slice of Noto Sans SC, the slices are weight 400 woff2 only, and the OFL licence ships.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inRanges } from '../../../renderer/fonts';

const ROOT = resolve(__dirname, '..', '..', '..');
const subsets = readFileSync(join(ROOT, 'renderer', 'fonts', 'subsets.ts'), 'utf8');
const files = [...subsets.matchAll(/from '@fontsource\/noto-sans-sc\/files\/([^']+)\?url'/g)].map((m) => m[1]!);
const ranges = [...subsets.matchAll(/unicodeRange: '([^']+)'/g)].map((m) => m[1]!);

describe('bundled Noto Sans SC slices', () => {
  it('cover every Chinese character of the interface (run node scripts/font-subsets.mjs when this fails)', async () => {
    const script = join(ROOT, 'scripts', 'font-subsets.mjs');
    const { interfaceCharacters, interfaceTextFiles } = (await import(/* @vite-ignore */ script)) as { interfaceCharacters(): Set<number>; interfaceTextFiles(): string[] };
    expect(interfaceTextFiles().length).toBeGreaterThan(5);
    const chars = interfaceCharacters();
    expect(chars.size).toBeGreaterThan(300);
    const missing = [...chars].filter((c) => !ranges.some((r) => inRanges(c, r))).map((c) => String.fromCodePoint(c));
    expect(missing, `characters in no bundled slice: ${missing.join('')} — run node scripts/font-subsets.mjs`).toEqual([]);
  });

  it('are weight 400 woff2 only, a few hundred KiB, and the licence is shipped beside them', () => {
    expect(files.length).toBe(ranges.length);
    expect(files.every((f) => /^noto-sans-sc-\d+-400-normal\.woff2$/.test(f))).toBe(true);
    const bytes = files.reduce((n, f) => n + statSync(join(ROOT, 'node_modules', '@fontsource', 'noto-sans-sc', 'files', f)).size, 0);
    expect(bytes).toBeLessThan(1024 * 1024);
    expect(readFileSync(join(ROOT, 'renderer', 'fonts', 'OFL.txt'), 'utf8')).toContain('SIL Open Font License');
    expect(existsSync(join(ROOT, 'renderer', 'fonts', 'OFL.txt'))).toBe(true);
  });

  it('inRanges reads CSS unicode-range lists', () => {
    expect(inRanges(0x7684, 'U+4e00-4e01,U+7684')).toBe(true);
    expect(inRanges(0x7685, 'U+4e00-4e01,U+7684')).toBe(false);
    expect(inRanges(0x4e01, 'U+4e00-4e01')).toBe(true);
  });
});
