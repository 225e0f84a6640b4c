/**
 * The first-use path: a new user builds the hello-minikube design on an empty canvas with the
 * mouse (typing only names and values into the inspector), exports it, closes it and reopens it.
 */
import { loadAll } from 'js-yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type AppDriver } from './harness';
import { ShellPage } from './shellPage';
import { describeBrowser } from './suite';

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; spec: Record<string, unknown> };

describeBrowser('a new user builds hello-minikube from an empty canvas', () => {
  let app: AppDriver & { stop(): Promise<void> };
  let shell: ShellPage;
  let saved: { name: string; text: string };
  let builtDesign: Awaited<ReturnType<ShellPage['design']>>;
  beforeAll(async () => {
    app = await openApp();
    shell = new ShellPage(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('drags a Deployment and a Service from the palette, connects them and fills in the tutorial values', async () => {
    await app.screenshot('flow-1-empty');
    await app.dragFromPalette('Deployment', 560, 240);
    await app.dragFromPalette('Service', 220, 240);
    const dep = await shell.canvas.resource('Deployment');
    const svc = await shell.canvas.resource('Service');

    await shell.canvas.connect(svc.id, dep.id);
    const template = ((await shell.canvas.object(dep.id)) as unknown as { spec: { template: { metadata: { labels: Record<string, string> } } } }).spec.template.metadata.labels;
    expect(((await shell.canvas.object(svc.id)) as unknown as Obj).spec.selector).toEqual(template);

    await shell.clickResource('Deployment');
    await shell.typeInto('field-name', 'hello-node');
    await shell.typeInto('field-replicas', '1');
    await shell.typeInto('field-c0-image', 'registry.k8s.io/e2e-test-images/agnhost:2.39');
    await shell.typeInto('field-c0-port-0', '8080');
    await app.screenshot('flow-2-deployment');

    await shell.clickResource('Service');
    await shell.typeInto('field-name', 'hello-node');
    await shell.byTestId('field-service-type').selectOption('LoadBalancer');
    await shell.typeInto('field-service-port-0', '8080');
    await shell.typeInto('field-service-target-0', '8080');
    await shell.waitForYaml('type: LoadBalancer');
    await app.screenshot('flow-3-service');
    builtDesign = await shell.design();
  });

  it('exports YAML that kubectl would apply: the Deployment and the LoadBalancer Service on 8080', async () => {
    const { name, objects } = await shell.exportOneFile();
    expect(name).toMatch(/\.yaml$/);
    const byKind = Object.fromEntries((objects as Obj[]).map((o) => [o.kind, o]));
    expect(Object.keys(byKind).sort()).toEqual(['Deployment', 'Service']);
    const deployment = byKind.Deployment as unknown as { metadata: { name: string }; spec: { replicas: number; selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: { containers: Array<{ image: string; ports: Array<{ containerPort: number }> }> } } } };
    expect(deployment.metadata.name).toBe('hello-node');
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.template.spec.containers[0]).toMatchObject({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.39', ports: [expect.objectContaining({ containerPort: 8080 })] });
    const service = byKind.Service as unknown as { metadata: { name: string }; spec: { type: string; selector: Record<string, string>; ports: Array<{ port: number; targetPort: number }> } };
    expect(service.metadata.name).toBe('hello-node');
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.spec.ports[0]).toMatchObject({ port: 8080, targetPort: 8080 });
    // The Service selects exactly the Deployment's pods.
    expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
    expect(deployment.spec.selector.matchLabels).toEqual(deployment.spec.template.metadata.labels);
    // And the Problems tab agrees there is nothing wrong.
    await shell.byTestId('tab-problems').click();
    await expect(shell.byTestId('problems').textContent()).resolves.toContain('No problems found');
  });

  it('names the design from its title, saves, closes it, reopens the file and sees the same picture', async () => {
    await shell.byTestId('title-button').click();
    await shell.byTestId('title-input').fill('hello-minikube');
    await shell.byTestId('title-input').press('Enter');
    await expect(shell.title()).resolves.toContain('hello-minikube');
    builtDesign = await shell.design();
    saved = await shell.save();
    expect(saved.name).toBe('hello-minikube.kubeplan.yaml');
    await shell.byTestId('tb-new').click();
    expect((await shell.design()).resources).toHaveLength(0);
    await app.open();
    await shell.openFile(saved.name, saved.text);
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('hello-minikube'));
    const reopened = await shell.design();
    expect(reopened.resources).toEqual(builtDesign.resources);
    expect(reopened.layout.positions).toEqual(builtDesign.layout.positions);
    // The default namespace's frame is written around the cards as they were drawn.
    const frame = reopened.layout.frames.default as { x: number; y: number; width: number; height: number };
    for (const p of Object.values(reopened.layout.positions)) expect(p.x > frame.x && p.y > frame.y && p.x < frame.x + frame.width && p.y < frame.y + frame.height).toBe(true);
    const yaml = await shell.waitForYaml('type: LoadBalancer');
    expect((loadAll(yaml) as Obj[]).map((o) => o.kind).sort()).toEqual(['Deployment', 'Service']);
    await app.page.waitForTimeout(300);
    await app.screenshot('flow-4-reopened');
  });
});
