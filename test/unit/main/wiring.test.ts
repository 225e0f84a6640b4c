/**
 * main/electron/index.ts wired against a fake `electron` module (never the real one): the
 * protocol, the hardened window, the guarded IPC, the title and the close prompt.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENTS, INVOKE, SEND } from '../../../shared/ipc/channels';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/security';
import type { FakeBrowserWindow } from './fixtures/fakeElectron';

vi.mock('electron', async () => (await import('./fixtures/fakeElectron')).fakeElectron);
const fake = await import('./fixtures/fakeElectron');
const electron = fake.fakeElectron;

let win: FakeBrowserWindow;
const fromApp = { senderFrame: { url: 'app://kubeplan/index.html' }, sender: { isDestroyed: () => false, send: vi.fn() } };

beforeAll(async () => {
  await import('../../../main/electron/index');
  electron.start();
  await vi.waitFor(() => expect(fake.FakeBrowserWindow.windows).toHaveLength(1));
  win = fake.FakeBrowserWindow.windows[0];
});

describe('main process wiring', () => {
  it('registers app:// as a standard, secure scheme and turns the sandbox on for every renderer', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
  });

  it('serves the renderer through app:// with the CSP header', async () => {
    const [[scheme, handler]] = electron.protocol.handle.mock.calls as unknown as [[string, (r: Request) => Promise<Response>]];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://kubeplan/%2e%2e/%2e%2e/package.json'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('opens one hardened window on app://kubeplan', () => {
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload[\\/]preload\.cjs$/);
    expect(win.loaded).toBe('app://kubeplan/index.html');
  });

  it('denies navigation, new windows, permissions and web requests', () => {
    const navigate = { preventDefault: vi.fn() };
    win.webContents.emit('will-navigate', navigate, 'https://example.com/');
    expect(navigate.preventDefault).toHaveBeenCalled();
    expect(win.webContents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const [[permission]] = electron.session.defaultSession.setPermissionRequestHandler.mock.calls as unknown as [[(c: unknown, p: string, cb: (ok: boolean) => void) => void]];
    const answer = vi.fn();
    permission(undefined, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(electron.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
  });

  it('handles every invoke channel, behind the sender check and the schema', async () => {
    for (const channel of Object.values(INVOKE)) expect(fake.ipcHandlers.has(channel), channel).toBe(true);
    const listRecent = fake.ipcHandlers.get(INVOKE.listRecent)!;
    expect(await listRecent(fromApp, {})).toEqual({ ok: true, value: [] });
    expect(await listRecent({ ...fromApp, senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await listRecent(fromApp, { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('sets the menu', () => {
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('shows the unsaved mark in the title, ignoring messages from other pages', () => {
    const setDirty = fake.ipcListeners.get(SEND.setDirty)!;
    setDirty({ senderFrame: { url: 'https://evil.example/' } }, { dirty: true, title: 'evil' });
    expect(win.title).not.toContain('evil');
    setDirty(fromApp, { dirty: true, title: 'shop' });
    expect(win.title).toBe('● shop — Kubeplan');
  });

  it('reloads a crashed page, so the backup is offered back', () => {
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit' });
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
  });

  it('quitting waits for the last backup write, then quits', async () => {
    const quit = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    const again = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('asks before closing with unsaved changes; Cancel keeps the window', async () => {
    win.close();
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalled());
    expect(win.destroyed).toBe(false);
  });

  it('Save in the close prompt asks the page to save, then closes once it is clean', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    win.close();
    await vi.waitFor(() => expect(win.webContents.sent).toContainEqual([EVENTS.command, 'file:save']));
    expect(win.destroyed).toBe(false);
    fake.ipcListeners.get(SEND.setDirty)!(fromApp, { dirty: false, title: 'shop' });
    expect(win.destroyed).toBe(true);
  });
});
