/**
 * Simulations as the browser worker runs them: the same request, frames and summary as main's
 * worker (main/core/ops.ts), so the UI uses either host unchanged. Timeline frames go out in
 * ordered batches, each awaited before the next (backpressure, and the summary can only follow
 * the last frame); a cancel is honoured between batches.
 */
import { designObjects } from '../../shared/design';
import type { Result, SimulationFrames, SimulationRequest, SimulationSummary } from '../../shared/ipc/api';
import { scenarioFromRequest } from '../../shared/simulation';
import { frameBatches, simulateSession, type SessionRun } from '../../shared/simulation/session';

/** How many timeline frames travel in one message: the same batch as main's worker (FRAME_BATCH). */
export const FRAME_BATCH = 64;

/** Receives one batch; the next batch is sent only once the returned promise settles. */
export type FramesSink = (batch: SimulationFrames) => void | Promise<void>;

const cancelledResult = (runId: string): Result<never> => ({ ok: false, error: { message: `simulation ${runId} cancelled`, code: 'cancelled' } });

/** Runs simulations one request at a time per run id; `cancel` stops a run at its next batch. */
export function createSimulationRunner(batchSize = FRAME_BATCH) {
  const running = new Map<string, { cancelled: boolean }>();

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
        try {
          raw = simulateSession({ objects: designObjects(request.design), cluster: request.design.cluster, scenario: read.scenario, seed: request.seed });
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
        return { ok: true, value: { runId, frameCount: timeline.length, result: rest } };
      } finally {
        running.delete(runId);
      }
    },

    /** True when the run was going (it then settles with code `cancelled`). */
    cancel(runId: string): boolean {
      const state = running.get(runId);
      if (state) state.cancelled = true;
      return state !== undefined;
    },
  };
}
