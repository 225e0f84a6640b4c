/** The hardened main window: secure webPreferences, navigation, new windows and permissions denied. */
import { BrowserWindow, session } from 'electron';
import { APP_ENTRY, secureWebPreferences } from './security';

export function createMainWindow(preload: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Kubeplan',
    backgroundColor: '#f6f7f9',
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

/** No camera, microphone, notifications, geolocation…: every permission request and check says no. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}
