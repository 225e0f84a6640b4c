/**
 * `kubectl logs -f` in the console (docs/kubectl.md, "Following logs"). The first read prints what
 * the containers have written up to the timeline's moment; then the follow watches the simulation
 * store and reads on — one request per step of the timeline, never one React update per line —
 * handing the new lines to the terminal, until Ctrl+C or the end of the stream (the pod went away,
 * a new run).
 *
 * The moment a read goes up to is the timeline's: the present (the worker's: the last event and
 * the steady stretch after it) while the cursor is on the newest frame, else the time of the
 * cursor's frame. So pressing play after scrubbing back prints the lines as the playhead passes
 * them, and a live action or a console command in another tab that continues the timeline prints
 * what the followed containers wrote since.
 */
import type { KubeplanApi } from '../../shared/ipc/api';
import { kubeplanApi } from '../api';
import { sessionFrames, useSimulationStore } from '../simulation/store';

type FollowApi = Pick<KubeplanApi, 'kubectlSimulation'>;

export interface FollowStart {
  runId: string;
  argv: string[];
  context: string;
  /** The first read's window and the pods it chose, as the worker answered them. */
  start: number;
  until: number;
  pods: string[];
  /** The first read went up to the present at this many frames (-1: it read up to the cursor's time). */
  presentFrames: number;
}

export interface FollowOptions extends FollowStart {
  /** Print a read's output (the terminal's write). */
  write(out: { stdout: string; stderr: string }): void;
  /** The stream ended by itself: the followed pods are gone, an error, another run. */
  ended(): void;
  api?: FollowApi;
  /** The simulated time of frame `seq` (tests); default the session's frames. */
  timeAt?: (seq: number) => number | undefined;
}

export interface FollowHandle {
  /** Ctrl+C: stop reading, print nothing more. */
  stop(): void;
}

const frameTime = (seq: number) => sessionFrames()[seq]?.time;

/** Where a read goes up to now: the present (cursor on the newest frame), or the cursor's time. */
export function followTarget(timeAt: (seq: number) => number | undefined = frameTime): { present: true; frames: number } | { present: false; time: number | undefined } {
  const s = useSimulationStore.getState();
  return s.cursor >= s.frameCount - 1 ? { present: true, frames: s.frameCount } : { present: false, time: timeAt(s.cursor) };
}

export function startFollow(o: FollowOptions): FollowHandle {
  const api = (): FollowApi => o.api ?? kubeplanApi();
  const timeAt = o.timeAt ?? frameTime;
  let last = o.until;
  let presentFrames = o.presentFrames;
  let stopped = false;
  let inflight = false;
  let again = false;

  const finish = () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    o.ended();
  };

  const pump = async (): Promise<void> => {
    if (stopped) return;
    if (inflight) {
      again = true;
      return;
    }
    if (useSimulationStore.getState().runId !== o.runId) return finish();
    const target = followTarget(timeAt);
    let until: number | undefined;
    if (target.present) {
      if (target.frames === presentFrames) return;
    } else {
      if (target.time === undefined || target.time <= last) return;
      until = target.time;
    }
    inflight = true;
    try {
      const r = await api().kubectlSimulation({ runId: o.runId, argv: o.argv, context: o.context, logWindow: { start: o.start, after: last, pods: o.pods, ...(until !== undefined ? { until } : {}) } });
      if (stopped) return;
      if (!r.ok) {
        o.write({ stdout: '', stderr: `${r.error.message}\n` });
        return finish();
      }
      if (r.value.stdout || r.value.stderr) o.write({ stdout: r.value.stdout, stderr: r.value.stderr });
      if (target.present) presentFrames = target.frames;
      if (!r.value.following) return finish();
      last = Math.max(last, r.value.following.until);
    } finally {
      inflight = false;
    }
    if (again) {
      again = false;
      await pump();
    }
  };

  const unsubscribe = useSimulationStore.subscribe((s, prev) => {
    if (s.cursor !== prev.cursor || s.frameCount !== prev.frameCount || s.runId !== prev.runId) void pump();
  });

  return {
    stop() {
      if (stopped) return;
      stopped = true;
      unsubscribe();
    },
  };
}
