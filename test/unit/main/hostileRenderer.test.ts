/**
 * A compromised page drives the real IPC handlers (with the real engine, so a read that got
 * through would really read): on every channel, through every path-shaped field, nothing outside
 * what the user chose in a native dialog (or main's own recent list) is read or written, and no
 * call widens that set. See docs/security.md.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BackupStore } from '../../../main/core/backup';
import type { Dialogs } from '../../../main/core/dialogs';
import { engine } from '../../../main/core/engineImpl';
import { writeFileAtomic } from '../../../main/core/files';
import type { Handlers } from '../../../main/core/handlers';
import { createHandlers } from '../../../main/core/handlers';
import { RecentFiles } from '../../../main/core/recent';
import { INVOKE } from '../../../shared/ipc/channels';
import type { InvokePayloads } from '../../../shared/ipc/contract';
import { invokeSchemas } from '../../../shared/ipc/schemas';
import { design } from './fixtures/fakeEngine';
import { inProcessWork } from './fixtures/fakeWork';

const SECRET_VALUE = 'aHVudGVyMg==';
const SECRET_YAML = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-password\n  namespace: prod\ndata:\n  password: ${SECRET_VALUE}\n`;
const OTHER_DESIGN = `kubeplan: 1\nname: someone-elses\nresources: []\n`;

let dir: string;
let secrets: { dir: string; yaml: string; design: string; json: string };
let handlers: Handlers;
let dialogsAsked: number;
const ctx = { sendFrames: () => undefined };

/** The user cancels every dialog: whatever happens, happens without their choosing. */
const cancellingDialogs: Dialogs = {
  open: async () => (dialogsAsked++, undefined),
  save: async () => (dialogsAsked++, undefined),
  confirmUnsaved: async () => 'cancel',
};

function restart() {
  handlers = createHandlers({
    dialogs: cancellingDialogs,
    work: inProcessWork(engine),
    recent: new RecentFiles(join(dir, 'userData', 'recent.json'), writeFileAtomic),
    backups: new BackupStore(join(dir, 'userData', 'backup.json'), writeFileAtomic),
    write: writeFileAtomic,
    examplesDir: join(process.cwd(), 'assets', 'examples'),
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubeplan-hostile-'));
  mkdirSync(join(dir, 'userData'));
  const s = join(dir, 'secrets');
  mkdirSync(s);
  secrets = { dir: s, yaml: join(s, 'secret.yaml'), design: join(s, 'other.kubeplan.yaml'), json: join(s, 'secret.json') };
  writeFileSync(secrets.yaml, SECRET_YAML);
  writeFileSync(secrets.design, OTHER_DESIGN);
  writeFileSync(secrets.json, JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'api-key' }, data: { key: SECRET_VALUE } }));
  dialogsAsked = 0;
  restart();
});

/** Every path a hostile page might name: files, the folder, and spellings that resolve to them. */
function targets(): string[] {
  return [secrets.yaml, secrets.design, secrets.json, secrets.dir, join(secrets.dir, '.', 'secret.yaml'), join(secrets.dir, '..', 'secrets', 'other.kubeplan.yaml'), '/etc/passwd'];
}

function snapshotOf(folder: string): string {
  return readdirSync(folder)
    .sort()
    .map((f) => `${f}:${statSync(join(folder, f)).isFile() ? readFileSync(join(folder, f), 'utf8') : 'dir'}`)
    .join('\n');
}

type Attack = { [C in keyof InvokePayloads]: (path: string) => Array<InvokePayloads[C]> };

/** Per channel, the payloads that put a path where the page controls a field. */
const attacks: Attack = {
  [INVOKE.openDesign]: (path) => [{ path }],
  [INVOKE.saveDesign]: (path) => [{ design: design('overwrite'), path }, { design: design('overwrite'), path: path.replace(/\.kubeplan\.yaml$/, '.yaml') }],
  [INVOKE.validateDesign]: () => [{ design: design('x') }],
  [INVOKE.importManifests]: (path) => [{ paths: [path] }, { paths: [path], folder: true }],
  [INVOKE.exportManifests]: () => [{ design: design('x'), mode: 'file' }, { design: design('x'), mode: 'folder' }],
  [INVOKE.listExamples]: () => [{}],
  [INVOKE.openExample]: () => [{ id: 'hello-minikube' }],
  [INVOKE.listRecent]: () => [{}],
  [INVOKE.backup]: (path) => [{ snapshot: { design: design('bait'), path } }],
  [INVOKE.takeBackup]: () => [{}],
  [INVOKE.settleBackup]: () => [{}],
  [INVOKE.runSimulation]: (path) => [{ runId: 'r', design: design('x'), scenario: `steps:\n  - apply: ${JSON.stringify(path)}\n` }],
  [INVOKE.cancelSimulation]: () => [{ runId: 'r' }],
  [INVOKE.actSimulation]: (path) => [{ runId: 'r', action: { action: 'apply', objects: [], files: [path] } }, { runId: 'r', action: { action: 'reapply', design: design('x') } }],
  [INVOKE.traceTraffic]: () => [{ design: design('x') }],
  [INVOKE.kubectlSimulation]: (path) => [{ runId: 'r', argv: ['apply', '-f', path], context: 'admin' }],
  [INVOKE.observeSimulation]: () => [{ runId: 'r', query: { query: 'targets' } }],
  [INVOKE.savePicture]: () => [{ format: 'svg', name: 'x', data: '<svg xmlns="http://www.w3.org/2000/svg"/>' }],
  [INVOKE.openLesson]: () => [{}],
};

async function attackEverything(): Promise<string[]> {
  const answers: string[] = [];
  for (const path of targets()) {
    for (const channel of Object.keys(attacks) as Array<keyof Attack>) {
      for (const payload of attacks[channel](path) as never[]) {
        const result = await (handlers[channel] as (p: never, c: typeof ctx) => Promise<unknown>)(payload, ctx);
        answers.push(JSON.stringify(result));
      }
    }
  }
  return answers;
}

describe('a compromised renderer cannot reach files the user did not choose', () => {
  it('has an attack listed for every invoke channel', () => {
    expect(Object.keys(attacks).sort()).toEqual(Object.values(INVOKE).sort());
  });

  it('reads nothing and writes nothing outside the granted set, through any channel', async () => {
    const before = snapshotOf(secrets.dir);
    const answers = await attackEverything();
    expect(snapshotOf(secrets.dir)).toBe(before);
    for (const answer of answers) {
      expect(answer).not.toContain(SECRET_VALUE);
      expect(answer).not.toContain('db-password');
      expect(answer).not.toContain('someone-elses');
    }
    // Only the dialogs asked (and cancelled) for exports: nothing was written behind the user's back.
    expect(readdirSync(dir).sort()).toEqual(['secrets', 'userData']);
  });

  it('naming a path in a backup grants nothing, in this session or after a restart', async () => {
    for (const path of targets()) {
      expect(await handlers[INVOKE.backup]({ snapshot: { design: design('bait'), path } }, ctx)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // The old hole: write a backup naming the file, take it back (which granted the path), then open or overwrite it.
    restart();
    const taken = await handlers[INVOKE.takeBackup]({}, ctx);
    expect(taken).toEqual({ ok: true, value: undefined });
    for (const path of targets()) {
      expect(await handlers[INVOKE.openDesign]({ path }, ctx)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await handlers[INVOKE.importManifests]({ paths: [path] }, ctx)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await handlers[INVOKE.saveDesign]({ design: design('overwrite'), path }, ctx)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(readFileSync(secrets.design, 'utf8')).toBe(OTHER_DESIGN);
  });

  it('a backup on disk naming a file that is not in the recent list comes back without it', async () => {
    // Even a backup file planted in userData (not written through the handler) grants nothing.
    writeFileSync(join(dir, 'userData', 'backup.json'), JSON.stringify({ design: design('planted'), path: secrets.design, savedAt: '2026-01-01T00:00:00.000Z' }));
    restart();
    const taken = await handlers[INVOKE.takeBackup]({}, ctx);
    expect(taken).toMatchObject({ ok: true, value: { design: { name: 'planted' } } });
    expect(taken.ok && taken.value && 'path' in taken.value).toBe(false);
    expect(await handlers[INVOKE.saveDesign]({ design: design('overwrite'), path: secrets.design }, ctx)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a granted manifest does not let the page write the design file beside it: Save asks where', async () => {
    const chosen = join(dir, 'chosen.yaml');
    writeFileSync(chosen, OTHER_DESIGN);
    const besides = join(dir, 'chosen.kubeplan.yaml');
    writeFileSync(besides, OTHER_DESIGN);
    handlers = createHandlers({
      dialogs: { ...cancellingDialogs, open: async () => [chosen] },
      work: inProcessWork(engine),
      recent: new RecentFiles(join(dir, 'userData', 'recent.json'), writeFileAtomic),
      backups: new BackupStore(join(dir, 'userData', 'backup.json'), writeFileAtomic),
      write: writeFileAtomic,
      examplesDir: join(process.cwd(), 'assets', 'examples'),
    });
    expect(await handlers[INVOKE.openDesign]({}, ctx)).toMatchObject({ ok: true, value: { path: chosen } });
    expect(await handlers[INVOKE.saveDesign]({ design: design('overwrite'), path: chosen }, ctx)).toEqual({ ok: true, value: undefined });
    expect(dialogsAsked).toBe(1);
    expect(readFileSync(besides, 'utf8')).toBe(OTHER_DESIGN);
  });

  it('the strict schemas refuse a path smuggled into channels that take none', () => {
    const smuggled: Array<[keyof typeof invokeSchemas, object]> = [
      [INVOKE.exportManifests, { design: design('x'), mode: 'file', path: secrets.yaml }],
      [INVOKE.listExamples, { path: secrets.yaml }],
      [INVOKE.openExample, { id: '../secrets/secret' }],
      [INVOKE.listRecent, { path: secrets.yaml }],
      [INVOKE.takeBackup, { path: secrets.yaml }],
      [INVOKE.settleBackup, { path: secrets.yaml }],
      [INVOKE.validateDesign, { design: design('x'), path: secrets.yaml }],
      [INVOKE.cancelSimulation, { runId: 'r', path: secrets.yaml }],
    ];
    for (const [channel, payload] of smuggled) expect(invokeSchemas[channel].request.safeParse(payload).success, channel).toBe(false);
  });
});
