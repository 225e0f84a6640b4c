/**
 * electron-builder packs the `dependencies` of package.json (from node_modules) beside out/, and
 * electron-vite keeps exactly those external when it builds out/main and out/preload, bundling every
 * other package they import. So `dependencies` must be exactly the packages main, its worker and
 * the preload load at run time: an extra one (a renderer library vite already bundled) is packed for
 * nothing. Today they are bundled whole and `dependencies` is empty: the app ships no node_modules.
 */
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };
const dependencies = Object.keys(pkg.dependencies ?? {}).sort();
// The entries of electron.vite.config.ts's main and preload builds.
const ENTRIES = ['main/electron/index.ts', 'main/core/worker.ts', 'main/electron/preload.ts'];

const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * The npm packages main, the worker and the preload load from node_modules at run time, bundled the
 * way electron-vite does (dependencies external, every other package bundled; it fails if one
 * cannot be resolved). Electron and Node's own modules are left out.
 */
async function packagesLoadedAtRunTime(): Promise<string[]> {
  const external = ['electron', ...dependencies, ...dependencies.map((d) => `${d}/*`)];
  const result = await build({ entryPoints: ENTRIES.map((e) => join(root, e)), bundle: true, platform: 'node', format: 'esm', external, outdir: join(root, 'out', 'deps-scan'), write: false, metafile: true, logLevel: 'silent' });
  const imported = Object.values(result.metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path));
  const builtins = new Set(builtinModules);
  return [...new Set(imported.map(packageOf))].filter((p) => p !== 'electron' && !p.startsWith('node:') && !builtins.has(p)).sort();
}

describe('package.json dependencies: what the packaged app loads from node_modules', () => {
  it('are exactly the packages main, the worker and the preload load at run time', { timeout: 60_000 }, async () => {
    expect(dependencies).toEqual(await packagesLoadedAtRunTime());
  });

  it('electron-vite keeps them external (externalizeDeps is not turned off)', () => {
    expect(readFileSync(join(root, 'electron.vite.config.ts'), 'utf8')).not.toMatch(/externalizeDeps\s*:\s*false/);
  });

  it('the renderer\'s libraries are devDependencies: vite bundles them into out/renderer', () => {
    for (const name of ['react', 'react-dom', 'konva', 'react-konva', 'zustand', 'zundo', 'i18next', 'react-i18next', 'comlink']) {
      expect(pkg.dependencies?.[name], name).toBeUndefined();
      expect(pkg.devDependencies[name], name).toBeDefined();
    }
  });

  it('tsx is not needed to run anything a user runs: npm install builds the CLI bundle', () => {
    expect(pkg.dependencies?.tsx).toBeUndefined();
    expect(pkg.scripts.prepare).toBe('node scripts/build-cli.mjs');
    expect(readFileSync(join(root, 'bin', 'kubeplan.mjs'), 'utf8')).not.toContain('tsx');
  });
});
