/**
 * The API the renderer uses, whoever serves it: the Electron main process (through the preload's
 * `window.kubeplan`) or, in a plain browser, an in-page implementation backed by a web worker.
 * Channels are named `domain:verb`; every result is an envelope, never a thrown error.
 */
import type { Problem as ValidationProblem } from '../validation/types';
import type { Design } from '../design/types';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ApiError {
  /** What went wrong, in one line a user understands. */
  message: string;
  /** The file it concerns, when there is one. */
  file?: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** A machine-readable category (`yaml`, `schema`, `io`, `cancelled`, …). */
  code?: string;
}

/** A file the user picked or that was read for them. */
export interface OpenedDesign {
  design: Design;
  /** Where it came from; undefined for examples and imports not yet saved. */
  path?: string;
  /** Problems met while reading that did not stop it (unknown kinds kept, fields migrated…). */
  warnings: string[];
}

export interface ExportOptions {
  /** One multi-document file, or a folder with one file per namespace. */
  mode: 'file' | 'folder';
  /** Only these resource ids (the selection); all when omitted. */
  ids?: string[];
}

export interface ExampleInfo {
  id: string;
  title: string;
  description: string;
}

export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
}

export interface KubeplanApi {
  /** Which host serves the API. */
  readonly platform: 'electron' | 'browser';
  /** Open a design (`*.kubeplan.yaml`) or manifests through the host's open dialog; `undefined` result value = cancelled. */
  openDesign(path?: string): Promise<Result<OpenedDesign | undefined>>;
  /** Save; asks for a path when there is none or `saveAs` is set. Returns the path written (`undefined` = cancelled). */
  saveDesign(design: Design, options: { path?: string; saveAs?: boolean }): Promise<Result<string | undefined>>;
  /** Import YAML/JSON manifests (files or folders) as a new laid-out design. */
  importManifests(options: { paths?: string[]; folder?: boolean }): Promise<Result<OpenedDesign | undefined>>;
  /** Export the design as Kubernetes YAML. Returns where it went (`undefined` = cancelled). */
  exportManifests(design: Design, options: ExportOptions): Promise<Result<string | undefined>>;
  /** The examples shipped with the app, and one of them as a design. */
  listExamples(): Promise<Result<ExampleInfo[]>>;
  openExample(id: string): Promise<Result<OpenedDesign>>;
  listRecent(): Promise<Result<RecentFile[]>>;
  /** Back up unsaved work (hot exit); `undefined` clears the backup. */
  backup(snapshot: { design: Design; path?: string } | undefined): Promise<Result<void>>;
  /**
   * The backup left by a session that did not close cleanly, if any. It stays on disk (and is
   * offered again at the next start) until `settleBackup()`.
   */
  takeBackup(): Promise<Result<{ design: Design; path?: string; savedAt: string } | undefined>>;
  /** The offered backup was restored (and backed up again) or discarded: the host may forget it. */
  settleBackup(): Promise<Result<void>>;
  /** Tell the host whether there are unsaved changes (title mark, close prompt). */
  setDirty(dirty: boolean, title: string): void;
  /** Subscribe to menu commands (`file:new`, `edit:undo`, …); returns an unsubscribe function. */
  onCommand(listener: (command: string) => void): () => void;
  /** Validate the design off the UI thread (optional: a host may leave validation to the renderer). */
  validateDesign?(design: Design): Promise<Result<ValidationProblem[]>>;
  /**
   * Run the simulator off the UI thread. Timeline frames arrive in order through `onFrames` while
   * it runs (batched); the promise settles with the summary once the last frame was delivered.
   */
  runSimulation?(request: SimulationRequest, onFrames: (batch: SimulationFrames) => void): Promise<Result<SimulationSummary>>;
  /** Stop a running simulation; its `runSimulation` settles with error code `cancelled`. */
  cancelSimulation?(runId: string): Promise<Result<boolean>>;
}

/** A validation problem, exactly as shared/validation reports it. */
export type { Problem as ValidationProblem } from '../validation/types';

export interface SimulationRequest {
  /** Chosen by the caller so frames can be matched to their run and the run cancelled. */
  runId: string;
  design: Design;
  /** A scenario document (see shared/simulation's docs); steady state when omitted. */
  scenario?: unknown;
  seed?: number;
}

/** A batch of consecutive timeline frames: `frames[i]` is frame number `start + i`. */
export interface SimulationFrames {
  runId: string;
  start: number;
  frames: unknown[];
}

export interface SimulationSummary {
  runId: string;
  /** How many frames were streamed in total. */
  frameCount: number;
  /** The simulator's result without its timeline (events, final state, apply results…). */
  result: unknown;
}

