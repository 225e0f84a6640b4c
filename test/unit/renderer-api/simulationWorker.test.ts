import { describe, expect, it } from 'vitest';
import type { SimulationFrames } from '../../../shared/ipc/api';
import { parseScenario, simulate } from '../../../shared/simulation';
import { designObjects } from '../../../shared/design';
import { FRAME_BATCH } from '../../../renderer/api/simulation';
import { workerApi } from '../../../renderer/api/worker';
import { scalingScenario, shopDesign } from './shop';

const design = shopDesign();

describe('the browser worker runs simulations', () => {
  it('streams the whole timeline in consecutive batches of at most 64 frames, then the summary', async () => {
    const batches: SimulationFrames[] = [];
    const result = await workerApi.runSimulation({ runId: 'r1', design, scenario: scalingScenario() }, (b) => void batches.push(b));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(batches.length).toBeGreaterThan(1);
    let next = 0;
    for (const b of batches) {
      expect(b.runId).toBe('r1');
      expect(b.start).toBe(next);
      expect(b.frames.length).toBeGreaterThan(0);
      expect(b.frames.length).toBeLessThanOrEqual(FRAME_BATCH);
      next += b.frames.length;
    }
    expect(result.value.frameCount).toBe(next);
    // The same frames, in the same order, as the simulator produced them in-process.
    const parsed = parseScenario(scalingScenario(), 'scenario');
    if (!('scenario' in parsed)) throw new Error(parsed.error.message);
    const direct = simulate({ objects: designObjects(design), cluster: design.cluster, scenario: parsed.scenario });
    expect(batches.flatMap((b) => b.frames)).toEqual(direct.timeline);
  });

  it('returns the simulator result without its timeline, with every shop pod Running on a node', async () => {
    const result = await workerApi.runSimulation({ runId: 'r2', design }, () => undefined);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rest = result.value.result;
    expect(rest).not.toHaveProperty('timeline');
    expect(rest.steady).toBe(true);
    const pods = rest.pods.filter((p) => p.namespace === 'shop');
    expect(pods.length).toBeGreaterThan(0);
    for (const p of pods) {
      expect(p.phase).toBe('Running');
      expect(p.node).toMatch(/^node-\d$/);
    }
  });

  it('gives the same frames for the same design and seed', async () => {
    const run = async (runId: string) => {
      const frames: unknown[] = [];
      await workerApi.runSimulation({ runId, design, seed: 7, scenario: scalingScenario(10) }, (b) => void frames.push(...b.frames));
      return JSON.stringify(frames);
    };
    expect(await run('a')).toBe(await run('b'));
  });

  it('settles only after the page has taken the last batch', async () => {
    const log: string[] = [];
    const result = await workerApi.runSimulation({ runId: 'r3', design, scenario: scalingScenario() }, async (b) => {
      await new Promise((r) => setTimeout(r, 5));
      log.push(`frames ${b.start}`);
    });
    log.push('settled');
    expect(result.ok).toBe(true);
    expect(log.at(-1)).toBe('settled');
    expect(log.filter((l) => l.startsWith('frames')).length).toBe(Math.ceil((result.ok ? result.value.frameCount : 0) / FRAME_BATCH));
  });

  it('stops streaming when cancelled and answers with code "cancelled"', async () => {
    const batches: SimulationFrames[] = [];
    const result = await workerApi.runSimulation({ runId: 'r4', design, scenario: scalingScenario() }, (b) => {
      batches.push(b);
      expect(workerApi.cancelSimulation('r4')).toBe(true);
    });
    expect(batches).toHaveLength(1);
    expect(result).toEqual({ ok: false, error: { message: 'simulation r4 cancelled', code: 'cancelled' } });
    // Finished runs are forgotten: cancelling again finds nothing, and the id can be reused.
    expect(workerApi.cancelSimulation('r4')).toBe(false);
    expect((await workerApi.runSimulation({ runId: 'r4', design }, () => undefined)).ok).toBe(true);
  });

  it('refuses a second run with the id of one still running', async () => {
    let second: unknown;
    const first = await workerApi.runSimulation({ runId: 'dup', design }, async () => {
      second ??= await workerApi.runSimulation({ runId: 'dup', design }, () => undefined);
    });
    expect(first.ok).toBe(true);
    expect(second).toEqual({ ok: false, error: { message: 'simulation dup is already running', code: 'busy' } });
  });

  it('reports a broken scenario with its line and sends no frames', async () => {
    const frames: SimulationFrames[] = [];
    const result = await workerApi.runSimulation({ runId: 'bad', design, scenario: 'steps:\n  - wait: 3s\n  - fly: away\n' }, (b) => void frames.push(b));
    expect(frames).toEqual([]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('scenario');
    expect(result.error.line).toBe(3);
    expect(result.error.message).toMatch(/^scenario:3: /);
    expect(result.error.message).not.toContain('\n');
  });

  it('reports a scenario that is not a mapping with steps', async () => {
    const result = await workerApi.runSimulation({ runId: 'bad2', design, scenario: 42 }, () => undefined);
    expect(result).toEqual({ ok: false, error: { message: 'scenario: a scenario is a mapping with a "steps" list', file: 'scenario', code: 'scenario' } });
  });
});
