/**
 * Live actions in the browser build: run the multi-tenant example to its end, then act on the
 * running cluster through the inspector, the Events tab and the Nodes panel — a rolling update and
 * a rollback, apply again (`unchanged`), a drain whose pods move — and see the quota rejection.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type AppDriver } from './harness';
import { describeBrowser } from './suite';

interface PodView {
  namespace: string;
  name: string;
  owner: string;
  controller?: string;
  node: string;
  phase: string;
}

type Live = {
  simulation: { getState(): { status: string; runId: string | null; frameCount: number; cursor: number; view: { pods: PodView[]; nodes: Array<{ name: string; unschedulable: boolean }> } | null; runSimulation(): Promise<void>; seek(seq: number): void } };
  live: { getState(): { busy: boolean } };
  sessionFrames(): Array<{ seq: number; cause: { type: string; action?: string } }>;
};

const WEB = 'apps/Deployment/team-a/web';

describeBrowser('live actions on a finished run', () => {
  let app: AppDriver & { stop(): Promise<void> };

  const state = () =>
    app.page.evaluate(() => {
      const l = (window as unknown as { __kubeplanLive: Live }).__kubeplanLive;
      const s = l.simulation.getState();
      return { status: s.status, frameCount: s.frameCount, cursor: s.cursor, pods: s.view?.pods ?? [], nodes: s.view?.nodes ?? [] };
    });

  /** Wait until no live action is on its way and the cursor is at the newest frame. */
  const settled = () =>
    app.page.waitForFunction(() => {
      const l = (window as unknown as { __kubeplanLive: Live }).__kubeplanLive;
      const s = l.simulation.getState();
      return !l.live.getState().busy && s.cursor === s.frameCount - 1;
    });

  const running = (pods: PodView[], owner?: string) => pods.filter((p) => p.phase === 'Running' && (!owner || p.owner === owner));

  const select = (id: string) => app.page.evaluate((rid) => (window as unknown as { __kubeplan: { actions: { select(ids: string[]): void } } }).__kubeplan.actions.select([rid]), id);

  beforeAll(async () => {
    app = await openApp('example=multi-tenant');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('multi-tenant'));
    await app.page.waitForFunction(() => (window as { __kubeplanLive?: unknown }).__kubeplanLive !== undefined);
    // The Run button when this build has it; else the store's action it runs.
    const button = await app.page.$('[data-testid="run-simulation"]');
    if (button) await button.click();
    else await app.page.evaluate(() => void (window as unknown as { __kubeplanLive: Live }).__kubeplanLive.simulation.getState().runSimulation());
    await app.page.waitForFunction(() => (window as unknown as { __kubeplanLive: Live }).__kubeplanLive.simulation.getState().status === 'ready', undefined, { timeout: 60_000 });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('the multi-tenant example as it is: team-c\'s batch shows ghost chips with the exceeded-quota reason', async () => {
    type Chip = { type: string; key: string; message?: string; x: number; y: number; width: number; height: number };
    const ghosts = await app.page.evaluate(() => {
      const sim = (window as unknown as { __kubeplanSimulation: { overlay(): { chips: Chip[] } } }).__kubeplanSimulation;
      return sim.overlay().chips.filter((c) => c.type === 'ghost').map((c) => ({ type: c.type, key: c.key, message: c.message, x: c.x, y: c.y, width: c.width, height: c.height }));
    });
    // team-c asks for five pods under a quota of three: two ghosts, each quoting the API server's refusal.
    expect(ghosts).toHaveLength(2);
    for (const g of ghosts) expect(g.message).toMatch(/^Error creating: pods "batch-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: team-c-quota, requested: pods=1, used: pods=3, limited: pods=3$/);
    const v = await app.page.evaluate(() => (window as unknown as { __kubeplan: { store: { getState(): { viewport: { x: number; y: number; scale: number } } } } }).__kubeplan.store.getState().viewport);
    const g = ghosts[0]!;
    const at = await app.toPage({ x: (g.x + g.width / 2) * v.scale + v.x, y: (g.y + g.height / 2) * v.scale + v.y });
    await app.page.mouse.move(at.x, at.y);
    await app.page.waitForSelector('[data-testid="ghost-reason"]');
    expect(await app.page.textContent('[data-testid="ghost-reason"]')).toMatch(/exceeded quota: team-c-quota/);
    await app.screenshot('live-multi-tenant-ghosts');
    await app.page.mouse.move(5, 5);
  });

  it('the Events tab shows team-c\'s FailedCreate: exceeded quota, and a click selects its Deployment', async () => {
    await app.page.click('[data-testid="tab-events"]');
    await app.page.waitForSelector('[data-testid="events"] [data-testid="event-row"]');
    await app.page.selectOption('[data-testid="events-reason"]', 'FailedCreate');
    const rows = await app.page.$$eval('[data-testid="event-row"]', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.length).toBeGreaterThan(0);
    const [lastSeen, type, reason, object, message] = rows[0]!;
    expect(lastSeen).toMatch(/^\d+[smhd]/);
    expect([type, reason]).toEqual(['Warning', 'FailedCreate']);
    expect(object).toMatch(/^replicaset\/batch-/);
    expect(message).toMatch(/is forbidden: exceeded quota: team-c-quota, requested: pods=1, used: pods=3, limited: pods=3/);
    await app.screenshot('live-events-quota');
    await app.page.click('[data-testid="event-row"]');
    expect(await app.page.evaluate(() => (window as unknown as { __kubeplan: { store: { getState(): { selection: string[] } } } }).__kubeplan.store.getState().selection)).toEqual(['deploy-c-batch']);
    // Filter by object: nothing of team-a's is a FailedCreate.
    await app.page.fill('[data-testid="events-object"]', 'team-a/');
    expect(await app.page.$$('[data-testid="event-row"]')).toHaveLength(0);
    await app.page.fill('[data-testid="events-object"]', '');
    await app.page.selectOption('[data-testid="events-reason"]', '');
  });

  it('set image rolls the Deployment out (old and new ReplicaSets side by side), and rollback brings the old one back', async () => {
    await select('deploy-a-web');
    await app.page.waitForSelector('[data-testid="live-actions"] [data-testid="live-image"]');
    const before = running((await state()).pods, WEB);
    expect(before).toHaveLength(2);
    const oldRs = before[0]!.controller;
    const startFrame = (await state()).frameCount;
    await app.page.fill('[data-testid="live-image"]', 'nginx:1.28');
    await app.page.click('[data-testid="live-set-image"]');
    await settled();
    // Step through the new frames: some show pods of both ReplicaSets.
    const both = await app.page.evaluate(
      ({ from, owner }) => {
        const l = (window as unknown as { __kubeplanLive: Live }).__kubeplanLive;
        const s = l.simulation.getState();
        const end = s.frameCount - 1;
        let found = -1;
        for (let seq = from; seq <= end && found < 0; seq++) {
          l.simulation.getState().seek(seq);
          const pods = l.simulation.getState().view!.pods.filter((p) => p.owner === owner);
          if (new Set(pods.map((p) => p.controller)).size === 2) found = seq;
        }
        const cause = l.sessionFrames()[from]!.cause;
        return { found, cause };
      },
      { from: startFrame, owner: WEB },
    );
    expect(both.cause).toMatchObject({ type: 'step', action: 'setImage' });
    expect(both.found).toBeGreaterThanOrEqual(startFrame);
    await app.screenshot('live-rolling-update');
    await app.page.evaluate(() => {
      const s = (window as unknown as { __kubeplanLive: Live }).__kubeplanLive.simulation.getState();
      s.seek(s.frameCount - 1);
    });
    const after = running((await state()).pods, WEB);
    expect(after).toHaveLength(2);
    expect(new Set(after.map((p) => p.controller)).size).toBe(1);
    expect(after[0]!.controller).not.toBe(oldRs);

    await app.page.click('[data-testid="live-rollback"]');
    await settled();
    const back = running((await state()).pods, WEB);
    expect(back.map((p) => p.controller)).toEqual([oldRs, oldRs]);
  });

  it('apply again: every object reports unchanged', async () => {
    await app.page.click('[data-testid="live-apply-again"]');
    await settled();
    await app.page.click('[data-testid="tab-events"]');
    const output = await app.page.textContent('[data-testid="apply-output"]');
    expect(output).toMatch(/^\$ kubectl apply · \d+ unchanged/);
    const lines = (await app.page.textContent('[data-testid="apply-output"] pre'))!.split('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line).toMatch(/ unchanged$/);
    expect(lines).toContain('deployment.apps/web unchanged');
    await app.screenshot('live-apply-again');
  });

  it('drain moves the node\'s pods to the other nodes, and the Nodes panel shows it', async () => {
    await app.page.click('[data-testid="tab-nodes"]');
    const { pods } = await state();
    const counts = new Map<string, number>();
    for (const p of running(pods)) counts.set(p.node, (counts.get(p.node) ?? 0) + 1);
    const [node] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const total = running(pods).length;
    const moved = running(pods).filter((p) => p.node === node).map((p) => `${p.namespace}/${p.name}`);
    expect(moved.length).toBeGreaterThan(0);
    await app.page.click(`[data-testid="node-drain-${node}"]`);
    await settled();
    const after = await state();
    expect(after.pods.filter((p) => p.node === node)).toEqual([]);
    expect(running(after.pods)).toHaveLength(total);
    expect(after.nodes.find((n) => n.name === node)?.unschedulable).toBe(true);
    for (const key of moved) expect(running(after.pods).map((p) => `${p.namespace}/${p.name}`)).not.toContain(key);
    expect(await app.page.$$(`[data-testid="node-${node}"] [data-testid="node-pod"]`)).toHaveLength(0);
    expect(await app.page.textContent(`[data-testid="node-${node}"]`)).toMatch(/cordoned/);
    await app.page.$eval('[data-testid="nodes-panel"]', (el) => el.scrollTo(0, 0));
    await app.screenshot('live-nodes-drained');
  });

  it('the inspector is read-only while running; Edit and re-apply unlocks it and the edit reports configured', async () => {
    await select('deploy-a-web');
    await app.page.waitForSelector('[data-testid="inspector-readonly"]');
    expect(await app.page.$eval('[data-testid="inspector-fields"]', (el) => (el as HTMLFieldSetElement).disabled)).toBe(true);
    expect(await app.page.$eval('[data-testid="field-replicas"]', (el) => (el as HTMLInputElement).matches(':disabled'))).toBe(true);
    await app.screenshot('live-inspector-readonly');
    await app.page.click('[data-testid="inspector-edit-reapply"]');
    expect(await app.page.$eval('[data-testid="inspector-fields"]', (el) => (el as HTMLFieldSetElement).disabled)).toBe(false);
    const input = app.page.locator('[data-testid="field-replicas"]');
    await input.click();
    await input.press('Control+A');
    await input.pressSequentially('3', { delay: 5 });
    await input.press('Enter');
    await app.page.click('[data-testid="inspector-reapply"]');
    await settled();
    await app.page.click('[data-testid="tab-events"]');
    const lines = (await app.page.textContent('[data-testid="apply-output"] pre'))!.split('\n');
    expect(lines).toContain('deployment.apps/web configured');
    expect(lines.filter((l) => l.endsWith(' configured'))).toHaveLength(1);
    await app.page.waitForFunction(() => {
      const l = (window as unknown as { __kubeplanLive: Live }).__kubeplanLive;
      return l.simulation.getState().view!.pods.filter((p) => p.owner === 'apps/Deployment/team-a/web' && p.phase === 'Running').length === 3;
    });
    await app.screenshot('live-inspector-editing');
  });

  it('reads at 1024×768 too', async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await app.screenshot('live-inspector-1024x768');
    await app.page.click('[data-testid="tab-nodes"]');
    await app.page.$eval('[data-testid="nodes-panel"]', (el) => el.scrollTo(0, 0));
    await app.screenshot('live-nodes-1024x768');
    await app.page.click('[data-testid="tab-events"]');
    await app.screenshot('live-events-1024x768');
    await app.page.setViewportSize({ width: 1440, height: 900 });
  });
});
