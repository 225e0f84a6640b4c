/**
 * The page's handles on the browser worker: one shared connection for quick work, started on first
 * use, and one worker per simulation so cancelling is `terminate()` even mid-computation (as main
 * does with its worker threads) and nothing else waits behind a long run.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { KubectlRequest, KubectlResult, LiveAction, LiveActionResult, Result, SimulationFrames, SimulationRequest, SimulationSummary } from '../../shared/ipc/api';
import { LIVE_SESSIONS } from '../../shared/simulation/session/live';
import type { ObserveQuery, ObserveResult } from '../../shared/ipc/observe';
import type { FramesSink } from './simulation';
import type { WorkerApi } from './worker';

function spawnWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'kubeplan-worker' });
}

let remote: Remote<WorkerApi> | undefined;

export function heavyWork(): Remote<WorkerApi> {
  remote ??= wrap<WorkerApi>(spawnWorker());
  return remote;
}

/** What a simulation run needs of its worker; tests pass the worker module itself. */
export interface SimulationConnection {
  runSimulation(request: SimulationRequest, onFrames: FramesSink): Promise<Result<SimulationSummary>>;
  /** A live action on the run this connection ran to its end. */
  actSimulation(runId: string, action: LiveAction): Promise<Result<LiveActionResult>> | Result<LiveActionResult>;
  /** A kubectl command on the run this connection ran to its end (the console). */
  kubectlSimulation(request: KubectlRequest): Promise<Result<KubectlResult>> | Result<KubectlResult>;
  /** Logs and metrics of the run this connection ran to its end. */
  observeSimulation?(runId: string, query: ObserveQuery): Promise<Result<ObserveResult>> | Result<ObserveResult>;
  /** Stop the worker now; the run then settles from the client's side. */
  terminate(): void;
  /** Called once if the worker dies (a load error, an uncaught error). */
  onError(listener: (message: string) => void): void;
}

export function spawnSimulationWorker(): SimulationConnection {
  const worker = spawnWorker();
  const api = wrap<WorkerApi>(worker);
  return {
    runSimulation: (request, onFrames) => api.runSimulation(request, onFrames),
    actSimulation: (runId, action) => api.actSimulation(runId, action),
    kubectlSimulation: (request) => api.kubectlSimulation(request),
    observeSimulation: (runId, query) => api.observeSimulation(runId, query),
    terminate: () => worker.terminate(),
    onError(listener) {
      worker.addEventListener('error', (e) => listener(e.message || 'the simulation worker could not start'), { once: true });
    },
  };
}

/**
 * Runs simulations, each on a connection of its own. Frames reach `onFrames` in order and never
 * after the run settled; the promise settles after the last frame, or at once on cancel.
 */
export function createSimulationClient(connect: () => SimulationConnection = spawnSimulationWorker) {
  const runs = new Map<string, () => void>();
  /** Finished runs whose worker is kept for live actions, oldest first (at most LIVE_SESSIONS). */
  const live = new Map<string, SimulationConnection>();
  const release = (runId: string) => {
    const kept = live.get(runId);
    live.delete(runId);
    kept?.terminate();
    return kept !== undefined;
  };

  return {
    run(request: SimulationRequest, onFrames: (batch: SimulationFrames) => void): Promise<Result<SimulationSummary>> {
      const { runId } = request;
      if (runs.has(runId)) return Promise.resolve({ ok: false, error: { message: `simulation ${runId} is already running`, code: 'busy' } });
      let connection: SimulationConnection;
      try {
        connection = connect();
      } catch (err) {
        return Promise.resolve({ ok: false, error: { message: `the simulation worker could not start: ${messageOf(err)}`, code: 'worker' } });
      }
      return new Promise((resolve) => {
        let settled = false;
        let next = 0;
        const settle = (result: Result<SimulationSummary>) => {
          if (settled) return;
          settled = true;
          runs.delete(runId);
          if (result.ok) {
            // The worker keeps the finished run's session: keep the worker for live actions.
            release(runId);
            live.set(runId, connection);
            while (live.size > LIVE_SESSIONS) release(live.keys().next().value as string);
          } else connection.terminate();
          resolve(result);
        };
        const fail = (message: string, code: string) => settle({ ok: false, error: { message, code } });
        runs.set(runId, () => fail(`simulation ${runId} cancelled`, 'cancelled'));
        connection.onError((message) => {
          if (settled) live.delete(runId);
          else fail(`the simulation worker stopped: ${message}`, 'worker');
        });
        const deliver = (batch: SimulationFrames) => {
          if (settled) return;
          // The worker awaits each batch, so a gap means a lost message: stop rather than animate a wrong timeline.
          if (batch.start !== next) return fail(`simulation ${runId}: frames ${next}… expected, ${batch.start}… received`, 'worker');
          next += batch.frames.length;
          try {
            onFrames(batch);
          } catch (err) {
            // The page's own handler broke: stop, and say so rather than blame the worker.
            fail(`simulation ${runId}: the frames could not be shown: ${messageOf(err)}`, 'renderer');
          }
        };
        connection.runSimulation(request, proxy(deliver)).then(
          (result) => {
            if (result.ok && result.value.frameCount !== next) fail(`simulation ${runId}: ${result.value.frameCount} frames reported, ${next} delivered`, 'worker');
            else settle(result);
          },
          (err: unknown) => fail(`the simulation worker failed: ${messageOf(err)}`, 'worker'),
        );
      });
    },

    /** True when the run was going; its `run` promise then settles with code `cancelled`. A finished run's live worker stops. */
    cancel(runId: string): boolean {
      const cancel = runs.get(runId);
      cancel?.();
      release(runId);
      return cancel !== undefined;
    },

    /** A live action on a finished run whose worker is kept. */
    async act(runId: string, action: LiveAction): Promise<Result<LiveActionResult>> {
      if (runs.has(runId)) return { ok: false, error: { message: `simulation ${runId} is still running; act on it once it has ended`, code: 'busy' } };
      const kept = live.get(runId);
      if (!kept) return { ok: false, error: { message: `simulation ${runId} is not live any more (cancelled, replaced by a newer run, or it failed); run the simulation again`, code: 'not-live' } };
      try {
        return await kept.actSimulation(runId, action);
      } catch (err) {
        return { ok: false, error: { message: `the simulation worker failed: ${messageOf(err)}`, code: 'worker' } };
      }
    },

    /** A kubectl command on a finished run whose worker is kept (the console). */
    async kubectl(request: KubectlRequest): Promise<Result<KubectlResult>> {
      const { runId } = request;
      if (runs.has(runId)) return { ok: false, error: { message: `simulation ${runId} is still running; use the console once it has ended`, code: 'busy' } };
      const kept = live.get(runId);
      if (!kept) return { ok: false, error: { message: `simulation ${runId} is not live any more (cancelled, replaced by a newer run, or it failed); run the simulation again`, code: 'not-live' } };
      try {
        return await kept.kubectlSimulation(request);
      } catch (err) {
        return { ok: false, error: { message: `the simulation worker failed: ${messageOf(err)}`, code: 'worker' } };
      }
    },
    /** Logs and metrics of a finished run whose worker is kept. */
    async observe(runId: string, query: ObserveQuery): Promise<Result<ObserveResult>> {
      if (runs.has(runId)) return { ok: false, error: { message: `simulation ${runId} is still running; observe it once it has ended`, code: 'busy' } };
      const kept = live.get(runId);
      if (!kept?.observeSimulation) return { ok: false, error: { message: `simulation ${runId} is not live any more (cancelled, replaced by a newer run, or it failed); run the simulation again`, code: 'not-live' } };
      try {
        return await kept.observeSimulation(runId, query);
      } catch (err) {
        return { ok: false, error: { message: `the simulation worker failed: ${messageOf(err)}`, code: 'worker' } };
      }
    },
  };
}

function messageOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n', 1)[0] ?? text;
}
