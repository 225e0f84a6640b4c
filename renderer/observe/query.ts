/**
 * Questions about the finished run's logs and metrics, sent to the host's simulation worker
 * (`simulation:observe`, shared/ipc/observe.ts) — main's worker on the desktop, the web worker in a
 * browser — which answers from the run's live session. The run sends the design's traffic flows
 * itself, so the charts count their requests (docs/observability.md).
 */
import type { KubeplanApi } from '../../shared/ipc/api';
import type { ObserveQuery, ObserveResult } from '../../shared/ipc/observe';
import type { SessionFrame } from '../../shared/simulation/session';

type ObserveApi = Pick<KubeplanApi, 'observeSimulation'>;
let provided: ObserveApi | undefined;

/** Answer questions through `next` (tests); undefined restores the host's API. */
export function provideObserveApi(next: ObserveApi | undefined): void {
  provided = next;
}

const api = async (): Promise<ObserveApi> => provided ?? (await import('../api')).kubeplanApi();

export type Answer<Q extends ObserveQuery['query']> = Extract<ObserveResult, { query: Q }>;

/** Ask the run `runId` one question; an error is one line. */
export async function observe<Q extends ObserveQuery>(runId: string, query: Q): Promise<{ ok: true; value: Answer<Q['query']> } | { ok: false; message: string }> {
  const host = await api();
  if (!host.observeSimulation) return { ok: false, message: 'this host does not serve logs and metrics' };
  const result = await host.observeSimulation(runId, query);
  if (!result.ok) return { ok: false, message: result.error.message };
  return { ok: true, value: result.value as Answer<Q['query']> };
}

/** The frame to show for a time on a chart: the last one at or before it. */
export function frameAtTime(frames: readonly SessionFrame[], t: number): number {
  let lo = 0;
  let hi = frames.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (frames[mid].time <= t) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
