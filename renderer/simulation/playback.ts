/**
 * Playing the timeline: the cursor moves through simulated time at a chosen speed (×1 is one
 * simulated second per second), or one event at a time. Only the cursor moves — every position
 * is a `seek` into the store's keyframes — so playing, stepping and scrubbing are the same thing.
 */
import { create } from 'zustand';
import { frameAtTime, sessionFrames, useSimulationStore } from './store';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

interface PlaybackState {
  playing: boolean;
  speed: Speed;
}

export const usePlayback = create<PlaybackState>()(() => ({ playing: false, speed: 1 }));

let raf = 0;
/** Simulated time the playhead is at (between frames while playing). */
let playhead = 0;
let last = 0;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const frame = (cb: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(cb) : (setTimeout(cb, 16) as unknown as number));
const cancelFrame = (id: number) => (typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(id) : clearTimeout(id));

/** Simulated time of the last frame (0 before any). */
export function endTime(): number {
  return sessionFrames().at(-1)?.time ?? 0;
}

function tick(): void {
  raf = 0;
  if (!usePlayback.getState().playing) return;
  const t = now();
  playhead += ((t - last) / 1000) * usePlayback.getState().speed;
  last = t;
  const end = endTime();
  const sim = useSimulationStore.getState();
  const seq = frameAtTime(Math.min(playhead, end));
  if (seq !== sim.cursor && seq >= 0) sim.seek(seq);
  // Reaching the end of a finished run stops; a run still streaming keeps going as frames arrive.
  if (playhead >= end && sim.status !== 'running') {
    sim.seek(sessionFrames().length - 1);
    usePlayback.setState({ playing: false });
    return;
  }
  raf = frame(tick);
}

export function play(): void {
  const frames = sessionFrames();
  if (frames.length === 0) return;
  const cursor = useSimulationStore.getState().cursor;
  // From the end, play starts over.
  if (cursor >= frames.length - 1) useSimulationStore.getState().seek(0);
  playhead = frames[useSimulationStore.getState().cursor]?.time ?? 0;
  last = now();
  usePlayback.setState({ playing: true });
  if (!raf) raf = frame(tick);
}

export function pause(): void {
  usePlayback.setState({ playing: false });
  if (raf) cancelFrame(raf);
  raf = 0;
}

export function togglePlay(): void {
  if (usePlayback.getState().playing) pause();
  else play();
}

export function setSpeed(speed: Speed): void {
  usePlayback.setState({ speed });
}

/** Whether a frame changed anything the canvas shows (a tick where nothing happened is skipped by a step). */
function eventful(seq: number): boolean {
  const f = sessionFrames()[seq];
  return f !== undefined && (f.set.length > 0 || f.removed.length > 0 || f.events.length > 0 || f.cause.type !== 'tick');
}

/** Move one event back (-1) or forward (+1), skipping frames where nothing changed. */
export function stepEvent(direction: -1 | 1): void {
  pause();
  const sim = useSimulationStore.getState();
  const count = sessionFrames().length;
  if (count === 0) return;
  let seq = sim.cursor + direction;
  while (seq > 0 && seq < count - 1 && !eventful(seq)) seq += direction;
  sim.seek(Math.min(Math.max(seq, 0), count - 1));
}

export function toStart(): void {
  pause();
  useSimulationStore.getState().seek(0);
}

export function toEnd(): void {
  pause();
  useSimulationStore.getState().seek(sessionFrames().length - 1);
}

/** Show the frame at simulated time `t` (the scrubber). */
export function seekTime(t: number): void {
  pause();
  const seq = frameAtTime(t);
  useSimulationStore.getState().seek(Math.max(seq, 0));
}
