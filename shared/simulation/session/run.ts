/**
 * A whole run as both hosts serve it (main's worker and the browser's web worker): the session
 * played to the end, its result exactly as `simulate()` gives it, and the batches the timeline
 * and the session's frames stream in.
 */
import type { simulate } from '../simulate';
import type { SimulationInput, TimelineFrame } from '../types';
import type { SessionFrame } from './keyframes';
import { SimulationSession } from './session';

export type SessionRun = ReturnType<typeof simulate> & { sessionFrames: SessionFrame[] };

/** `simulate()` stepped through a session: the same result, plus the session's frames. */
export function simulateSession(input: SimulationInput): SessionRun {
  return startSession(input).run;
}

/** `simulateSession`, and the session itself, still steppable: a host keeps it to act on it live (./live.ts). */
export function startSession(input: SimulationInput): { run: SessionRun; session: SimulationSession } {
  const session = new SimulationSession({ ...input, options: { record: true, ...input.options } });
  return { run: runOf(session), session };
}

function runOf(session: SimulationSession): SessionRun {
  session.runToEnd();
  const result = session.result();
  // The same keys in the same order as simulate(), so both serialise byte for byte.
  if (session.stopped) return { ...result, stopped: session.stopped, stepErrors: session.stepErrors, sessionFrames: [...session.frames] };
  return { ...result, stepErrors: session.stepErrors, sessionFrames: [...session.frames] };
}

export interface FrameBatch {
  /** Timeline frames `start`…: `start` runs on without gaps, so a receiver can check nothing was lost. */
  start: number;
  frames: TimelineFrame[];
  session: { start: number; frames: SessionFrame[] };
}

/** Timeline and session frames in batches of `size` each, in order, until both are sent. */
export function* frameBatches(timeline: readonly TimelineFrame[], session: readonly SessionFrame[], size: number): Generator<FrameBatch> {
  for (let i = 0; i * size < timeline.length || i * size < session.length; i++) {
    const start = Math.min(i * size, timeline.length);
    yield { start, frames: timeline.slice(start, start + size), session: { start: i * size, frames: session.slice(i * size, (i + 1) * size) } };
  }
}
