/**
 * `simulation:observe` crosses IPC typed: its zod schemas infer the engine's types, real answers
 * parse unchanged, and both hosts answer it over a finished run (main's worker thread, and the
 * browser's worker module, called in-process here as the unit tests of that module do).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { emptyDesign, type Design } from '../../../../shared/design/types';
import { createHeavyWork } from '../../../../main/core/workerClient';
import type { metricSeriesSchema } from '../../../../shared/ipc/observe';
import { observeAnswer, observeRequestSchema, observeResultSchema } from '../../../../shared/ipc/observe';
import { invokeSchemas, parsePayload } from '../../../../shared/ipc/schemas';
import { INVOKE } from '../../../../shared/ipc/channels';
import type { MetricSeries } from '../../../../shared/simulation/observe';
import { workerApi } from '../../../../renderer/api/worker';
import { crash, session } from './fixtures';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const design: Design = {
  ...emptyDesign('web'),
  resources: [{
    id: 'r1',
    object: {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] } } },
    },
  }],
};

describe('simulation:observe schemas', () => {
  it('infer the engine\'s series type (checked by the type checker)', () => {
    const series: Same<z.infer<typeof metricSeriesSchema>, MetricSeries> = true;
    expect(series).toBe(true);
  });

  it('real answers parse unchanged; a bad question is refused with a one-line message', () => {
    const s = session([{ action: 'wait', steady: true }, crash, { action: 'wait', seconds: 5 }]);
    const pod = s.observation().pods[0];
    for (const query of [
      { query: 'targets' as const },
      { query: 'series' as const, target: { kind: 'pod' as const, namespace: 'app', name: pod.name } },
      { query: 'series' as const, target: { kind: 'service' as const, namespace: 'app', name: 'web' } },
      { query: 'logs' as const, options: { pod: pod.name, namespace: 'app', previous: true } },
    ]) {
      const answer = observeAnswer(s, query);
      expect(observeResultSchema.parse(answer)).toEqual(answer);
    }
    const bad = parsePayload(INVOKE.observeSimulation, invokeSchemas[INVOKE.observeSimulation].request, { runId: 'r', query: { query: 'series', target: { kind: 'deployment', name: 'x' } } });
    expect(bad.ok === false && bad.message).toMatch(/^simulation:observe: invalid request — query.target.kind: /);
    expect(observeRequestSchema.safeParse({ runId: 'r', query: { query: 'logs', options: { pod: 'x', shell: 'rm -rf /' } } }).success).toBe(false);
  });
});

describe('both hosts answer it over a finished run', () => {
  it('main\'s worker thread', async () => {
    const work = createHeavyWork(join(import.meta.dirname, '..', '..', 'main', 'fixtures', 'realWorker.mjs'));
    try {
      expect((await work.simulate({ design, seed: 1, runId: 'obs-1' }, () => undefined)).ok).toBe(true);
      const targets = await work.observe({ runId: 'obs-1', query: { query: 'targets' } });
      expect(targets.ok && targets.value.query === 'targets' && targets.value.targets.pods.length).toBe(2);
      const name = targets.ok && targets.value.query === 'targets' ? targets.value.targets.pods[0].name : '';
      const logs = await work.observe({ runId: 'obs-1', query: { query: 'logs', options: { pod: name } } });
      expect(logs.ok && logs.value.query === 'logs' && logs.value.output.stdout).toMatch(/^\/docker-entrypoint.sh: /);
      const series = await work.observe({ runId: 'obs-1', query: { query: 'series', target: { kind: 'node', name: 'node-1' } } });
      expect(series.ok && series.value.query === 'series' && series.value.series.values.cpu.some((v) => (v ?? 0) > 0)).toBe(true);
      expect(await work.observe({ runId: 'nope', query: { query: 'targets' } })).toMatchObject({ ok: false, error: { code: 'not-live' } });
    } finally {
      await work.close();
    }
  });

  it('the browser\'s worker module', async () => {
    expect((await workerApi.runSimulation({ runId: 'obs-2', design, seed: 1 }, () => undefined)).ok).toBe(true);
    const targets = workerApi.observeSimulation('obs-2', { query: 'targets' });
    expect(targets.ok && targets.value.query === 'targets' && targets.value.targets.nodes).toEqual(['node-1', 'node-2', 'node-3']);
    const name = targets.ok && targets.value.query === 'targets' ? targets.value.targets.pods[0].name : '';
    const top = workerApi.observeSimulation('obs-2', { query: 'logs', options: { pod: name, tail: 1 } });
    expect(top.ok && top.value.query === 'logs' && top.value.output.stdout).toMatch(/^2026\/01\/01 00:00:0\d \[notice\] 1#1: start worker process 29\n$/);
    expect(workerApi.observeSimulation('gone', { query: 'targets' })).toMatchObject({ ok: false, error: { code: 'not-live' } });
  });
});
