/**
 * The bundled CJK face: Noto Sans SC 400 (SIL OFL 1.1, renderer/fonts/OFL.txt), the slices of it
 * the interface needs (./subsets.ts, chosen by scripts/font-subsets.mjs). It comes after the
 * system fonts in every font list (styles.css `--font`, canvas/theme.ts `FONT_FAMILY`), so a
 * machine's own CJK font wins and a machine without one still shows Chinese, not boxes.
 *
 * The DOM fetches a slice when text needs it (unicode-range), but Chromium keeps the boxes it drew
 * for text laid out before the slice arrived (seen without a CJK font), and the canvas draws text
 * itself, which fetches nothing. So the start-up loads the slices of the interface's Chinese first
 * (`loadBundledFontFor`, before the first render in Chinese, in the background otherwise) and the
 * canvas is redrawn when they are in (`loadCanvasFonts`).
 */
import license from './OFL.txt?url';
import { NOTO_SANS_SC_SLICES, type FontSlice } from './subsets';

export const BUNDLED_CJK_FAMILY = 'Noto Sans SC';

let registered = false;

/**
 * Declares the slices as CSS @font-face rules (a <style> element, as a stylesheet would): text
 * laid out before a slice arrives is laid out again when it does.
 */
export function registerBundledFonts(slices: readonly FontSlice[] = NOTO_SANS_SC_SLICES): void {
  if (registered || typeof document === 'undefined') return;
  registered = true;
  const style = document.createElement('style');
  style.dataset.font = BUNDLED_CJK_FAMILY;
  // The licence travels with the fonts (the build copies it beside them) and is named here.
  style.textContent = `/* Noto Sans SC, (c) Google, SIL Open Font License 1.1: ${license} */\n` + slices
    .map((s) => `@font-face{font-family:'${BUNDLED_CJK_FAMILY}';font-style:normal;font-weight:100 900;font-display:swap;src:url(${JSON.stringify(s.url)}) format('woff2');unicode-range:${s.unicodeRange};}`)
    .join('\n');
  document.head.append(style);
}

/**
 * Load every bundled slice (about 0.5 MB from the app itself): text laid out while its slice is
 * still loading would keep its boxes, so none may be left to load later.
 */
export async function loadAllBundledFonts(): Promise<boolean> {
  if (typeof document === 'undefined' || !document.fonts) return false;
  const faces = [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === BUNDLED_CJK_FAMILY);
  const loaded = await Promise.allSettled(faces.map((f) => f.load()));
  return loaded.some((r) => r.status === 'fulfilled');
}

/** Load the slices `text` needs; resolves true when some face of the bundled family is loaded. */
export async function loadBundledFontFor(text: string): Promise<boolean> {
  if (typeof document === 'undefined' || !document.fonts) return false;
  try {
    const faces = await document.fonts.load(`400 16px "${BUNDLED_CJK_FAMILY}"`, text);
    return faces.length > 0;
  } catch {
    return false;
  }
}

/** The characters of a set of strings that need a CJK face. */
export function cjkCharacters(texts: Iterable<string>): string {
  const chars = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/gu)) chars.add(m[0]);
  return [...chars].join('');
}

/** Load what the canvas's Chinese text needs, then call `redraw` (the canvas's text becomes glyphs). */
export async function loadCanvasFonts(texts: Iterable<string>, redraw: () => void): Promise<void> {
  const chars = cjkCharacters(texts);
  if (!chars) return;
  if (await loadBundledFontFor(chars)) redraw();
}

/** Whether a code point is in a CSS unicode-range list (`U+4e00-4e01,U+7684`). */
export function inRanges(cp: number, unicodeRange: string): boolean {
  return unicodeRange.split(',').some((r) => {
    const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(a!, 16);
    const hi = parseInt(b ?? a!, 16);
    return cp >= lo && cp <= hi;
  });
}
