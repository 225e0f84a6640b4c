/**
 * `kubectl logs -f` in the Console tab: it follows the timeline — nothing yet at the start of the
 * run, the containers' lines once the cursor reaches the present — until Ctrl+C; a follow ends by
 * itself when a live action deletes the followed pod.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AppDriver } from './harness';
import { openDeveloperConsole } from './consolePage';
import { describeBrowser } from './suite';

type Live = {
  simulation: { getState(): { status: string; frameCount: number; cursor: number; seek(seq: number): void; runSimulation(): Promise<void> } };
  live: { getState(): { busy: boolean } };
  runLiveAction(a: unknown): Promise<{ error?: string } | undefined>;
};
type ConsoleHook = { __kubeplanConsole: { text(): string } };

describeBrowser('kubectl logs -f in the console', () => {
  let app: AppDriver & { stop(): Promise<void> };
  const screen = () => app.page.evaluate(() => (window as unknown as ConsoleHook).__kubeplanConsole.text());
  /** The terminal waits for a command: its last line is the bare prompt. */
  const atPrompt = async () => (await screen()).split('\n').at(-1) === '$';
  const waitForPrompt = () => app.page.waitForFunction(() => (window as unknown as ConsoleHook).__kubeplanConsole.text().split('\n').at(-1) === '$', undefined, { timeout: 20_000 });

  beforeAll(async () => {
    app = await openDeveloperConsole();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('follows the timeline until Ctrl+C', async () => {
    // A live action continues the timeline; then scrubbed back to the second the pods started, before they wrote anything.
    const scaled = await app.page.evaluate(() => (window as unknown as { __kubeplanLive: Live }).__kubeplanLive.runLiveAction({ action: 'scale', kind: 'Deployment', namespace: 'team-a', name: 'web', replicas: 3 }));
    expect(scaled?.error).toBeUndefined();
    await app.page.evaluate(() => (window as unknown as { __kubeplanLive: Live }).__kubeplanLive.simulation.getState().seek(2));
    await app.page.click('[data-testid="console-terminal"]');
    await app.page.keyboard.type('kubectl logs -f deploy/web -n team-a', { delay: 2 });
    await app.page.keyboard.press('Enter');
    await app.page.waitForFunction(() => (window as unknown as ConsoleHook).__kubeplanConsole.text().includes('Found 3 pods, using pod/'), undefined, { timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await screen()).not.toContain('Configuration complete');
    expect(await atPrompt()).toBe(false);
    // The cursor moves on to the present: the follow prints the lines written since.
    await app.page.evaluate(() => {
      const s = (window as unknown as { __kubeplanLive: Live }).__kubeplanLive.simulation.getState();
      s.seek(s.frameCount - 1);
    });
    await app.page.waitForFunction(() => (window as unknown as ConsoleHook).__kubeplanConsole.text().includes('Configuration complete; ready for start up'), undefined, { timeout: 20_000 });
    // Still following: no prompt; typing does nothing but Ctrl+C.
    await app.page.keyboard.type('zzz');
    expect(await atPrompt()).toBe(false);
    expect(await screen()).not.toContain('zzz');
    await app.screenshot('console-follow-1440');
    await app.page.keyboard.press('Control+c');
    await waitForPrompt();
    expect((await screen()).split('\n').at(-2)).toMatch(/\^C$/);
  });

  it('ends by itself when a live action deletes the followed pod', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await app.page.click('[data-testid="console-terminal"]');
    await app.page.keyboard.type('logs -f deploy/web -n team-a --tail=3 --prefix', { delay: 2 });
    await app.page.keyboard.press('Enter');
    await app.page.waitForFunction(() => /\n\[pod\/web-[a-z0-9]+-[a-z0-9]+\/web\] .*start worker process/.test((window as unknown as ConsoleHook).__kubeplanConsole.text()), undefined, { timeout: 20_000 });
    const text = await screen();
    const pod = [...text.matchAll(/Found 3 pods, using pod\/(\S+)/g)].at(-1)?.[1];
    expect(pod).toBeTruthy();
    const prefixed = text.split('\n').filter((l) => l.startsWith(`[pod/${pod}/web] `));
    expect(prefixed.length).toBeGreaterThanOrEqual(3);
    await app.screenshot('console-follow-1024');
    const r = await app.page.evaluate((name) => (window as unknown as { __kubeplanLive: Live }).__kubeplanLive.runLiveAction({ action: 'deletePod', namespace: 'team-a', name }), pod);
    expect(r?.error).toBeUndefined();
    await waitForPrompt();
    await app.page.setViewportSize({ width: 1440, height: 900 });
  });
});
