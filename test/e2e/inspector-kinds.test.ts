import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type AppDriver } from './harness';
import { ShellPage } from './shellPage';
import { describeBrowser } from './suite';

const waitTitle = (app: AppDriver, text: string) => app.page.waitForFunction((n) => document.querySelector('[data-testid="title"]')?.textContent?.includes(n), text);

describeBrowser('inspector forms for Ingress, storage, NetworkPolicy and ResourceQuota', () => {
  let app: AppDriver & { stop(): Promise<void> };
  let shell: ShellPage;
  const obj = async (id: string) => (await shell.canvas.object(id)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  beforeAll(async () => {
    app = await openApp('example=three-tier-shop');
    shell = new ShellPage(app);
    await waitTitle(app, 'three-tier-shop');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('an Ingress rule host and backend port are edited in place', async () => {
    const id = await shell.clickResource('Ingress', 'shop');
    await shell.typeInto('field-ingress-host-0', 'shop.internal');
    await shell.typeInto('field-ingress-port-0-0', '9090');
    const ing = await obj(id);
    expect(ing.spec.rules[0].host).toBe('shop.internal');
    expect(ing.spec.rules[0].http.paths[0].backend.service.port).toEqual({ number: 9090 });
    await app.screenshot('inspector-ingress');
  });

  it('a claim size that is not a quantity is refused inline; a valid one is applied', async () => {
    const id = await shell.clickResource('PersistentVolumeClaim', 'postgres-data');
    await shell.typeInto('field-storage-size', '10 GB');
    await expect(shell.byTestId('field-storage-size-error').textContent()).resolves.toContain('not a Kubernetes quantity');
    expect((await obj(id)).spec.resources.requests.storage).toBe('10Gi');
    await shell.typeInto('field-storage-size', '20Gi');
    expect((await obj(id)).spec.resources.requests.storage).toBe('20Gi');
    await shell.byTestId('field-access-modes').getByLabel('ReadWriteMany').check();
    expect((await obj(id)).spec.accessModes).toEqual(['ReadWriteOnce', 'ReadWriteMany']);
  });

  it('NetworkPolicy types and ResourceQuota hard limits are edited in their forms', async () => {
    await app.open('example=multi-tenant');
    await waitTitle(app, 'multi-tenant');
    const np = await shell.clickResource('NetworkPolicy', 'allow-web-to-api');
    await shell.byTestId('field-policy-types').getByLabel('Egress').check();
    expect((await obj(np)).spec.policyTypes).toEqual(['Ingress', 'Egress']);
    await app.screenshot('inspector-network-policy');

    const quota = await shell.clickResource('ResourceQuota', 'team-a-quota');
    await shell.typeInto('field-quota-hard-value-0', 'four');
    await expect(shell.byTestId('field-quota-hard').textContent()).resolves.toContain('"four" is not a Kubernetes quantity');
    expect((await obj(quota)).spec.hard['requests.cpu']).toBe('4');
    await shell.typeInto('field-quota-hard-value-0', '6');
    expect((await obj(quota)).spec.hard['requests.cpu']).toBe('6');
    await app.screenshot('inspector-quota');
  });
});
