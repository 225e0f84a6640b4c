/**
 * The session around the open design: tells the host about unsaved changes (title mark, close
 * prompt), backs unsaved work up shortly after each change (hot exit), offers a backup back at
 * start-up, opens `?example=<id>`, and passes the native menu's commands to the command registry.
 */
import i18next from 'i18next';
import { runMenuCommand } from '../commands';
import { kubeplanApi } from '../api';
import { replaceDesign, useKubeplanStore } from '../store';
import { displayName, openExample } from './actions';
import { dismiss, notify } from './notices';
import { afterPaint } from '../shell/afterPaint';

/** Unsaved work is backed up this long after the last change. */
export const BACKUP_DELAY_MS = 1500;

let sentTitle: string | undefined;
let titlePending = false;

function syncTitle(): void {
  titlePending = false;
  const { file, design } = useKubeplanStore.getState();
  const title = displayName(file.path, design);
  // Every edit replaces `file`; the host hears only what changed (a title is a round trip to it).
  const key = `${file.dirty ? 1 : 0}${title}`;
  if (key === sentTitle) return;
  sentTitle = key;
  kubeplanApi().setDirty(file.dirty, title);
}

/**
 * Tell the host after the next paint: the first edit of a file flips it dirty (title mark, close
 * prompt), and that should not delay the frame that shows the edit.
 */
function scheduleTitle(): void {
  if (titlePending) return;
  titlePending = true;
  afterPaint(() => {
    if (titlePending) syncTitle();
  });
}

/** Start the session once, at start-up. Returns a function that stops it (tests, hot reload). */
export function startSession(): () => void {
  const api = kubeplanApi();
  let timer: ReturnType<typeof setTimeout> | undefined;
  sentTitle = undefined;
  syncTitle();
  const unsubscribe = useKubeplanStore.subscribe((s, prev) => {
    if (s.file !== prev.file || s.design.name !== prev.design.name) scheduleTitle();
    if (s.design === prev.design && s.file.dirty === prev.file.dirty) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { design, file } = useKubeplanStore.getState();
      void api.backup(file.dirty ? { design, path: file.path } : undefined);
    }, BACKUP_DELAY_MS);
  });
  const offCommand = api.onCommand((c) => runMenuCommand(c));
  void restoreOrOpen();
  return () => {
    clearTimeout(timer);
    unsubscribe();
    offCommand();
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
