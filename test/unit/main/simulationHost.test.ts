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
});
