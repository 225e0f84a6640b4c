import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { openApp, ROOT, type AppDriver } from './harness';
import { ShellPage } from './shellPage';
import { describeBrowser } from './suite';

const EXAMPLES = ['hello-minikube', 'three-tier-shop', 'multi-tenant', 'shop-default-deny', 'connected-vehicles', 'developer-permissions', 'shop-debugging'];

function exampleObjects(id: string): Array<{ kind: string; metadata: { name: string } }> {
  const doc = load(readFileSync(join(ROOT, 'assets/examples', `${id}.kubeplan.yaml`), 'utf8')) as { resources: Array<{ object: { kind: string; metadata: { name: string } } }> };
  return doc.resources.map((r) => r.object);
}

describeBrowser('the shipped examples', () => {
  let app: AppDriver & { stop(): Promise<void> };
  let shell: ShellPage;
  beforeAll(async () => {
    app = await openApp();
    shell = new ShellPage(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  for (const id of EXAMPLES) {
    it(`?example=${id} opens the ${id} design with every object on the canvas and in the YAML tab`, async () => {
      await app.open(`example=${id}`);
      await app.page.waitForFunction((n) => document.querySelector('[data-testid="title"]')?.textContent?.includes(n), id);
      const design = await shell.design();
      const expected = exampleObjects(id);
      expect(design.resources.map((r) => (r.object as { metadata: { name: string } }).metadata.name)).toEqual(expected.map((o) => o.metadata.name));
      const yaml = await shell.waitForYaml(`name: ${expected[expected.length - 1]!.metadata.name}`);
      for (const o of expected) expect(yaml).toContain(`kind: ${o.kind}`);
      // Opening an example is not an edit: no unsaved mark.
      await expect(shell.byTestId('unsaved-mark').count()).resolves.toBe(0);
      await app.page.waitForTimeout(300);
      await app.screenshot(`example-${id}`);
      expect(app.errors).toEqual([]);
    });
  }

  it('File → Examples menu opens an example by its title', async () => {
    await app.open();
    await shell.byTestId('tb-examples').click();
    await shell.byTestId('tb-examples-multi-tenant').click();
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('multi-tenant'));
    expect((await shell.design()).resources.length).toBe(exampleObjects('multi-tenant').length);
  });

  it('a Service whose selector matches nothing is listed under Problems, and clicking it selects and centres that Service', async () => {
    await app.open('example=hello-minikube');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('hello-minikube'));
    const svcId = await shell.clickResource('Service', 'hello-node');
    await shell.typeInto('field-service-selector-value-0', 'hello-nobody');
    await shell.byTestId('tab-problems').click();
    const problem = shell.byTestId('problem').filter({ hasText: 'selects no pods' });
    await problem.first().waitFor();
    // Select something else, then move the view away, so the click has to do both.
    await shell.clickResource('Deployment', 'hello-node');
    await app.page.evaluate(() => (window as unknown as { __kubeplan: { actions: { setViewport(v: object): void } } }).__kubeplan.actions.setViewport({ x: -2000, y: -2000, scale: 1 }));
    await problem.first().click();
    expect(await shell.canvas.selection()).toEqual([svcId]);
    const box = await shell.canvas.cardBox(svcId);
    const canvas = await app.canvasBox();
    expect(Math.abs(box.x + box.width / 2 - canvas.width / 2)).toBeLessThan(4);
    expect(Math.abs(box.y + box.height / 2 - canvas.height / 2)).toBeLessThan(4);
    await expect(shell.byTestId('field-name').inputValue()).resolves.toBe('hello-node');
    await app.screenshot('problems-click-to-select');
  });
});
