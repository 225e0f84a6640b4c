import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type AppDriver } from './harness';
import { ShellPage } from './shellPage';
import { describeBrowser } from './suite';

type Deployment = { metadata: { name: string }; spec: { replicas: number; template: { spec: { containers: Array<{ image: string; resources: { requests: { cpu: string } } }> } } } };

describeBrowser('editing objects in the inspector', () => {
  let app: AppDriver & { stop(): Promise<void> };
  let shell: ShellPage;
  let deployId: string;
  const deployment = async () => (await shell.canvas.object(deployId)) as unknown as Deployment;

  beforeAll(async () => {
    app = await openApp('example=hello-minikube');
    shell = new ShellPage(app);
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('hello-minikube'));
    deployId = await shell.clickResource('Deployment', 'hello-node');
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('renaming, scaling and changing the image update the object and the live YAML', async () => {
    await expect(shell.byTestId('field-name').inputValue()).resolves.toBe('hello-node');
    await shell.typeInto('field-name', 'hello-web');
    await shell.typeInto('field-replicas', '3');
    await shell.typeInto('field-c0-image', 'registry.k8s.io/e2e-test-images/agnhost:2.40');
    const d = await deployment();
    expect(d.metadata.name).toBe('hello-web');
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.template.spec.containers[0]!.image).toBe('registry.k8s.io/e2e-test-images/agnhost:2.40');
    const yaml = await shell.waitForYaml('agnhost:2.40');
    expect(yaml).toContain('name: hello-web');
    expect(yaml).toContain('replicas: 3');
    expect(yaml).toContain('image: registry.k8s.io/e2e-test-images/agnhost:2.40');
    await expect(shell.byTestId('unsaved-mark').count()).resolves.toBe(1);
  });

  it('a CPU request that is not a quantity is shown inline and never reaches the object', async () => {
    await shell.typeInto('field-c0-requests-cpu', 'lots');
    const error = shell.byTestId('field-c0-requests-cpu-error');
    await expect(error.textContent()).resolves.toContain('"lots" is not a Kubernetes quantity');
    expect((await deployment()).spec.template.spec.containers[0]!.resources.requests.cpu).toBe('100m');
    await shell.byTestId('field-c0-requests-cpu').press('Tab');
    expect((await deployment()).spec.template.spec.containers[0]!.resources.requests.cpu).toBe('100m');
    await app.screenshot('inspector-bad-quantity');
    await shell.typeInto('field-c0-requests-cpu', '250m');
    expect((await deployment()).spec.template.spec.containers[0]!.resources.requests.cpu).toBe('250m');
  });

  it('a name that is not a DNS name is refused inline', async () => {
    await shell.typeInto('field-name', 'Hello_Web');
    await expect(shell.byTestId('field-name-error').textContent()).resolves.toContain('lowercase');
    expect((await deployment()).metadata.name).toBe('hello-web');
    await shell.byTestId('field-name').press('Escape');
  });

  it('the YAML editor reports a parse error with its line and applies valid YAML', async () => {
    await shell.byTestId('inspector-tab-yaml').click();
    const editor = shell.byTestId('inspector-yaml');
    const text = await editor.inputValue();
    await editor.fill(text.replace('replicas: 3', 'replicas: [3'));
    await expect(shell.byTestId('inspector-yaml-error').textContent()).resolves.toMatch(/YAML error on line \d+/);
    await expect(shell.byTestId('inspector-yaml-apply').isDisabled()).resolves.toBe(true);
    await app.screenshot('inspector-yaml-error');
    await editor.fill(text.replace('replicas: 3', 'replicas: 5'));
    await shell.byTestId('inspector-yaml-apply').click();
    expect((await deployment()).spec.replicas).toBe(5);
    await shell.byTestId('inspector-tab-form').click();
    await expect(shell.byTestId('field-replicas').inputValue()).resolves.toBe('5');
  });

  it('undo and redo from the toolbar step through the edits', async () => {
    await shell.byTestId('tb-undo').click();
    expect((await deployment()).spec.replicas).toBe(3);
    await expect(shell.byTestId('field-replicas').inputValue()).resolves.toBe('3');
    await shell.byTestId('tb-undo').click();
    expect((await deployment()).spec.template.spec.containers[0]!.resources.requests.cpu).toBe('100m');
    await shell.byTestId('tb-redo').click();
    await shell.byTestId('tb-redo').click();
    expect((await deployment()).spec.replicas).toBe(5);
    await expect(shell.byTestId('tb-redo').isDisabled()).resolves.toBe(true);
    await app.screenshot('inspector-undo-redo');
  });

  it('the YAML tab can show just the selection', async () => {
    await shell.byTestId('tab-yaml').click();
    await shell.byTestId('yaml-scope-selection').click();
    await app.page.waitForFunction(() => !document.querySelector('[data-testid="yaml-preview"]')?.textContent?.includes('kind: Service'));
    const yaml = await app.readYaml();
    expect(yaml).toContain('kind: Deployment');
    expect(yaml).not.toContain('kind: Service');
    await shell.byTestId('yaml-scope-design').click();
    await shell.waitForYaml('kind: Service');
  });

  it('shift-clicking a second resource shows a summary of the selection', async () => {
    await shell.clickResource('Service', 'hello-node', ['Shift']);
    const summary = shell.byTestId('inspector-multi');
    await expect(summary.textContent()).resolves.toContain('2 resources selected');
    await app.screenshot('inspector-multi-selection');
  });

  it('the keyboard shortcuts dialog lists the canvas actions with their keys', async () => {
    await shell.byTestId('tb-shortcuts').click();
    const dialog = shell.byTestId('shortcuts-dialog');
    await expect(dialog.textContent()).resolves.toContain('Duplicate');
    await app.screenshot('shortcuts-dialog');
    await app.page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);
  });
});
