/**
 * The native menu as a template built from plain data, so tests check it without Electron.
 * Items send commands to the renderer (it owns the design and the undo history). Edit items
 * also run the native edit on the focused web contents, so text fields keep cut/copy/paste/undo;
 * the renderer ignores `edit:*` commands while a text field has focus.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ExampleInfo, RecentFile } from '../../shared/ipc/api';
import type { CommandId } from '../../shared/ipc/commands';
import { commandSpec, hasModifier, menuKey, OPEN_EXAMPLE_PREFIX, OPEN_PATH_PREFIX, toAccelerator } from '../../shared/ipc/commands';
import type { HostStrings } from './strings';
import { fill, hostStrings } from './strings';

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
  /** Menu words; English when omitted. */
  strings?: HostStrings;
}

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const t = o.strings ?? hostStrings('en');
  // Keys come from the command table (shared/ipc/commands.ts), which the renderer's registry reads too.
  const item = (label: string, command: CommandId, edit?: NativeEdit): MenuItemConstructorOptions => {
    const key = menuKey(commandSpec(command));
    return {
      label,
      id: command,
      ...(key ? { accelerator: toAccelerator(key) } : {}),
      // Single keys are shown but left to the renderer, which knows when a text field has focus.
      ...(key && !hasModifier(key) ? { registerAccelerator: false } : {}),
      click: () => {
        if (edit) o.nativeEdit(edit);
        o.send(command);
      },
    };
  };
  /** Invisible items that register a command's extra keys (Ctrl+Y for redo, as on Windows). */
  const hidden = (label: string, command: CommandId, edit?: NativeEdit): MenuItemConstructorOptions[] =>
    (commandSpec(command).menu?.hidden ?? []).map((key, i) => ({ ...item(label, command, edit), id: `${command}Alt${i || ''}`, accelerator: toAccelerator(key), visible: false }));

  const recent: MenuItemConstructorOptions[] =
    o.recent.length === 0
      ? [{ label: t.noRecent, enabled: false }]
      : [...o.recent.map((r) => ({ label: r.name, toolTip: r.path, click: () => o.send(`${OPEN_PATH_PREFIX}${r.path}`) })), { type: 'separator' }, { label: t.clearRecent, click: o.clearRecent }];
  const examples: MenuItemConstructorOptions[] =
    o.examples.length === 0 ? [{ label: t.noExamples, enabled: false }] : o.examples.map((e) => ({ label: e.title, toolTip: e.description, click: () => o.send(`${OPEN_EXAMPLE_PREFIX}${e.id}`) }));

  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      item(t.new, 'file:new'),
      item(t.open, 'file:open'),
      { label: t.openExample, id: 'file:openExample', submenu: examples },
      { label: t.openRecent, id: 'file:openRecent', submenu: recent },
      item(t.openLesson, 'lesson:open'),
      { type: 'separator' },
      item(t.save, 'file:save'),
      item(t.saveAs, 'file:saveAs'),
      { type: 'separator' },
      item(t.importYaml, 'file:import'),
      item(t.importFolder, 'file:importFolder'),
      item(t.exportYaml, 'file:export'),
      item(t.exportFolder, 'file:exportFolder'),
      { type: 'separator' },
      item(t.exportPng, 'picture:png'),
      item(t.exportSvg, 'picture:svg'),
      ...(mac ? [] : ([{ type: 'separator' }, { role: 'quit', label: t.quit, accelerator: 'CmdOrCtrl+Q' }] satisfies MenuItemConstructorOptions[])),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      item(t.undo, 'edit:undo', 'undo'),
      item(t.redo, 'edit:redo', 'redo'),
      ...hidden(t.redo, 'edit:redo', 'redo'),
      { type: 'separator' },
      item(t.cut, 'edit:cut', 'cut'),
      item(t.copy, 'edit:copy', 'copy'),
      item(t.paste, 'edit:paste', 'paste'),
      item(t.copyPicture, 'picture:copy'),
      item(t.duplicate, 'edit:duplicate'),
      item(t.delete, 'edit:delete'),
      { type: 'separator' },
      item(t.selectAll, 'edit:selectAll', 'selectAll'),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      item(t.zoomIn, 'view:zoomIn'),
      item(t.zoomOut, 'view:zoomOut'),
      item(t.fit, 'view:fit'),
      item(t.autoLayout, 'view:autoLayout'),
      { type: 'separator' },
      item(t.togglePalette, 'view:togglePalette'),
      item(t.toggleInspector, 'view:toggleInspector'),
      item(t.toggleDock, 'view:toggleDock'),
      { type: 'separator' },
      item(t.uiZoomIn, 'view:uiZoomIn'),
      ...hidden(t.uiZoomIn, 'view:uiZoomIn'),
      item(t.uiZoomOut, 'view:uiZoomOut'),
      item(t.uiZoomReset, 'view:uiZoomReset'),
      item(t.presenter, 'view:presenter'),
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(o.devTools ? ([{ role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[]) : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: t.help,
    role: 'help',
    submenu: [item(t.shortcuts, 'help:shortcuts'), ...(mac ? [] : [item(fill(t.about, { name: o.appName }), 'help:about')])],
  };
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [{ label: o.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }]
    : [];
  return [...appMenu, file, edit, view, help];
}

/** Every command id a template sends, for tests and for checking against the command table. */
export function commandIds(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((entry) => [...(entry.id && !entry.role ? [entry.id] : []), ...(Array.isArray(entry.submenu) ? commandIds(entry.submenu) : [])]);
}
