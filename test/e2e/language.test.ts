import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type AppDriver } from './harness';
import { ShellPage } from './shellPage';
import { describeBrowser } from './suite';

describeBrowser('switching the interface language', () => {
  let app: AppDriver & { stop(): Promise<void> };
  let shell: ShellPage;
  beforeAll(async () => {
    app = await openApp('example=three-tier-shop');
    shell = new ShellPage(app);
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('three-tier-shop'));
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('the language menu switches every panel to Simplified Chinese', async () => {
    await expect(shell.byTestId('tab-problems').textContent()).resolves.toContain('Problems');
    await shell.byTestId('language').click();
    await shell.byTestId('language-zh-CN').click();
    await expect(shell.byTestId('tab-problems').textContent()).resolves.toContain('问题');
    await expect(shell.byTestId('tb-open').getAttribute('title')).resolves.toBe('打开');
    await expect(app.page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    await shell.clickResource('Deployment', 'api');
    await expect(shell.byTestId('inspector').textContent()).resolves.toContain('副本数');
    await app.screenshot('language-zh-CN');
  });

  it('the choice is remembered after a reload, and English comes back from the same menu', async () => {
    await app.open();
    await expect(shell.byTestId('tab-problems').textContent()).resolves.toContain('问题');
    await expect(shell.byTestId('yaml-preview').textContent()).resolves.toContain('还没有可导出的内容');
    await shell.byTestId('language').click();
    await shell.byTestId('language-en').click();
    await expect(shell.byTestId('tab-problems').textContent()).resolves.toContain('Problems');
  });
});
