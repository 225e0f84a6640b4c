/**
 * electron-builder packs the `dependencies` of package.json (from node_modules) beside out/, and
 * electron-vite keeps exactly those external in out/main and out/preload, bundling everything else.
 * So `dependencies` must be exactly the packages the main process, its worker and the preload
 * import: one missing crashes the packaged app, one extra (a renderer library vite already bundled)
 * is packed twice.
 */
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
// The entries of electron.vite.config.ts's main and preload builds.
const ENTRIES = ['main/electron/index.ts', 'main/core/worker.ts', 'main/electron/preload.ts'];

const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** The npm packages the main, worker and preload code import (electron and Node's own excluded). */
async function importedPackages(): Promise<string[]> {
  const result = await build({ entryPoints: ENTRIES.map((e) => join(root, e)), bundle: true, platform: 'node', format: 'esm', packages: 'external', outdir: join(root, 'out', 'deps-scan'), write: false, metafile: true, logLevel: 'silent' });
  const external = Object.values(result.metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path));
  const builtins = new Set(builtinModules);
  return [...new Set(external.map(packageOf))].filter((p) => p !== 'electron' && !p.startsWith('node:') && !builtins.has(p)).sort();
}

describe('package.json dependencies: what the packaged app loads from node_modules', () => {
  it('are exactly the packages main, the worker and the preload import', { timeout: 30_000 }, async () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(await importedPackages());
  });

  it('electron-vite keeps them external (externalizeDeps is not turned off)', () => {
    expect(readFileSync(join(root, 'electron.vite.config.ts'), 'utf8')).not.toMatch(/externalizeDeps\s*:\s*false/);
  });

  it('the renderer\'s libraries are devDependencies: vite bundles them into out/renderer', () => {
    for (const name of ['react', 'react-dom', 'konva', 'react-konva', 'zustand', 'zundo', 'i18next', 'react-i18next', 'comlink']) {
      expect(pkg.dependencies[name], name).toBeUndefined();
      expect(pkg.devDependencies[name], name).toBeDefined();
    }
  });

  it('tsx is not needed to run anything a user runs: the CLI is a bundle', () => {
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(readFileSync(join(root, 'bin', 'kubeplan.mjs'), 'utf8')).not.toContain('tsx');
  });
});
