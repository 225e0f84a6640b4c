/**
 * A console command counts toward the lesson step: runConsoleLine tells the lessons store what it
 * ran (its words, the user, the exit code and output), only while a lesson is open, and the next
 * step starts with none.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provideConsoleApi, runConsoleLine } from '../../../renderer/console/run';
import { useConsoleStore } from '../../../renderer/console/store';
import { installLessons, useLessons } from '../../../renderer/lessons/store';
import { useSimulationStore } from '../../../renderer/simulation/store';

const seen: { argv: string[]; context: string }[] = [];

beforeEach(() => {
  installLessons();
  seen.length = 0;
  useSimulationStore.setState({ status: 'ready', runId: 'run-1', frameCount: 1, cursor: 0 });
  useConsoleStore.setState({ context: 'dev', busy: false });
  provideConsoleApi({
    kubectlSimulation: async (req) => {
      seen.push({ argv: req.argv, context: req.context });
      const refused = req.argv[1] === 'secrets';
      return {
        ok: true,
        value: {
          runId: req.runId,
          stdout: refused ? '' : 'NAME    READY\nweb-1   1/1\n',
          stderr: refused ? 'Error from server (Forbidden): secrets is forbidden: User "dev" cannot list resource "secrets" in API group "" in the namespace "team-a"\n' : '',
          exitCode: refused ? 1 : 0,
          context: req.context,
          frames: [],
        },
      };
    },
  });
});

afterEach(() => {
  provideConsoleApi(undefined);
  useLessons.setState({ active: null, kubectl: [] });
  useSimulationStore.setState({ status: 'idle', runId: null, frameCount: 0, cursor: -1 });
});

describe('console commands in a lesson step', () => {
  it('are recorded with their words, user, exit code and output while a lesson is open', async () => {
    useLessons.setState({ active: { id: 'developer-permissions', step: 2 }, kubectl: [] });
    await runConsoleLine('kubectl get pods');
    await runConsoleLine('get secrets');
    await runConsoleLine('get pods --as=admin -n team-b');
    expect(seen.map((s) => s.argv.join(' '))).toEqual(['get pods', 'get secrets', 'get pods --as=admin -n team-b']);
    const runs = useLessons.getState().kubectl;
    expect(runs.map((r) => [r.argv.join(' '), r.user, r.exitCode])).toEqual([
      ['get pods', 'dev', 0],
      ['get secrets', 'dev', 1],
      ['get pods --as=admin -n team-b', 'admin', 0],
    ]);
    expect(runs[1]!.stderr).toContain('(Forbidden)');
    expect(runs[0]!.stdout).toContain('web-1');
  });

  it('are not recorded without a lesson', async () => {
    await runConsoleLine('get pods');
    expect(seen).toHaveLength(1);
    expect(useLessons.getState().kubectl).toEqual([]);
  });
});
