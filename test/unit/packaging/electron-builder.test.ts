/**
 * electron-builder.yml: valid for electron-builder (its own schema check, offline), Electron fuses
 * that close the ways to run the packaged binary as something else, and the app icons it names.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  files: string[];
  extraResources: { from: string; to: string }[];
  linux: { icon: string };
  win: { icon: string };
  mac: { icon: string };
};

// electron-builder's own configuration check (app-builder-lib), as `electron-builder` runs it.
const fromBuilder = createRequire(createRequire(join(root, 'package.json')).resolve('electron-builder'));
async function validate(configuration: unknown): Promise<void> {
  const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = fromBuilder('builder-util/out/DebugLogger.js');
  await validateConfiguration(configuration, new DebugLogger(false));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s configuration schema, and the check would catch a misspelt fuse', { timeout: 30_000 }, async () => {
    await validate(config);
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).rejects.toThrow(/electronFuses/);
  });

  it('sets the Electron fuses: no RunAsNode, NODE_OPTIONS or --inspect; cookies encrypted; app only from a checked app.asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // onlyLoadAppFromAsar needs the app in an asar.
    expect(config.asar).toBe(true);
  });

  it('packs out/ but not the command-line bundle', () => {
    expect(config.files).toContain('out/**');
    expect(config.files).toContain('!out/cli/**');
  });

  it('uses the app icons: a Linux PNG set from 16 to 1024 px, a Windows .ico, a macOS .icns', () => {
    const dir = join(root, config.linux.icon);
    const sizes = readdirSync(dir).map((f) => {
      const [w, h] = pngSize(join(dir, f));
      expect(f).toBe(`${w}x${h}.png`);
      return w;
    });
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256, 512, 1024]);

    // ICO: reserved 0, type 1, then one 16-byte entry per image (width 0 means 256).
    const ico = readFileSync(join(root, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(icoSizes).toEqual([16, 24, 32, 48, 64, 128, 256]);

    // ICNS: 'icns' + length, then typed elements; ic10 is the 1024 px (512@2x) image.
    const icns = readFileSync(join(root, config.mac.icon));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString('latin1'));
    expect(types).toEqual(expect.arrayContaining(['is32', 'il32', 'it32', 'ic08', 'ic09', 'ic10']));
  });

  it('ships the Linux window icon the main process loads from resources/icon.png', () => {
    const icon = config.extraResources.find((r) => r.to === 'icon.png');
    expect(icon).toBeDefined();
    expect(pngSize(join(root, icon!.from))).toEqual([512, 512]);
    expect(readFileSync(join(root, 'main', 'electron', 'index.ts'), 'utf8')).toContain("join(process.resourcesPath, 'icon.png')");
  });
});
