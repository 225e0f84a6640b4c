/**
 * The native menu as a template built from plain data, so tests check it without Electron.
 * Items send commands to the renderer (it owns the design and the undo history). Edit items
 * also run the native edit on the focused web contents, so text fields keep cut/copy/paste/undo;
 * the renderer ignores `edit:*` commands while a text field has focus.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ExampleInfo, RecentFile } from '../../shared/ipc/api';
import type { Command } from '../../shared/ipc/commands';
import { MENU_SHORTCUTS, OPEN_EXAMPLE_PREFIX, OPEN_PATH_PREFIX, REDO_ALT_ACCELERATOR } from '../../shared/ipc/commands';

export type NativeEdit = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'delete';

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  recent: RecentFile[];
  examples: ExampleInfo[];
  /** Send a command (or `file:openPath:<path>`, `example:<id>`) to the focused window. */
  send: (command: string) => void;
  /** Run the native edit in the focused web contents. */
  nativeEdit: (edit: NativeEdit) => void;
  clearRecent: () => void;
  /** Developer tools only in unpackaged builds. */
  devTools: boolean;
}

const SHORTCUT = new Map(MENU_SHORTCUTS.map((s) => [s.command, s]));

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const item = (label: string, command: Command, edit?: NativeEdit): MenuItemConstructorOptions => {
    const shortcut = SHORTCUT.get(command);
    return {
      label,
      id: command,
      ...(shortcut ? { accelerator: shortcut.accelerator } : {}),
      // Single keys are shown but left to the renderer, which knows when a text field has focus.
      ...(shortcut?.display ? { registerAccelerator: false } : {}),
      click: () => {
        if (edit) o.nativeEdit(edit);
        o.send(command);
      },
    };
  };

  const recent: MenuItemConstructorOptions[] =
    o.recent.length === 0
      ? [{ label: 'No Recent Files', enabled: false }]
      : [...o.recent.map((r) => ({ label: r.name, toolTip: r.path, click: () => o.send(`${OPEN_PATH_PREFIX}${r.path}`) })), { type: 'separator' }, { label: 'Clear Recent', click: o.clearRecent }];
  const examples: MenuItemConstructorOptions[] =
    o.examples.length === 0 ? [{ label: 'No Examples', enabled: false }] : o.examples.map((e) => ({ label: e.title, toolTip: e.description, click: () => o.send(`${OPEN_EXAMPLE_PREFIX}${e.id}`) }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      item('New', 'file:new'),
      item('Open…', 'file:open'),
      { label: 'Open Example', id: 'file:openExample', submenu: examples },
      { label: 'Open Recent', id: 'file:openRecent', submenu: recent },
      { type: 'separator' },
      item('Save', 'file:save'),
      item('Save As…', 'file:saveAs'),
      { type: 'separator' },
      item('Import YAML…', 'file:import'),
      item('Import Folder…', 'file:importFolder'),
      item('Export YAML…', 'file:export'),
      item('Export Folder…', 'file:exportFolder'),
      ...(mac ? [] : ([{ type: 'separator' }, { role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' }] satisfies MenuItemConstructorOptions[])),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      item('Undo', 'edit:undo', 'undo'),
      item('Redo', 'edit:redo', 'redo'),
      { ...item('Redo', 'edit:redo', 'redo'), id: 'edit:redoAlt', accelerator: REDO_ALT_ACCELERATOR, visible: false },
      { type: 'separator' },
      item('Cut', 'edit:cut', 'cut'),
      item('Copy', 'edit:copy', 'copy'),
      item('Paste', 'edit:paste', 'paste'),
      item('Duplicate', 'edit:duplicate'),
      item('Delete', 'edit:delete'),
      { type: 'separator' },
      item('Select All', 'edit:selectAll', 'selectAll'),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      item('Zoom In', 'view:zoomIn'),
      item('Zoom Out', 'view:zoomOut'),
      item('Fit to Window', 'view:fit'),
      item('Auto-layout', 'view:autoLayout'),
      { type: 'separator' },
      item('Toggle Palette', 'view:togglePalette'),
      item('Toggle Inspector', 'view:toggleInspector'),
      item('Toggle Bottom Dock', 'view:toggleDock'),
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(o.devTools ? ([{ role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[]) : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [item('Keyboard Shortcuts', 'help:shortcuts'), ...(mac ? [] : [item(`About ${o.appName}`, 'help:about')])],
  };
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [{ label: o.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }]
    : [];
  return [...appMenu, file, edit, view, help];
}

/** Every command id a template sends, for tests and for checking against COMMANDS. */
export function commandIds(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((entry) => [...(entry.id && !entry.role ? [entry.id] : []), ...(Array.isArray(entry.submenu) ? commandIds(entry.submenu) : [])]);
}
