/**
 * RBAC in the editor: drag a Role and a RoleBinding from the Access control palette group, connect
 * them, and see the role-ref edge, the roleRef in the YAML tab and the Role's rules editor; the
 * developer-permissions example at both window sizes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type AppDriver } from './harness';
import { ShellPage } from './shellPage';
import { describeBrowser } from './suite';

type Edge = { sourceId: string; targetId?: string; relation: string };

describeBrowser('RBAC cards: palette, connect, edge and YAML', () => {
  let app: AppDriver & { stop(): Promise<void> };
  let shell: ShellPage;
  beforeAll(async () => {
    app = await openApp();
    shell = new ShellPage(app);
  });
  afterAll(async () => {
    await app?.stop();
  });

  const edges = () => app.page.evaluate(() => {
    const k = (window as unknown as { __kubeplan: { store: { getState(): unknown }; actions: { selectEdges(s: unknown): Edge[] } } }).__kubeplan;
    return k.actions.selectEdges(k.store.getState()).map((e) => ({ sourceId: e.sourceId, targetId: e.targetId, relation: e.relation }));
  });

  it('drags a Role and a RoleBinding, connects them: the edge is drawn and roleRef is in the YAML', async () => {
    await app.open();
    await app.page.locator('[data-kind="Role"]').first().waitFor();
    await app.dragFromPalette('Role', 620, 260);
    await app.dragFromPalette('RoleBinding', 260, 260);
    const role = await shell.canvas.resource('Role');
    const binding = await shell.canvas.resource('RoleBinding');
    expect((await edges()).filter((e) => e.sourceId === binding.id && e.targetId)).toEqual([]);

    await shell.canvas.connect(binding.id, role.id);
    await expect.poll(async () => (await edges()).find((e) => e.sourceId === binding.id && e.targetId === role.id)?.relation).toBe('role-ref');
    expect((await shell.canvas.object(binding.id) as unknown as { roleRef: unknown }).roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' });

    await shell.clickResource('RoleBinding');
    const yaml = await shell.waitForYaml('  kind: Role\n  name: pod-reader');
    expect(yaml).toContain('roleRef:');
    expect(yaml).toMatch(/roleRef:\n\s+apiGroup: rbac\.authorization\.k8s\.io\n\s+kind: Role\n\s+name: pod-reader/);
    await app.screenshot('rbac-connected-1440');

    // The legend lists the new edge kind with its filter; hiding it hides the edge.
    if (!(await app.page.locator('[data-testid="edge-legend"]').isVisible())) await app.page.locator('[data-testid="edge-legend-toggle"]').click();
    await app.page.locator('[data-testid="edge-filter-role-ref"]').waitFor();
  });

  it('the Role\'s rules editor writes verbs and resources', async () => {
    await shell.clickResource('Role');
    await app.page.locator('[data-testid="rbac-rule-0"]').waitFor();
    await shell.typeInto('rbac-rule-0-resources', 'pods, services');
    await app.page.locator('[data-testid="rbac-rule-0-verbs"] label', { hasText: 'create' }).locator('input').check();
    const role = await shell.canvas.resource('Role');
    await expect.poll(async () => (await shell.canvas.object(role.id) as unknown as { rules: unknown }).rules).toEqual([
      { apiGroups: [''], resources: ['pods', 'services'], verbs: ['get', 'list', 'watch', 'create'] },
    ]);
    await app.screenshot('rbac-role-rules-1440');
    expect(app.errors).toEqual([]);
  });

  it('the developer-permissions example at 1440×900 and 1024×768', async () => {
    for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 768 }]) {
      await app.page.setViewportSize(size);
      await app.open('example=developer-permissions');
      await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('developer-permissions'));
      const rb = await shell.canvas.resource('RoleBinding', 'developer');
      const found = await edges();
      expect(found.filter((e) => e.sourceId === rb.id && e.targetId).map((e) => e.relation).sort()).toEqual(['role-ref', 'subject']);
      await shell.clickResource('RoleBinding', 'developer');
      await app.page.locator('[data-testid="rbac-role-ref"]').waitFor();
      if (size.width === 1440) {
        // A group typed into the binding shows on its card next to the user.
        await app.page.locator('[data-testid="rbac-add-group"]').click();
        await expect.poll(async () => (await shell.canvas.object(rb.id) as unknown as { subjects: Array<{ kind: string; name: string }> }).subjects.map((x) => `${x.kind}/${x.name}`)).toEqual(['User/dev', 'ServiceAccount/deployer', 'Group/developers']);
      }
      await app.page.waitForTimeout(300);
      await app.screenshot(`rbac-example-${size.width}`);
    }
    expect(app.errors).toEqual([]);
  });
});
