/**
 * The desktop app end to end, through Playwright's `_electron`: launches the built app (npm run
 * build) where the Electron binary exists; elsewhere the suite is skipped and says why.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { _electron } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../unit/main/fixtures/electronBinary';

const electron = findElectronBinary();
const built = existsSync('out/main/index.js') && existsSync('out/preload/preload.cjs') && existsSync('out/renderer/index.html');
const skipReason = !electron.path ? electron.reason : !built ? 'the app is not built (run `npm run build` first)' : undefined;
if (skipReason) console.warn(`Electron end-to-end tests skipped: ${skipReason}`);

const suite = skipReason ? describe.skip : describe;

suite(`Electron desktop app${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    const userData = mkdtempSync(join(tmpdir(), 'kubeplan-e2e-'));
    app = await _electron.launch({
      executablePath: electron.path!,
      args: ['.', `--user-data-dir=${userData}`, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('loads the renderer from app://, not file://', () => {
    expect(page.url()).toMatch(/^app:\/\/kubeplan\//);
  });

  it('gives the page no Node and no Electron, only window.kubeplan', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      platform: (globalThis as unknown as { kubeplan?: { platform: string } }).kubeplan?.platform,
      ipc: typeof (globalThis as unknown as { kubeplan: Record<string, unknown> }).kubeplan.invoke,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', platform: 'electron', ipc: 'undefined' });
  });

  it('serves the page with the strict CSP header', async () => {
    const csp = await page.evaluate(async () => (await fetch('app://kubeplan/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('denies new windows and navigation away', async () => {
    expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/kubeplan\//);
    expect(app.windows()).toHaveLength(1);
  });

  it('answers the typed API and refuses a bad payload with a clear message', async () => {
    const results = await page.evaluate(async () => {
      const api = (globalThis as unknown as { kubeplan: { listRecent(): Promise<unknown>; openExample(id: string): Promise<unknown> } }).kubeplan;
      return { recent: await api.listRecent(), bad: await api.openExample('../../etc/passwd') };
    });
    expect(results.recent).toEqual({ ok: true, value: [] });
    expect(results.bad).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('examples:open: invalid request') } });
  });

  it('shows the unsaved mark in the title', async () => {
    await page.evaluate(() => (globalThis as unknown as { kubeplan: { setDirty(d: boolean, t: string): void } }).kubeplan.setDirty(true, 'shop'));
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getTitle())).toBe('● shop — Kubeplan');
    await page.evaluate(() => (globalThis as unknown as { kubeplan: { setDirty(d: boolean, t: string): void } }).kubeplan.setDirty(false, 'shop'));
  });

  it('has the native menu with the usual shortcuts', async () => {
    const accelerators = await app.evaluate(({ Menu }) => ['file:save', 'file:saveAs', 'edit:undo', 'edit:redo'].map((id) => Menu.getApplicationMenu()?.getMenuItemById(id)?.accelerator));
    expect(accelerators).toEqual(['CmdOrCtrl+S', 'CmdOrCtrl+Shift+S', 'CmdOrCtrl+Z', 'CmdOrCtrl+Shift+Z']);
  });
});
