/**
 * Pictures for slides in the app: Export → PNG / SVG (downloads in the browser build), selection
 * only, the simulation overlay, copy as image; and Chinese on a machine with no CJK font
 * (fontconfig pointed at a folder with DejaVu only): the bundled Noto Sans SC draws glyphs, not boxes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, SCREENSHOT_DIR, type AppDriver } from './harness';
import { describeBrowser } from './suite';

type App = AppDriver & { stop(): Promise<void> };

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function download(app: App, item: string): Promise<{ name: string; bytes: Buffer }> {
  await app.page.locator('[data-testid="tb-export"]').click();
  const [d] = (await Promise.all([app.page.waitForEvent('download', { timeout: 30_000 }), app.page.locator(`[data-testid="tb-export-${item}"]`).click()])) as [Download, unknown];
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

const openExample = async (app: App, id: string) => {
  await app.openFresh(`example=${id}`);
  await app.page.waitForFunction((n) => document.querySelector('[data-testid="title"]')?.textContent?.includes(n), id);
};

describeBrowser('pictures for slides', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp();
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openExample(app, 'three-tier-shop');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('Export → PNG and SVG: the SVG has every card and edge, the PNG is that picture at twice its size', async () => {
    const svg = await download(app, 'picture-svg');
    expect(svg.name).toBe('three-tier-shop.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const cards = await app.page.evaluate(() => (window as unknown as { __kubeplan: { store: { getState(): { design: { resources: { object: { kind: string } }[] } } } } }).__kubeplan.store.getState().design.resources.filter((r) => r.object.kind !== 'Namespace').length);
    expect((text.match(/<g class="card"/g) ?? []).length).toBe(cards);
    expect(text).toContain('data-relation="selects"');
    expect(text).toContain('>namespace shop<');
    const [, w, h] = text.match(/ width="(\d+)" height="(\d+)"/)!;
    const png = await download(app, 'picture-png');
    expect(png.name).toBe('three-tier-shop.png');
    expect(pngSize(png.bytes)).toEqual({ width: Number(w) * 2, height: Number(h) * 2 });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, 'picture-export-three-tier-shop.png'), png.bytes);
  });

  it('Selection only draws the selected cards; the shortcut exports too', async () => {
    await app.page.evaluate(() => {
      const k = (window as unknown as { __kubeplan: { store: { getState(): { design: { resources: { id: string; object: { kind: string } }[] } }; setState(s: unknown): void } } }).__kubeplan;
      const ids = k.store.getState().design.resources.filter((r) => r.object.kind === 'Deployment').map((r) => r.id);
      k.store.setState({ selection: ids });
    });
    await app.page.locator('[data-testid="tb-export"]').click();
    await app.page.locator('[data-testid="tb-export-picture-selection"]').click();
    const svg = await download(app, 'picture-svg');
    const text = svg.bytes.toString('utf8');
    expect([...text.matchAll(/data-kind="(\w+)"/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['Deployment']));
    expect(text).not.toContain('data-kind="Service"');
    // Ctrl+Shift+E: the PNG of the same selection.
    const [d] = await Promise.all([app.page.waitForEvent('download', { timeout: 30_000 }), app.page.keyboard.press('Control+Shift+E')]);
    expect(pngSize(readFileSync(await d.path())).width).toBeGreaterThan(100);
    await app.page.locator('[data-testid="tb-export"]').click();
    await app.page.locator('[data-testid="tb-export-picture-selection"]').click();
  });

  it('with the simulation running, the picture carries each workload\'s pods as a badge', async () => {
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('F6');
    await app.page.waitForFunction(() => (window as unknown as { __kubeplanSimulation?: { store: { getState(): { status: string } } } }).__kubeplanSimulation?.store.getState().status === 'ready', undefined, { timeout: 30_000 });
    await app.page.keyboard.press('End');
    const text = (await download(app, 'picture-svg')).bytes.toString('utf8');
    expect(text).toMatch(/<g class="badge" data-tone="(ok|progress)">.*\d+\/\d+ Running/);
    writeFileSync(join(SCREENSHOT_DIR, 'picture-export-simulating.png'), (await download(app, 'picture-png')).bytes);
    await app.page.locator('[data-testid="tb-export"]').click();
    await app.screenshot('picture-export-menu-simulating-1440x900');
    await app.page.keyboard.press('Escape');
    await app.page.locator('[data-testid="tb-export"]').click();
    await app.page.locator('[data-testid="tb-export-picture-overlay"]').click();
    const plain = (await download(app, 'picture-svg')).bytes.toString('utf8');
    expect(plain).not.toContain('class="badge"');
    await app.page.keyboard.press('Shift+F6');
  });

  it('Copy picture puts a PNG on the clipboard', async () => {
    await app.page.locator('[data-testid="tb-export"]').click();
    await app.page.locator('[data-testid="tb-export-picture-copy"]').click();
    await app.page.waitForFunction(() => document.body.textContent?.includes('Picture copied'), undefined, { timeout: 20_000 });
    const bytes = await app.page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const item = items.find((i) => i.types.includes('image/png'));
      if (!item) return [] as number[];
      return [...new Uint8Array(await (await item.getType('image/png')).arrayBuffer())];
    });
    expect(pngSize(Buffer.from(bytes)).width).toBeGreaterThan(200);
  });
});

/** A fontconfig that knows DejaVu only: no CJK face on the "machine". */
function noCjkFontconfig(): string {
  const dir = join(tmpdir(), `kubeplan-fc-${process.pid}`);
  mkdirSync(join(dir, 'cache'), { recursive: true });
  const file = join(dir, 'fonts.conf');
  writeFileSync(file, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${dir}/cache</cachedir></fontconfig>\n`);
  return file;
}

/** Pixels of one character drawn on a canvas in `font`, as a string, to compare glyphs. */
const glyphPixels = (app: App, font: string, ch: string) =>
  app.page.evaluate(
    ([f, c]) => {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const ctx = canvas.getContext('2d')!;
      ctx.font = f!;
      ctx.fillText(c!, 4, 38);
      return Array.from(ctx.getImageData(0, 0, 48, 48).data.filter((_, i) => i % 4 === 3)).join(',');
    },
    [font, ch],
  );

for (const viewport of [{ width: 1440, height: 900 }, { width: 1024, height: 768 }]) {
  describeBrowser(`Chinese on a machine without a CJK font (${viewport.width}×${viewport.height})`, () => {
    let app: App;
    beforeAll(async () => {
      app = await openApp('lang=zh-CN&example=three-tier-shop', viewport, { env: { FONTCONFIG_FILE: noCjkFontconfig() } });
      await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('three-tier-shop'));
    });
    afterAll(async () => {
      await app?.stop();
    });

    it('the system has no CJK glyphs (two characters draw the same box), the bundled face draws them apart', async () => {
      const sys = 'px "DejaVu Sans", sans-serif';
      expect(await glyphPixels(app, `32${sys}`, '问')).toBe(await glyphPixels(app, `32${sys}`, '题'));
      await app.page.evaluate(() => document.fonts.load('400 32px "Noto Sans SC"', '问题'));
      const bundled = '32px "DejaVu Sans", "Noto Sans SC", sans-serif';
      expect(await glyphPixels(app, bundled, '问')).not.toBe(await glyphPixels(app, bundled, '题'));
    });

    it('the interface is in Chinese, its face loaded from the bundle, remembered after a reload without ?lang', async () => {
      await expect(app.page.locator('[data-testid="tab-problems"]').textContent()).resolves.toContain('问题');
      await app.page.waitForFunction(() => [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Noto Sans SC' && f.status === 'loaded'), undefined, { timeout: 20_000 });
      // The toolbar's text is drawn in the bundled face: as wide as real glyphs, not as zero-width or boxes.
      const width = await app.page.evaluate(() => {
        const c = document.createElement('canvas').getContext('2d')!;
        c.font = '16px "Noto Sans SC"';
        return c.measureText('问题').width;
      });
      expect(width).toBeGreaterThan(28);
      // Text laid out at start shows glyphs, not the boxes of a missing face: each element differs
      // from a copy of itself whose text is two characters no font has (drawn as the same boxes).
      for (const id of ['tab-problems', 'tb-new', 'tb-open']) {
        const text = (await app.page.locator(`[data-testid="${id}"]`).textContent()) ?? '';
        if (!/[\u4e00-\u9fff]/.test(text)) continue; // only an icon at this width
        const real = await app.page.locator(`[data-testid="${id}"]`).screenshot();
        await app.page.evaluate((testId) => {
          const el = document.querySelector(`[data-testid="${testId}"]`)!;
          const copy = el.cloneNode(true) as HTMLElement;
          copy.setAttribute('data-testid', `${testId}-tofu`);
          const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) n.textContent = (n.textContent ?? '').replace(/[\u4e00-\u9fff]/g, () => '\ue000');
          el.after(copy);
        }, id);
        const tofu = await app.page.locator(`[data-testid="${id}-tofu"]`).screenshot();
        await app.page.evaluate((testId) => document.querySelector(`[data-testid="${testId}-tofu"]`)?.remove(), id);
        expect(real.equals(tofu), `${id} is drawn in boxes`).toBe(false);
      }
      await app.screenshot(`language-zh-CN-no-cjk-font-${viewport.width}x${viewport.height}`);
      // The picture in Chinese carries its own font: its labels are glyphs on this machine too.
      const svg = (await download(app, 'picture-svg')).bytes.toString('utf8');
      expect(svg).toContain('>命名空间 shop<');
      expect(svg).toContain('>选择<');
      await app.page.locator('[data-testid="tb-export"]').click();
      await app.screenshot(`picture-export-menu-zh-CN-${viewport.width}x${viewport.height}`);
      await app.page.keyboard.press('Escape');
      const png = await download(app, 'picture-png');
      expect(pngSize(png.bytes).width).toBeGreaterThan(1000);
      writeFileSync(join(SCREENSHOT_DIR, `picture-export-zh-CN-no-cjk-font-${viewport.width}.png`), png.bytes);
      await app.open('example=three-tier-shop');
      await expect(app.page.locator('[data-testid="tab-problems"]').textContent()).resolves.toContain('问题');
    });

    it('events stay verbatim in English with a Chinese explanation beside them', async () => {
      await openExample(app, 'multi-tenant');
      await app.page.keyboard.press('F6');
      await app.page.waitForFunction(() => (window as unknown as { __kubeplanSimulation?: { store: { getState(): { status: string } } } }).__kubeplanSimulation?.store.getState().status === 'ready', undefined, { timeout: 30_000 });
      await app.page.keyboard.press('End');
      await app.page.locator('[data-testid="tab-events"]').click();
      const rows = app.page.locator('.events-message');
      await expect(rows.first().textContent()).resolves.toMatch(/[A-Za-z]/);
      const quota = app.page.locator('.events-message', { hasText: 'exceeded quota' }).first();
      await expect(quota.textContent()).resolves.toMatch(/is forbidden: exceeded quota: \S+.*超出了 ResourceQuota/);
      expect(await app.page.locator('[data-testid="upstream-zh"]').count()).toBeGreaterThan(3);
      await app.screenshot(`events-zh-CN-upstream-${viewport.width}x${viewport.height}`);
      await app.page.keyboard.press('Shift+F6');
    });
  });
}
