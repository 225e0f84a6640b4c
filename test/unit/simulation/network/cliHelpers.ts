// In-process CLI helpers: a stand-in loader and a capturing CliIo for the connectivity/explain tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import type { LoadInputs } from '../../../../cli/commands/connectivity';
import type { CliIo } from '../../../../cli/main';
import type { KubeObject } from '../../../../shared/model/object';

export const fixtures = join(import.meta.dirname, 'fixtures');

/** A stand-in for main/core/inputs.ts loadInputs: YAML files and folders, errors for missing paths. */
export const fakeLoad: LoadInputs = async (paths) => {
  const objects: Awaited<ReturnType<LoadInputs>>['objects'] = [];
  const errors: Awaited<ReturnType<LoadInputs>>['errors'] = [];
  const visit = (p: string) => {
    if (!existsSync(p)) return void errors.push({ file: p, message: 'no such file or directory' });
    if (statSync(p).isDirectory()) return readdirSync(p).sort().forEach((f) => /\.ya?ml$/.test(f) && visit(join(p, f)));
    (loadAll(readFileSync(p, 'utf8')) as KubeObject[]).forEach((object, index) => object && objects.push({ object, source: { file: p, line: 1, index } }));
  };
  paths.forEach(visit);
  return { objects, errors };
};

export function capture(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', cwd: fixtures, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

