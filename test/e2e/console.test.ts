/**
 * The kubectl console in the browser build: open the developer fixture, run the simulation, type
 * kubectl commands into the Console tab (a real xterm), see the canvas change after a scale, a
 * Forbidden error as the developer user, and canvas-side live actions in `get`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AppDriver } from './harness';
import { openDeveloperConsole } from './consolePage';
import { describeBrowser } from './suite';

type Live = {
  simulation: { getState(): { status: string; frameCount: number; cursor: number; view: { pods: Array<{ namespace: string; name: string; owner: string; phase: string }> } | null; runSimulation(): Promise<void> } };
  live: { getState(): { busy: boolean } };
};

const WEB = 'apps/Deployment/team-a/web';

describeBrowser('the kubectl console', () => {
  let app: AppDriver & { stop(): Promise<void> };

  /** The terminal's text, row by row (xterm renders rows into .xterm-rows). */
  const screen = () => app.page.evaluate(() => (window as unknown as { __kubeplanConsole: { text(): string } }).__kubeplanConsole.text());

  const idle = () =>
    app.page.waitForFunction(() => {
      const l = (window as unknown as { __kubeplanLive: Live }).__kubeplanLive;
      const s = l.simulation.getState();
      return !l.live.getState().busy && s.cursor === s.frameCount - 1;
    });

  /** Type a command and wait until its output is printed (the prompt comes back). */
  const run = async (command: string) => {
    const before = (await screen()).split('\n').filter((l) => l.startsWith('$ ')).length;
    await app.page.click('[data-testid="console-terminal"]');
    await app.page.keyboard.type(command, { delay: 2 });
    await app.page.keyboard.press('Enter');
    await app.page.waitForFunction(
      (n) => (window as unknown as { __kubeplanConsole: { text(): string } }).__kubeplanConsole.text().split('\n').filter((l) => l.startsWith('$ ')).length > n,
      before,
      { timeout: 20_000 },
    );
    await idle();
  };

  const runningWeb = () =>
    app.page.evaluate((owner) => {
      const s = (window as unknown as { __kubeplanLive: Live }).__kubeplanLive.simulation.getState();
      return (s.view?.pods ?? []).filter((p) => p.owner === owner && p.phase === 'Running' ).length;
    }, WEB);

  beforeAll(async () => {
    app = await openDeveloperConsole();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('get prints kubectl\'s table; scale changes the canvas at once', async () => {
    await run('kubectl get deploy -n team-a');
    expect(await screen()).toMatch(/NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s*\nweb\s+2\/2\s+2\s+2\s+\d+s/);
    expect(await runningWeb()).toBe(2);
    await run('scale deployment/web --replicas=4 -n team-a');
    expect(await screen()).toContain('deployment.apps/web scaled');
    expect(await runningWeb()).toBe(4);
    await app.screenshot('console-scale-1440');
  });

  it('as the developer: allowed in the team namespace, Forbidden elsewhere; history with ↑', async () => {
    await app.page.selectOption('[data-testid="console-user"]', 'dev');
    await run('get pods -n prod');
    expect(await screen()).toContain('Error from server (Forbidden): pods is forbidden: User "dev" cannot list resource "pods" in API group "" in the namespace "prod"');
    await run('get secret db');
    expect(await screen()).toContain('Error from server (Forbidden): secrets "db" is forbidden: User "dev" cannot get resource "secrets" in API group "" in the namespace "team-a"');
    // ↑ brings back the last command; editing it runs the scale the developer may do.
    await app.page.click('[data-testid="console-terminal"]');
    await app.page.keyboard.press('ArrowUp');
    await app.page.keyboard.press('ArrowUp');
    await app.page.keyboard.press('Control+c');
    await run('scale deploy web --replicas=3');
    expect(await screen()).toContain('deployment.apps/web scaled');
    expect(await runningWeb()).toBe(3);
    // A canvas live action runs as the console's user too: scaling prod's api is refused.
    const denied = await app.page.evaluate(() => (window as unknown as { __kubeplanLive: { runLiveAction(a: unknown): Promise<{ error?: string } | undefined> } }).__kubeplanLive.runLiveAction({ action: 'scale', kind: 'Deployment', namespace: 'prod', name: 'api', replicas: 3 }));
    expect(denied?.error).toBe('Error from server (Forbidden): deployments.apps "api" is forbidden: User "dev" cannot get resource "deployments" in API group "apps" in the namespace "prod"');
    await app.page.waitForSelector('[data-testid="notice-error"]');
    await app.screenshot('console-forbidden-1440');
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await run('auth can-i --list');
    expect(await screen()).toMatch(/deployments\.apps\s+\[\]\s+\[\]\s+\[get list watch create update patch delete\]/);
    await run('get pods');
    await app.screenshot('console-forbidden-1024');
    await app.page.setViewportSize({ width: 1440, height: 900 });
  });

  it('Tab completes verbs and names; config use-context switches back', async () => {
    await app.page.click('[data-testid="console-terminal"]');
    await app.page.keyboard.type('desc');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.type('deploy w');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Enter');
    await app.page.waitForFunction(() => (window as unknown as { __kubeplanConsole: { text(): string } }).__kubeplanConsole.text().includes('NewReplicaSet:'), undefined, { timeout: 20_000 });
    expect(await screen()).toContain('$ describe deploy web');
    await run('config use-context admin');
    expect(await screen()).toContain('Switched to context "admin".');
    expect(await app.page.$eval('[data-testid="console-user"]', (el) => (el as HTMLSelectElement).value)).toBe('admin');
  });
});
