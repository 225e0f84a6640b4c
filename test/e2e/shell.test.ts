import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type AppDriver } from './harness';
import { describeBrowser } from './suite';

describeBrowser('the browser build', () => {
  let app: AppDriver & { stop(): Promise<void> };
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('loads the workspace without page errors', async () => {
    await expect(app.page.locator('[data-testid="workspace"]').isVisible()).resolves.toBe(true);
    await app.screenshot('shell');
    expect(app.errors).toEqual([]);
  });
});
