import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHeavyWork } from '../../../main/core/workerClient';
import { deployment, design } from './fixtures/fakeEngine';
import { emptyResult } from './fixtures/simulationResult';

// The real protocol and client, with a worker thread running the fake engine through tsx.
const work = createHeavyWork(join(import.meta.dirname, 'fixtures', 'fakeWorker.mjs'));
afterAll(() => work.close());

describe('the heavy-work worker', () => {
  it('answers a request off the main thread', async () => {
    work.warm();
    const result = await work.call('serialize', { design: design('shop', [deployment('web')]) });
    expect(result).toMatchObject({ ok: true, value: expect.stringContaining('name: web') });
  });

  it('answers concurrent requests each with its own result', async () => {
    const results = await Promise.all(['a', 'b', 'c'].map((n) => work.call('validate', { design: design(n, [deployment(n.toUpperCase())]) })));
    expect(results.map((r) => (r.ok ? r.value[0]?.name : r.error.message))).toEqual(['A', 'B', 'C']);
  });

  it('reports a bad file as an error with file and line, not a crash', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kubeplan-worker-')), 'bad.kubeplan.yaml');
    writeFileSync(file, 'kubeplan: 1\nname: [\n');
    const result = await work.call('openPath', { path: file });
    expect(result).toMatchObject({ ok: false, error: { file, line: expect.any(Number) } });
    // The worker survives and keeps answering.
    expect((await work.call('serialize', { design: design('after') })).ok).toBe(true);
  });

  it('reports a worker that died as an error, and starts a fresh one for the next request', async () => {
    expect(await work.call('serialize', { design: design('crash') })).toEqual({ ok: false, error: { message: 'the worker exited (code 7)', code: 'worker' } });
    expect(await work.call('serialize', { design: design('after') })).toMatchObject({ ok: true, value: expect.stringContaining('name: after') });
  });

  it('streams simulation frames in order before the summary', async () => {
    const starts: number[] = [];
    const ticks: number[] = [];
    const result = await work.simulate({ design: design('x'), scenario: { ticks: 200 }, seed: 3 }, (start, frames) => {
      starts.push(start);
      ticks.push(...frames.map((f) => f.time));
    });
    expect(result).toEqual({ ok: true, value: { frameCount: 200, result: emptyResult(3) } });
    expect(starts).toEqual([0, 64, 128, 192]);
    expect(ticks).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('cancels a simulation that never ends, and the next request still works', async () => {
    const controller = new AbortController();
    const running = work.simulate({ design: design('x'), scenario: { ticks: -1 } }, () => undefined, controller.signal);
    setTimeout(() => controller.abort(), 300);
    expect(await running).toEqual({ ok: false, error: { message: 'simulation cancelled', code: 'cancelled' } });
    expect((await work.call('serialize', { design: design('after') })).ok).toBe(true);
  });

  it('refuses a simulation beyond the concurrent limit as busy, and takes one again once a run ends', async () => {
    const limited = createHeavyWork(join(import.meta.dirname, 'fixtures', 'fakeWorker.mjs'), { concurrentSimulations: 1, simulationHeapMegabytes: 256, sharedWorkerHeapMegabytes: 256 });
    const controller = new AbortController();
    const running = limited.simulate({ design: design('x'), scenario: { ticks: -1 } }, () => undefined, controller.signal);
    const second = await limited.simulate({ design: design('y') }, () => undefined);
    expect(second).toEqual({ ok: false, error: { message: '1 simulation is already running (the limit); wait for one to finish or cancel it', code: 'busy' } });
    controller.abort();
    await running;
    expect((await limited.simulate({ design: design('z') }, () => undefined)).ok).toBe(true);
    await limited.close();
  });

  it('stops a simulation that outgrows its memory limit with a message, and the app goes on', async () => {
    const limited = createHeavyWork(join(import.meta.dirname, 'fixtures', 'fakeWorker.mjs'), { concurrentSimulations: 1, simulationHeapMegabytes: 64, sharedWorkerHeapMegabytes: 256 });
    const result = await limited.simulate({ design: design('x'), scenario: { ticks: -2 } }, () => undefined);
    expect(result).toEqual({ ok: false, error: { message: 'the work ran out of its 64 MB memory limit and was stopped', code: 'too-large' } });
    expect((await limited.simulate({ design: design('z') }, () => undefined)).ok).toBe(true);
    await limited.close();
  });
});
