import { describe, expect, it } from 'vitest';
import type { Result, SimulationFrames, SimulationRequest, SimulationSummary } from '../../../shared/ipc/api';
import type { FramesSink } from '../../../renderer/api/simulation';
import { workerApi } from '../../../renderer/api/worker';
import { createSimulationClient, type SimulationConnection } from '../../../renderer/api/workerClient';
import { emptyResult, frame } from '../main/fixtures/simulationResult';
import { scalingScenario, shopDesign } from './shop';

const design = shopDesign();

/** The worker module in-process; terminating it stops the run as killing the worker would. */
function inProcess(log: string[] = []) {
  let onError: (message: string) => void = () => undefined;
  let runId = '';
  const connection: SimulationConnection = {
    runSimulation(request, onFrames) {
      runId = request.runId;
      return workerApi.runSimulation(request, onFrames);
    },
    actSimulation: (id, action) => workerApi.actSimulation(id, action),
    kubectlSimulation: (request) => workerApi.kubectlSimulation(request),
    terminate() {
      log.push('terminate');
      workerApi.cancelSimulation(runId);
    },
    onError: (listener) => void (onError = listener),
  };
  return { connection, fail: (message: string) => onError(message) };
}

/** A connection whose worker sends what the test says. */
function scripted(run: (request: SimulationRequest, onFrames: FramesSink) => Promise<Result<SimulationSummary>>): SimulationConnection {
  return { runSimulation: run, actSimulation: () => ({ ok: false, error: { message: 'scripted', code: 'worker' } }), kubectlSimulation: () => ({ ok: false, error: { message: 'scripted', code: 'worker' } }), terminate: () => undefined, onError: () => undefined };
}

describe('the page side of a browser simulation', () => {
  it('hands the frames over in order and settles after the last one; the worker stays live until cancelled', async () => {
    const log: string[] = [];
    const client = createSimulationClient(() => inProcess(log).connection);
    const result = await client.run({ runId: 'c1', design, scenario: scalingScenario() }, (b) => void log.push(`frames ${b.start}+${b.frames.length}`));
    expect(result.ok).toBe(true);
    expect(log).toEqual(['frames 0+64', expect.stringMatching(/^frames 64\+\d+$/)]);
    expect(result.ok && result.value.frameCount).toBe(64 + Number(log[1]!.split('+')[1]));
    expect(client.cancel('c1')).toBe(false);
    expect(log.at(-1)).toBe('terminate');
    expect(await client.act('c1', { action: 'applyAgain' })).toMatchObject({ ok: false, error: { code: 'not-live' } });
  });

  it('acts on a finished run: the frames continue its session frames; older runs beyond the bound are stopped', async () => {
    const log: string[] = [];
    const client = createSimulationClient(() => inProcess(log).connection);
    let sessionFrames = 0;
    await client.run({ runId: 'l1', design }, (b) => void (sessionFrames += b.session?.frames.length ?? 0));
    const acted = await client.act('l1', { action: 'applyAgain' });
    expect(acted.ok).toBe(true);
    if (!acted.ok) return;
    expect(acted.value.frames[0]!.seq).toBe(sessionFrames);
    expect(acted.value.frames[0]!.cause).toMatchObject({ type: 'step', action: 'applyAgain' });
    expect(acted.value.applied.length).toBeGreaterThan(0);
    expect(acted.value.applied.every((a) => a.result === 'unchanged')).toBe(true);
    const reapplied = await client.act('l1', { action: 'reapply', design });
    expect(reapplied.ok && reapplied.value.applied.every((a) => a.result === 'unchanged')).toBe(true);
    await client.run({ runId: 'l2', design }, () => undefined);
    await client.run({ runId: 'l3', design }, () => undefined);
    expect(log.filter((l) => l === 'terminate')).toHaveLength(1);
    expect(await client.act('l1', { action: 'applyAgain' })).toMatchObject({ ok: false, error: { code: 'not-live' } });
    expect((await client.act('l3', { action: 'applyAgain' })).ok).toBe(true);
    client.cancel('l2');
    client.cancel('l3');
  });

  it('settles with code "cancelled" at once and delivers no frame after the cancel', async () => {
    const client = createSimulationClient(() => inProcess().connection);
    const seen: SimulationFrames[] = [];
    const running = client.run({ runId: 'c2', design, scenario: scalingScenario() }, (b) => {
      seen.push(b);
      expect(client.cancel('c2')).toBe(true);
    });
    expect(await running).toEqual({ ok: false, error: { message: 'simulation c2 cancelled', code: 'cancelled' } });
    expect(seen).toHaveLength(1);
    expect(client.cancel('c2')).toBe(false);
  });

  it('cancels a run still computing without waiting for the worker', async () => {
    const client = createSimulationClient(() => scripted(() => new Promise(() => undefined)));
    const running = client.run({ runId: 'c3', design }, () => undefined);
    expect(client.cancel('c3')).toBe(true);
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('says nothing was cancelled for an unknown run', () => {
    expect(createSimulationClient(() => inProcess().connection).cancel('nope')).toBe(false);
  });

  it('refuses a second run under the same id while the first is going', async () => {
    const client = createSimulationClient(() => scripted(() => new Promise(() => undefined)));
    void client.run({ runId: 'same', design }, () => undefined);
    expect(await client.run({ runId: 'same', design }, () => undefined)).toEqual({ ok: false, error: { message: 'simulation same is already running', code: 'busy' } });
    client.cancel('same');
  });

  it('fails the run rather than skip frames when a batch arrives out of order', async () => {
    const delivered: number[] = [];
    const client = createSimulationClient(() =>
      scripted(async (request, onFrames) => {
        await onFrames({ runId: request.runId, start: 0, frames: [frame(1), frame(2)] });
        await onFrames({ runId: request.runId, start: 3, frames: [frame(4)] });
        return { ok: true, value: { runId: request.runId, frameCount: 4, result: emptyResult() } };
      }),
    );
    const result = await client.run({ runId: 'gap', design }, (b) => void delivered.push(b.start));
    expect(delivered).toEqual([0]);
    expect(result).toEqual({ ok: false, error: { message: 'simulation gap: frames 2… expected, 3… received', code: 'worker' } });
  });

  it('fails the run when the summary counts frames that never arrived', async () => {
    const client = createSimulationClient(() => scripted(async (request) => ({ ok: true, value: { runId: request.runId, frameCount: 5, result: emptyResult() } })));
    expect(await client.run({ runId: 'short', design }, () => undefined)).toEqual({ ok: false, error: { message: 'simulation short: 5 frames reported, 0 delivered', code: 'worker' } });
  });

  it('reports a worker that dies mid-run', async () => {
    const worker = inProcess();
    const client = createSimulationClient(() => ({ ...worker.connection, runSimulation: () => new Promise(() => undefined) }));
    const running = client.run({ runId: 'dead', design }, () => undefined);
    worker.fail('out of memory');
    expect(await running).toEqual({ ok: false, error: { message: 'the simulation worker stopped: out of memory', code: 'worker' } });
  });

  it('passes the worker\'s own errors through unchanged', async () => {
    const client = createSimulationClient(() => inProcess().connection);
    const result = await client.run({ runId: 'bad', design, scenario: 'steps: 3' }, () => undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'scenario', file: 'scenario' } });
  });

  it('stops the run and blames the page when its frames handler throws', async () => {
    const log: string[] = [];
    const client = createSimulationClient(() => inProcess(log).connection);
    let calls = 0;
    const result = await client.run({ runId: 'ui-bug', design, scenario: scalingScenario() }, () => {
      calls++;
      throw new Error('cannot read properties of undefined\n    at stack');
    });
    expect(result).toEqual({ ok: false, error: { message: 'simulation ui-bug: the frames could not be shown: cannot read properties of undefined', code: 'renderer' } });
    expect(calls).toBe(1);
    expect(log).toEqual(['terminate']);
  });

  it('answers with an error, not an exception, when no worker can be started', async () => {
    const client = createSimulationClient(() => {
      throw new Error('Worker is not defined');
    });
    expect(await client.run({ runId: 'none', design }, () => undefined)).toEqual({ ok: false, error: { message: 'the simulation worker could not start: Worker is not defined', code: 'worker' } });
    expect(client.cancel('none')).toBe(false);
  });
});
