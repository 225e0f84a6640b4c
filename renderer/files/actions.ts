/**
 * File actions (New, Open, Save, Save As, Import, Export, Open Example) shared by the toolbar,
 * the native menu (`onCommand`) and keyboard shortcuts. On any error the open design is untouched.
 */
import i18next from 'i18next';
import { emptyDesign, type Design } from '../../shared/design/types';
import type { ApiError, OpenedDesign, Result } from '../../shared/ipc/api';
import { kubeplanApi } from '../api';
import { fitToContent } from '../canvas';
import { flushProblems, markSaved, replaceDesign, useKubeplanStore } from '../store';
import { withImplicitFrames } from './frames';
import { errorLine, notify } from './notices';

const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, options ?? {});

function state() {
  return useKubeplanStore.getState();
}

/**
 * The design's display name: on the desktop the file name once saved; in the browser (no real
 * paths, saves are downloads named after the design) always the design's own name.
 */
export function displayName(path: string | undefined, design: Pick<Design, 'name'>): string {
  if (path && kubeplanApi().platform === 'electron') return path.split(/[\\/]/).pop() ?? path;
  return design.name || t('app.untitled');
}

/** Rename the design (the title); an undoable design change. */
export function renameDesign(name: string): void {
  const trimmed = name.trim();
  const { design } = state();
  if (!trimmed || trimmed === design.name) return;
  useKubeplanStore.setState({ design: { ...design, name: trimmed } });
}

/** Ask before throwing away unsaved changes; true = go ahead. */
export function confirmDiscard(): boolean {
  const { file, design } = state();
  if (!file.dirty) return true;
  return window.confirm(t('files.discard', { name: displayName(file.path, design) }));
}

function showError(key: string, error: ApiError): void {
  notify({ tone: 'error', text: t(key, { message: errorLine(error) }), sticky: true });
}

function load(r: Result<OpenedDesign | undefined>, errorKey: string, dirty = false): boolean {
  if (!r.ok) {
    showError(errorKey, r.error);
    return false;
  }
  if (!r.value) return false;
  replaceDesign(r.value.design, r.value.path);
  // Show the whole design once the canvas has drawn it.
  requestAnimationFrame(() => fitToContent());
  // An import is new, unsaved work: mark it dirty so closing asks and the backup keeps it.
  if (dirty) useKubeplanStore.setState((s) => ({ file: { ...s.file, dirty: true, savedDesign: emptyDesign() } }));
  if (r.value.warnings.length > 0) notify({ tone: 'info', text: t('files.warnings', { count: r.value.warnings.length, first: r.value.warnings[0] }) });
  return true;
}

export function newDesign(): void {
  if (!confirmDiscard()) return;
  replaceDesign(emptyDesign(t('app.untitled')));
}

/** Open through the host's dialog, or a known path (Electron's Open Recent). */
export async function openDesign(path?: string): Promise<void> {
  if (!confirmDiscard()) return;
  load(await kubeplanApi().openDesign(path), 'files.openFailed');
}

export async function openExample(id: string): Promise<boolean> {
  if (!confirmDiscard()) return false;
  return load(await kubeplanApi().openExample(id), 'files.openFailed');
}

export async function importManifests(folder = false): Promise<void> {
  if (!confirmDiscard()) return;
  const r = await kubeplanApi().importManifests({ folder });
  if (load(r, 'files.importFailed', true) && r.ok && r.value) {
    const count = r.value.design.resources.length;
    notify(count > 0 ? { tone: 'success', text: t('files.imported', { count }) } : { tone: 'info', text: t('files.nothingImported') });
  }
}

export async function saveDesign(saveAs = false): Promise<boolean> {
  framePlainNamespaces();
  const { design, file } = state();
  const r = await kubeplanApi().saveDesign(design, { path: file.path, saveAs });
  if (!r.ok) {
    showError('files.saveFailed', r.error);
    return false;
  }
  if (r.value === undefined) return false;
  // Only what was written counts as saved: edits made while saving stay dirty.
  if (state().design === design) markSaved(r.value);
  else useKubeplanStore.setState((s) => ({ file: { ...s.file, path: r.value, savedDesign: design } }));
  void kubeplanApi().backup(undefined);
  notify({ tone: 'success', text: t('files.saved', { path: r.value }) });
  return true;
}

/** Give implicit namespaces their frame before saving, outside undo history (see frames.ts). */
function framePlainNamespaces(): void {
  const { design } = state();
  const framed = withImplicitFrames(design);
  if (framed === design) return;
  const history = useKubeplanStore.temporal.getState();
  history.pause();
  useKubeplanStore.setState({ design: framed });
  history.resume();
}

/**
 * A design with errors (what `kubeplan validate` rejects, the API server would refuse) is exported
 * only after the user says so: true = go ahead. Validation runs first if it is behind the edits.
 */
export async function confirmExportWithErrors(): Promise<boolean> {
  await flushProblems();
  const errors = state().problems.list.filter((p) => p.severity === 'error');
  if (errors.length === 0) return true;
  const first = errors[0];
  return window.confirm(t('exportCheck.confirm', { count: errors.length, first: `${first.kind} ${first.namespace ? `${first.namespace}/` : ''}${first.name}: ${first.path ? `${first.path}: ` : ''}${first.message}` }));
}

export async function exportManifests(mode: 'file' | 'folder' = 'file', selectionOnly = false): Promise<void> {
  if (!(await confirmExportWithErrors())) return;
  const { design, selection } = state();
  const r = await kubeplanApi().exportManifests(design, { mode, ids: selectionOnly && selection.length > 0 ? selection : undefined });
  if (!r.ok) showError('files.exportFailed', r.error);
  else if (r.value !== undefined) notify({ tone: 'success', text: t('files.exported', { path: r.value }) });
}
