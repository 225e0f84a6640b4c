import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './fixtures/electronBinary';

const electron = findElectronBinary();
if (electron.path) console.warn(`npm start test skipped: the Electron binary exists (${electron.path}), so npm start would open the app`);

describe('npm start', () => {
  it.skipIf(Boolean(electron.path))('without the Electron binary, explains in one line and exits 1 (no stack trace)', () => {
    const run = spawnSync('npm', ['start', '--silent'], { encoding: 'utf8', timeout: 150_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^kubeplan: the Electron binary is not installed .*npm run web/)]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 160_000);

  it('with ELECTRON_OVERRIDE_DIST_PATH pointing nowhere, says the same instead of crashing', () => {
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-dist' } });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });
});
