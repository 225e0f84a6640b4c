/**
 * What each toolbar group offers as menu items: the dropdowns in the toolbar and, for a collapsed
 * group, its section of the "⋯" menu. One list per group, so both always offer the same actions.
 */
import type { TFunction } from 'i18next';
import type { CommandId } from '../../shared/ipc/commands';
import { EXAMPLES } from '../api/examples';
import { execute, getCommand, isEnabled, keyCaps } from '../commands';
import { openExample } from '../files/actions';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { pictureItems } from '../pictures/items';
import type { MenuItem } from './Menu';
import type { ToolbarGroupId } from './toolbarLayout';

/** A menu item that runs a command, worded for its menu, greyed out when the command cannot run. */
export function commandItem(id: string, label: string, command: CommandId): MenuItem {
  const key = getCommand(command).keys?.[0];
  return { id, label, shortcut: key && keyCaps(key).join('+'), disabled: !isEnabled(getCommand(command)), run: () => void execute(command) };
}

const run = (t: TFunction, id: string, command: CommandId) => commandItem(id, t(getCommand(command).labelKey), command);

export const importItems = (t: TFunction) => [commandItem('files', t('toolbar.importFiles'), 'file:import'), commandItem('folder', t('toolbar.importFolder'), 'file:importFolder')];
export const exportItems = (t: TFunction) => [commandItem('file', t('toolbar.exportFile'), 'file:export'), commandItem('folder', t('toolbar.exportFolder'), 'file:exportFolder'), ...pictureItems(t)];
/** Items under a prefix, so ids stay unique when several groups share the "⋯" menu. */
const prefixed = (prefix: string, items: MenuItem[]) => items.map((item) => ({ ...item, id: `${prefix}-${item.id}` }));
export const uiZoomItems = (t: TFunction) => [run(t, 'ui-zoom-in', 'view:uiZoomIn'), run(t, 'ui-zoom-out', 'view:uiZoomOut'), run(t, 'ui-zoom-reset', 'view:uiZoomReset')];

export const exampleItems = (lang: Language): MenuItem[] =>
  EXAMPLES.map((e) => ({ id: e.id, label: e.title[lang] ?? e.title.en, hint: e.description[lang] ?? e.description.en, run: () => void openExample(e.id) }));

export const languageItems = (t: TFunction, lang: Language): MenuItem[] =>
  LANGUAGES.map((l) => ({ id: l, label: t(`language.${l}`), checked: l === lang, run: () => setLanguage(l) }));

/** A collapsed group's items in the "⋯" menu, under the group's name. */
export function overflowItems(group: ToolbarGroupId, t: TFunction, lang: Language, uiZoom: number): MenuItem[] {
  const items: Record<ToolbarGroupId, () => [string, MenuItem[]]> = {
    file: () => [t('toolbar.file'), [run(t, 'new', 'file:new'), run(t, 'open', 'file:open'), run(t, 'save', 'file:save'), run(t, 'save-as', 'file:saveAs'), ...prefixed('import', importItems(t)), ...prefixed('export', exportItems(t))]],
    history: () => [t('toolbar.history'), [run(t, 'undo', 'edit:undo'), run(t, 'redo', 'edit:redo')]],
    view: () => [t('toolbar.view'), [run(t, 'zoom-in', 'view:zoomIn'), run(t, 'zoom-out', 'view:zoomOut'), run(t, 'zoom-reset', 'view:zoomReset'), run(t, 'fit', 'view:fit'), run(t, 'auto-layout', 'view:autoLayout')]],
    help: () => [t('toolbar.help'), [run(t, 'shortcuts', 'help:shortcuts')]],
    examples: () => [t('toolbar.examples'), prefixed('example', exampleItems(lang))],
    uiZoom: () => [`${t('toolbar.interfaceSize')} · ${Math.round(uiZoom * 100)}%`, uiZoomItems(t)],
    language: () => [t('toolbar.language'), prefixed('language', languageItems(t, lang))],
    presenter: () => [t('commands.presenter'), [run(t, 'presenter', 'view:presenter')]],
    simulate: () => [t('simulation.timeline'), [run(t, 'run', 'sim:run'), run(t, 'stop', 'sim:stop')]],
  };
  const [section, list] = items[group]();
  return list.map((item) => ({ ...item, section }));
}
