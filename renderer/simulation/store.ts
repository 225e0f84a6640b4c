/**
 * The running simulation as the renderer sees it. A store of its own, apart from the design store:
 * nothing the simulation shows ever writes to the design or its undo history, and leaving simulate
 * mode puts the canvas back exactly as it was.
 *
 * Run sends the open design to the worker (main's worker on the desktop, the web worker in a
 * browser: `kubeplanApi().runSimulation`); the session's frames stream back in batches and are
 * kept here, in a `KeyframeIndex` (shared/simulation/session/keyframes.ts), so showing any point of
 * the timeline (`seek`) rebuilds the view from the nearest keyframe without asking the worker.
 * The frames live outside zustand's state (they only grow); the state carries the cursor and the
 * view at the cursor, which is what components draw. See docs/simulator.md, "The simulation session".
 */
import { create } from 'zustand';
import type { Design } from '../../shared/design/types';
import type { KubeplanApi, SimulationSummary } from '../../shared/ipc/api';
import { KeyframeIndex, recordKey, type ClusterView, type SessionFrame } from '../../shared/simulation/session';
import { useKubeplanStore } from '../store';

export type SimulationStatus = 'idle' | 'running' | 'ready' | 'error';

/** An event of the session's log as it stands at some frame; `index` is its place in the log. */
export type SessionEvent = SessionFrame['events'][number];

export interface SimulationState {
  /** idle: design mode; running: frames are arriving; ready: the run ended (or was stopped); error: it failed. */
  status: SimulationStatus;
  runId: string | null;
  /** One line, when status is `error`. */
  error: string | null;
  /** Session frames received so far (`sessionFrames().length`). */
  frameCount: number;
  /** The frame the canvas shows (its `seq`); -1 before the first frame. */
  cursor: number;
  /** True while the cursor follows the newest frame (new frames move it along). */
  following: boolean;
  /** The cluster right after frame `cursor`. */
  view: ClusterView | null;
  /** The simulator's summary, once the run has ended. */
  result: SimulationSummary['result'] | null;
}

export interface SimulationActions {
  /** Start a run of the open design (cancelling one that is going); the store switches to simulate mode. */
  runSimulation(): Promise<void>;
  /** Cancel a run that is going and go back to design mode. */
  stopSimulation(): void;
  /** Show the cluster right after frame `seq` (clamped to the frames there are). */
  seek(seq: number): void;
  /** Add frames that continue the timeline (a live action's result); they must follow on without a gap. */
  appendFrames(frames: readonly SessionFrame[]): void;
}

/** Keyframe spacing in the renderer: the same default as the session's. */
const KEYFRAME_EVERY = 64;

let index = new KeyframeIndex(KEYFRAME_EVERY);
/** The view at the newest frame, kept up to date as frames arrive (the keyframes read it). */
let head = new Map<string, SessionFrame['set'][number]>();
let runCounter = 0;

type SimulationApi = Pick<KubeplanApi, 'runSimulation' | 'cancelSimulation'>;
let provided: SimulationApi | undefined;
/**
 * Where runs go: this host's API, unless a test provided another. Loaded on first use, so the
 * store (seek, appendFrames) also runs outside a page — the simulate bench times it in Node.
 */
const api = async (): Promise<SimulationApi> => provided ?? (await import('../api')).kubeplanApi();

/** Run simulations through `next` (tests: the worker module in-process); undefined restores the host's API. */
export function provideSimulationApi(next: SimulationApi | undefined): void {
  provided = next;
}

const initial: SimulationState = { status: 'idle', runId: null, error: null, frameCount: 0, cursor: -1, following: true, view: null, result: null };

function reset(): void {
  index = new KeyframeIndex(KEYFRAME_EVERY);
  head = new Map();
}

/** Every session frame received, in order (`frames[i].seq === i`). */
export function sessionFrames(): readonly SessionFrame[] {
  return index.frames;
}

/** Each event of the log as it stands right after frame `seq`, in log order. */
export function eventsAt(seq: number): SessionEvent[] {
  const frames = index.frames;
  const latest: SessionEvent[] = [];
  for (let i = 0; i <= Math.min(seq, frames.length - 1); i++) for (const e of frames[i]!.events) latest[e.index] = e;
  return latest.filter((e) => e !== undefined);
}

/** The index of the last frame at or before simulated time `t` (-1 when none). */
export function frameAtTime(t: number): number {
  return index.frameAt(t);
}

function addFrames(frames: readonly SessionFrame[]): void {
  for (const f of frames) {
    if (f.seq !== index.frames.length) throw new Error(`simulation frame ${f.seq} arrived where frame ${index.frames.length} was expected`);
    for (const k of f.removed) head.delete(k);
    for (const r of f.set) head.set(recordKey(r), r);
    index.push(f, () => head.values(), head.size);
  }
}

/** The design the current run started from (a "why not this node" replay starts from it too). */
let runInput: { runId: string; design: Design } | undefined;

export function runDesign(runId: string): Design | undefined {
  return runInput?.runId === runId ? runInput.design : undefined;
}

export const useSimulationStore = create<SimulationState & SimulationActions>()((set, get) => {
  /** After frames arrive: move a following cursor to the newest frame. */
  const advance = () => {
    const count = index.frames.length;
    const s = get();
    if (s.following && count > 0) set({ frameCount: count, cursor: count - 1, view: index.viewAt(count - 1) });
    else set({ frameCount: count });
  };

  return {
    ...initial,

    async runSimulation() {
      const previous = get().runId;
      if (previous && get().status === 'running') void api().then((host) => host.cancelSimulation(previous));
      reset();
      const runId = `run-${++runCounter}`;
      set({ ...initial, status: 'running', runId });
      useKubeplanStore.setState({ mode: 'simulate' });
      const design = useKubeplanStore.getState().design;
      runInput = { runId, design };
      const host = await api();
      if (get().runId !== runId) return; // stopped or superseded meanwhile
      const result = await host.runSimulation({ runId, design }, (batch) => {
        if (get().runId !== runId || !batch.session) return;
        addFrames(batch.session.frames);
        advance();
      });
      if (get().runId !== runId) return; // stopped or superseded meanwhile
      if (result.ok) set({ status: 'ready', result: result.value.result });
      else if (result.error.code === 'cancelled') set({ status: 'ready' });
      else set({ status: 'error', error: result.error.message });
    },

    stopSimulation() {
      const { runId, status } = get();
      if (runId && status === 'running') void api().then((host) => host.cancelSimulation(runId));
      reset();
      set({ ...initial });
      if (useKubeplanStore.getState().mode === 'simulate') useKubeplanStore.setState({ mode: 'design' });
    },

    seek(seq) {
      const count = index.frames.length;
      if (count === 0) return;
      const cursor = Math.min(Math.max(0, Math.round(seq)), count - 1);
      set({ cursor, following: cursor === count - 1, view: index.viewAt(cursor) });
    },

    appendFrames(frames) {
      addFrames(frames);
      advance();
    },
  };
});
