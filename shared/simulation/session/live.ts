/**
 * Live sessions: a run's `SimulationSession` kept alive after the run reached its end, so the user
 * can act on the running cluster (scale, set image, rollback, delete a pod, cordon, drain, apply
 * again, edit & re-apply) and see the result continue the timeline. Both hosts' simulation
 * workers keep them in one `LiveSessions` registry; other requests on a finished run (a kubectl
 * command, for instance) find its session through `liveSession(runId)`.
 *
 * Bounded: a registry keeps at most `capacity` sessions and drops the oldest first; a cancel or a
 * new run drops a window's session explicitly.
 */
import type { ScenarioStep } from '../types';
import type { KubectlSessionResult, LiveActionResult, SimulationSession } from './session';

/** Live sessions one registry keeps at once (each holds a whole simulated cluster). */
export const LIVE_SESSIONS = 2;

export class LiveSessions {
  private readonly sessions = new Map<string, SimulationSession>();

  constructor(readonly capacity = LIVE_SESSIONS) {}

  /** Keep `session` as the live session of `runId`, dropping the oldest ones beyond capacity. */
  keep(runId: string, session: SimulationSession): void {
    this.sessions.delete(runId);
    this.sessions.set(runId, session);
    while (this.sessions.size > Math.max(1, this.capacity)) {
      const oldest = this.sessions.keys().next().value as string;
      this.sessions.delete(oldest);
    }
  }

  /** The live session of a run that reached its end, if it is still kept. */
  liveSession(runId: string): SimulationSession | undefined {
    return this.sessions.get(runId);
  }

  /** Forget a run's session; true when there was one. */
  drop(runId: string): boolean {
    return this.sessions.delete(runId);
  }

  /** Forget every session but `keepRunId`'s (a new run replaces the old ones). */
  dropAllBut(keepRunId?: string): void {
    for (const id of [...this.sessions.keys()]) if (id !== keepRunId) this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Run a kubectl command on a run's session (the console); throws a one-line Error when there is no such session. */
  kubectl(runId: string, argv: string[], options: Parameters<SimulationSession['kubectl']>[1]): KubectlSessionResult {
    const session = this.sessions.get(runId);
    if (!session) throw new Error(`simulation ${runId} is not live any more (it was cancelled, replaced by a newer run, or never ended); run the simulation again`);
    return session.kubectl(argv, options);
  }

  /** Run one live action on a run's session; throws a one-line Error when there is no such session. */
  act(runId: string, step: ScenarioStep): LiveActionResult {
    const session = this.sessions.get(runId);
    if (!session) throw new Error(`simulation ${runId} is not live any more (it was cancelled, replaced by a newer run, or never ended); run the simulation again`);
    return session.act(step);
  }
}
