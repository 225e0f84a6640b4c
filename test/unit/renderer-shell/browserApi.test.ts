import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDesign } from '../../../shared/design/types';
import type { KubeplanApi } from '../../../shared/ipc/api';

// The browser API keeps recent files and the hot-exit backup in localStorage; a Map stands in for it.
const storage = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
});

const { createBrowserApi } = await import('../../../renderer/api/browser');

describe('the browser implementation of the Kubeplan API', () => {
  beforeEach(() => storage.clear());

  it('backs up unsaved work and hands it back after every reload, until the offer is settled', async () => {
    const api = createBrowserApi();
    const design = emptyDesign('shop');
    design.resources = [{ id: 'r1', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { a: '1' } } }];
    design.layout = { positions: { r1: { x: 10, y: 20 } }, frames: { default: { x: 0, y: 0, width: 300, height: 200 } } };
    expect(await api.backup({ design, path: 'shop.kubeplan.yaml' })).toEqual({ ok: true, value: undefined });
    const again = await createBrowserApi().takeBackup();
    expect(again.ok && again.value).toMatchObject({ design: { name: 'shop', resources: design.resources, layout: design.layout }, path: 'shop.kubeplan.yaml' });
    // Reloaded again before the offer was answered: offered again.
    expect(await createBrowserApi().takeBackup()).toMatchObject({ ok: true, value: { design: { name: 'shop' } } });
    // New work backed up meanwhile is the newer loss to prevent: the next reload offers that.
    await api.backup({ design: emptyDesign('new work') });
    expect(await createBrowserApi().takeBackup()).toMatchObject({ ok: true, value: { design: { name: 'new work' } } });
    await api.settleBackup();
    await api.backup(undefined);
    expect(await api.takeBackup()).toEqual({ ok: true, value: undefined });
  });

  it('a corrupt backup is ignored rather than breaking start-up', async () => {
    storage.set('kubeplan.backup', '{not json');
    expect(await createBrowserApi().takeBackup()).toEqual({ ok: true, value: undefined });
  });

  it('lists the four examples and opens each as a design', async () => {
    const api = createBrowserApi();
    const list = await api.listExamples();
    expect(list.ok && list.value.map((e) => e.id)).toEqual(['hello-minikube', 'three-tier-shop', 'multi-tenant', 'shop-default-deny', 'connected-vehicles', 'developer-permissions', 'shop-debugging']);
    const hello = await api.openExample('hello-minikube');
    expect(hello.ok && hello.value.design.resources.map((r) => r.object.kind)).toEqual(['Service', 'Deployment']);
    expect(await api.openExample('nope')).toMatchObject({ ok: false, error: { message: 'no example named "nope"' } });
  });
});

describe('choosing the API', () => {
  it('uses the preload’s window.kubeplan in Electron and the in-page implementation elsewhere', async () => {
    const electron = { platform: 'electron' } as KubeplanApi;
    vi.stubGlobal('window', { kubeplan: electron });
    const { kubeplanApi } = await import('../../../renderer/api/index');
    expect(kubeplanApi()).toBe(electron);
    vi.unstubAllGlobals();
  });
});
