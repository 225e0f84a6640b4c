/**
 * Every user command's identity: id, label key, keys, modes and place in the desktop app's native
 * menu. Plain data, so the native menu (main) and the command registry (renderer, which adds
 * `enabled` and `perform`) read one table. The menu sends an id to the renderer (`onCommand`); the
 * renderer's toolbar, shortcuts and menus run the same id. See docs/architecture.md, "How to add a
 * command".
 *
 * Keys are written `Mod+Shift+Z`: `Mod` is Ctrl (Cmd on macOS); a key is a letter, a digit, a
 * DOM key name (`Delete`, `ArrowLeft`) or a symbol (`Plus` for `+`). Shift is part of a symbol,
 * so `?` and `Plus` match whichever Shift state types them.
 */

/** What the user is doing: designing, running the simulation, following a lesson. */
export const MODES = ['design', 'simulate', 'lesson'] as const;
export type Mode = (typeof MODES)[number];

/** Modes the app offers: `simulate` is entered by Run (sim:run), `lesson` by starting a lesson. */
export const ACTIVE_MODES: readonly Mode[] = ['design', 'simulate', 'lesson'];

export interface CommandSpec {
  readonly id: string;
  /** i18next key of its label in the renderer (renderer/i18n). */
  readonly labelKey: string;
  /** The modes the command is available in. */
  readonly modes: readonly Mode[];
  /** Keys the page handles; the first is the one tooltips and the shortcuts dialog show. */
  readonly keys?: readonly string[];
  /**
   * In the native menu. `key` is the shortcut it shows: by default the first of `keys` with a
   * modifier, else the first key. A key given here but not in `keys` only the desktop app binds
   * (a browser tab keeps Ctrl+N and Ctrl+L). `hidden` keys are registered by invisible items.
   */
  readonly menu?: { readonly key?: string; readonly hidden?: readonly string[] };
}

const ALL: readonly Mode[] = MODES;
const DESIGN: readonly Mode[] = ['design'];
/** Design edits a lesson may ask for (add a card, undo it); other edits stay in design mode. */
const EDIT_IN_LESSON: readonly Mode[] = ['design', 'lesson'];
/** While a lesson runs: its own mode, and simulate mode when the lesson has started the simulation. */
const LESSON: readonly Mode[] = ['lesson', 'simulate'];

export const COMMAND_SPECS = [
  { id: 'file:new', labelKey: 'toolbar.new', modes: ALL, menu: { key: 'Mod+N' } },
  { id: 'file:open', labelKey: 'toolbar.open', modes: ALL, keys: ['Mod+O'], menu: {} },
  { id: 'file:save', labelKey: 'toolbar.save', modes: ALL, keys: ['Mod+S'], menu: {} },
  { id: 'file:saveAs', labelKey: 'toolbar.saveAs', modes: ALL, keys: ['Mod+Shift+S'], menu: {} },
  { id: 'file:import', labelKey: 'toolbar.import', modes: DESIGN, keys: ['Mod+I'], menu: {} },
  { id: 'file:importFolder', labelKey: 'toolbar.importFolder', modes: DESIGN, menu: {} },
  { id: 'file:export', labelKey: 'toolbar.export', modes: ALL, keys: ['Mod+E'], menu: {} },
  { id: 'file:exportFolder', labelKey: 'toolbar.exportFolder', modes: ALL, menu: {} },
  { id: 'edit:undo', labelKey: 'canvas.actions.undo', modes: EDIT_IN_LESSON, keys: ['Mod+Z'], menu: {} },
  { id: 'edit:redo', labelKey: 'canvas.actions.redo', modes: EDIT_IN_LESSON, keys: ['Mod+Shift+Z', 'Mod+Y'], menu: { hidden: ['Mod+Y'] } },
  { id: 'edit:cut', labelKey: 'commands.cut', modes: DESIGN, menu: { key: 'Mod+X' } },
  // From the palette (click, Enter, drag and drop), with the kind and where: no key of its own.
  { id: 'design:addResource', labelKey: 'commands.addResource', modes: EDIT_IN_LESSON },
  // Plain letters act only outside text fields; Ctrl/Cmd+C/V/D do the same, as every editor does.
  { id: 'edit:copy', labelKey: 'canvas.actions.copy', modes: DESIGN, keys: ['C', 'Mod+C'], menu: {} },
  { id: 'edit:paste', labelKey: 'canvas.actions.paste', modes: DESIGN, keys: ['V', 'Mod+V'], menu: {} },
  { id: 'edit:duplicate', labelKey: 'canvas.actions.duplicate', modes: DESIGN, keys: ['D', 'Mod+D'], menu: {} },
  { id: 'edit:delete', labelKey: 'canvas.actions.delete', modes: DESIGN, keys: ['Delete', 'Backspace'], menu: {} },
  { id: 'edit:selectAll', labelKey: 'canvas.actions.selectAll', modes: ALL, keys: ['Mod+A'], menu: {} },
  // Shift moves ten times as far (the command reads the key event).
  { id: 'edit:nudgeLeft', labelKey: 'canvas.actions.nudgeLeft', modes: DESIGN, keys: ['ArrowLeft', 'Shift+ArrowLeft'] },
  { id: 'edit:nudgeRight', labelKey: 'canvas.actions.nudgeRight', modes: DESIGN, keys: ['ArrowRight', 'Shift+ArrowRight'] },
  { id: 'edit:nudgeUp', labelKey: 'canvas.actions.nudgeUp', modes: DESIGN, keys: ['ArrowUp', 'Shift+ArrowUp'] },
  { id: 'edit:nudgeDown', labelKey: 'canvas.actions.nudgeDown', modes: DESIGN, keys: ['ArrowDown', 'Shift+ArrowDown'] },
  { id: 'view:fit', labelKey: 'canvas.actions.fit', modes: ALL, keys: ['F'], menu: {} },
  // The canvas zooms with plain +/-/0 and the wheel; Ctrl+=/-/0 size the whole interface, as
  // browsers and VS Code do.
  { id: 'view:zoomIn', labelKey: 'canvas.actions.zoomIn', modes: ALL, keys: ['=', 'Plus'], menu: {} },
  { id: 'view:zoomOut', labelKey: 'canvas.actions.zoomOut', modes: ALL, keys: ['-', '_'], menu: {} },
  { id: 'view:zoomReset', labelKey: 'canvas.actions.zoomReset', modes: ALL, keys: ['0'] },
  { id: 'view:autoLayout', labelKey: 'canvas.actions.autoLayout', modes: DESIGN, keys: ['Shift+L'], menu: { key: 'Mod+L' } },
  { id: 'view:uiZoomIn', labelKey: 'commands.uiZoomIn', modes: ALL, keys: ['Mod+=', 'Mod+Plus'], menu: { hidden: ['Mod+Plus'] } },
  { id: 'view:uiZoomOut', labelKey: 'commands.uiZoomOut', modes: ALL, keys: ['Mod+-'], menu: {} },
  { id: 'view:uiZoomReset', labelKey: 'commands.uiZoomReset', modes: ALL, keys: ['Mod+0'], menu: {} },
  // F5 starts a slideshow in presentation programs; Escape leaves, as it leaves full screen.
  { id: 'view:presenter', labelKey: 'commands.presenter', modes: ALL, keys: ['F5'], menu: {} },
  { id: 'view:exitPresenter', labelKey: 'commands.exitPresenter', modes: ALL, keys: ['Escape'] },
  { id: 'view:togglePalette', labelKey: 'commands.togglePalette', modes: ALL, menu: {} },
  { id: 'view:toggleInspector', labelKey: 'commands.toggleInspector', modes: ALL, menu: {} },
  { id: 'view:toggleDock', labelKey: 'commands.toggleDock', modes: ALL, menu: {} },
  { id: 'help:shortcuts', labelKey: 'help.shortcuts', modes: ALL, keys: ['?'], menu: {} },
  { id: 'help:about', labelKey: 'commands.about', modes: ALL, menu: {} },
  // The simulation: Run from design (or again while simulating), and the timeline's controls.
  { id: 'sim:run', labelKey: 'simulation.run', modes: ['design', 'simulate'], keys: ['F6'] },
  { id: 'sim:stop', labelKey: 'simulation.stop', modes: ['simulate'], keys: ['Shift+F6'] },
  { id: 'sim:playPause', labelKey: 'simulation.playPause', modes: ['simulate'], keys: ['K'] },
  { id: 'sim:stepBack', labelKey: 'simulation.stepBack', modes: ['simulate'], keys: ['ArrowLeft'] },
  { id: 'sim:stepForward', labelKey: 'simulation.stepForward', modes: ['simulate'], keys: ['ArrowRight'] },
  { id: 'sim:toStart', labelKey: 'simulation.toStart', modes: ['simulate'], keys: ['Home'] },
  { id: 'sim:toEnd', labelKey: 'simulation.toEnd', modes: ['simulate'], keys: ['End'] },
  // Live actions on a run that reached its end (renderer/simulation/actions.ts): ] and [ scale the
  // selected workload up and down, Delete deletes one of its pods, Ctrl+Enter re-applies the design.
  { id: 'simulate:scaleUp', labelKey: 'live.scaleUp', modes: ['simulate'], keys: [']'] },
  { id: 'simulate:scaleDown', labelKey: 'live.scaleDown', modes: ['simulate'], keys: ['['] },
  { id: 'simulate:scale', labelKey: 'live.scale', modes: ['simulate'] },
  { id: 'simulate:setImage', labelKey: 'live.setImage', modes: ['simulate'] },
  { id: 'simulate:rollback', labelKey: 'live.rollback', modes: ['simulate'] },
  { id: 'simulate:deletePod', labelKey: 'live.deletePod', modes: ['simulate'], keys: ['Delete'] },
  { id: 'simulate:cordon', labelKey: 'live.nodes.cordon', modes: ['simulate'] },
  { id: 'simulate:uncordon', labelKey: 'live.nodes.uncordon', modes: ['simulate'] },
  { id: 'simulate:drain', labelKey: 'live.nodes.drain', modes: ['simulate'] },
  { id: 'simulate:applyAgain', labelKey: 'live.applyAgain', modes: ['simulate'], keys: ['Mod+Shift+Enter'] },
  { id: 'simulate:reapply', labelKey: 'live.reapply', modes: ['simulate'], keys: ['Mod+Enter'] },
  { id: 'cluster:addNode', labelKey: 'live.nodes.add', modes: ['design', 'simulate'] },
  { id: 'cluster:editNode', labelKey: 'live.nodes.edit', modes: ['design', 'simulate'] },
  // Traffic flows are part of the design (undoable) and are edited while designing, simulating or following a lesson.
  { id: 'traffic:addFlow', labelKey: 'traffic.add', modes: ['design', 'simulate', 'lesson'] },
  { id: 'traffic:editFlow', labelKey: 'traffic.edit', modes: ['design', 'simulate', 'lesson'] },
  { id: 'traffic:removeFlow', labelKey: 'traffic.remove', modes: ['design', 'simulate', 'lesson'] },
  // Opens the Traffic tab on the connectivity matrix.
  { id: 'view:connectivity', labelKey: 'traffic.matrix', modes: ALL, keys: ['Shift+M'] },
  // Lessons (docs/lessons.md): a presentation clicker sends →, Space or PageDown to advance, ← or PageUp to go back.
  { id: 'lesson:open', labelKey: 'lessons.open', modes: ALL, menu: {} },
  { id: 'lesson:next', labelKey: 'lessons.next', modes: LESSON, keys: ['Space', 'PageDown'] },
  { id: 'lesson:previous', labelKey: 'lessons.previous', modes: LESSON, keys: ['PageUp'] },
  // While a lesson is open the arrows page it, also over its running simulation (a clicker sends
  // them); without a lesson they step the simulation's timeline. The two share the keys in simulate
  // mode and split them by `keyApplies` (renderer/commands/registry.ts).
  { id: 'lesson:nextArrow', labelKey: 'lessons.next', modes: LESSON, keys: ['ArrowRight'] },
  { id: 'lesson:previousArrow', labelKey: 'lessons.previous', modes: LESSON, keys: ['ArrowLeft'] },
  { id: 'lesson:close', labelKey: 'lessons.close', modes: LESSON },
  // The kubectl console (docs/kubectl.md): bring its tab forward and give it the keyboard, as Ctrl+` opens VS Code's terminal.
  { id: 'console:focus', labelKey: 'console.focus', modes: ALL, keys: ['Mod+`'] },
  // Pictures for slides (renderer/pictures): the canvas as PNG or SVG, or copied as an image.
  { id: 'picture:png', labelKey: 'pictures.png', modes: ALL, keys: ['Mod+Shift+E'], menu: {} },
  { id: 'picture:svg', labelKey: 'pictures.svg', modes: ALL, keys: ['Mod+Alt+Shift+E'], menu: {} },
  { id: 'picture:copy', labelKey: 'pictures.copy', modes: ALL, keys: ['Mod+Shift+C'], menu: {} },
  // The CPU load clients put on a workload (the scenario step setLoad), for a HorizontalPodAutoscaler lesson.
  { id: 'simulate:setLoad', labelKey: 'lessonSteps.setLoad', modes: ['simulate'] },
  // End a container's process on the live cluster (the scenario step crash; `kubectl exec -- kill 1` as another user).
  { id: 'simulate:crashContainer', labelKey: 'live.crashContainer', modes: ['simulate'] },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMAND_SPECS)[number]['id'];

export const COMMANDS: readonly CommandId[] = COMMAND_SPECS.map((c) => c.id);

const BY_ID = new Map<string, CommandSpec>(COMMAND_SPECS.map((c) => [c.id, c]));

export function commandSpec(id: CommandId): CommandSpec;
export function commandSpec(id: string): CommandSpec | undefined;
export function commandSpec(id: string): CommandSpec | undefined {
  return BY_ID.get(id);
}

export function isCommandId(id: string): id is CommandId {
  return BY_ID.has(id);
}

/**
 * Commands that carry an argument are sent as `<prefix><arg>`: `file:openPath:<path>` (Open
 * Recent) and `example:<id>` (Open Example ›).
 */
export const OPEN_PATH_PREFIX = 'file:openPath:';
export const OPEN_EXAMPLE_PREFIX = 'example:';


/** A key's parts: `Mod+Shift+Z` → modifiers Mod, Shift and key `Z`. */
export function parseKey(key: string): { modifiers: string[]; key: string } {
  const parts = key.split('+');
  return { modifiers: parts.slice(0, -1), key: parts.at(-1)! };
}

/** Whether a key has a modifier other than Shift (the menu registers only those). */
export function hasModifier(key: string): boolean {
  return parseKey(key).modifiers.some((m) => m === 'Mod' || m === 'Alt');
}

/** The shortcut the native menu shows for a command, if it is in the menu and has one. */
export function menuKey(spec: CommandSpec): string | undefined {
  if (!spec.menu) return undefined;
  return spec.menu.key ?? spec.keys?.find(hasModifier) ?? spec.keys?.[0];
}

/**
 * Keys the native menu registers: its items' keys with a modifier, and the hidden ones. Single
 * keys (Delete, F) are only shown, so typing them in a text field is never hijacked. The page
 * sees each key first; in the desktop app it leaves these to the menu, or one press would act twice.
 */
export function menuRegisteredKeys(specs: readonly CommandSpec[] = COMMAND_SPECS): string[] {
  return specs.flatMap((s) => {
    const shown = menuKey(s);
    return [...(shown && hasModifier(shown) ? [shown] : []), ...(s.menu?.hidden ?? [])];
  });
}

/** An Electron accelerator for a key: `Mod+Shift+Z` → `CmdOrCtrl+Shift+Z`. */
export function toAccelerator(key: string): string {
  const { modifiers, key: k } = parseKey(key);
  const mods = modifiers.map((m) => (m === 'Mod' ? 'CmdOrCtrl' : m));
  return [...mods, k].join('+');
}
