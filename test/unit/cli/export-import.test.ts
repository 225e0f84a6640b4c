/**
 * `kubeplan export` and `kubeplan import` run the way a user runs them: `node bin/kubeplan.mjs …`
 * in a fresh folder, reading and writing real files.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/design';
import { parseManifests, sortForApply } from '../../../shared/manifests';
import type { KubeObject } from '../../../shared/model/object';

const ROOT = resolve(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'kubeplan.mjs');
const APPS = join(ROOT, 'test', 'fixtures', 'apps');
const FIXTURES = ['hello-minikube.yaml', 'three-tier-shop.yaml', 'stateful.yaml', 'multi-tenant.yaml'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function kubeplan(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

function workdir(): string {
  return mkdtempSync(join(tmpdir(), 'kubeplan-cli-'));
}

function objectsOf(text: string, file: string): KubeObject[] {
  const { objects, errors } = parseManifests(text, file);
  expect(errors).toEqual([]);
  return objects.map((o) => o.object);
}

/** Equal including key order: what a byte-for-byte diff of re-dumped YAML would see. */
function expectSameObjects(actual: KubeObject[], expected: KubeObject[]): void {
  expect(actual).toEqual(expected);
  expect(actual.map((o) => JSON.stringify(o))).toEqual(expected.map((o) => JSON.stringify(o)));
}

describe('kubeplan import, then export, round-trips each fixture with nothing lost', { timeout: 60_000 }, () => {
  it.each(FIXTURES)('%s', async (fixture) => {
    const dir = workdir();
    copyFileSync(join(APPS, fixture), join(dir, fixture));
    const original = objectsOf(readFileSync(join(dir, fixture), 'utf8'), fixture);

    const imported = await kubeplan(dir, 'import', fixture, '-o', 'app.kubeplan.yaml');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe(`imported ${original.length} objects from 1 file into app.kubeplan.yaml\n`);
    const design = parseDesign(readFileSync(join(dir, 'app.kubeplan.yaml'), 'utf8'), 'app.kubeplan.yaml');
    if ('error' in design) throw new Error(design.error.message);
    expect(design.design.name).toBe('app');
    expect(Object.keys(design.design.layout.positions)).toHaveLength(original.length);

    const exported = await kubeplan(dir, 'export', 'app.kubeplan.yaml', '-o', 'out.yaml');
    expect(exported.code).toBe(0);
    expectSameObjects(objectsOf(readFileSync(join(dir, 'out.yaml'), 'utf8'), 'out.yaml'), sortForApply(original));
  });
});

describe('kubeplan export', { timeout: 60_000 }, () => {
  it('takes plain manifests and folders too, writing to stdout without -o', async () => {
    const dir = workdir();
    mkdirSync(join(dir, 'apps'));
    for (const f of FIXTURES) copyFileSync(join(APPS, f), join(dir, 'apps', f));
    const all = [...FIXTURES].sort().flatMap((f) => objectsOf(readFileSync(join(APPS, f), 'utf8'), f));
    const run = await kubeplan(dir, 'export', 'apps');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expectSameObjects(objectsOf(run.stdout, 'stdout'), sortForApply(all));
    expect(run.stdout.startsWith('apiVersion: v1\nkind: Namespace\n')).toBe(true);
  });

  it('warns on stderr about errors a cluster would refuse, and still writes the file', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'bad.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: -3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n');
    const run = await kubeplan(dir, 'export', 'bad.yaml', '-o', 'out.yaml');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('kubeplan export: warning: 1 error a cluster would refuse; exporting anyway:\n  bad.yaml:1: error: Deployment default/web: spec.replicas: Invalid value: -3: must be greater than or equal to 0\n');
    expect(objectsOf(readFileSync(join(dir, 'out.yaml'), 'utf8'), 'out.yaml')[0]).toMatchObject({ kind: 'Deployment', spec: { replicas: -3 } });
  });

  it('writes one file per namespace into a folder given with a trailing slash', async () => {
    const dir = workdir();
    copyFileSync(join(APPS, 'multi-tenant.yaml'), join(dir, 'mt.yaml'));
    const run = await kubeplan(dir, 'export', 'mt.yaml', '-o', 'out/');
    expect(run.code).toBe(0);
    const total = objectsOf(readFileSync(join(APPS, 'multi-tenant.yaml'), 'utf8'), 'mt.yaml').length;
    expect(run.stdout).toBe(`exported ${total} objects to out/ (_cluster.yaml, team-a.yaml, team-b.yaml)\n`);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['_cluster.yaml', 'team-a.yaml', 'team-b.yaml']);
    expect(objectsOf(readFileSync(join(dir, 'out', '_cluster.yaml'), 'utf8'), '_cluster.yaml').map((o) => o.metadata.name)).toEqual(['team-a', 'team-b']);
    const teamA = objectsOf(readFileSync(join(dir, 'out', 'team-a.yaml'), 'utf8'), 'team-a.yaml');
    expect(teamA.every((o) => o.metadata.namespace === 'team-a')).toBe(true);
    expect(teamA.map((o) => o.kind)).toEqual(['ResourceQuota', 'LimitRange', 'Service', 'Deployment', 'NetworkPolicy', 'NetworkPolicy', 'NetworkPolicy', 'NetworkPolicy']);
  });

  it('writes per namespace into an existing folder given without a slash', async () => {
    const dir = workdir();
    mkdirSync(join(dir, 'manifests'));
    copyFileSync(join(APPS, 'stateful.yaml'), join(dir, 'stateful.yaml'));
    expect((await kubeplan(dir, 'export', 'stateful.yaml', '-o', 'manifests')).code).toBe(0);
    expect(readdirSync(join(dir, 'manifests')).sort()).toEqual(['_cluster.yaml', 'db.yaml']);
  });

  it('bad input: exit 2, one line naming file and line, and the output file is not touched', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'good.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n');
    writeFileSync(join(dir, 'bad.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [b\n');
    writeFileSync(join(dir, 'out.yaml'), 'previous export\n');
    const run = await kubeplan(dir, 'export', 'good.yaml', 'bad.yaml', '-o', 'out.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^bad\.yaml:5: malformed YAML: [^\n]+\n$/);
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toBe('previous export\n');
  });

  it('a missing input: exit 2 naming it', async () => {
    const dir = workdir();
    const run = await kubeplan(dir, 'export', 'nope.yaml');
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'nope.yaml: cannot read: no such file or folder\n' });
  });

  it('no input is a usage error', async () => {
    const run = await kubeplan(workdir(), 'export');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: kubeplan export');
  });
});

describe('kubeplan import', { timeout: 60_000 }, () => {
  it('imports a folder of manifests into one design, namespaces as frames', async () => {
    const dir = workdir();
    mkdirSync(join(dir, 'apps'));
    for (const f of FIXTURES) copyFileSync(join(APPS, f), join(dir, 'apps', f));
    const run = await kubeplan(dir, 'import', 'apps', '-o', 'all.kubeplan.yaml', '--name', 'Everything');
    expect(run.code).toBe(0);
    const parsed = parseDesign(readFileSync(join(dir, 'all.kubeplan.yaml'), 'utf8'), 'all.kubeplan.yaml');
    if ('error' in parsed) throw new Error(parsed.error.message);
    expect(parsed.design.name).toBe('Everything');
    expect(Object.keys(parsed.design.layout.frames).sort()).toEqual(['db', 'default', 'shop', 'team-a', 'team-b']);
  });

  it('re-importing a design keeps its layout byte for byte, so reopening restores the picture', async () => {
    const dir = workdir();
    copyFileSync(join(APPS, 'three-tier-shop.yaml'), join(dir, 'shop.yaml'));
    expect((await kubeplan(dir, 'import', 'shop.yaml', '-o', 'shop.kubeplan.yaml')).code).toBe(0);
    expect((await kubeplan(dir, 'import', 'shop.kubeplan.yaml', '-o', 'copy.kubeplan.yaml', '--name', 'shop')).code).toBe(0);
    expect(readFileSync(join(dir, 'copy.kubeplan.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'shop.kubeplan.yaml'), 'utf8'));
  });

  it('an unreadable input: exit 2, and no design file is written', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'blob.yaml'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
    const run = await kubeplan(dir, 'import', 'blob.yaml', '-o', 'x.kubeplan.yaml');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('blob.yaml:1: binary data (NUL byte), not YAML or JSON text\n');
    expect(existsSync(join(dir, 'x.kubeplan.yaml'))).toBe(false);
  });
});
