import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { INVOKE } from '../../../shared/ipc/channels';
import { invokeSchemas, resultSchema } from '../../../shared/ipc/schemas';
import type { SimulationFrames } from '../../../shared/ipc/api';
import { BackupStore } from '../../../main/core/backup';
import type { Dialogs } from '../../../main/core/dialogs';
import type { Handlers, HostDeps } from '../../../main/core/handlers';
import { createHandlers, withDesignExtension } from '../../../main/core/handlers';
import { RecentFiles } from '../../../main/core/recent';
import type { WriteFile } from '../../../main/core/writer';
import { deployment, design } from './fixtures/fakeEngine';
import { inProcessWork } from './fixtures/fakeWork';
import { emptyResult } from './fixtures/simulationResult';

/** Dialogs that answer from queues, and remember what they were asked. */
function fakeDialogs() {
  const answers = { open: [] as (string[] | undefined)[], save: [] as (string | undefined)[] };
  const asked: string[] = [];
  const dialogs: Dialogs = {
    open: async (o) => (asked.push(`open:${o.title}`), answers.open.shift()),
    save: async (o) => (asked.push(`save:${o.defaultPath}`), answers.save.shift()),
    confirmUnsaved: async () => 'cancel',
  };
  return { dialogs, answers, asked };
}

/** A plain atomic write (temp file + rename), standing in for main/core/files.ts in these tests. */
const atomicWrite: WriteFile = async (path, data) => {
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, data);
  const { rename } = await import('node:fs/promises');
  await rename(temp, path);
};

let dir: string;
let fake: ReturnType<typeof fakeDialogs>;
let handlers: Handlers;
let deps: HostDeps;
const ctx = { sendFrames: (_b: SimulationFrames) => undefined };

function setup(write: WriteFile = atomicWrite) {
  fake = fakeDialogs();
  const examplesDir = join(dir, 'examples');
  deps = {
    dialogs: fake.dialogs,
    work: inProcessWork(),
    recent: new RecentFiles(join(dir, 'userData', 'recent.json'), atomicWrite),
    backups: new BackupStore(join(dir, 'userData', 'backup.json'), atomicWrite),
    write,
    examplesDir,
  };
  handlers = createHandlers(deps);
}

/** Every result must match the channel's result schema, as the renderer relies on. */
function conforms(channel: keyof typeof invokeSchemas, result: unknown) {
  const parsed = resultSchema(invokeSchemas[channel].result).safeParse(result);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubeplan-host-'));
  mkdirSync(join(dir, 'userData'));
  mkdirSync(join(dir, 'examples'));
  setup();
});

describe('Save and Save As', () => {
  it('asks where to save a new design, adds .kubeplan.yaml, writes it and lists it as recent', async () => {
    fake.answers.save.push(join(dir, 'shop'));
    const result = await handlers[INVOKE.saveDesign]({ design: design('shop', [deployment('web')]) }, ctx);
    conforms(INVOKE.saveDesign, result);
    expect(result).toEqual({ ok: true, value: join(dir, 'shop.kubeplan.yaml') });
    expect(fake.asked).toEqual(['save:shop.kubeplan.yaml']);
    expect(readFileSync(join(dir, 'shop.kubeplan.yaml'), 'utf8')).toContain('name: web');
    expect((await deps.recent.list()).map((r) => r.name)).toEqual(['shop']);
  });

  it('saves again to the same path without asking', async () => {
    fake.answers.save.push(join(dir, 'shop.kubeplan.yaml'));
    await handlers[INVOKE.saveDesign]({ design: design('shop') }, ctx);
    const again = await handlers[INVOKE.saveDesign]({ design: design('shop', [deployment('api')]), path: join(dir, 'shop.kubeplan.yaml') }, ctx);
    expect(again).toEqual({ ok: true, value: join(dir, 'shop.kubeplan.yaml') });
    expect(fake.asked).toHaveLength(1);
    expect(readFileSync(join(dir, 'shop.kubeplan.yaml'), 'utf8')).toContain('name: api');
  });

  it('returns undefined and writes nothing when the user cancels', async () => {
    fake.answers.save.push(undefined);
    expect(await handlers[INVOKE.saveDesign]({ design: design('shop') }, ctx)).toEqual({ ok: true, value: undefined });
    expect(readdirSync(dir).sort()).toEqual(['examples', 'userData']);
  });

  it('leaves the old file intact when the write fails, and says which file', async () => {
    const target = join(dir, 'shop.kubeplan.yaml');
    writeFileSync(target, 'kubeplan: 1\nname: old\n');
    setup(async (path) => {
      await writeFile(`${path}.tmp`, 'kubeplan: 1\nname: half-writ');
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', path });
    });
    deps.grants?.grant(target);
    fake.answers.save.push(target);
    const result = await handlers[INVOKE.saveDesign]({ design: design('new'), saveAs: true }, ctx);
    conforms(INVOKE.saveDesign, result);
    expect(result).toEqual({ ok: false, error: { message: `${target}: no space left on the disk`, file: target, code: 'io' } });
    expect(readFileSync(target, 'utf8')).toBe('kubeplan: 1\nname: old\n');
  });

  it('refuses to write a path the user never chose (a compromised page cannot pick files)', async () => {
    const result = await handlers[INVOKE.saveDesign]({ design: design('x'), path: '/etc/cron.d/evil' }, ctx);
    expect(result).toEqual({ ok: false, error: { message: '/etc/cron.d/evil: not opened through a dialog in this session', file: '/etc/cron.d/evil', code: 'forbidden' } });
    expect(fake.asked).toEqual([]);
  });

  it.each([
    ['shop', 'shop.kubeplan.yaml'],
    ['shop.yaml', 'shop.kubeplan.yaml'],
    ['shop.kubeplan', 'shop.kubeplan.yaml'],
    ['shop.kubeplan.yaml', 'shop.kubeplan.yaml'],
  ])('names %s as %s', (picked, saved) => {
    expect(withDesignExtension(picked)).toBe(saved);
  });
});

describe('Open', () => {
  it('opens a design picked in the dialog and remembers it', async () => {
    const file = join(dir, 'shop.kubeplan.yaml');
    writeFileSync(file, 'kubeplan: 1\nname: shop\nresources: []\n');
    fake.answers.open.push([file]);
    const result = await handlers[INVOKE.openDesign]({}, ctx);
    conforms(INVOKE.openDesign, result);
    expect(result).toMatchObject({ ok: true, value: { path: file, design: { name: 'shop' } } });
    expect((await deps.recent.list())[0].path).toBe(file);
    // Recent files may be reopened by path (Open Recent).
    expect((await handlers[INVOKE.openDesign]({ path: file }, ctx)).ok).toBe(true);
  });

  it('reports a broken file with file and line and records nothing', async () => {
    const file = join(dir, 'broken.kubeplan.yaml');
    writeFileSync(file, 'kubeplan: 1\nname: shop\nresources:\n  - id: r1\n    object: {kind: [\n');
    fake.answers.open.push([file]);
    const result = await handlers[INVOKE.openDesign]({}, ctx);
    conforms(INVOKE.openDesign, result);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ file, line: expect.any(Number), code: 'design' });
      expect(result.error.message).toMatch(new RegExp(`^${file}:\\d+: `));
      expect(result.error.message).not.toContain('\n');
    }
    expect(await deps.recent.list()).toEqual([]);
  });

  it('opens plain manifests as a new, unsaved design', async () => {
    const file = join(dir, 'app.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
    fake.answers.open.push([file]);
    const result = await handlers[INVOKE.openDesign]({}, ctx);
    expect(result).toMatchObject({ ok: true, value: { design: { name: 'app', resources: [{ object: { kind: 'Namespace' } }] } } });
    if (result.ok) expect(result.value?.path).toBeUndefined();
  });

  it('reports a missing file in one line', async () => {
    const file = join(dir, 'gone.kubeplan.yaml');
    fake.answers.open.push([file]);
    expect(await handlers[INVOKE.openDesign]({}, ctx)).toEqual({ ok: false, error: { message: `${file}: no such file or folder`, file, code: 'io' } });
  });

  it('returns undefined when the dialog is cancelled', async () => {
    expect(await handlers[INVOKE.openDesign]({}, ctx)).toEqual({ ok: true, value: undefined });
  });
});

describe('Import and Export', () => {
  it('imports manifests picked in the dialog and names the design after the first file', async () => {
    const file = join(dir, 'shop.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: shop}\n');
    fake.answers.open.push([file]);
    const result = await handlers[INVOKE.importManifests]({}, ctx);
    conforms(INVOKE.importManifests, result);
    expect(result).toMatchObject({ ok: true, value: { design: { name: 'shop' } } });
    if (result.ok) expect(result.value?.design.resources.map((r) => r.object.kind)).toEqual(['Namespace', 'ConfigMap']);
  });

  it('imports nothing and reports file and line when one file is bad', async () => {
    const good = join(dir, 'good.yaml');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(good, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n');
    writeFileSync(bad, 'apiVersion: v1\nkind: [\n');
    fake.answers.open.push([good, bad]);
    const result = await handlers[INVOKE.importManifests]({}, ctx);
    expect(result).toMatchObject({ ok: false, error: { file: bad, line: expect.any(Number), code: 'yaml' } });
  });

  it('refuses to import paths the user did not choose', async () => {
    expect(await handlers[INVOKE.importManifests]({ paths: ['/etc/shadow'] }, ctx)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('exports one multi-document file, or only the selection', async () => {
    const d = design('shop', [deployment('web', 'shop'), deployment('api', 'shop')]);
    fake.answers.save.push(join(dir, 'out.yaml'));
    expect(await handlers[INVOKE.exportManifests]({ design: d, mode: 'file' }, ctx)).toEqual({ ok: true, value: join(dir, 'out.yaml') });
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toMatch(/name: web[\s\S]*---[\s\S]*name: api/);
    fake.answers.save.push(join(dir, 'one.yaml'));
    await handlers[INVOKE.exportManifests]({ design: d, mode: 'file', ids: ['r2'] }, ctx);
    expect(readFileSync(join(dir, 'one.yaml'), 'utf8')).not.toContain('name: web');
  });

  it('exports a folder with one file per namespace', async () => {
    const out = join(dir, 'manifests');
    mkdirSync(out);
    fake.answers.open.push([out]);
    const d = design('shop', [deployment('web', 'shop'), deployment('admin', 'ops')]);
    expect(await handlers[INVOKE.exportManifests]({ design: d, mode: 'folder' }, ctx)).toEqual({ ok: true, value: out });
    expect(readdirSync(out).sort()).toEqual(['ops.yaml', 'shop.yaml']);
  });
});

describe('Examples and validation', () => {
  it('lists the shipped examples with title and description, and opens one as an unsaved design', async () => {
    writeFileSync(join(dir, 'examples', 'hello-minikube.kubeplan.yaml'), '# The Kubernetes tutorial app:\n# one Deployment and a Service.\nkubeplan: 1\nname: Hello Minikube\nresources: []\n');
    writeFileSync(join(dir, 'examples', 'notes.txt'), 'not an example');
    const list = await handlers[INVOKE.listExamples]({}, ctx);
    conforms(INVOKE.listExamples, list);
    expect(list).toEqual({ ok: true, value: [{ id: 'hello-minikube', title: 'Hello Minikube', description: 'The Kubernetes tutorial app: one Deployment and a Service.' }] });
    const opened = await handlers[INVOKE.openExample]({ id: 'hello-minikube' }, ctx);
    conforms(INVOKE.openExample, opened);
    expect(opened).toMatchObject({ ok: true, value: { design: { name: 'Hello Minikube' } } });
    if (opened.ok) expect(opened.value.path).toBeUndefined();
    expect(await handlers[INVOKE.openExample]({ id: 'nope' }, ctx)).toEqual({ ok: false, error: { message: 'no example named "nope"', code: 'not-found' } });
  });

  it('validates off the UI thread and returns problems', async () => {
    const result = await handlers[INVOKE.validateDesign]({ design: design('x', [deployment('Bad_Name')]) }, ctx);
    conforms(INVOKE.validateDesign, result);
    expect(result).toMatchObject({ ok: true, value: [{ rule: 'dns-1123', name: 'Bad_Name', path: 'metadata.name' }] });
  });
});

describe('Backup (hot exit)', () => {
  it('hands back the backup of an opened file until the offer is settled, then nothing', async () => {
    const file = join(dir, 'draft.kubeplan.yaml');
    writeFileSync(file, 'kubeplan: 1\nname: draft\n');
    fake.answers.open.push([file]);
    await handlers[INVOKE.openDesign]({}, ctx);
    await handlers[INVOKE.backup]({ snapshot: { design: design('draft', [deployment('web')]), path: file } }, ctx);
    setup();
    const taken = await handlers[INVOKE.takeBackup]({}, ctx);
    conforms(INVOKE.takeBackup, taken);
    expect(taken).toMatchObject({ ok: true, value: { design: { name: 'draft' }, path: file, savedAt: expect.any(String) } });
    expect(await handlers[INVOKE.takeBackup]({}, ctx)).toMatchObject({ ok: true, value: { design: { name: 'draft' } } });
    const settled = await handlers[INVOKE.settleBackup]({}, ctx);
    conforms(INVOKE.settleBackup, settled);
    expect(await handlers[INVOKE.takeBackup]({}, ctx)).toEqual({ ok: true, value: undefined });
  });

  it('a backup whose file has left the recent list comes back untitled: Save asks where', async () => {
    const file = join(dir, 'draft.kubeplan.yaml');
    fake.answers.save.push(file);
    await handlers[INVOKE.saveDesign]({ design: design('draft') }, ctx);
    await handlers[INVOKE.backup]({ snapshot: { design: design('draft'), path: file } }, ctx);
    await deps.recent.remove(file);
    setup();
    const taken = await handlers[INVOKE.takeBackup]({}, ctx);
    expect(taken.ok && taken.value).toMatchObject({ design: { name: 'draft' } });
    expect(taken.ok && taken.value && 'path' in taken.value).toBe(false);
  });

  it('clears the backup when the work is saved or discarded', async () => {
    await handlers[INVOKE.backup]({ snapshot: { design: design('draft') } }, ctx);
    conforms(INVOKE.backup, await handlers[INVOKE.backup]({}, ctx));
    expect(await handlers[INVOKE.takeBackup]({}, ctx)).toEqual({ ok: true, value: undefined });
  });
});

describe('Simulation runs', () => {
  it('streams the timeline in order, then settles with the summary', async () => {
    const batches: SimulationFrames[] = [];
    const result = await handlers[INVOKE.runSimulation]({ runId: 'run-1', design: design('x', [deployment('web')]), scenario: { ticks: 150 }, seed: 7 }, { sendFrames: (b) => batches.push(b) });
    conforms(INVOKE.runSimulation, result);
    expect(result).toEqual({ ok: true, value: { runId: 'run-1', frameCount: 150, result: emptyResult(7) } });
    expect(batches.map((b) => [b.runId, b.start, b.frames.length])).toEqual([
      ['run-1', 0, 64],
      ['run-1', 64, 64],
      ['run-1', 128, 22],
    ]);
    expect(batches.flatMap((b) => b.frames).map((f) => f.time)).toEqual(Array.from({ length: 150 }, (_, i) => i));
  });

  it('cancelling an unknown run reports false', async () => {
    expect(await handlers[INVOKE.cancelSimulation]({ runId: 'nope' }, ctx)).toEqual({ ok: true, value: false });
  });

  it('acts on a finished run (frames and apply lines in the channel\'s schema) until it is cancelled', async () => {
    const real = createHandlers({ ...deps, work: inProcessWork((await import('../../../main/core/engineImpl')).engine) });
    const opened = await real[INVOKE.runSimulation]({ runId: 'live', design: design('x', [deployment('web')]), seed: 1 }, ctx);
    expect(opened.ok).toBe(true);
    const acted = await real[INVOKE.actSimulation]({ runId: 'live', action: { action: 'applyAgain' } }, ctx);
    conforms(INVOKE.actSimulation, acted);
    expect(acted.ok && acted.value.applied.map((a) => `${a.kind}/${a.name} ${a.result}`)).toEqual(['Deployment/web unchanged']);
    expect(acted.ok && acted.value.frames[0]?.cause).toMatchObject({ type: 'step', action: 'applyAgain' });
    const failed = await real[INVOKE.actSimulation]({ runId: 'live', action: { action: 'drain', node: 'node-9' } }, ctx);
    expect(failed.ok && failed.value.error).toBe('nodes "node-9" not found');
    await real[INVOKE.cancelSimulation]({ runId: 'live' }, ctx);
    const gone = await real[INVOKE.actSimulation]({ runId: 'live', action: { action: 'applyAgain' } }, ctx);
    conforms(INVOKE.actSimulation, gone);
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-live' } });
  });

  it('runs kubectl on a finished run (simulation:kubectl): a read adds no frame, a scale continues the timeline', async () => {
    const real = createHandlers({ ...deps, work: inProcessWork((await import('../../../main/core/engineImpl')).engine) });
    expect((await real[INVOKE.runSimulation]({ runId: 'console', design: design('x', [deployment('web')]), seed: 1 }, ctx)).ok).toBe(true);
    const read = await real[INVOKE.kubectlSimulation]({ runId: 'console', argv: ['get', 'deploy', 'web', '-o', 'name'], context: 'admin' }, ctx);
    conforms(INVOKE.kubectlSimulation, read);
    expect(read).toMatchObject({ ok: true, value: { stdout: 'deployment.apps/web\n', stderr: '', exitCode: 0, context: 'admin', frames: [] } });
    const scaled = await real[INVOKE.kubectlSimulation]({ runId: 'console', argv: ['scale', 'deploy/web', '--replicas=2'], context: 'admin' }, ctx);
    conforms(INVOKE.kubectlSimulation, scaled);
    expect(scaled.ok && scaled.value.stdout).toBe('deployment.apps/web scaled\n');
    expect(scaled.ok && scaled.value.frames[0]?.cause).toMatchObject({ type: 'step', action: 'kubectl' });
    const unknown = await real[INVOKE.kubectlSimulation]({ runId: 'console', argv: ['get', 'pods'], context: 'nobody' }, ctx);
    expect(unknown).toMatchObject({ ok: true, value: { exitCode: 1, stderr: 'error: context "nobody" does not exist\n' } });
    await real[INVOKE.cancelSimulation]({ runId: 'console' }, ctx);
    expect(await real[INVOKE.kubectlSimulation]({ runId: 'console', argv: ['get', 'pods'], context: 'admin' }, ctx)).toMatchObject({ ok: false, error: { code: 'not-live' } });
  });
});

describe('Open Recent', () => {
  it('drops a recent file that no longer exists, and says so', async () => {
    const file = join(dir, 'gone.kubeplan.yaml');
    writeFileSync(file, 'kubeplan: 1\nname: gone\n');
    fake.answers.open.push([file]);
    await handlers[INVOKE.openDesign]({}, ctx);
    const { rmSync } = await import('node:fs');
    rmSync(file);
    setup();
    expect(await handlers[INVOKE.openDesign]({ path: file }, ctx)).toMatchObject({ ok: false, error: { code: 'io', file } });
    expect(await deps.recent.list()).toEqual([]);
  });

  it('after a crash, the restored design may be saved back to its own file', async () => {
    const file = join(dir, 'draft.kubeplan.yaml');
    fake.answers.save.push(file);
    await handlers[INVOKE.saveDesign]({ design: design('draft') }, ctx);
    await handlers[INVOKE.backup]({ snapshot: { design: design('draft'), path: file } }, ctx);
    setup();
    await handlers[INVOKE.takeBackup]({}, ctx);
    expect(await handlers[INVOKE.saveDesign]({ design: design('draft'), path: file }, ctx)).toEqual({ ok: true, value: file });
  });
});

describe('the shipped examples', () => {
  it('lists assets/examples in index.json order with English titles, and each one opens', async () => {
    const shipped = createHandlers({ ...deps, work: inProcessWork((await import('../../../main/core/engineImpl')).engine), examplesDir: join(process.cwd(), 'assets', 'examples') });
    const list = await shipped[INVOKE.listExamples]({}, ctx);
    conforms(INVOKE.listExamples, list);
    expect(list.ok && list.value.map((e) => e.id)).toEqual(['hello-minikube', 'three-tier-shop', 'multi-tenant', 'shop-default-deny', 'connected-vehicles', 'developer-permissions', 'shop-debugging']);
    expect(list.ok && list.value[0]).toMatchObject({ title: 'Hello Minikube', description: expect.stringContaining('hello-node') });
    for (const id of ['hello-minikube', 'three-tier-shop', 'multi-tenant', 'shop-default-deny', 'connected-vehicles', 'developer-permissions', 'shop-debugging']) {
    expect(list.ok && list.value[0]).toMatchObject({ title: 'Hello Minikube', description: expect.stringContaining('hello-node') });
      const opened = await shipped[INVOKE.openExample]({ id }, ctx);
      conforms(INVOKE.openExample, opened);
      expect(opened.ok && opened.value.design.resources.length, id).toBeGreaterThan(0);
    }
  });

  it('orders by index.json and skips entries without a file', async () => {
    writeFileSync(join(dir, 'examples', 'b.kubeplan.yaml'), 'kubeplan: 1\nname: B\n');
    writeFileSync(join(dir, 'examples', 'a.kubeplan.yaml'), 'kubeplan: 1\nname: A\n');
    writeFileSync(join(dir, 'examples', 'index.json'), JSON.stringify({ examples: [{ id: 'b', title: { en: 'Bee', 'zh-CN': '蜜蜂' }, description: 'second letter' }, { id: 'gone', title: 'Gone' }, { id: 'a', title: 'Ay' }] }));
    expect(await handlers[INVOKE.listExamples]({}, ctx)).toEqual({ ok: true, value: [{ id: 'b', title: 'Bee', description: 'second letter' }, { id: 'a', title: 'Ay', description: '' }] });
  });
});

describe('Open Lesson… (File menu, Lessons tab)', () => {
  it('asks main\'s open dialog for the lesson file and gives the renderer its name and text; cancel gives nothing', async () => {
    const file = join(dir, 'mine.lesson.yaml');
    writeFileSync(file, 'kubeplan-lesson: 1\nid: mine\n');
    fake.answers.open.push([file]);
    const opened = await handlers[INVOKE.openLesson]({}, ctx);
    expect(opened).toEqual({ ok: true, value: { name: 'mine.lesson.yaml', text: 'kubeplan-lesson: 1\nid: mine\n' } });
    conforms(INVOKE.openLesson, opened);
    expect(fake.asked).toEqual(['open:Open lesson']);
    fake.answers.open.push(undefined);
    expect(await handlers[INVOKE.openLesson]({}, ctx)).toEqual({ ok: true, value: undefined });
  });

  it('refuses a file over the lesson size limit with its name, and an unreadable one as an error', async () => {
    const big = join(dir, 'big.lesson.yaml');
    writeFileSync(big, 'x'.repeat(600 * 1024));
    fake.answers.open.push([big]);
    expect(await handlers[INVOKE.openLesson]({}, ctx)).toMatchObject({ ok: false, error: { message: 'big.lesson.yaml: a lesson file is at most 512 KiB' } });
    fake.answers.open.push([join(dir, 'gone.lesson.yaml')]);
    expect(await handlers[INVOKE.openLesson]({}, ctx)).toMatchObject({ ok: false });
  });
});
