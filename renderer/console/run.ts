/**
 * Running a console line: the command goes to the host's simulation worker (`kubectlSimulation`,
 * the same live session the live actions use: renderer/simulation/actions.ts); frames of a
 * command that changed the cluster continue the timeline at once, so the canvas shows the change.
 */
import i18next from 'i18next';
import type { KubectlResult, KubeplanApi } from '../../shared/ipc/api';
import { commandWords, follows } from '../../shared/simulation/kubectl';
import { kubeplanApi } from '../api';
import { liveRunId, useLiveActions } from '../simulation/actions';
import { sessionFrames, useSimulationStore } from '../simulation/store';
import { designFiles } from './files';
import { followTarget, type FollowStart } from './follow';
import { consoleRan } from './ran';
import { pushHistory, useConsoleStore } from './store';

type ConsoleApi = Pick<KubeplanApi, 'kubectlSimulation'>;
let provided: ConsoleApi | undefined;

/** Send console commands through `next` (tests); undefined restores the host's API. */
export function provideConsoleApi(next: ConsoleApi | undefined): void {
  provided = next;
}

/** The API console commands go through (a follow's reads use the same one). */
export function provideConsoleApiFor(): ConsoleApi {
  return provided ?? kubeplanApi();
}

export interface ConsoleOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** `logs -f`: the stream is open; the console follows it (./follow.ts) until Ctrl+C. */
  follow?: FollowStart;
}

/** Run one line as the console's context; the output to print (an explanation when nothing could run). */
export async function runConsoleLine(line: string): Promise<ConsoleOutput> {
  pushHistory(line);
  let argv: string[];
  try {
    argv = commandWords(line);
  } catch (err) {
    return { stdout: '', stderr: `${err instanceof Error ? err.message : String(err)}\n`, exitCode: 1 };
  }
  if (argv.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
  const runId = liveRunId();
  if (!runId) return { stdout: '', stderr: `${i18next.t('console.notLive')}\n`, exitCode: 1 };
  if (useLiveActions.getState().busy || useConsoleStore.getState().busy) return { stdout: '', stderr: `${i18next.t('console.busy')}\n`, exitCode: 1 };
  const { context, pasted } = useConsoleStore.getState();
  const readsStdin = argv.some((a, i) => ((a === '-f' || a === '--filename') && argv[i + 1] === '-') || a === '--filename=-' || a === '-f-');
  // `logs -f` reads up to the timeline's moment and stays open (./follow.ts).
  const target = follows(argv) ? followTarget() : undefined;
  const logWindow = target ? (target.present ? {} : { until: target.time ?? 0 }) : undefined;
  useConsoleStore.setState({ busy: true });
  useLiveActions.setState({ busy: true });
  try {
    const result = await (provided ?? kubeplanApi()).kubectlSimulation({ runId, argv, context, files: designFiles(), ...(readsStdin && pasted !== null ? { stdin: pasted } : {}), ...(logWindow ? { logWindow } : {}) });
    if (!result.ok) return { stdout: '', stderr: `${result.error.message}\n`, exitCode: 1 };
    apply(runId, result.value);
    if (readsStdin) useConsoleStore.setState({ pasted: null });
    const output: ConsoleOutput = { stdout: result.value.stdout, stderr: result.value.stderr + (result.value.stopped ? `${result.value.stopped}\n` : ''), exitCode: result.value.exitCode };
    consoleRan({ argv, user: impersonated(argv) ?? context, ...output });
    const open = result.value.following;
    if (open && target) output.follow = { runId, argv, context, start: open.start, until: open.until, pods: open.pods, presentFrames: target.present ? target.frames : -1 };
    return output;
  } finally {
    useConsoleStore.setState({ busy: false });
    useLiveActions.setState({ busy: false });
  }
}

/** The user `--as USER` / `--as=USER` names, if any. */
function impersonated(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--as') return argv[i + 1];
    if (argv[i]!.startsWith('--as=')) return argv[i]!.slice('--as='.length);
  }
  return undefined;
}

function apply(runId: string, r: KubectlResult): void {
  useConsoleStore.setState({ context: r.context });
  if (r.frames.length === 0 || useSimulationStore.getState().runId !== runId) return;
  useSimulationStore.getState().appendFrames(r.frames);
  // The command acted on the newest state: show its outcome even if the user had scrubbed back.
  useSimulationStore.getState().seek(sessionFrames().length - 1);
}
