/**
 * The worker's operations over an Engine: reading, parsing, exporting, validating, simulating.
 * Plain functions, so tests can run them in-process as well as through the worker.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenedDesign, ValidationProblem } from '../../shared/ipc/api';
import type { ScenarioStep, TimelineFrame } from '../../shared/simulation';
import { frameBatches, LiveSessions, type FrameBatch } from '../../shared/simulation/session';
import { observeAnswer } from '../../shared/ipc/observe';
import { flowSpecs } from '../../shared/simulation/traffic';
import type { Engine, ManifestError } from './engine';
import { UserError } from './result';
import type { ExportedManifests, WorkerOps } from './workerProtocol';
import { FRAME_BATCH } from './workerProtocol';

/** Larger files are refused before reading (the same bound as shared/manifests' MAX_FILE_BYTES). */
export const MAX_DESIGN_BYTES = 32 * 1024 * 1024;

export type Emit = (start: number, frames: TimelineFrame[], session?: FrameBatch['session']) => void;

export function createOps(engine: Engine) {
  // A simulation worker serves one run; it keeps that run's session for live actions.
  const live = new LiveSessions();
  return {
    /** The session of a finished run this worker keeps, for requests that act on it. */
    liveSession(runId: string) {
      return live.liveSession(runId);
    },
    /** Forget a finished run's session; true when there was one. */
    release(runId: string): boolean {
      return live.drop(runId);
    },

    async openPath({ path }: WorkerOps['openPath']['args']): Promise<OpenedDesign> {
      const info = await stat(path);
      if (info.isFile() && (path.endsWith('.kubeplan.yaml') || path.endsWith('.kubeplan.yml'))) return openDesignFile(engine, path, info.size);
      if (info.isFile() && info.size <= MAX_DESIGN_BYTES) {
        const text = await readFile(path, 'utf8');
        if (engine.isDesignText(text)) return fromParsed(engine.parseDesign(text, path), path);
      }
      return importPaths(engine, [path], designName(path));
    },

    importPaths({ paths, name }: WorkerOps['importPaths']['args']): Promise<OpenedDesign> {
      return importPaths(engine, paths, name);
    },

    serialize({ design }: WorkerOps['serialize']['args']): string {
      return engine.serializeDesign(design);
    },

    export({ design, mode, ids }: WorkerOps['export']['args']): ExportedManifests {
      const wanted = new Set(ids);
      const chosen = ids ? { ...design, resources: design.resources.filter((r) => wanted.has(r.id)) } : design;
      const objects = engine.designObjects(chosen);
      if (mode === 'file') return { mode, text: engine.exportManifests(objects) };
      return { mode, files: [...engine.exportManifestsByNamespace(objects)] };
    },

    validate({ design }: WorkerOps['validate']['args']): ValidationProblem[] {
      return engine.validateObjects(engine.designObjects(design));
    },

    traceTraffic({ design }: WorkerOps['traceTraffic']['args']): WorkerOps['traceTraffic']['value'] {
      return engine.traceTraffic(design);
    },

    simulate({ design, scenario, seed, runId }: WorkerOps['simulate']['args'], emit: Emit): WorkerOps['simulate']['value'] {
      // The timeline and the session's frames stream in batches; the summary carries the rest.
      const { timeline, sessionFrames = [], session, ...result } = engine.simulate({ objects: engine.designObjects(design), cluster: design.cluster, scenario, seed, flows: flowSpecs(design.flows) });
      for (const batch of frameBatches(timeline, sessionFrames, FRAME_BATCH)) emit(batch.start, batch.frames, batch.session);
      if (runId && session && !session.stopped) live.keep(runId, session);
      return { frameCount: timeline.length, result };
    },

    act({ runId, action }: WorkerOps['act']['args']): WorkerOps['act']['value'] {
      const step = (action.action === 'reapply' ? { action: 'apply', objects: engine.designObjects(action.design) } : action) as ScenarioStep;
      if (!live.liveSession(runId)) throw new UserError({ message: `simulation ${runId} is not live any more; run the simulation again`, code: 'not-live' });
      const { frames, applied, error, stopped } = live.act(runId, step);
      return { frames, applied, ...(error ? { error } : {}), ...(stopped ? { stopped } : {}) };
    },

    kubectl({ runId, argv, context, files, stdin, logWindow }: WorkerOps['kubectl']['args']): WorkerOps['kubectl']['value'] {
      if (!live.liveSession(runId)) throw new UserError({ message: `simulation ${runId} is not live any more; run the simulation again`, code: 'not-live' });
      const { output, frames, stopped } = live.kubectl(runId, argv, { context, ...(files ? { files } : {}), ...(stdin !== undefined ? { stdin } : {}), ...(logWindow ? { logWindow } : {}) });
      return { ...output, frames, ...(stopped ? { stopped } : {}) };
    },
    observe({ runId, query }: WorkerOps['observe']['args']): WorkerOps['observe']['value'] {
      const session = live.liveSession(runId);
      if (!session) throw new UserError({ message: `simulation ${runId} is not live any more; run the simulation again`, code: 'not-live' });
      return observeAnswer(session, query);
    },
  };
}

export type Ops = ReturnType<typeof createOps>;

async function openDesignFile(engine: Engine, path: string, size: number): Promise<OpenedDesign> {
  if (size > MAX_DESIGN_BYTES) throw new UserError({ message: `${path}: file is larger than ${MAX_DESIGN_BYTES / 1024 / 1024} MB`, file: path, code: 'too-large' });
  const text = await readFile(path, 'utf8');
  return fromParsed(engine.parseDesign(text, path), path);
}

function fromParsed(parsed: ReturnType<Engine['parseDesign']>, path: string): OpenedDesign {
  if ('error' in parsed) throw manifestError(parsed.error, 'design');
  return { design: parsed.design, path, warnings: parsed.warnings };
}

async function importPaths(engine: Engine, paths: string[], name: string): Promise<OpenedDesign> {
  const loaded = await engine.loadInputs(paths);
  if (loaded.errors.length > 0) {
    const [first] = loaded.errors;
    const more = loaded.errors.length > 1 ? ` (and ${loaded.errors.length - 1} more problems)` : '';
    throw manifestError({ ...first, message: `${first.message}${more}` }, 'yaml');
  }
  const warnings = loaded.warnings ?? [];
  // A single design file keeps its own layout; anything else is laid out afresh.
  if (loaded.design && paths.length === 1 && (loaded.designFile === undefined || loaded.designFile === paths[0])) return { design: loaded.design, warnings };
  return { design: engine.importAsDesign(loaded.objects, name), warnings };
}

/** One line, naming file and line: `shop.yaml:12: …` unless the message already starts with the file. */
function manifestError(error: ManifestError, code: string): UserError {
  const where = error.line ? `${error.file}:${error.line}` : error.file;
  const message = error.message.startsWith(error.file) ? error.message : `${where}: ${error.message}`;
  return new UserError({ message, file: error.file, ...(error.line ? { line: error.line } : {}), code });
}

function designName(path: string): string {
  return basename(path).replace(/\.(kubeplan\.)?(ya?ml|json)$/, '') || 'Imported';
}
