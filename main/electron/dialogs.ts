// The Dialogs adapter over Electron's dialog module (the only place handlers meet Electron dialogs).
import type { BrowserWindow } from 'electron';
import { dialog } from 'electron';
import type { Dialogs } from '../core/dialogs';
import type { HostStrings } from './strings';
import { fill } from './strings';

export function electronDialogs(window: () => BrowserWindow | undefined, strings: () => HostStrings): Dialogs {
  return {
    async open({ title, filters, folder, multiple }) {
      const win = window();
      const options: Electron.OpenDialogOptions = {
        title,
        filters,
        properties: [folder ? 'openDirectory' : 'openFile', ...(multiple ? (['multiSelections'] as const) : []), ...(folder ? (['createDirectory'] as const) : [])],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? undefined : result.filePaths;
    },
    async save({ title, defaultPath, filters }) {
      const win = window();
      const options: Electron.SaveDialogOptions = { title, defaultPath, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
    async confirmUnsaved({ name }) {
      const win = window();
      const t = strings();
      const options: Electron.MessageBoxOptions = {
        type: 'warning',
        message: fill(t.unsavedQuestion, { name }),
        detail: t.unsavedDetail,
        buttons: [t.saveButton, t.dontSaveButton, t.cancelButton],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      };
      const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
    },
  };
}
