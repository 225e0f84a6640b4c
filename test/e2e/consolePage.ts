/**
 * The kubectl console's e2e setup, shared by the console suites: open the app on the developer
 * fixture (test/fixtures/kubectl/developer.kubeplan.yaml), run the simulation to its end, and bring
 * the Console tab forward with its shortcut (Ctrl+`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDesign } from '../../shared/design';
import { openApp, ROOT, type AppDriver } from './harness';

/** What the suites read of the live-view hooks the app exposes in tests. */
export interface LiveHook {
  __kubeplanLive: { simulation: { getState(): { status: string; runSimulation(): Promise<void> } } };
}

/** Run the design the page has open and wait until the run is ready. */
export async function runToEnd(app: AppDriver): Promise<void> {
  await app.page.waitForFunction(() => (window as { __kubeplanLive?: unknown }).__kubeplanLive !== undefined);
  await app.page.evaluate(() => void (window as unknown as LiveHook).__kubeplanLive.simulation.getState().runSimulation());
  await app.page.waitForFunction(() => (window as unknown as LiveHook).__kubeplanLive.simulation.getState().status === 'ready', undefined, { timeout: 60_000 });
}

/** Bring the Console tab forward (Ctrl+` from the canvas) and wait for the terminal. */
export async function focusConsole(app: AppDriver): Promise<void> {
  await app.page.click('[data-testid="canvas"]', { position: { x: 5, y: 5 } });
  await app.page.keyboard.press('Control+`');
  await app.page.waitForSelector('[data-testid="console"] .xterm-rows');
}

/** The app with the developer fixture running and the console open. */
export async function openDeveloperConsole(): Promise<AppDriver & { stop(): Promise<void> }> {
  const app = await openApp();
  const parsed = parseDesign(readFileSync(join(ROOT, 'test', 'fixtures', 'kubectl', 'developer.kubeplan.yaml'), 'utf8'), 'developer.kubeplan.yaml');
  if ('error' in parsed) throw new Error(parsed.error.message);
  await app.page.waitForFunction(() => (window as { __kubeplan?: unknown }).__kubeplan !== undefined);
  await app.page.evaluate((design) => (window as unknown as { __kubeplan: { actions: { replaceDesign(d: unknown): void } } }).__kubeplan.actions.replaceDesign(design), parsed.design as unknown);
  await runToEnd(app);
  await focusConsole(app);
  return app;
}
