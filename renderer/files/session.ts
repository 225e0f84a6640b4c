/**
 * The session around the open design: tells the host about unsaved changes (title mark, close
 * prompt), backs unsaved work up shortly after each change (hot exit), offers a backup back at
 * start-up, opens `?example=<id>`, and routes menu commands and file shortcuts to actions.
 */
import i18next from 'i18next';
import { OPEN_EXAMPLE_PREFIX, OPEN_PATH_PREFIX } from '../../shared/ipc/commands';
import { runAction, type ActionName } from '../actions';
import { isTypingTarget } from '../canvas/typing';
import { kubeplanApi } from '../api';
import { replaceDesign, useKubeplanStore } from '../store';
import { displayName, exportManifests, importManifests, newDesign, openDesign, openExample, saveDesign } from './actions';
import { dismiss, notify } from './notices';
import { togglePanel } from './panels';
import { openShortcuts } from '../panels/ShortcutsDialog';

/** Unsaved work is backed up this long after the last change. */
export const BACKUP_DELAY_MS = 1500;

type Command = () => unknown;

const action = (name: ActionName): Command => () => runAction(name);

/** Menu command → action (shared/ipc/commands.ts names them). */
const commands = new Map<string, Command>([
  ['file:new', newDesign],
  ['file:open', () => openDesign()],
  ['file:save', () => saveDesign(false)],
  ['file:saveAs', () => saveDesign(true)],
  ['file:import', () => importManifests(false)],
  ['file:importFolder', () => importManifests(true)],
  ['file:export', () => exportManifests('file')],
  ['file:exportFolder', () => exportManifests('folder')],
  ['edit:undo', action('undo')],
  ['edit:redo', action('redo')],
  ['edit:copy', action('copy')],
  ['edit:cut', () => runAction('copy') && runAction('delete')],
  ['edit:paste', action('paste')],
  ['edit:duplicate', action('duplicate')],
  ['edit:delete', action('delete')],
  ['edit:selectAll', action('selectAll')],
  ['view:zoomIn', action('zoomIn')],
  ['view:zoomOut', action('zoomOut')],
  ['view:fit', action('fit')],
  ['view:autoLayout', action('autoLayout')],
  ['view:togglePalette', () => togglePanel('palette')],
  ['view:toggleInspector', () => togglePanel('inspector')],
  ['view:toggleDock', () => togglePanel('dock')],
  ['help:shortcuts', openShortcuts],
  ['help:about', () => notify({ tone: 'info', text: i18next.t('help.about') })],
]);

export function runCommand(name: string): boolean {
  if (name.startsWith(OPEN_EXAMPLE_PREFIX)) {
    void openExample(name.slice(OPEN_EXAMPLE_PREFIX.length));
    return true;
  }
  if (name.startsWith(OPEN_PATH_PREFIX)) {
    void openDesign(name.slice(OPEN_PATH_PREFIX.length));
    return true;
  }
  // In a text field the native edit role (undo typing, copy text) wins over the design's.
  if (name.startsWith('edit:') && isTypingTarget(document.activeElement)) return false;
  const run = commands.get(name);
  if (!run) return false;
  void run();
  return true;
}

/** The browser has no menu: Ctrl/Cmd+O, S, Shift+S, I, E run the file commands (Electron's menu does it there). */
export function fileShortcut(e: KeyboardEvent): string | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
  const k = e.key.toLowerCase();
  if (k === 's') return e.shiftKey ? 'file:saveAs' : 'file:save';
  if (e.shiftKey) return undefined;
  return ({ o: 'file:open', i: 'file:import', e: 'file:export' } as Record<string, string>)[k];
}

function syncTitle(): void {
  const { file, design } = useKubeplanStore.getState();
  kubeplanApi().setDirty(file.dirty, displayName(file.path, design));
}

/** Start the session once, at start-up. Returns a function that stops it (tests, hot reload). */
export function startSession(): () => void {
  const api = kubeplanApi();
  let timer: ReturnType<typeof setTimeout> | undefined;
  syncTitle();
  const unsubscribe = useKubeplanStore.subscribe((s, prev) => {
    if (s.file !== prev.file || s.design.name !== prev.design.name) syncTitle();
    if (s.design === prev.design && s.file.dirty === prev.file.dirty) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { design, file } = useKubeplanStore.getState();
      void api.backup(file.dirty ? { design, path: file.path } : undefined);
    }, BACKUP_DELAY_MS);
  });
  const offCommand = api.onCommand((c) => runCommand(c));
  const onKey = (e: KeyboardEvent) => {
    const command = fileShortcut(e);
    if (command && runCommand(command)) e.preventDefault();
  };
  if (api.platform === 'browser') window.addEventListener('keydown', onKey);
  void restoreOrOpen();
  return () => {
    clearTimeout(timer);
    unsubscribe();
    offCommand();
    window.removeEventListener('keydown', onKey);
  };
}

async function restoreOrOpen(): Promise<void> {
  const api = kubeplanApi();
  const example = new URLSearchParams(window.location.search).get('example');
  const backup = await api.takeBackup();
  if (example) await openExample(example);
  if (!backup.ok || !backup.value) return;
  const saved = backup.value;
  const when = new Date(saved.savedAt).toLocaleString(i18next.language);
  const id = notify({
    tone: 'info',
    sticky: true,
    text: i18next.t('files.restore', { when }),
    // Dismissed means not wanted: forget it so the next start does not ask again.
    onDismiss: () => void api.settleBackup(),
    action: {
      label: i18next.t('files.restoreAction'),
      run: () => {
        dismiss(id);
        replaceDesign(saved.design, saved.path);
        // The restored work is still unsaved.
        useKubeplanStore.setState((s) => ({ file: { ...s.file, dirty: true, savedDesign: { ...saved.design } } }));
        // Back it up as this session's work first, then let the offer go: it is never off disk.
        const { design, file } = useKubeplanStore.getState();
        void api.backup({ design, path: file.path }).then((r) => {
          if (r.ok) void api.settleBackup();
        });
      },
    },
  });
}
