/**
 * `KubeplanApi` in a plain browser: open through a file picker, save and export as downloads,
 * recent files and the hot-exit backup in localStorage, heavy work in a web worker.
 * Export "folder" mode downloads one multi-document file per namespace (`<design>-<namespace>.yaml`),
 * since a browser cannot write a folder without a zip library.
 * Simulations run in a web worker of their own per run (see workerClient.ts).
 */
import type { Design } from '../../shared/design/types';
import type { ApiError, ExampleInfo, KubeplanApi, OpenedDesign, RecentFile, Result } from '../../shared/ipc/api';
import { downloadBytes, downloadText, fileStem } from './download';
import { EXAMPLES, exampleText } from './examples';
import { parseDesignText, serializeDesign } from './formats';
import { pickTextFiles } from './pickFiles';
import { createSimulationClient, heavyWork } from './workerClient';
import type { ReadResult } from './worker';

const RECENT_KEY = 'kubeplan.recent';
const BACKUP_KEY = 'kubeplan.backup';
/** The backup offered back at start-up, kept until restored or discarded (as main does on disk). */
const OFFERED_BACKUP_KEY = 'kubeplan.backup.offered';
const RECENT_MAX = 10;

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (error: ApiError): Result<never> => ({ ok: false, error });

function errorOf(e: unknown, code = 'io'): ApiError {
  return { message: e instanceof Error ? e.message : String(e), code };
}

function readJson<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

function remember(name: string): void {
  const list = (readJson<RecentFile[]>(RECENT_KEY) ?? []).filter((r) => r.path !== name);
  list.unshift({ path: name, name, openedAt: new Date().toISOString() });
  localStorage.setItem(RECENT_KEY, JSON.stringify(list.slice(0, RECENT_MAX)));
}

function opened(r: ReadResult): Result<OpenedDesign> {
  if (r.kind === 'error') return fail({ ...r.error, code: 'yaml' });
  if (r.kind === 'design') {
    remember(r.file);
    return ok({ design: r.design, path: r.file, warnings: r.warnings });
  }
  return ok({ design: r.design, warnings: r.warnings });
}

function designObjects(design: Design, ids?: string[]) {
  const wanted = ids ? new Set(ids) : undefined;
  return design.resources.filter((r) => !wanted || wanted.has(r.id)).map((r) => r.object);
}

let simulations: ReturnType<typeof createSimulationClient> | undefined;

let beforeUnload: ((e: BeforeUnloadEvent) => void) | undefined;

export function createBrowserApi(): KubeplanApi {
  return {
    platform: 'browser',
    async openDesign() {
      try {
        const files = await pickTextFiles({ multiple: true });
        if (!files || files.length === 0) return ok(undefined);
        return opened(await heavyWork().readFiles(files, fileStem(files[0]!.name.replace(/\.(ya?ml|json)$/i, ''))));
      } catch (e) {
        return fail(errorOf(e));
      }
    },
    async saveDesign(design) {
      try {
        // A download has no path to return to: it is always named after the design.
        const name = `${fileStem(design.name)}.kubeplan.yaml`;
        downloadText(name, await heavyWork().serializeDesign(design));
        remember(name);
        return ok(name);
      } catch (e) {
        return fail(errorOf(e));
      }
    },
    async importManifests(options) {
      try {
        const files = await pickTextFiles({ multiple: true, folder: options.folder });
        if (!files || files.length === 0) return ok(undefined);
        const stem = options.folder ? (files[0]!.name.split('/')[0] ?? 'imported') : fileStem(files[0]!.name.replace(/\.(ya?ml|json)$/i, ''));
        const r = await heavyWork().readFiles(files, stem, { folder: options.folder === true });
        // Import always makes a new, unsaved design, even from a design file.
        return r.kind === 'error' ? fail({ ...r.error, code: 'yaml' }) : ok({ design: r.design, warnings: r.warnings });
      } catch (e) {
        return fail(errorOf(e));
      }
    },
    async exportManifests(design, options) {
      try {
        const objects = designObjects(design, options.ids);
        const stem = fileStem(design.name);
        if (options.mode === 'file') {
          const name = `${stem}.yaml`;
          downloadText(name, await heavyWork().exportYaml(objects));
          return ok(name);
        }
        const files = await heavyWork().exportByNamespace(objects);
        for (const [file, text] of files) downloadText(`${stem}-${file}`, text);
        return ok(files.map(([f]) => `${stem}-${f}`).join(', '));
      } catch (e) {
        return fail(errorOf(e));
      }
    },
    async listExamples() {
      return ok(EXAMPLES.map((e): ExampleInfo => ({ id: e.id, title: e.title.en, description: e.description.en })));
    },
    async openExample(id) {
      const text = exampleText(id);
      if (text === undefined) return fail({ message: `no example named "${id}"`, code: 'not-found' });
      const r = parseDesignText(text, `${id}.kubeplan.yaml`);
      return 'error' in r ? fail({ ...r.error, code: 'yaml' }) : ok({ design: r.design, warnings: r.warnings });
    },
    async listRecent() {
      return ok(readJson<RecentFile[]>(RECENT_KEY) ?? []);
    },
    async backup(snapshot) {
      try {
        if (!snapshot) localStorage.removeItem(BACKUP_KEY);
        else localStorage.setItem(BACKUP_KEY, JSON.stringify({ text: serializeDesign(snapshot.design), path: snapshot.path, savedAt: new Date().toISOString() }));
        return ok(undefined);
      } catch (e) {
        return fail(errorOf(e));
      }
    },
    async takeBackup() {
      const left = localStorage.getItem(BACKUP_KEY);
      if (left !== null) {
        localStorage.setItem(OFFERED_BACKUP_KEY, left);
        localStorage.removeItem(BACKUP_KEY);
      }
      const b = readJson<{ text: string; path?: string; savedAt: string }>(OFFERED_BACKUP_KEY);
      const r = typeof b?.text === 'string' ? parseDesignText(b.text, 'backup') : undefined;
      if (!b || !r || 'error' in r) {
        localStorage.removeItem(OFFERED_BACKUP_KEY);
        return ok(undefined);
      }
      return ok({ design: r.design, path: b.path, savedAt: b.savedAt });
    },
    async settleBackup() {
      localStorage.removeItem(OFFERED_BACKUP_KEY);
      return ok(undefined);
    },
    setDirty(dirty, title) {
      document.title = `${dirty ? '● ' : ''}${title} — Kubeplan`;
      if (dirty && !beforeUnload) {
        beforeUnload = (e) => e.preventDefault();
        window.addEventListener('beforeunload', beforeUnload);
      } else if (!dirty && beforeUnload) {
        window.removeEventListener('beforeunload', beforeUnload);
        beforeUnload = undefined;
      }
    },
    // A browser has no native menu; the toolbar and keyboard shortcuts call the actions directly.
    onCommand() {
      return () => undefined;
    },
    runSimulation(request, onFrames) {
      simulations ??= createSimulationClient();
      return simulations.run(request, onFrames);
    },
    async savePicture({ format, name, data }) {
      // A browser downloads; the browser chooses where (its Downloads folder or a prompt).
      try {
        const file = `${fileStem(name)}.${format}`;
        if (format === 'svg') downloadText(file, data, 'image/svg+xml');
        else downloadBytes(file, Uint8Array.from(atob(data), (c) => c.charCodeAt(0)), 'image/png');
        return ok(file);
      } catch (e) {
        return fail(errorOf(e));
      }
    },
    async traceTraffic(design) {
      try {
        return await heavyWork().traceTraffic(design);
      } catch (e) {
        return fail(errorOf(e));
      }
    },
    async cancelSimulation(runId) {
      return ok(simulations?.cancel(runId) ?? false);
    },
    async actSimulation(runId, action) {
      simulations ??= createSimulationClient();
      return simulations.act(runId, action);
    },
    async kubectlSimulation(request) {
      simulations ??= createSimulationClient();
      return simulations.kubectl(request);
    },
    async observeSimulation(runId, query) {
      simulations ??= createSimulationClient();
      return simulations.observe(runId, query);
    },
  };
}
