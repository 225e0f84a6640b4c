/** `simulation:observe` through main's handlers: answers in the channel's schema, from the run's live session, until it is cancelled. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { INVOKE } from '../../../shared/ipc/channels';
import { invokeSchemas, resultSchema } from '../../../shared/ipc/schemas';
import { BackupStore } from '../../../main/core/backup';
import { createHandlers } from '../../../main/core/handlers';
import { RecentFiles } from '../../../main/core/recent';
import { engine } from '../../../main/core/engineImpl';
import { design } from './fixtures/fakeEngine';

const web = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } };
import { inProcessWork } from './fixtures/fakeWork';

it('observes a finished run: targets, a node\'s series and a pod\'s logs, in the channel\'s schema; not after cancel', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplan-observe-'));
  const write = async () => undefined;
  const handlers = createHandlers({
    dialogs: { open: async () => undefined, save: async () => undefined, confirmUnsaved: async () => 'cancel' },
    work: inProcessWork(engine),
    recent: new RecentFiles(join(dir, 'recent.json'), write),
    backups: new BackupStore(join(dir, 'backup.json'), write),
    write,
    examplesDir: dir,
  });
  const ctx = { sendFrames: () => undefined };
  const schema = resultSchema(invokeSchemas[INVOKE.observeSimulation].result);
  expect((await handlers[INVOKE.runSimulation]({ runId: 'obs', design: design('x', [web]), seed: 1 }, ctx)).ok).toBe(true);
  const targets = await handlers[INVOKE.observeSimulation]({ runId: 'obs', query: { query: 'targets' } }, ctx);
  expect(schema.parse(targets)).toEqual(targets);
  const pod = targets.ok && targets.value.query === 'targets' ? targets.value.targets.pods[0] : undefined;
  expect(pod?.containers).toEqual(['web']);
  const series = await handlers[INVOKE.observeSimulation]({ runId: 'obs', query: { query: 'series', target: { kind: 'node', name: pod!.node } } }, ctx);
  expect(schema.parse(series)).toEqual(series);
  const logs = await handlers[INVOKE.observeSimulation]({ runId: 'obs', query: { query: 'logs', options: { pod: pod!.name, previous: true } } }, ctx);
  expect(logs.ok && logs.value.query === 'logs' && logs.value.output).toEqual({ stdout: '', stderr: `Error from server (BadRequest): previous terminated container "web" in pod "${pod!.name}" not found\n`, exitCode: 1 });
  await handlers[INVOKE.cancelSimulation]({ runId: 'obs' }, ctx);
  expect(await handlers[INVOKE.observeSimulation]({ runId: 'obs', query: { query: 'targets' } }, ctx)).toMatchObject({ ok: false, error: { code: 'not-live' } });
});
