/**
 * Simulations as the browser worker runs them: the same request, frames and summary as main's
 * worker (main/core/ops.ts), so the UI uses either host unchanged. Timeline frames go out in
 * ordered batches, each awaited before the next (backpressure, and the summary can only follow
 * the last frame); a cancel is honoured between batches.
 */
import { designObjects } from '../../shared/design';
import type { KubectlRequest, KubectlResult, LiveAction, LiveActionResult, Result, SimulationFrames, SimulationRequest, SimulationSummary } from '../../shared/ipc/api';
import { scenarioFromRequest, type ScenarioStep } from '../../shared/simulation';
import { frameBatches, LiveSessions, startSession, type SessionRun, type SimulationSession } from '../../shared/simulation/session';
import { flowSpecs } from '../../shared/simulation/traffic';

/** How many timeline frames travel in one message: the same batch as main's worker (FRAME_BATCH). */
export const FRAME_BATCH = 64;

/** Receives one batch; the next batch is sent only once the returned promise settles. */
export type FramesSink = (batch: SimulationFrames) => void | Promise<void>;

const cancelledResult = (runId: string): Result<never> => ({ ok: false, error: { message: `simulation ${runId} cancelled`, code: 'cancelled' } });

/**
 * Runs simulations one request at a time per run id; `cancel` stops a run at its next batch. A run
 * that ends keeps its session live (shared/simulation/session/live.ts) for `act`.
 */
export function createSimulationRunner(batchSize = FRAME_BATCH) {
  const running = new Map<string, { cancelled: boolean }>();
  const live = new LiveSessions();

  return {
    async run(request: SimulationRequest, onFrames: FramesSink): Promise<Result<SimulationSummary>> {
      const { runId } = request;
      if (running.has(runId)) return { ok: false, error: { message: `simulation ${runId} is already running`, code: 'busy' } };
      const state = { cancelled: false };
      running.set(runId, state);
      try {
        const read = scenarioFromRequest(request.scenario);
        if ('error' in read) return { ok: false, error: { message: read.error.text, file: read.error.file, ...(read.error.line ? { line: read.error.line } : {}), code: 'scenario' } };
        let raw: SessionRun;
        let session: SimulationSession;
        try {
          ({ run: raw, session } = startSession({ objects: designObjects(request.design), cluster: request.design.cluster, scenario: read.scenario, seed: request.seed, flows: flowSpecs(request.design.flows) }));
        } catch (err) {
          const message = err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err);
          return { ok: false, error: { message: `the simulation failed: ${message}`, code: 'simulation' } };
        }
        const { timeline, sessionFrames, ...rest } = raw;
        for (const batch of frameBatches(timeline, sessionFrames, batchSize)) {
          if (state.cancelled) return cancelledResult(runId);
          await onFrames({ runId, ...batch });
        }
        if (state.cancelled) return cancelledResult(runId);
        if (!session.stopped) live.keep(runId, session);
        return { ok: true, value: { runId, frameCount: timeline.length, result: rest } };
      } finally {
        running.delete(runId);
      }
    },

    /** True when the run was going (it then settles with code `cancelled`); a finished run's live session is dropped. */
    cancel(runId: string): boolean {
      const state = running.get(runId);
      if (state) state.cancelled = true;
      live.drop(runId);
      return state !== undefined;
    },

    /** A live action on a finished run: its new frames continue the run's session frames. */
    act(runId: string, action: LiveAction): Result<LiveActionResult> {
      if (running.has(runId)) return { ok: false, error: { message: `simulation ${runId} is still running; act on it once it has ended`, code: 'busy' } };
      if (!live.liveSession(runId)) return { ok: false, error: { message: `simulation ${runId} is not live any more (cancelled, replaced by a newer run, or it failed); run the simulation again`, code: 'not-live' } };
      const step = (action.action === 'reapply' ? { action: 'apply', objects: designObjects(action.design) } : action) as ScenarioStep;
      try {
        const { frames, applied, error, stopped } = live.act(runId, step);
        return { ok: true, value: { runId, frames, applied, ...(error ? { error } : {}), ...(stopped ? { stopped } : {}) } };
      } catch (err) {
        const message = err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err);
        return { ok: false, error: { message: `the action failed: ${message}`, code: 'simulation' } };
      }
    },

    /** A kubectl command on a finished run (the console): reads add no frame, changes continue the timeline. */
    kubectl(request: KubectlRequest): Result<KubectlResult> {
      const { runId } = request;
      if (running.has(runId)) return { ok: false, error: { message: `simulation ${runId} is still running; use the console once it has ended`, code: 'busy' } };
      if (!live.liveSession(runId)) return { ok: false, error: { message: `simulation ${runId} is not live any more (cancelled, replaced by a newer run, or it failed); run the simulation again`, code: 'not-live' } };
      try {
        const { output, frames, stopped } = live.kubectl(runId, request.argv, { context: request.context, ...(request.files ? { files: request.files } : {}), ...(request.stdin !== undefined ? { stdin: request.stdin } : {}), ...(request.logWindow ? { logWindow: request.logWindow } : {}) });
        return { ok: true, value: { runId, ...output, frames, ...(stopped ? { stopped } : {}) } };
      } catch (err) {
        const message = err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err);
        return { ok: false, error: { message: `the command failed: ${message}`, code: 'simulation' } };
      }
    },

    /** The session of a finished run kept live, for other requests on it. */
    liveSession(runId: string): SimulationSession | undefined {
      return live.liveSession(runId);
    },
  };
}
