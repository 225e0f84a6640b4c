/**
 * Main's handle on the heavy-work worker: typed calls that resolve with a Result, frames
 * delivered through a callback, a crashed worker reported as an error and replaced on next use.
 * Simulations get a worker of their own so cancelling one is `terminate()` and nothing else waits.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Result } from '../../shared/ipc/api';
import type { TimelineFrame } from '../../shared/simulation';
import { WORKER_LIMITS } from '../../shared/simulation/limits';
import { LIVE_SESSIONS, type FrameBatch } from '../../shared/simulation/session';
import type { OpName, WorkerMessage, WorkerOps, WorkerRequest } from './workerProtocol';

export type FramesListener = (start: number, frames: TimelineFrame[], session?: FrameBatch['session']) => void;

export interface HeavyWork {
  call<K extends Exclude<OpName, 'simulate' | 'act' | 'kubectl' | 'observe'>>(op: K, args: WorkerOps[K]['args']): Promise<Result<WorkerOps[K]['value']>>;
  /**
   * Run a simulation; `signal` aborts it (the result is then a `cancelled` error). With
   * `args.runId`, a run that ends keeps its worker, and the session in it, live for `act` (at most
   * LIVE_SESSIONS of them, the oldest stopped first) until `release(runId)`.
   */
  simulate(args: WorkerOps['simulate']['args'], onFrames: FramesListener, signal?: AbortSignal): Promise<Result<WorkerOps['simulate']['value']>>;
  /** A live action on a finished run whose worker is kept. */
  act(args: WorkerOps['act']['args']): Promise<Result<WorkerOps['act']['value']>>;
  /** A kubectl command on a finished run whose worker is kept (the console). */
  kubectl(args: WorkerOps['kubectl']['args']): Promise<Result<WorkerOps['kubectl']['value']>>;
  /** Logs and metrics of a finished run whose worker is kept. */
  observe(args: WorkerOps['observe']['args']): Promise<Result<WorkerOps['observe']['value']>>;
  /** Stop a finished run's kept worker; true when there was one. */
  release(runId: string): Promise<boolean>;
  /** Start the shared worker now, so the first open does not wait for it to load. */
  warm(): void;
  close(): Promise<void>;
}

interface Pending {
  resolve: (result: Result<unknown>) => void;
  onFrames?: FramesListener;
}

/** One worker thread and its in-flight requests. */
class WorkerConnection {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  dead = false;

  constructor(script: string | URL, resourceLimits?: ResourceLimits) {
    this.worker = new Worker(script, resourceLimits ? { resourceLimits } : {});
    this.worker.on('message', (message: WorkerMessage) => this.receive(message));
    this.worker.on('error', (err) => {
      // Node ends a worker that outgrows resourceLimits with ERR_WORKER_OUT_OF_MEMORY.
      if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') this.failAll(`the work ran out of its ${resourceLimits?.maxOldGenerationSizeMb ?? '?'} MB memory limit and was stopped`, 'too-large');
      else this.failAll(`the worker stopped: ${err.message.split('\n', 1)[0]}`, 'worker');
    });
    this.worker.on('exit', (code) => this.failAll(`the worker exited (code ${code})`, 'worker'));
  }

  request(op: OpName, args: unknown, onFrames?: FramesListener): Promise<Result<unknown>> {
    if (this.dead) return Promise.resolve({ ok: false, error: { message: 'the worker is not running', code: 'worker' } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, onFrames });
      this.worker.postMessage({ id, op, args: args as WorkerRequest['args'] } satisfies WorkerRequest);
    });
  }

  async terminate(reason = 'cancelled', code = 'cancelled'): Promise<void> {
    this.failAll(reason, code);
    await this.worker.terminate();
  }

  private receive(message: WorkerMessage): void {
    const entry = this.pending.get(message.id);
    if (!entry) return;
    if (message.type === 'frames') {
      entry.onFrames?.(message.start, message.frames, message.session);
      return;
    }
    this.pending.delete(message.id);
    entry.resolve(message.result);
  }

  private failAll(message: string, code: string): void {
    this.dead = true;
    for (const entry of this.pending.values()) entry.resolve({ ok: false, error: { message, code } });
    this.pending.clear();
  }
}

export interface HeavyWorkLimits {
  /** Simulations running at once; one more is refused with code `busy`. */
  concurrentSimulations: number;
  simulationHeapMegabytes: number;
  sharedWorkerHeapMegabytes: number;
}

export function createHeavyWork(script: string | URL, limits: HeavyWorkLimits = WORKER_LIMITS): HeavyWork {
  let shared: WorkerConnection | undefined;
  const runs = new Set<WorkerConnection>();
  /** Finished runs whose worker is kept for live actions, oldest first. */
  const live = new Map<string, WorkerConnection>();
  const release = async (runId: string) => {
    const kept = live.get(runId);
    if (!kept) return false;
    live.delete(runId);
    if (!kept.dead) await kept.terminate('released', 'not-live');
    return true;
  };
  /** A request to the worker kept for a finished run (live actions, the console, logs and metrics). */
  const onKept = async <K extends 'act' | 'kubectl' | 'observe'>(op: K, args: WorkerOps[K]['args']): Promise<Result<WorkerOps[K]['value']>> => {
    const kept = live.get(args.runId);
    if (!kept || kept.dead) {
      live.delete(args.runId);
      return { ok: false, error: { message: `simulation ${args.runId} is not live any more (cancelled, replaced by a newer run, or it failed); run the simulation again`, code: 'not-live' } };
    }
    return (await kept.request(op, args)) as never;
  };
  const connection = () => {
    if (!shared || shared.dead) shared = new WorkerConnection(script, { maxOldGenerationSizeMb: limits.sharedWorkerHeapMegabytes });
    return shared;
  };
  return {
    call(op, args) {
      return connection().request(op, args) as never;
    },
    async simulate(args, onFrames, signal) {
      if (signal?.aborted) return { ok: false, error: { message: 'simulation cancelled', code: 'cancelled' } };
      if (runs.size >= limits.concurrentSimulations) {
        const n = limits.concurrentSimulations;
        return { ok: false, error: { message: `${n} simulation${n === 1 ? ' is' : 's are'} already running (the limit); wait for one to finish or cancel it`, code: 'busy' } };
      }
      const run = new WorkerConnection(script, { maxOldGenerationSizeMb: limits.simulationHeapMegabytes });
      runs.add(run);
      const abort = () => void run.terminate('simulation cancelled');
      signal?.addEventListener('abort', abort, { once: true });
      let keep = false;
      try {
        const result = await run.request('simulate', args, onFrames);
        keep = result.ok && args.runId !== undefined && !run.dead;
        return result as never;
      } finally {
        signal?.removeEventListener('abort', abort);
        runs.delete(run);
        if (keep && args.runId !== undefined) {
          await release(args.runId);
          live.set(args.runId, run);
          while (live.size > LIVE_SESSIONS) await release(live.keys().next().value as string);
        } else if (!run.dead) await run.terminate('finished', 'finished');
      }
    },
    act: (args) => onKept('act', args),
    kubectl: (args) => onKept('kubectl', args),
    observe: (args) => onKept('observe', args),
    release,
    warm() {
      connection();
    },
    async close() {
      await Promise.all([...runs, ...live.values()].map((r) => r.terminate('shutting down', 'worker')));
      live.clear();
      if (shared && !shared.dead) await shared.terminate('shutting down', 'worker');
    },
  };
}
