/** The hardened main window: secure webPreferences, navigation, new windows and permissions denied. */
import { BrowserWindow, session } from 'electron';
import { APP_ENTRY, secureWebPreferences } from './security';

/** `icon`: a PNG for the window and taskbar where the OS takes it from the window (Linux). */
export function createMainWindow(preload: string, icon?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Kubeplan',
    backgroundColor: '#f6f7f9',
    ...(icon ? { icon } : {}),
    webPreferences: secureWebPreferences(preload),
  });
  const contents = win.webContents;
  // The app is one page: any navigation away (a dropped file, a link, a script) is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}

/**
 * No camera, microphone, notifications, geolocation…: every permission request and check says no.
 * And the app is offline by design (README.md): web requests of any kind are cancelled.
 */
export function lockDownSession(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.setDevicePermissionHandler(() => false);
  s.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) => callback({ cancel: true }));
}
