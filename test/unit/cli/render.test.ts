/** `kubeplan render` run as a user runs it: real files in a fresh folder, SVG and PNG. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'kubeplan.mjs');
const DESIGN = join(ROOT, 'assets', 'examples', 'three-tier-shop.kubeplan.yaml');
const MANIFESTS = join(ROOT, 'test', 'fixtures', 'apps', 'multi-tenant.yaml');

function kubeplan(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd }, (err, stdout, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('kubeplan render', () => {
  it('writes an SVG of a design and a PNG whose size is the SVG\'s times --scale', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeplan-render-'));
    const svg = await kubeplan(dir, 'render', DESIGN, '-o', 'shop.svg');
    expect(svg.code, svg.stderr).toBe(0);
    expect(svg.stdout).toMatch(/rendered 11 cards and \d+ edges to shop\.svg \((\d+)×(\d+) SVG\)/);
    const text = readFileSync(join(dir, 'shop.svg'), 'utf8');
    expect(text).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    const [, w, h] = text.match(/ width="(\d+)" height="(\d+)"/)!;
    const png = await kubeplan(dir, 'render', DESIGN, '-o', 'shop.png', '--scale', '1.5');
    expect(png.code, png.stderr).toBe(0);
    const size = pngSize(readFileSync(join(dir, 'shop.png')));
    expect(size).toEqual({ width: Math.round(Number(w) * 1.5), height: Math.round(Number(h) * 1.5) });
  });

  it('lays out plain manifests, and says what is wrong without writing anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeplan-render-'));
    const ok = await kubeplan(dir, 'render', MANIFESTS, '-o', 'tenants.png');
    expect(ok.code, ok.stderr).toBe(0);
    expect(pngSize(readFileSync(join(dir, 'tenants.png'))).width).toBeGreaterThan(200);
    const badExt = await kubeplan(dir, 'render', MANIFESTS, '-o', 'tenants.jpg');
    expect(badExt.code).toBe(2);
    expect(badExt.stderr).toContain('must end in .svg or .png');
    const badScale = await kubeplan(dir, 'render', MANIFESTS, '-o', 'x.png', '--scale', '0');
    expect(badScale.code).toBe(2);
    expect(badScale.stderr).toContain('--scale 0');
    const missing = await kubeplan(dir, 'render', 'nope.yaml', '-o', 'y.svg');
    expect(missing.code).toBe(2);
    expect(existsSync(join(dir, 'x.png')) || existsSync(join(dir, 'y.svg'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['tenants.png']);
  });

  it('loads resvg lazily: the entry and SVG output never import it', () => {
    const entry = readFileSync(join(ROOT, 'out', 'cli', 'kubeplan.mjs'), 'utf8');
    expect(entry).not.toContain('@resvg/resvg-js');
    const chunks = readdirSync(join(ROOT, 'out', 'cli', 'chunks')).filter((f) => readFileSync(join(ROOT, 'out', 'cli', 'chunks', f), 'utf8').includes('@resvg/resvg-js'));
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) expect(c).not.toMatch(/^render-/); // a chunk of its own, imported on PNG only
  });
});
