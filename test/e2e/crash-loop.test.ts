/**
 * Crash loops in the browser build (docs/simulator.md, "Crash loops"): the shop-debugging example's
 * orders worker crash-loops, the timeline says the run ended steady but for it; a pinned pod chip's
 * Crash container restarts a frontend container (the kubelet's Started counts up), and the
 * inspector's Crash container does the same for the selected Deployment. In the console,
 * `kubectl exec POD -- kill 1` restarts a container as the admin and is Forbidden to a developer
 * without pods/exec, as the canvas's Crash container is then. Screenshots at 1440×900 and 1024×768.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type AppDriver } from './harness';
import { openDeveloperConsole } from './consolePage';
import { describeBrowser } from './suite';
import type { SimHooks } from './simulationHooks';

type Live = {
  live: { getState(): { busy: boolean } };
  sessionFrames(): Array<{ seq: number; cause: { type: string; action?: string; target?: string }; events: Array<{ reason: string; object: string; count: number }> }>;
};

for (const viewport of [{ width: 1440, height: 900 }, { width: 1024, height: 768 }]) {
  const size = `${viewport.width}x${viewport.height}`;
  describeBrowser(`crash loops at ${size}`, () => {
    let app: AppDriver & { stop(): Promise<void> };
    const byTestId = (id: string) => app.page.locator(`[data-testid="${id}"]`);
    const settled = () =>
      app.page.waitForFunction(() => {
        const l = (window as unknown as { __kubeplanLive: Live }).__kubeplanLive;
        const s = (window as unknown as { __kubeplanSimulation: SimHooks }).__kubeplanSimulation.store.getState();
        return !l.live.getState().busy && s.cursor === s.frameCount - 1;
      });
    /** Frames of a live crash step, with the Started events they carry. */
    const crashFrames = () =>
      app.page.evaluate(() => {
        const frames = (window as unknown as { __kubeplanLive: Live }).__kubeplanLive.sessionFrames();
        return frames.filter((f) => f.cause.type === 'step' && f.cause.action === 'crash').map((f) => f.cause.target ?? '');
      });

    beforeAll(async () => {
      app = await openApp('example=shop-debugging', viewport);
      await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('shop-debugging'));
      await app.page.waitForFunction(() => (window as { __kubeplanLive?: unknown }).__kubeplanLive !== undefined);
      await app.page.click('[data-testid="run-simulation"]');
      await app.page.waitForFunction(() => (window as unknown as { __kubeplanSimulation?: SimHooks }).__kubeplanSimulation?.store.getState().status === 'ready', undefined, { timeout: 60_000 });
    });
    afterAll(async () => {
      await app?.stop();
    });

    it('the timeline says the run ended steady but for the orders crash loop', async () => {
      await byTestId('simulation-crash-loops').waitFor();
      expect(await byTestId('simulation-crash-loops').textContent()).toMatch(/^Steady but for a crash loop: shop\/orders-[a-z0-9]+-[a-z0-9]+ is in CrashLoopBackOff and restarts every 5 minutes from here\./);
      await app.screenshot(`crash-loop-note-${size}`);
    });

    it('a pinned pod chip crashes its container: a live crash step, and the pod restarts', async () => {
      const chips = await app.page.evaluate(() => (window as unknown as { __kubeplanSimulation: SimHooks }).__kubeplanSimulation.overlay().chips.filter((c) => c.type === 'pod').map((c) => ({ ...c, pod: c.pod ? { namespace: c.pod.namespace, name: c.pod.name } : undefined })));
      const frontend = chips.find((c) => c.pod?.name.startsWith('frontend-'))!;
      expect(frontend).toBeDefined();
      const v = await app.page.evaluate(() => (window as unknown as { __kubeplan: { store: { getState(): { viewport: { x: number; y: number; scale: number } } } } }).__kubeplan.store.getState().viewport);
      const p = await app.toPage({ x: (frontend.x + frontend.width / 2) * v.scale + v.x, y: (frontend.y + frontend.height / 2) * v.scale + v.y });
      await app.page.mouse.move(p.x, p.y);
      await app.page.mouse.click(p.x, p.y);
      await byTestId('pod-crash').waitFor();
      await app.screenshot(`crash-chip-${size}`);
      await byTestId('pod-crash').click();
      await app.page.waitForFunction(() => (window as unknown as { __kubeplanLive: Live }).__kubeplanLive.sessionFrames().some((f) => f.cause.type === 'step' && f.cause.action === 'crash'));
      await settled();
      expect(await crashFrames()).toEqual([`Pod/shop/${frontend.pod!.name}`]);
      // The kubelet started the container a second time.
      const started = await app.page.evaluate((name) => (window as unknown as { __kubeplanLive: Live }).__kubeplanLive.sessionFrames().flatMap((f) => f.events).filter((e) => e.reason === 'Started' && e.object === `Pod/${name}`).map((e) => e.count), frontend.pod!.name);
      expect(Math.max(...started)).toBe(2);
      expect(app.errors).toEqual([]);
    });

    it('the inspector\'s Crash container acts on the selected Deployment\'s first running pod', async () => {
      await app.page.evaluate(() => (window as unknown as { __kubeplan: { actions: { select(ids: string[]): void } } }).__kubeplan.actions.select(['deploy-api']));
      await byTestId('live-crash-container').waitFor();
      await app.page.mouse.move(5, 5);
      await byTestId('live-crash-container').click();
      await app.page.waitForFunction(() => (window as unknown as { __kubeplanLive: Live }).__kubeplanLive.sessionFrames().filter((f) => f.cause.type === 'step' && f.cause.action === 'crash').length === 2);
      await settled();
      expect((await crashFrames())[1]).toMatch(/^Pod\/shop\/api-/);
      await app.screenshot(`crash-inspector-${size}`);
      expect(app.errors).toEqual([]);
    });
  });
}

describeBrowser('kubectl exec -- kill 1 in the console', () => {
  let app: AppDriver & { stop(): Promise<void> };
  type Console = { __kubeplanConsole: { text(): string } };
  type LiveHooks = { __kubeplanLive: { simulation: { getState(): { status: string; frameCount: number; cursor: number; view: { pods: Array<{ namespace: string; name: string; phase: string }> } | null; runSimulation(): Promise<void> } }; live: { getState(): { busy: boolean } }; runLiveAction(a: unknown): Promise<{ error?: string } | undefined> } };
  const screen = () => app.page.evaluate(() => (window as unknown as Console).__kubeplanConsole.text());
  const run = async (command: string) => {
    const before = (await screen()).split('\n').filter((l) => l.startsWith('$ ')).length;
    await app.page.click('[data-testid="console-terminal"]');
    await app.page.keyboard.type(command, { delay: 2 });
    await app.page.keyboard.press('Enter');
    await app.page.waitForFunction((n) => (window as unknown as Console).__kubeplanConsole.text().split('\n').filter((l) => l.startsWith('$ ')).length > n, before, { timeout: 20_000 });
    await app.page.waitForFunction(() => {
      const l = (window as unknown as LiveHooks).__kubeplanLive;
      const s = l.simulation.getState();
      return !l.live.getState().busy && s.cursor === s.frameCount - 1;
    });
  };

  beforeAll(async () => {
    app = await openDeveloperConsole();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('restarts the container as the admin; a developer without pods/exec is refused, in the console and on the canvas', async () => {
    const pod = await app.page.evaluate(() => (window as unknown as LiveHooks).__kubeplanLive.simulation.getState().view!.pods.filter((p) => p.namespace === 'team-a' && p.name.startsWith('web-')).map((p) => p.name).sort()[0]!);
    await run(`exec ${pod} -n team-a -- kill 1`);
    await run(`get pod ${pod} -n team-a`);
    expect(await screen()).toMatch(new RegExp(`${pod}\\s+1/1\\s+Running\\s+1 \\(\\d+s ago\\)`));
    await run(`describe pod ${pod} -n team-a`);
    expect(await screen()).toContain('Exit Code:    143');
    await app.page.selectOption('[data-testid="console-user"]', 'dev');
    await run(`exec ${pod} -- kill 1`);
    expect(await screen()).toContain(`Error from server (Forbidden): pods "${pod}" is forbidden: User "dev" cannot create resource "pods/exec" in API group "" in the namespace "team-a"`);
    const denied = await app.page.evaluate((name) => (window as unknown as LiveHooks).__kubeplanLive.runLiveAction({ action: 'crash', namespace: 'team-a', name }), pod);
    expect(denied?.error).toBe(`Error from server (Forbidden): pods "${pod}" is forbidden: User "dev" cannot create resource "pods/exec" in API group "" in the namespace "team-a"`);
    await app.screenshot('console-exec-kill-1440x900');
    await app.page.selectOption('[data-testid="console-user"]', 'admin');
  });
});
