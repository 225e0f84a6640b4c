/**
 * `kubectl logs -f` in the console: the first read names its window, then the follow reads on as
 * the timeline moves — up to the cursor's time while scrubbed back, up to the present when new
 * frames arrive at the head — only after what it printed, until Ctrl+C or the end of the stream.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KubectlRequest } from '../../../shared/ipc/api';
import { startFollow } from '../../../renderer/console/follow';
import { provideConsoleApi, runConsoleLine } from '../../../renderer/console/run';
import { useConsoleStore } from '../../../renderer/console/store';
import { useSimulationStore } from '../../../renderer/simulation/store';

const requests: KubectlRequest[] = [];
/** The fake worker: one line per read, naming its window; the stream ends once `until` passes 500. */
const api = {
  kubectlSimulation: async (req: KubectlRequest) => {
    requests.push(req);
    const until = req.logWindow?.until ?? 300 + useSimulationStore.getState().frameCount;
    const start = req.logWindow?.start ?? until;
    return {
      ok: true as const,
      value: { runId: req.runId, stdout: `after ${req.logWindow?.after ?? '-'} until ${until}\n`, stderr: '', exitCode: 0, context: req.context, frames: [], ...(until <= 500 ? { following: { start, until, pods: req.logWindow?.pods ?? ['web-1'] } } : {}) },
    };
  },
};
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  requests.length = 0;
  useSimulationStore.setState({ status: 'ready', runId: 'run-1', frameCount: 10, cursor: 9 });
  useConsoleStore.setState({ context: 'admin', busy: false });
  provideConsoleApi(api);
});

afterEach(() => {
  provideConsoleApi(undefined);
  useSimulationStore.setState({ status: 'idle', runId: null, frameCount: 0, cursor: -1 });
});

describe('console logs -f', () => {
  it('the first read asks for a log window (the present at the head) and comes back open', async () => {
    const out = await runConsoleLine('kubectl logs -f web -n shop');
    expect(requests[0]?.logWindow).toEqual({});
    expect(out.follow).toEqual({ runId: 'run-1', argv: ['logs', '-f', 'web', '-n', 'shop'], context: 'admin', start: 310, until: 310, pods: ['web-1'], presentFrames: 10 });
    // Without -f, no window and nothing to follow.
    const plain = await runConsoleLine('logs web');
    expect(requests[1]?.logWindow).toBeUndefined();
    expect(plain.follow).toBeUndefined();
  });

  it('reads on when frames arrive at the head, and up to the cursor while playing a scrubbed-back timeline', async () => {
    const written: string[] = [];
    let ended = 0;
    const follow = startFollow({ runId: 'run-1', argv: ['logs', '-f', 'web'], context: 'admin', start: 40, until: 40, pods: ['web-1'], presentFrames: -1, api, timeAt: (seq) => seq * 10, write: (o) => written.push(o.stdout), ended: () => ended++ });
    // Scrubbed back to t=40 (frame 4): playing moves the cursor; each step reads (last, cursor time].
    useSimulationStore.setState({ cursor: 4 });
    await settle();
    expect(requests).toHaveLength(0);
    useSimulationStore.setState({ cursor: 6 });
    await settle();
    useSimulationStore.setState({ cursor: 9 });
    await settle();
    expect(written).toEqual(['after 40 until 60\n', 'after 60 until 310\n']);
    expect(requests.map((r) => r.logWindow)).toEqual([{ start: 40, after: 40, until: 60, pods: ['web-1'] }, { start: 40, after: 60, pods: ['web-1'] }]);
    // At the head: nothing until the timeline grows; a live action's frames read up to the new present.
    useSimulationStore.setState({ cursor: 9 });
    await settle();
    expect(requests).toHaveLength(2);
    useSimulationStore.setState({ frameCount: 15, cursor: 14 });
    await settle();
    expect(written.at(-1)).toBe('after 310 until 315\n');
    // Back in time prints nothing again.
    useSimulationStore.setState({ cursor: 3 });
    await settle();
    expect(requests).toHaveLength(3);
    follow.stop();
    useSimulationStore.setState({ frameCount: 20, cursor: 19 });
    await settle();
    expect(requests).toHaveLength(3);
    expect(ended).toBe(0);
  });

  it('ends by itself when the stream closes or another run starts', async () => {
    let ended = 0;
    startFollow({ runId: 'run-1', argv: ['logs', '-f', 'web'], context: 'admin', start: 0, until: 310, pods: ['web-1'], presentFrames: 10, api, write: () => {}, ended: () => ended++ });
    useSimulationStore.setState({ frameCount: 300, cursor: 299 });
    await settle();
    expect(ended).toBe(1);
    startFollow({ runId: 'run-1', argv: ['logs', '-f', 'web'], context: 'admin', start: 0, until: 310, pods: ['web-1'], presentFrames: 300, api, write: () => {}, ended: () => ended++ });
    useSimulationStore.setState({ runId: 'run-2' });
    await settle();
    expect(ended).toBe(2);
  });
});
