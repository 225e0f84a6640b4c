/**
 * The dialogs the handlers need, as a thin interface: main/electron implements it with Electron's
 * `dialog`, tests with fakes. Every method resolves `undefined` when the user cancels.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Dialogs {
  /** Pick files (or one folder when `folder`); several when `multiple`. */
  open(options: { title: string; filters?: FileFilter[]; folder?: boolean; multiple?: boolean }): Promise<string[] | undefined>;
  /** Pick where to save a file. */
  save(options: { title: string; defaultPath?: string; filters?: FileFilter[] }): Promise<string | undefined>;
  /** Unsaved changes on close: which button the user chose. */
  confirmUnsaved(options: { name: string }): Promise<'save' | 'discard' | 'cancel'>;
}

export const DESIGN_FILTER: FileFilter = { name: 'Kubeplan design', extensions: ['kubeplan.yaml'] };
export const MANIFEST_FILTER: FileFilter = { name: 'Kubernetes manifests', extensions: ['yaml', 'yml', 'json'] };
export const LESSON_FILTER: FileFilter = { name: 'Kubeplan lesson', extensions: ['lesson.yaml', 'yaml', 'yml'] };
/** Last in open dialogs: macOS matches only a file's last extension, so `*.kubeplan.yaml` may not filter there. */
export const SVG_FILTER: FileFilter = { name: 'SVG picture', extensions: ['svg'] };
export const PNG_FILTER: FileFilter = { name: 'PNG picture', extensions: ['png'] };
export const ALL_FILES_FILTER: FileFilter = { name: 'All files', extensions: ['*'] };
