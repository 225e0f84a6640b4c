// The sandboxed preload bundles channel names and nothing else of ours: the IPC types it uses are
// inferred from zod schemas, and those imports must vanish at build (type-only), not pull in zod.
import { build } from 'esbuild';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('the preload bundle holds no zod and no schemas, only the channel table', async () => {
  const root = join(import.meta.dirname, '..', '..', '..');
  const out = await build({ entryPoints: [join(root, 'main', 'electron', 'preload.ts')], bundle: true, write: false, metafile: true, platform: 'node', format: 'cjs', external: ['electron'], logLevel: 'silent' });
  const inputs = Object.keys(out.metafile.inputs);
  expect(inputs.filter((f) => f.includes('zod') || f.includes('schemas') || f.includes('simulation'))).toEqual([]);
  expect(inputs.map((f) => f.replace(/\\/g, '/')).sort()).toEqual(['main/electron/preload.ts', 'shared/ipc/channels.ts']);
});
