/**
 * The host's handler logic for every invoke channel: dialogs, files, recent files, backups and
 * the worker, all injected so it runs in plain Node under test. Each handler gets a payload that
 * main/electron already validated against shared/ipc/schemas and returns a Result.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MAX_LESSON_BYTES } from '../../shared/lessons/parse';
import type { RecentFile, Result, SimulationFrames } from '../../shared/ipc/api';
import { INVOKE } from '../../shared/ipc/channels';
import type { InvokePayloads, InvokeValues } from '../../shared/ipc/contract';
import type { BackupStore } from './backup';
import type { Dialogs } from './dialogs';
import { ALL_FILES_FILTER, DESIGN_FILTER, LESSON_FILTER, MANIFEST_FILTER, PNG_FILTER, SVG_FILTER } from './dialogs';
import { examplePath, listExamples } from './examples';
import { writeFileAtomic } from './files';
import { PathGrants } from './grants';
import type { RecentFiles } from './recent';
import { fail, ok, toApiError } from './result';
import type { HeavyWork } from './workerClient';
import type { WriteFile } from './writer';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface HostDeps {
  dialogs: Dialogs;
  work: HeavyWork;
  recent: RecentFiles;
  backups: BackupStore;
  write: WriteFile;
  examplesDir: string;
  /** How a PNG picture is written (atomically, as `write`); tests inject a failing one. */
  writeBytes?: (path: string, data: Uint8Array) => Promise<void>;
  grants?: PathGrants;
  /** The recent list changed (the menu's Open Recent is rebuilt). */
  onRecentChanged?: (recent: RecentFile[]) => void;
  /** A save asked for ended without writing (the close guard stops waiting). */
  onSaveAbandoned?: () => void;
  /** A design was written (the close guard waits a moment for the page to report it clean). */
  onSaved?: (path: string) => void;
}

/** What a handler may do besides answering: push frames to the window that asked. */
export interface HandlerContext {
  sendFrames(batch: SimulationFrames): void;
}

export type Handler<C extends keyof InvokePayloads> = (payload: InvokePayloads[C], ctx: HandlerContext) => Promise<Result<InvokeValues[C]>>;
export type Handlers = { [C in keyof InvokePayloads]: Handler<C> };

export function createHandlers(deps: HostDeps): Handlers {
  const grants = deps.grants ?? new PathGrants();
  const runs = new Map<string, AbortController>();

  const remember = async (path: string) => {
    grants.grant(path);
    try {
      // (Not `onRecentChanged?.(await …)`: optional call skips evaluating its argument.)
      const list = await deps.recent.add(path);
      deps.onRecentChanged?.(list);
    } catch {
      // Recent files are a convenience: failing to record one never fails the open or save.
    }
  };
  const forget = async (path: string) => {
    try {
      await deps.recent.remove(path);
      deps.onRecentChanged?.(await deps.recent.list());
    } catch {
      // As above: never fails the request.
    }
  };
  const refuse = (path: string) => fail({ message: `${path}: not opened through a dialog in this session`, file: path, code: 'forbidden' });
  // The only ways a path becomes usable: a native dialog, the command line or the OS (granted by
  // main), or main's own recent-files list. Nothing the renderer sends widens this set.
  const allowed = async (path: string) => grants.has(path) || (await isRecent(deps.recent, path));

  return {
    async [INVOKE.openDesign]({ path }) {
      if (path && !(await allowed(path))) return refuse(path);
      const chosen = path ?? (await deps.dialogs.open({ title: 'Open design or manifests', filters: [DESIGN_FILTER, MANIFEST_FILTER, ALL_FILES_FILTER] }))?.[0];
      if (!chosen) return ok(undefined);
      const opened = await deps.work.call('openPath', { path: chosen });
      if (!opened.ok) {
        // A recent file that is gone or unreadable leaves the list.
        if (path && opened.error.code === 'io' && (await isRecent(deps.recent, path))) await forget(path);
        return opened;
      }
      await remember(chosen);
      return opened;
    },

    async [INVOKE.saveDesign]({ design, path, saveAs }) {
      if (path && !saveAs && !(await allowed(path))) return refuse(path);
      // A design opened from `x.yaml` is saved as `x.kubeplan.yaml`, a file nobody chose: ask.
      const askWhere = saveAs || !path || !(await allowed(withDesignExtension(path)));
      const picked = askWhere ? await deps.dialogs.save({ title: 'Save design', defaultPath: path ? withDesignExtension(path) : `${design.name || 'Untitled'}.kubeplan.yaml`, filters: [DESIGN_FILTER] }) : path;
      if (!picked) {
        deps.onSaveAbandoned?.();
        return ok(undefined);
      }
      const target = withDesignExtension(picked);
      const text = await deps.work.call('serialize', { design });
      if (!text.ok) {
        deps.onSaveAbandoned?.();
        return text;
      }
      try {
        await deps.write(target, text.value);
      } catch (err) {
        deps.onSaveAbandoned?.();
        return fail(toApiError(err, target));
      }
      await remember(target);
      deps.onSaved?.(target);
      return ok(target);
    },

    async [INVOKE.validateDesign]({ design }) {
      return deps.work.call('validate', { design });
    },

    async [INVOKE.traceTraffic]({ design }) {
      return deps.work.call('traceTraffic', { design });
    },

    // Open Lesson… (File menu, Lessons tab): the renderer parses the text and reports file:line errors.
    async [INVOKE.openLesson]() {
      const chosen = (await deps.dialogs.open({ title: 'Open lesson', filters: [LESSON_FILTER, ALL_FILES_FILTER] }))?.[0];
      if (!chosen) return ok(undefined);
      try {
        const info = await stat(chosen);
        if (info.size > MAX_LESSON_BYTES) return fail({ message: `${basename(chosen)}: a lesson file is at most ${MAX_LESSON_BYTES / 1024} KiB`, file: chosen, code: 'too-large' });
        return ok({ name: basename(chosen), text: await readFile(chosen, 'utf8') });
      } catch (err) {
        return fail(toApiError(err, chosen));
      }
    },

    async [INVOKE.importManifests]({ paths, folder }) {
      const refused = paths?.find((p) => !grants.has(p));
      if (refused) return refuse(refused);
      const chosen = paths ?? (await deps.dialogs.open({ title: folder ? 'Import a folder of manifests' : 'Import manifests', folder, multiple: !folder, filters: folder ? undefined : [MANIFEST_FILTER, ALL_FILES_FILTER] }));
      if (!chosen || chosen.length === 0) return ok(undefined);
      grants.grant(...chosen);
      const name = basename(chosen[0]).replace(/\.(ya?ml|json)$/, '') || 'Imported';
      return deps.work.call('importPaths', { paths: chosen, name });
    },

    async [INVOKE.exportManifests]({ design, mode, ids }) {
      const target =
        mode === 'file'
          ? await deps.dialogs.save({ title: 'Export Kubernetes YAML', defaultPath: `${design.name || 'manifests'}.yaml`, filters: [MANIFEST_FILTER] })
          : (await deps.dialogs.open({ title: 'Export to a folder (one file per namespace)', folder: true }))?.[0];
      if (!target) return ok(undefined);
      const exported = await deps.work.call('export', { design, mode, ids });
      if (!exported.ok) return exported;
      const files: Array<[string, string]> = exported.value.mode === 'file' ? [[target, exported.value.text]] : exported.value.files.map(([name, text]) => [join(target, basename(name)), text]);
      for (const [file, text] of files) {
        try {
          await deps.write(file, text);
        } catch (err) {
          return fail(toApiError(err, file));
        }
      }
      grants.grant(target);
      return ok(target);
    },

    async [INVOKE.savePicture]({ format, name, data }) {
      // The bytes must be what the name says: a PNG starts with its signature, an SVG with markup.
      const bytes = format === 'png' ? Buffer.from(data, 'base64') : data;
      if (format === 'png' && !(bytes as Buffer).subarray(0, 8).equals(PNG_SIGNATURE)) return fail({ message: 'picture:save: the data is not a PNG image', code: 'invalid' });
      if (format === 'svg' && !/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(data)) return fail({ message: 'picture:save: the data is not an SVG image', code: 'invalid' });
      const stem = basename(name).replace(/[\\/:*?"<>|]/g, '-') || 'design';
      const target = await deps.dialogs.save({ title: format === 'png' ? 'Export a PNG picture' : 'Export an SVG picture', defaultPath: `${stem}.${format}`, filters: [format === 'png' ? PNG_FILTER : SVG_FILTER] });
      if (!target) return ok(undefined);
      try {
        if (typeof bytes === 'string') await deps.write(target, bytes);
        else await (deps.writeBytes ?? writeFileAtomic)(target, bytes);
      } catch (err) {
        return fail(toApiError(err, target));
      }
      return ok(target);
    },

    async [INVOKE.listExamples]() {
      return ok(await listExamples(deps.examplesDir));
    },

    async [INVOKE.openExample]({ id }) {
      const file = examplePath(deps.examplesDir, id);
      if (!file) return fail({ message: `no example named "${id}"`, code: 'not-found' });
      const opened = await deps.work.call('openPath', { path: file });
      if (!opened.ok) return opened.error.code === 'io' ? fail({ message: `no example named "${id}"`, code: 'not-found' }) : opened;
      // An example is a starting point: saving it asks where, it never overwrites the shipped file.
      return ok({ design: opened.value.design, warnings: opened.value.warnings });
    },

    async [INVOKE.listRecent]() {
      return ok(await deps.recent.list());
    },

    async [INVOKE.backup]({ snapshot }) {
      // The backup remembers which file the work belongs to; it must be one the user opened.
      if (snapshot?.path !== undefined && !(await allowed(snapshot.path))) return refuse(snapshot.path);
      try {
        await deps.backups.save(snapshot);
        return ok(undefined);
      } catch (err) {
        return fail(toApiError(err));
      }
    },

    async [INVOKE.takeBackup]() {
      let taken;
      try {
        taken = await deps.backups.take();
      } catch (err) {
        return fail(toApiError(err));
      }
      if (!taken?.path) return ok(taken);
      // Taking a backup grants nothing: the restored work keeps its file only while main's own
      // recent list still has it (Save then writes there, as before the crash); else Save asks.
      if (await allowed(taken.path)) return ok(taken);
      const { path: _dropped, ...untitled } = taken;
      return ok(untitled);
    },

    async [INVOKE.settleBackup]() {
      try {
        await deps.backups.settle();
        return ok(undefined);
      } catch (err) {
        return fail(toApiError(err));
      }
    },

    async [INVOKE.runSimulation]({ runId, design, scenario, seed }, ctx) {
      if (runs.has(runId)) return fail({ message: `simulation ${runId} is already running`, code: 'busy' });
      const controller = new AbortController();
      runs.set(runId, controller);
      try {
        const result = await deps.work.simulate({ design, scenario, seed, runId }, (start, frames, session) => ctx.sendFrames({ runId, start, frames, ...(session ? { session } : {}) }), controller.signal);
        return result.ok ? ok({ runId, frameCount: result.value.frameCount, result: result.value.result }) : result;
      } finally {
        runs.delete(runId);
      }
    },

    async [INVOKE.cancelSimulation]({ runId }) {
      const run = runs.get(runId);
      run?.abort();
      // A finished run's live session goes too.
      await deps.work.release(runId);
      return ok(run !== undefined);
    },

    async [INVOKE.actSimulation]({ runId, action }) {
      if (runs.has(runId)) return fail({ message: `simulation ${runId} is still running; act on it once it has ended`, code: 'busy' });
      const result = await deps.work.act({ runId, action });
      return result.ok ? ok({ runId, ...result.value }) : result;
    },

    async [INVOKE.kubectlSimulation](request) {
      if (runs.has(request.runId)) return fail({ message: `simulation ${request.runId} is still running; use the console once it has ended`, code: 'busy' });
      const result = await deps.work.kubectl(request);
      return result.ok ? ok({ runId: request.runId, ...result.value }) : result;
    },
    async [INVOKE.observeSimulation]({ runId, query }) {
      if (runs.has(runId)) return fail({ message: `simulation ${runId} is still running; observe it once it has ended`, code: 'busy' });
      return deps.work.observe({ runId, query });
    },
  };
}

async function isRecent(recent: RecentFiles, path: string): Promise<boolean> {
  return (await recent.list()).some((r) => r.path === path);
}

/** Designs are saved as `*.kubeplan.yaml` whatever the dialog returned. */
export function withDesignExtension(path: string): string {
  if (path.endsWith('.kubeplan.yaml')) return path;
  return `${path.replace(/\.kubeplan$|\.ya?ml$/, '')}.kubeplan.yaml`;
}
