/**
 * Menu commands the host sends to the renderer (`onCommand`). The browser build's toolbar and
 * shortcuts dispatch the same ids, so one handler serves both.
 */
export const COMMANDS = [
  'file:new',
  'file:open',
  'file:save',
  'file:saveAs',
  'file:import',
  'file:importFolder',
  'file:export',
  'file:exportFolder',
  'edit:undo',
  'edit:redo',
  'edit:cut',
  'edit:copy',
  'edit:paste',
  'edit:duplicate',
  'edit:delete',
  'edit:selectAll',
  'view:zoomIn',
  'view:zoomOut',
  'view:fit',
  'view:autoLayout',
  'view:togglePalette',
  'view:toggleInspector',
  'view:toggleDock',
  'help:shortcuts',
  'help:about',
] as const;

export type Command = (typeof COMMANDS)[number];

/**
 * Commands that carry an argument are sent as `<id>:<arg>`: `file:openPath:<path>` (Open Recent)
 * and `example:<id>` (Open Example ›, the prefix renderer/files/session.ts already handles).
 */
export const OPEN_PATH_PREFIX = 'file:openPath:';
export const OPEN_EXAMPLE_PREFIX = 'example:';

/**
 * Shortcuts shown in (and registered by) the Electron menu. The page sees each key first and the
 * menu acts only on keys the page did not handle (preventDefault), so the renderer may bind the
 * same keys. Keys marked `display` are only shown: the renderer handles them itself, so typing
 * them in a text field is never hijacked.
 */
export const MENU_SHORTCUTS: ReadonlyArray<{ command: Command; accelerator: string; display?: true }> = [
  { command: 'file:new', accelerator: 'CmdOrCtrl+N' },
  { command: 'file:open', accelerator: 'CmdOrCtrl+O' },
  { command: 'file:save', accelerator: 'CmdOrCtrl+S' },
  { command: 'file:saveAs', accelerator: 'CmdOrCtrl+Shift+S' },
  { command: 'file:import', accelerator: 'CmdOrCtrl+I' },
  { command: 'file:export', accelerator: 'CmdOrCtrl+E' },
  { command: 'edit:undo', accelerator: 'CmdOrCtrl+Z' },
  { command: 'edit:redo', accelerator: 'CmdOrCtrl+Shift+Z' },
  { command: 'edit:cut', accelerator: 'CmdOrCtrl+X' },
  { command: 'edit:copy', accelerator: 'CmdOrCtrl+C' },
  { command: 'edit:paste', accelerator: 'CmdOrCtrl+V' },
  { command: 'edit:duplicate', accelerator: 'CmdOrCtrl+D' },
  { command: 'edit:delete', accelerator: 'Delete', display: true },
  { command: 'edit:selectAll', accelerator: 'CmdOrCtrl+A' },
  { command: 'view:zoomIn', accelerator: 'CmdOrCtrl+=' },
  { command: 'view:zoomOut', accelerator: 'CmdOrCtrl+-' },
  { command: 'view:fit', accelerator: 'F', display: true },
  { command: 'view:autoLayout', accelerator: 'CmdOrCtrl+L' },
];

/** Redo's second shortcut (Windows habit), registered as a hidden menu item. */
export const REDO_ALT_ACCELERATOR = 'CmdOrCtrl+Y';
