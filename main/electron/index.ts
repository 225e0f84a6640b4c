/**
 * The Electron main process: the app:// protocol, the hardened window, the native menu, the
 * guarded IPC handlers, close/quit flow with hot-exit backups. Handler logic lives in main/core.
 */
import { app, BrowserWindow, ipcMain, Menu, protocol } from 'electron';
import { join } from 'node:path';
import type { ExampleInfo, RecentFile } from '../../shared/ipc/api';
import { EVENTS, INVOKE, SEND } from '../../shared/ipc/channels';
import { OPEN_PATH_PREFIX } from '../../shared/ipc/commands';
import type { InvokePayloads } from '../../shared/ipc/contract';
import { parsePayload, sendSchemas } from '../../shared/ipc/schemas';
import { filesFromArgv } from '../core/argv';
import { BackupStore } from '../core/backup';
import { CloseGuard, windowTitle } from '../core/closeGuard';
import { listExamples } from '../core/examples';
import { writeFileAtomic } from '../core/files';
import { PathGrants } from '../core/grants';
import type { Handler, HandlerContext } from '../core/handlers';
import { createHandlers } from '../core/handlers';
import { RecentFiles } from '../core/recent';
import { createHeavyWork } from '../core/workerClient';
import { createAppProtocolHandler } from './appProtocol';
import { electronDialogs } from './dialogs';
import { guardInvoke } from './guard';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME, isTrustedSender } from './security';
import { hostStrings } from './strings';
import { createMainWindow, lockDownSession } from './window';

// Must run before `ready`: app:// behaves like https (origin, fetch, secure context).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
app.enableSandbox();

const here = import.meta.dirname;
const paths = {
  preload: join(here, '../preload/preload.cjs'),
  renderer: join(here, '../renderer'),
  worker: join(here, 'worker.js'),
  examples: app.isPackaged ? join(process.resourcesPath, 'examples') : join(app.getAppPath(), 'assets/examples'),
  // Windows and macOS show the executable's icon; Linux takes the window's (electron-builder.yml extraResources).
  icon: app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(app.getAppPath(), 'assets/icons/512x512.png'),
  recent: join(app.getPath('userData'), 'recent.json'),
  backup: join(app.getPath('userData'), 'unsaved-backup.json'),
};

let mainWindow: BrowserWindow | undefined;
const grants = new PathGrants();
const recent = new RecentFiles(paths.recent, writeFileAtomic);
const backups = new BackupStore(paths.backup, writeFileAtomic);
const work = createHeavyWork(paths.worker);
// The system locale is known only once the app is ready; English until then.
let strings = hostStrings('en');
const dialogs = electronDialogs(() => mainWindow, () => strings);
let examples: ExampleInfo[] = [];

const sendCommand = (command: string) => mainWindow?.webContents.send(EVENTS.command, command);

// Files to open once the page is ready (command line, file association, macOS open-file).
const pendingOpens: string[] = [];
let pageReady = false;
function openFiles(files: string[]): void {
  grants.grant(...files);
  for (const file of files) {
    if (pageReady) sendCommand(`${OPEN_PATH_PREFIX}${file}`);
    else pendingOpens.push(file);
  }
}

const closeGuard = new CloseGuard(
  dialogs,
  () => sendCommand('file:save'),
  () => mainWindow?.close(),
  () => backups.save(undefined),
);

function refreshMenu(list: RecentFile[]): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: app.name,
    recent: list,
    examples,
    send: sendCommand,
    nativeEdit: (edit) => {
      const contents = mainWindow?.webContents;
      if (contents) contents[edit]();
    },
    clearRecent: () => void clearRecent(),
    devTools: !app.isPackaged,
    strings,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  if (process.platform === 'darwin' || process.platform === 'win32') {
    app.clearRecentDocuments();
    for (const r of [...list].reverse()) app.addRecentDocument(r.path);
  }
}

async function clearRecent(): Promise<void> {
  for (const r of await recent.list()) await recent.remove(r.path);
  refreshMenu([]);
}

const handlers = createHandlers({
  dialogs,
  work,
  recent,
  backups,
  write: writeFileAtomic,
  examplesDir: paths.examples,
  grants,
  onRecentChanged: refreshMenu,
  onSaveAbandoned: () => closeGuard.saveAbandoned(),
  onSaved: () => closeGuard.saveSucceeded(),
});

function registerIpc(): void {
  const context = (event: Electron.IpcMainInvokeEvent): HandlerContext => ({
    sendFrames: (batch) => {
      if (!event.sender.isDestroyed()) event.sender.send(EVENTS.simulationFrames, batch);
    },
  });
  for (const channel of Object.values(INVOKE)) {
    const guarded = guardInvoke(channel, handlers[channel] as Handler<keyof InvokePayloads>, (e) => context(e as Electron.IpcMainInvokeEvent));
    ipcMain.handle(channel, (event, payload: unknown) => guarded(event, payload));
  }
  ipcMain.on(SEND.setDirty, (event, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame)) return;
    const parsed = parsePayload(SEND.setDirty, sendSchemas[SEND.setDirty], payload);
    if (!parsed.ok) return;
    closeGuard.setDirty(parsed.value.dirty, parsed.value.title);
    mainWindow?.setTitle(windowTitle(parsed.value.title, parsed.value.dirty));
    mainWindow?.setDocumentEdited(parsed.value.dirty);
  });
}

function openWindow(): void {
  const win = createMainWindow(paths.preload, process.platform === 'linux' ? paths.icon : undefined);
  mainWindow = win;
  let closing = false;
  pageReady = false;
  win.webContents.on('did-finish-load', () => {
    pageReady = true;
    for (const file of pendingOpens.splice(0)) sendCommand(`${OPEN_PATH_PREFIX}${file}`);
  });
  win.on('close', (event) => {
    if (closing || !closeGuard.isDirty) return;
    event.preventDefault();
    void closeGuard.onCloseRequested().then((decision) => {
      if (decision === 'close') {
        closing = true;
        win.close();
      }
    });
  });
  // A crashed page reloads; its last backup is then offered back through takeBackup().
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit' && !win.isDestroyed()) win.webContents.reload();
  });
  win.on('closed', () => {
    // Closed clean (saved or "Don't Save"): nothing left to offer back next time.
    if (!closeGuard.isDirty) void backups.save(undefined);
    if (mainWindow === win) mainWindow = undefined;
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openFiles(filesFromArgv(argv, workingDirectory));
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFiles([file]);
  });
  openFiles(filesFromArgv(process.argv));

  void app.whenReady().then(async () => {
    strings = hostStrings(app.getLocale());
    lockDownSession();
    protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer));
    registerIpc();
    examples = await listExamples(paths.examples);
    refreshMenu(await recent.list());
    openWindow();
    work.warm();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quitting waits for the last backup write and stops the worker threads.
  let quitReady = false;
  app.on('before-quit', (event) => {
    if (quitReady) return;
    event.preventDefault();
    void Promise.allSettled([backups.flush(), work.close()]).then(() => {
      quitReady = true;
      app.quit();
    });
  });
}
