/**
 * The small typed message protocol between main and its heavy-work worker. A request names an
 * operation; the worker answers with exactly one `result` per request id and, for simulations,
 * any number of `frames` messages before it.
 */
import type { Design } from '../../shared/design/types';
import type { ExportOptions, KubectlRequest, KubectlResult, LiveAction, LiveActionResult, OpenedDesign, Result, SimulationRequest, SimulationSummary, ValidationProblem } from '../../shared/ipc/api';
import type { TrafficReport } from '../../shared/ipc/traffic';
import type { ObserveQuery, ObserveResult } from '../../shared/ipc/observe';
import type { TimelineFrame } from '../../shared/simulation';
import type { FrameBatch } from '../../shared/simulation/session';

export interface WorkerOps {
  /** Read a design or manifests file from disk and turn it into a design. */
  openPath: { args: { path: string }; value: OpenedDesign };
  /** Read manifests files/folders and lay them out as a new design. */
  importPaths: { args: { paths: string[]; name: string }; value: OpenedDesign };
  serialize: { args: { design: Design }; value: string };
  export: { args: { design: Design } & ExportOptions; value: ExportedManifests };
  validate: { args: { design: Design }; value: ValidationProblem[] };
  /** With `runId`, the worker keeps the finished run's session live for `act`. */
  simulate: { args: Omit<SimulationRequest, 'runId'> & { runId?: string }; value: Omit<SimulationSummary, 'runId'> };
  /** A live action on the run this worker kept (shared/simulation/session/live.ts). */
  act: { args: { runId: string; action: LiveAction }; value: Omit<LiveActionResult, 'runId'> };
  traceTraffic: { args: { design: Design }; value: TrafficReport };
  /** A kubectl command on the run this worker kept (the console, docs/kubectl.md). */
  kubectl: { args: KubectlRequest; value: Omit<KubectlResult, 'runId'> };
  /** Logs and metrics of the run this worker kept (shared/ipc/observe.ts). */
  observe: { args: { runId: string; query: ObserveQuery }; value: ObserveResult };
}

export type OpName = keyof WorkerOps;

export type ExportedManifests = { mode: 'file'; text: string } | { mode: 'folder'; files: Array<[name: string, text: string]> };

export interface WorkerRequest<K extends OpName = OpName> {
  id: number;
  op: K;
  args: WorkerOps[K]['args'];
}

export type WorkerMessage =
  | { id: number; type: 'result'; result: Result<unknown> }
  | { id: number; type: 'frames'; start: number; frames: TimelineFrame[]; session?: FrameBatch['session'] };

/** How many timeline frames travel in one message: few messages, none too large. */
export const FRAME_BATCH = 64;
