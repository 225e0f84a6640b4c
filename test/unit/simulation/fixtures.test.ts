import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../shared/manifests';
import { run } from './helpers';

const apps = join(import.meta.dirname, '..', '..', 'fixtures', 'apps');

describe('the example apps run on the simulated cluster', () => {
  it.each(readdirSync(apps).filter((f) => f.endsWith('.yaml')))('%s applies, settles and replays identically', (file) => {
    const { objects, errors } = parseManifests(readFileSync(join(apps, file), 'utf8'), file);
    expect(errors).toEqual([]);
    const input = objects.map((o) => o.object);
    const a = run(input, { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'applyAgain' }, { action: 'drain', node: 'node-1' }] } });
    // A custom resource (three-tier-shop's cert-manager Certificate) fails as on a cluster without its CRD.
    const noCrd = (x: { message?: string }) => x.message?.endsWith('ensure CRDs are installed first') === true;
    expect(a.applied.filter((x) => x.step === 0 && x.result === 'failed' && !noCrd(x))).toEqual([]);
    expect(a.applied.filter((x) => x.step === 2 && !noCrd(x)).every((x) => x.result === 'unchanged')).toBe(true);
    expect(a.pods.filter((p) => p.node === 'node-1')).toEqual([]);
    expect(JSON.stringify(run(input, { scenario: { steps: [{ action: 'wait', steady: true }, { action: 'applyAgain' }, { action: 'drain', node: 'node-1' }] } }))).toBe(JSON.stringify(a));
  });
});
