/**
 * The API the renderer uses, whoever serves it: the Electron main process (through the preload's
 * `window.kubeplan`) or, in a plain browser, an in-page implementation backed by a web worker.
 * Channels are named `domain:verb`; every result is an envelope, never a thrown error.
 */
import type { z } from 'zod';
import type { Design } from '../design/types';
import type { INVOKE } from './channels';
import type { InvokeValues } from './contract';
import type { ObserveQuery } from './observe';
import type * as schemas from './schemas';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What went wrong, in one line a user understands; the file and 1-based line when known; a category (`yaml`, `io`, `cancelled`, …). */
export type ApiError = z.infer<typeof schemas.apiErrorSchema>;
/** A file the user picked or that was read for them: `path` is undefined for examples and unsaved imports; `warnings` did not stop it. */
export type OpenedDesign = z.infer<typeof schemas.openedDesignSchema>;
/** One multi-document file or a folder with one file per namespace; `ids` limits it to the selection. */
export type ExportOptions = z.infer<typeof schemas.exportOptionsSchema>;
export type PictureRequest = z.infer<typeof schemas.pictureRequestSchema>;
export type ExampleInfo = z.infer<typeof schemas.exampleInfoSchema>;
export type RecentFile = z.infer<typeof schemas.recentFileSchema>;
/** A validation problem, as shared/validation reports it. */
export type ValidationProblem = z.infer<typeof schemas.problemSchema>;
/** Unsaved work as `backup` keeps it, and as `takeBackup` returns it (with when it was saved). */
export type BackupSnapshot = z.infer<typeof schemas.backupSnapshotSchema>;
export type TakenBackup = z.infer<typeof schemas.takenBackupSchema>;
/** `runId` is chosen by the caller so frames can be matched to their run and the run cancelled. */
export type SimulationRequest = z.infer<typeof schemas.simulationRequestSchema>;
/** A batch of consecutive timeline frames: `frames[i]` is frame number `start + i`. */
export type SimulationFrames = z.infer<typeof schemas.simulationFramesSchema>;
/** How many frames were streamed, and the simulator's result without its timeline. */
export type SimulationSummary = z.infer<typeof schemas.simulationSummarySchema>;

/** A live action on a finished run: a scenario step, or `reapply` with the current design. */
export type LiveAction = z.infer<typeof schemas.liveActionSchema>;
/** What a live action added to the run: frames continuing its session, apply lines, the step's error. */
export type LiveActionResult = z.infer<typeof schemas.liveActionResultSchema>;

/** A kubectl command for a finished run (the console): argv, context, the design's files, stdin. */
export type KubectlRequest = z.infer<typeof schemas.kubectlRequestSchema>;
/** kubectl's output, exit code and context, and the frames a command that changed the cluster added. */
export type KubectlResult = z.infer<typeof schemas.kubectlResultSchema>;

type Value<C extends keyof InvokeValues> = Promise<Result<InvokeValues[C]>>;

export interface KubeplanApi {
  /** Which host serves the API. */
  readonly platform: 'electron' | 'browser';
  /** Open a design (`*.kubeplan.yaml`) or manifests through the host's open dialog; `undefined` result value = cancelled. */
  openDesign(path?: string): Value<typeof INVOKE.openDesign>;
  /** Save; asks for a path when there is none or `saveAs` is set. Returns the path written (`undefined` = cancelled). */
  saveDesign(design: Design, options: { path?: string; saveAs?: boolean }): Value<typeof INVOKE.saveDesign>;
  /** Import YAML/JSON manifests (files or folders) as a new laid-out design. */
  importManifests(options: { paths?: string[]; folder?: boolean }): Value<typeof INVOKE.importManifests>;
  /** Export the design as Kubernetes YAML. Returns where it went (`undefined` = cancelled). */
  exportManifests(design: Design, options: ExportOptions): Value<typeof INVOKE.exportManifests>;
  /** The examples shipped with the app, and one of them as a design. */
  listExamples(): Value<typeof INVOKE.listExamples>;
  openExample(id: string): Value<typeof INVOKE.openExample>;
  listRecent(): Value<typeof INVOKE.listRecent>;
  /** Back up unsaved work (hot exit); `undefined` clears the backup. */
  backup(snapshot: BackupSnapshot | undefined): Value<typeof INVOKE.backup>;
  /**
   * The backup left by a session that did not close cleanly, if any. It stays on disk (and is
   * offered again at the next start) until `settleBackup()`.
   */
  takeBackup(): Value<typeof INVOKE.takeBackup>;
  /** The offered backup was restored (and backed up again) or discarded: the host may forget it. */
  settleBackup(): Value<typeof INVOKE.settleBackup>;
  /** Tell the host whether there are unsaved changes (title mark, close prompt). */
  setDirty(dirty: boolean, title: string): void;
  /** Subscribe to menu commands (`file:new`, `edit:undo`, …); returns an unsubscribe function. */
  onCommand(listener: (command: string) => void): () => void;
  /** Validate the design off the UI thread (optional: a host may leave validation to the renderer). */
  validateDesign?(design: Design): Value<typeof INVOKE.validateDesign>;
  /**
   * Run the simulator off the UI thread. Timeline frames arrive in order through `onFrames` while
   * it runs (batched); the promise settles with the summary once the last frame was delivered.
   */
  runSimulation(request: SimulationRequest, onFrames: (batch: SimulationFrames) => void): Value<typeof INVOKE.runSimulation>;
  /** Stop a running simulation; its `runSimulation` settles with error code `cancelled`. */
  cancelSimulation(runId: string): Value<typeof INVOKE.cancelSimulation>;
  /**
   * Act on a run that reached its end (scale, set image, rollback, delete a pod, cordon, drain,
   * apply again, edit & re-apply): the host keeps the run's session alive until it is cancelled or
   * newer runs replace it. The frames continue the run's session frames.
   */
  actSimulation(runId: string, action: LiveAction): Value<typeof INVOKE.actSimulation>;
  /** Trace the design's traffic flows over its simulated steady state, with the connectivity matrix (docs/traffic.md). */
  traceTraffic?(design: Design): Value<typeof INVOKE.traceTraffic>;
  /**
   * Run a kubectl command on a run that reached its end (the console, docs/kubectl.md): reads
   * answer from the live cluster; a command that changes it continues the timeline like a live action.
   */
  kubectlSimulation(request: KubectlRequest): Value<typeof INVOKE.kubectlSimulation>;
  /** Logs and metrics of a finished run (docs/observability.md): what to chart, a chart's series, `kubectl logs`. */
  observeSimulation?(runId: string, query: ObserveQuery): Value<typeof INVOKE.observeSimulation>;
  /** Save a picture of the design (SVG text or base64 PNG) where the user chooses; the path, `undefined` = cancelled. */
  savePicture(request: PictureRequest): Value<typeof INVOKE.savePicture>;
  /** Pick a lesson file through the host's open dialog: its name and text (`undefined` result value = cancelled). */
  openLesson?(): Value<typeof INVOKE.openLesson>;
}
