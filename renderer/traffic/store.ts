/**
 * The traffic report the canvas and the Traffic tab show: the design's flows traced over its
 * simulated steady state, and the connectivity matrix (docs/traffic.md). Computed by the host's
 * worker (`kubeplanApi().traceTraffic`), again whenever the design changes while it is wanted
 * (simulate mode, or the Traffic tab open). Never writes the design.
 */
import { create } from 'zustand';
import type { Design } from '../../shared/design/types';
import type { TrafficReport } from '../../shared/ipc/traffic';
import { kubeplanApi } from '../api';
import { useKubeplanStore } from '../store';

export type TrafficStatus = 'idle' | 'tracing' | 'ready' | 'error';

/** What the explain box shows: a flow's route or a matrix cell, with the text `kubeplan explain` would print. */
export interface Explained {
  title: string;
  text: string;
}

export interface TrafficState {
  status: TrafficStatus;
  report: TrafficReport | null;
  /**
   * The worker's report over the steady state. In simulate mode `report` follows the timeline's
   * cursor (./atCursor.ts); logs and metrics cover the whole run, so they read this one.
   */
  steady: TrafficReport | null;
  /** The design the report belongs to (compared by identity). */
  of: Design | null;
  error: string | null;
  explained: Explained | null;
  /** The flow the list and the canvas highlight. */
  focus: string | null;
  /** The Traffic tab shows the flows or the connectivity matrix. */
  view: 'flows' | 'matrix';
  /** Bumped to ask the dock to bring the Traffic tab forward. */
  reveal: number;
}

export const useTrafficStore = create<TrafficState>()(() => ({ status: 'idle', report: null, steady: null, of: null, error: null, explained: null, focus: null, view: 'flows', reveal: 0 }));

type TraceApi = (design: Design) => ReturnType<NonNullable<ReturnType<typeof kubeplanApi>['traceTraffic']>>;
let provided: TraceApi | undefined;

/** Trace through `next` (tests); undefined restores the host's API. */
export function provideTraceApi(next: TraceApi | undefined): void {
  provided = next;
}

let wanted = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let generation = 0;

/** Trace the open design now (superseding a trace under way). */
export async function refreshTraffic(): Promise<void> {
  const design = useKubeplanStore.getState().design;
  const mine = ++generation;
  let trace: TraceApi | undefined;
  try {
    trace = provided ?? kubeplanApi().traceTraffic?.bind(kubeplanApi());
  } catch {
    trace = undefined; // no host API here (a unit test without a page)
  }
  if (!trace) {
    useTrafficStore.setState({ status: 'error', error: 'this host cannot trace traffic', of: design });
    return;
  }
  useTrafficStore.setState({ status: 'tracing' });
  let result: Awaited<ReturnType<TraceApi>>;
  try {
    result = await trace(design);
  } catch (err) {
    result = { ok: false, error: { message: err instanceof Error ? err.message : String(err), code: 'traffic' } };
  }
  if (mine !== generation) return;
  if (result.ok) useTrafficStore.setState({ status: 'ready', report: result.value, steady: result.value, of: design, error: null });
  else useTrafficStore.setState({ status: 'error', error: result.error.message, of: design });
}

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void refreshTraffic(), 200);
}

const isWanted = () => wanted > 0 || useKubeplanStore.getState().mode === 'simulate';

useKubeplanStore.subscribe((s, prev) => {
  if (!isWanted()) return;
  if (s.design !== prev.design || (s.mode !== prev.mode && s.mode === 'simulate')) {
    if (useTrafficStore.getState().of !== s.design) schedule();
  }
});

/** A view that needs the report (the Traffic tab) holds it while mounted; returns the release. */
export function wantTraffic(): () => void {
  wanted++;
  if (useTrafficStore.getState().of !== useKubeplanStore.getState().design) void refreshTraffic();
  return () => {
    wanted--;
  };
}

export function explain(explained: Explained | null): void {
  useTrafficStore.setState({ explained });
}

export function focusFlow(id: string | null): void {
  useTrafficStore.setState({ focus: id });
}

/** Bring the Traffic tab forward on the connectivity matrix. */
export function showConnectivity(): void {
  useTrafficStore.setState((s) => ({ view: 'matrix', reveal: s.reveal + 1 }));
}
