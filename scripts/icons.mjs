#!/usr/bin/env node
// `npm run icons`: renders assets/icon.svg (and assets/icon-small.svg, drawn bolder for 16–32 px)
// into the app icons electron-builder and the window use: assets/icons/<N>x<N>.png (Linux),
// assets/icon.ico (Windows), assets/icon.icns (macOS). The results are committed; run this only
// after changing the SVGs. Needs rsvg-convert, icotool and png2icns
// (Debian: apt-get install librsvg2-bin icoutils icnsutils).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const assets = join(import.meta.dirname, '..', 'assets');
const icons = join(assets, 'icons');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const SMALL = 32; // up to this size the bolder drawing reads better
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// The sizes libicns writes as is32/il32, ih32, it32, ic08, ic09, ic10 (48 px: ih32).
const ICNS_SIZES = [16, 32, 48, 128, 256, 512, 1024];

function run(command, args) {
  const r = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error?.code === 'ENOENT') throw new Error(`${command} not found: apt-get install librsvg2-bin icoutils icnsutils`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}`);
}

const png = (size) => join(icons, `${size}x${size}.png`);
rmSync(icons, { recursive: true, force: true });
mkdirSync(icons, { recursive: true });
for (const size of SIZES) run('rsvg-convert', ['-w', String(size), '-h', String(size), '-o', png(size), join(assets, size <= SMALL ? 'icon-small.svg' : 'icon.svg')]);
// 256 px goes in as PNG (-r), as Windows Vista and later read it; the smaller ones as bitmaps.
run('icotool', ['-c', '-o', join(assets, 'icon.ico'), ...ICO_SIZES.filter((s) => s < 256).map(png), '-r', png(256)]);
run('png2icns', [join(assets, 'icon.icns'), ...ICNS_SIZES.map(png)]);
console.log(`wrote ${SIZES.length} PNGs to ${icons}, icon.ico and icon.icns to ${assets}`);
