// Importing a `kubectl get pods -o json` dump: pods with an owner are drawn as their workload's
// card (one card per ReplicaSet, titled with it), the design keeps every pod, and a Service's
// edges end at the card.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type AppDriver } from './harness';
import { ShellPage } from './shellPage';
import { describeBrowser } from './suite';

const owner = (kind: string, name: string) => [{ apiVersion: 'apps/v1', kind, name, uid: `uid-${name}`, controller: true }];
const pod = (name: string, app: string, refs?: object[]) => ({
  metadata: { name, namespace: 'shop', labels: { app }, ...(refs ? { ownerReferences: refs } : {}) },
  spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 8080 }] }] },
  status: { phase: 'Running', hostIP: '10.1.0.1', podIP: '172.30.0.5' },
});
const dump = JSON.stringify({
  kind: 'PodList', apiVersion: 'v1',
  items: [
    pod('web-5d9c8-a1', 'web', owner('ReplicaSet', 'web-5d9c8')),
    pod('web-5d9c8-b2', 'web', owner('ReplicaSet', 'web-5d9c8')),
    pod('web-5d9c8-c3', 'web', owner('ReplicaSet', 'web-5d9c8')),
    pod('agent-x1', 'agent', owner('DaemonSet', 'agent')),
    pod('debug', 'debug'),
  ],
}, null, 2);
const service = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } });

type K = { __kubeplan: { store: { getState(): { design: { resources: Array<{ id: string; object: { kind: string; metadata: { name: string } } }> } } }; stage: { findOne(s: string): unknown }; fitToContent(): void } };

describeBrowser('importing a pod dump', () => {
  let app: AppDriver & { stop(): Promise<void> };
  let shell: ShellPage;
  beforeAll(async () => {
    app = await openApp();
    shell = new ShellPage(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('draws one card per owner, keeps every pod, and routes the Service to the card', async () => {
    await shell.byTestId('tb-import').click();
    await app.chooseFiles(() => shell.byTestId('tb-import-files').click(), [{ name: 'pods.json', text: dump }, { name: 'svc.json', text: service }]);
    await app.page.waitForFunction(() => (window as unknown as K).__kubeplan.store.getState().design.resources.length === 6);
    const drawn = await app.page.evaluate(() => {
      const k = (window as unknown as K).__kubeplan;
      return k.store.getState().design.resources.map((r) => [r.object.metadata.name, k.stage.findOne(`.resource:${r.id}`) !== undefined]);
    });
    expect(drawn).toEqual([
      ['web-5d9c8-a1', true],
      ['web-5d9c8-b2', false],
      ['web-5d9c8-c3', false],
      ['agent-x1', true],
      ['debug', true],
      ['web', true],
    ]);
    // A click on the group card selects the pod it is drawn for, not a hidden pod under it.
    const card = await shell.canvas.resource('Pod', 'web-5d9c8-a1');
    const c = await shell.canvas.cardCenter(card.id);
    await app.clickCanvas(c.x, c.y);
    await expect(shell.canvas.selection()).resolves.toEqual([card.id]);
    await app.page.keyboard.press('Escape');
    await app.page.evaluate(() => (window as unknown as K).__kubeplan.fitToContent());
    await app.page.waitForTimeout(400);
    await app.screenshot('pod-dump-import-1440');
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await app.page.evaluate(() => (window as unknown as K).__kubeplan.fitToContent());
    await app.page.waitForTimeout(400);
    await app.screenshot('pod-dump-import-1024');
  });
});
