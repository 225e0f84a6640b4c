import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { emptyDesign } from '../../../shared/design/types';
import type { Design } from '../../../shared/design/types';
import { engine } from '../../../main/core/engineImpl';
import { createOps } from '../../../main/core/ops';
import { createHeavyWork } from '../../../main/core/workerClient';

const web: Design = {
  ...emptyDesign('web'),
  resources: [
    {
      id: 'r1',
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'default' },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] } },
        },
      },
    },
  ],
};

describe('simulation on the host (real simulator)', () => {
  it('streams the whole timeline in order and returns the rest as the summary', () => {
    const frames: unknown[] = [];
    const starts: number[] = [];
    const { frameCount, result } = createOps(engine).simulate({ design: web, seed: 1 }, (start, batch) => {
      starts.push(start);
      frames.push(...batch);
    });
    expect(frameCount).toBeGreaterThan(0);
    expect(frames).toHaveLength(frameCount);
    expect(starts).toEqual(starts.map((_, i) => i * 64));
    expect(result).not.toHaveProperty('timeline');
    expect(result.pods.filter((p) => p.phase === 'Running')).toHaveLength(3);
  });

  it('is deterministic: the same design and seed give the same frames', () => {
    const run = () => {
      const frames: unknown[] = [];
      createOps(engine).simulate({ design: web, seed: 42 }, (_s, batch) => frames.push(...batch));
      return JSON.stringify(frames);
    };
    expect(run()).toBe(run());
  });

  it('reports a broken scenario with its line', () => {
    expect(() => createOps(engine).simulate({ design: web, scenario: 'steps:\n  - action: [\n' }, () => undefined)).toThrow(/^scenario:\d+: /);
  });

  it('runs in a worker thread of its own', async () => {
    const work = createHeavyWork(join(import.meta.dirname, 'fixtures', 'realWorker.mjs'));
    try {
      let streamed = 0;
      const result = await work.simulate({ design: web, seed: 1 }, (_start, batch) => (streamed += batch.length));
      expect(result.ok && result.value.frameCount).toBe(streamed);
    } finally {
      await work.close();
    }
  });

  it('keeps a finished run live in its worker thread and acts on it: scale, re-apply configured, apply again unchanged', async () => {
    const work = createHeavyWork(join(import.meta.dirname, 'fixtures', 'realWorker.mjs'));
    try {
      let sessionFrames = 0;
      const run = await work.simulate({ design: web, seed: 1, runId: 'live-1' }, (_start, _batch, session) => (sessionFrames += session?.frames.length ?? 0));
      expect(run.ok).toBe(true);
      const scaled = await work.act({ runId: 'live-1', action: { action: 'scale', kind: 'Deployment', namespace: 'default', name: 'web', replicas: 5 } });
      expect(scaled.ok).toBe(true);
      if (!scaled.ok) return;
      expect(scaled.value.frames[0]).toMatchObject({ seq: sessionFrames, cause: { type: 'step', action: 'scale', target: 'Deployment/default/web' } });
      const edited = structuredClone(web);
      (edited.resources[0]!.object.spec as { replicas: number }).replicas = 2;
      const reapplied = await work.act({ runId: 'live-1', action: { action: 'reapply', design: edited } });
      expect(reapplied.ok && reapplied.value.applied.map((a) => `${a.kind}/${a.name} ${a.result}`)).toEqual(['Deployment/web configured']);
      const again = await work.act({ runId: 'live-1', action: { action: 'applyAgain' } });
      expect(again.ok && again.value.applied.map((a) => a.result)).toEqual(['unchanged']);
      expect(await work.release('live-1')).toBe(true);
      expect(await work.act({ runId: 'live-1', action: { action: 'applyAgain' } })).toMatchObject({ ok: false, error: { code: 'not-live' } });
    } finally {
      await work.close();
    }
  });
});
