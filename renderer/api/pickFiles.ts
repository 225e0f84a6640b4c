/** The browser's open dialog: an `<input type=file>` picker, read as text. */
import type { TextFile } from './worker';

/** Files bigger than this are refused before reading, so a stray video cannot freeze the tab. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.yaml,.yml,.json,.kubeplan.yaml';

/** Resolves with the chosen files' text, or undefined when the user cancels. */
export function pickTextFiles(options: { multiple?: boolean; folder?: boolean } = {}): Promise<TextFile[] | undefined> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT;
    input.multiple = options.multiple ?? true;
    if (options.folder) input.webkitdirectory = true;
    input.style.display = 'none';
    document.body.append(input);
    const done = () => input.remove();
    input.addEventListener('cancel', () => {
      done();
      resolve(undefined);
    });
    input.addEventListener('change', () => {
      const all = [...(input.files ?? [])];
      done();
      // In a folder, only manifests count; other files are not ours to read.
      const files = options.folder ? all.filter((f) => /\.(ya?ml|json)$/i.test(f.name)) : all;
      const tooBig = files.find((f) => f.size > MAX_FILE_BYTES);
      if (tooBig) {
        reject(new Error(`${tooBig.name}: file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`));
        return;
      }
      Promise.all(files.map(async (f) => ({ name: f.webkitRelativePath || f.name, text: await f.text() }))).then(resolve, reject);
    });
    input.click();
  });
}
