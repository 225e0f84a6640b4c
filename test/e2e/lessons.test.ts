/**
 * The classroom at projector size (1024×768): open connected-vehicles, then walk every bundled
 * lesson from its first step to its end by pressing Next (the button, →, Space or PageDown),
 * doing what each step asks first — through the lesson card (Run the simulation), the keyboard
 * (Ctrl+Z) and the app's test hooks for the design edits a learner makes in the inspector and on
 * the canvas. One lesson runs in presenter mode (the caption large, the keys advance) and leaves it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commandId, parseLesson, sortLessons, stepConditions, type Lesson, type LessonCondition, type LessonStep } from '../../shared/lessons';
import { openApp, ROOT, type AppDriver } from './harness';
import { describeBrowser } from './suite';

const DIR = join(ROOT, 'assets', 'lessons');
const LESSONS: Lesson[] = sortLessons(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.lesson.yaml'))
    .map((f) => {
      const r = parseLesson(readFileSync(join(DIR, f), 'utf8'), f);
      if (!r.ok) throw new Error(`${f}: ${r.errors[0]!.message}`);
      return r.lesson;
    }),
);

/** The keys a presentation clicker sends, taken in turn so each is exercised. */
const NEXT_KEYS = ['ArrowRight', 'Space', 'PageDown'];

describeBrowser('lessons at 1024×768', () => {
  let app: AppDriver & { stop(): Promise<void> };
  beforeAll(async () => {
    app = await openApp('example=connected-vehicles', { width: 1024, height: 768 });
    await app.page.waitForFunction(() => document.querySelector('[data-testid="title"]')?.textContent?.includes('connected-vehicles'));
  });
  afterAll(async () => {
    await app?.stop();
  });

  const byTestId = (id: string) => app.page.locator(`[data-testid="${id}"]`);

  const blur = () => app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  /** The design edits a condition asks for (the inspector form or the canvas, through the app's test hooks). */
  async function edit(c: LessonCondition): Promise<void> {
    const page = app.page;
    // Adding a card, connecting and undo are design-mode commands: leave the simulation the way the card offers.
    const edit = byTestId('lesson-edit');
    if (await edit.isVisible()) await edit.click();
    if ('command' in c) {
      expect(commandId(c), 'design commands this test knows how to run').toBe('edit:undo');
      await blur();
      await page.keyboard.press('Control+z');
    } else if ('card' in c) {
      await page.evaluate((k) => {
        type Res = { id: string; object: { kind: string; metadata?: { name?: string; namespace?: string } } & Record<string, unknown> };
        const hooks = (window as unknown as { __kubeplan: { store: { getState(): { design: { resources: Res[]; layout: { frames: Record<string, { x: number; y: number; width: number; height: number }> } } } }; actions: Record<string, (...a: unknown[]) => unknown> } }).__kubeplan;
        const { design } = hooks.store.getState();
        const matches = (r: Res) => r.object.kind === k.kind && (!k.name || r.object.metadata?.name === k.name) && (!k.namespace || (r.object.metadata?.namespace ?? 'default') === k.namespace);
        if (k.field !== undefined && k.equals !== undefined) {
          for (const r of design.resources.filter(matches)) {
            const copy = structuredClone(r.object) as Record<string, unknown>;
            const segs = k.field.split('.');
            let v = copy;
            for (const s of segs.slice(0, -1)) v = (v[s] ??= {}) as Record<string, unknown>;
            v[segs.at(-1)!] = k.equals;
            hooks.actions.updateObject!(r.id, copy);
          }
        } else if (!design.resources.some(matches)) {
          const frame = design.layout.frames[k.namespace ?? 'default'];
          const at = frame ? { x: frame.x + frame.width - 120, y: frame.y + frame.height - 60 } : { x: 0, y: 0 };
          hooks.actions.addResource!(k.kind, at, k.namespace);
        }
      }, c.card);
    } else if ('connected' in c) {
      const result = await page.evaluate((k) => {
        type Res = { id: string; object: { kind: string; metadata?: { name?: string; namespace?: string } } };
        const hooks = (window as unknown as { __kubeplan: { store: { getState(): { design: { resources: Res[] } } }; actions: Record<string, (...a: unknown[]) => unknown> } }).__kubeplan;
        const find = (ref: { kind: string; name?: string; namespace?: string }) =>
          [...hooks.store.getState().design.resources].reverse().find((r) => r.object.kind === ref.kind && (!ref.name || r.object.metadata?.name === ref.name) && (!ref.namespace || (r.object.metadata?.namespace ?? 'default') === ref.namespace));
        const from = find(k.from);
        const to = find(k.to);
        return from && to ? hooks.actions.connect!(from.id, to.id) : { ok: false, message: 'cards not found' };
      }, c.connected);
      expect(result).toMatchObject({ ok: true });
    }
  }

  /** The live run has reached its end and no action is on its way: live actions can act. */
  async function liveIdle(): Promise<void> {
    await app.page.waitForFunction(() => {
      const live = (window as unknown as { __kubeplanLive: { simulation: { getState(): { status: string } }; live: { getState(): { busy: boolean } } } }).__kubeplanLive;
      return live.simulation.getState().status === 'ready' && !live.live.getState().busy;
    }, undefined, { timeout: 30_000 });
  }

  /** A live action or a traffic flow, through the panel a learner uses: the inspector's Live actions, the Nodes tab, the Traffic tab. */
  async function act(id: string, args: Record<string, string | number | boolean>, lesson: Lesson): Promise<void> {
    const page = app.page;
    if (id === 'traffic:addFlow') {
      await byTestId('tab-traffic').click();
      await byTestId('add-flow').click();
      await byTestId('flow-name').fill(String(args.name));
      await byTestId('flow-from').fill(String(args.from));
      await byTestId('flow-to').fill(String(args.to));
      await byTestId('flow-rate').fill(String(args.rate ?? 20));
      await byTestId('flow-save').click();
      return;
    }
    if (id === 'traffic:editFlow') {
      // Editing a flow while the run is live sends it to the running cluster (renderer/traffic/liveFlows.ts).
      await liveIdle();
      await byTestId('tab-traffic').click();
      await byTestId(`flow-${String(args['flow.name'])}`).locator('[data-testid="flow-edit"]').click();
      if (args['flow.rate'] !== undefined) await byTestId('flow-rate').fill(String(args['flow.rate']));
      await byTestId('flow-save').click();
      await liveIdle();
      return;
    }
    await liveIdle();
    const fill = async (field: string, value: unknown, button: string) => {
      await byTestId(field).fill(String(value));
      await byTestId(button).click();
    };
    switch (id) {
      case 'simulate:scale': await fill('live-replicas', args.replicas, 'live-scale'); break;
      case 'simulate:setImage': await fill('live-image', args.image, 'live-set-image'); break;
      case 'simulate:setLoad': await fill('live-load', args.cpu, 'live-set-load'); break;
      case 'simulate:rollback': await byTestId('live-rollback').click(); break;
      case 'simulate:deletePod': await byTestId('live-delete-pod').click(); break;
      case 'simulate:applyAgain': await byTestId('live-apply-again').click(); break;
      case 'simulate:reapply': await byTestId('live-reapply').click(); break;
      case 'simulate:drain': {
        // The node that runs the highlighted workload's pod.
        const owner = lesson.steps.flatMap((s) => s.highlight?.cards ?? []).find((c) => c.kind === 'Deployment')!.name!;
        const node = await page.evaluate((name) => {
          const live = (window as unknown as { __kubeplanLive: { simulation: { getState(): { view: { pods: { owner: string; node: string }[] } } } } }).__kubeplanLive;
          return live.simulation.getState().view.pods.find((p) => p.owner.endsWith(`/${name}`) && p.node)?.node;
        }, owner);
        await byTestId('tab-nodes').click();
        await byTestId(`node-drain-${node}`).click();
        break;
      }
      default:
        throw new Error(`${lesson.id}: the walk does not know how to run ${id}`);
    }
    await liveIdle();
  }

  /** Type a command into the Console tab (a real xterm) as the condition writes it, and wait for its prompt to come back. */
  async function typeKubectl(command: string): Promise<void> {
    const page = app.page;
    await liveIdle();
    const terminal = byTestId('console-terminal');
    if (!(await terminal.isVisible())) await byTestId('tab-console').click();
    await page.waitForSelector('[data-testid="console"] .xterm-rows');
    const prompts = () => page.evaluate(() => (window as unknown as { __kubeplanConsole: { text(): string } }).__kubeplanConsole.text().split('\n').filter((l) => l.startsWith('$ ')).length);
    const before = await prompts();
    await terminal.click();
    await page.keyboard.type(command, { delay: 2 });
    await page.keyboard.press('Enter');
    await expect.poll(prompts, { timeout: 20_000, message: `kubectl ${command}: the prompt comes back` }).toBeGreaterThan(before);
    await liveIdle();
  }

  /** Do what the step asks, in the order a learner would: the design edits, Run when the cluster is needed, then the live actions and the console's commands. */
  async function doStep(step: LessonStep, lesson: Lesson): Promise<void> {
    const conditions = stepConditions(step);
    const live = conditions.filter((c): c is Extract<LessonCondition, { command: unknown }> => 'command' in c && /^(simulate|traffic):/.test(commandId(c)));
    for (const c of conditions) if (('command' in c && !live.includes(c)) || 'card' in c || 'connected' in c) await edit(c);
    const run = byTestId('lesson-run');
    if (await run.isVisible()) await run.click();
    for (const c of live) await act(commandId(c), (typeof c.command === 'object' ? c.command.args : undefined) ?? {}, lesson);
    for (const c of conditions) if ('kubectl' in c) await typeKubectl(c.kubectl.command);
    // A step on the Metrics tab asks for the CPU of its workload's pods: pick a pod of the highlighted card and CPU.
    const workload = step.highlight?.cards?.[0]?.name;
    if (step.highlight?.tab === 'metrics' && workload) {
      await byTestId('metrics-kind').selectOption('pod');
      const option = await app.page.locator('[data-testid="metrics-target"] option').evaluateAll((els, name) => els.map((e) => (e as HTMLOptionElement).value).find((v) => v.includes(`${name}-`)), workload);
      expect(option, `${lesson.id}: a pod of ${workload} on the Metrics tab`).toBeDefined();
      await byTestId('metrics-target').selectOption(option!);
      await byTestId('metric-cpu').click();
      await expect.poll(() => byTestId('metrics-chart').getAttribute('data-points')).not.toBe('0');
    }
  }

  /** Press Next: the button, or one of the clicker keys; the step counter must move on. */
  async function pressNext(lesson: Lesson, index: number, how: 'button' | 'key'): Promise<void> {
    const next = byTestId('lesson-next');
    await expect.poll(() => next.isEnabled(), { timeout: 30_000, message: `${lesson.id} step ${index + 1}: Next stays disabled` }).toBe(true);
    if (how === 'button') await next.click();
    else {
      await blur();
      // Over a running simulation the arrows also step its timeline: with a lesson open they page the lesson only.
      const cursor = () => app.page.evaluate(() => (window as unknown as { __kubeplanLive: { simulation: { getState(): { cursor: number; status: string } } } }).__kubeplanLive.simulation.getState());
      const before = await cursor();
      await app.page.keyboard.press(NEXT_KEYS[index % NEXT_KEYS.length]!);
      if (before.status === 'ready') expect((await cursor()).cursor, `${lesson.id} step ${index + 1}: the key moved the timeline`).toBe(before.cursor);
    }
  }

  async function walk(lesson: Lesson, options: { presenting?: boolean; lang?: 'en' | 'zh-CN' } = {}): Promise<void> {
    const { presenting = false, lang = 'en' } = options;
    const tag = `${presenting ? '-presenter' : ''}${lang === 'en' ? '' : `-${lang}`}`;
    await byTestId('tab-lessons').click();
    await byTestId(`lesson-start-${lesson.id}`).click();
    await app.page.waitForFunction((example) => document.querySelector('[data-testid="title"]')?.textContent?.includes(example), lesson.example);
    if (presenting) {
      await app.page.keyboard.press('F5');
      await expect.poll(() => app.page.locator('.app.presenting').count()).toBe(1);
    }
    for (let i = 0; i < lesson.steps.length; i++) {
      const step = lesson.steps[i]!;
      await expect.poll(() => byTestId('lesson-step').textContent()).toMatch(new RegExp(`^(Step ${i + 1} of ${lesson.steps.length}|第 ${i + 1} 步)`));
      if (presenting) expect(await byTestId('presenter-caption').textContent()).toBe(step.caption[lang]);
      else expect(await byTestId('lesson-caption').textContent()).toBe(step.caption[lang]);
      const conditions = stepConditions(step);
      // A step that asks the learner to act waits; a cluster condition the running simulation already reached does not.
      if (conditions.some((c) => 'command' in c || 'card' in c || 'connected' in c || 'kubectl' in c)) expect(await byTestId('lesson-next').isEnabled(), `${lesson.id} step ${i + 1} waits for its conditions`).toBe(false);
      await doStep(step, lesson);
      await expect.poll(() => byTestId('lesson-next').isEnabled(), { timeout: 30_000, message: `${lesson.id} step ${i + 1}: ${JSON.stringify(conditions)}` }).toBe(true);
      // The picture of the step, its condition reached, framed the way the class sees it.
      await app.page.waitForTimeout(150);
      await app.screenshot(`lesson-${lesson.id}${tag}-${String(i + 1).padStart(2, '0')}-1024x768`);
      await pressNext(lesson, i, i % 2 === 0 ? 'key' : 'button');
    }
    // After the last step the lesson is finished: the card goes, the list marks it done.
    await expect.poll(() => byTestId('lesson-card').count()).toBe(0);
    if (presenting) {
      await app.page.keyboard.press('Escape');
      await expect.poll(() => app.page.locator('.app.presenting').count()).toBe(0);
    }
    await byTestId('tab-lessons').click();
    expect(await app.page.locator(`[data-lesson="${lesson.id}"]`).getAttribute('data-state')).toBe('done');
  }

  it('lists every bundled lesson in the Lessons tab', async () => {
    await byTestId('tab-lessons').click();
    const ids = await app.page.locator('[data-testid="lessons"] [data-lesson]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lesson')));
    expect(ids).toEqual(LESSONS.map((l) => l.id));
    await app.screenshot('lessons-list-1024x768');
  });

  for (const lesson of LESSONS) {
    const presenting = lesson.id === 'architecture';
    it(`walks “${lesson.title.en}” from start to end${presenting ? ' in presenter mode' : ''}`, async () => {
      await walk(lesson, { presenting });
    }, 180_000);
  }

  it('remembers progress across a reload, and Next waits for the step (a key does nothing before)', async () => {
    await app.open('example=connected-vehicles');
    await byTestId('tab-lessons').click();
    expect(await app.page.locator('[data-testid="lessons"] [data-state="done"]').count()).toBe(LESSONS.length);
    await byTestId('lesson-start-scheduling').click();
    await byTestId('lesson-next').click(); // step 1 has no task
    await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await app.page.keyboard.press('ArrowRight');
    expect(await byTestId('lesson-step').textContent()).toBe('Step 2 of 6');
    await app.screenshot('lesson-waiting-1024x768');
    await byTestId('lesson-close').click();
    expect(await byTestId('lesson-card').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('the Control plane tab replays hello-node\'s apply hop by hop, from kubectl to the kubelet', async () => {
    await app.open('example=hello-minikube');
    await byTestId('tab-control-plane').click();
    const caption = byTestId('control-plane-caption');
    await expect.poll(() => caption.textContent()).toContain('kubectl apply sends Deployment hello-node');
    const seen: string[] = [];
    while (await byTestId('control-plane-next').isEnabled()) {
      seen.push((await byTestId('control-plane-hop').textContent()) ?? '');
      await byTestId('control-plane-next').click();
      if (seen.length === 9) await app.screenshot('control-plane-1024x768');
    }
    seen.push((await byTestId('control-plane-hop').textContent()) ?? '');
    expect(seen[0]).toMatch(/^kubectl → apiserver apply/);
    expect(seen.some((h) => /^scheduler → apiserver bind/.test(h))).toBe(true);
    expect(seen.at(-1)).toMatch(/^apiserver → etcd write Pod/);
    expect(await caption.textContent()).toMatch(/stores the status/);
  });

  it('Open lesson… adds a teacher\'s lesson file; a broken one is refused with its file and line', async () => {
    const own = ['kubeplan-lesson: 1', 'id: my-first', 'example: hello-minikube', 'title: { en: My lesson, zh-CN: 我的课程 }', 'steps:', '  - caption: { en: Hello class, zh-CN: 同学们好 }', ''].join('\n');
    await byTestId('tab-lessons').click();
    await app.chooseFiles(() => byTestId('lesson-open').click(), [{ name: 'broken.lesson.yaml', text: own.replace('  - caption: { en: Hello class, zh-CN: 同学们好 }', '  - caption: { en: Hello class }') }]);
    await expect.poll(() => app.page.locator('[data-testid="notice-error"]').last().textContent()).toContain('broken.lesson.yaml:6: steps[0].caption.zh-CN is missing');
    await app.chooseFiles(() => byTestId('lesson-open').click(), [{ name: 'mine.lesson.yaml', text: own }]);
    await expect.poll(() => app.page.locator('[data-lesson="my-first"]').count()).toBe(1);
    await byTestId('lesson-start-my-first').click();
    await expect.poll(() => byTestId('lesson-caption').textContent()).toBe('Hello class');
    await byTestId('lesson-next').click();
    await expect.poll(() => app.page.locator('[data-lesson="my-first"]').getAttribute('data-state')).toBe('done');
  });

  it('walks a lesson in Simplified Chinese: the captions and the card in Chinese, each step still waiting for the cluster', async () => {
    await app.open('example=hello-minikube&lang=zh-CN');
    const lesson = LESSONS.find((l) => l.id === 'self-healing')!;
    await walk(lesson, { lang: 'zh-CN' });
    await app.open('example=connected-vehicles&lang=en');
  }, 180_000);

  it('opens each of the four lesson examples by ?example=<id>', async () => {
    for (const id of ['hello-minikube', 'three-tier-shop', 'multi-tenant', 'connected-vehicles']) {
      await app.open(`example=${id}&lang=en`);
      await app.page.waitForFunction((example) => document.querySelector('[data-testid="title"]')?.textContent?.includes(example), id);
      expect(await app.page.evaluate(() => (window as unknown as { __kubeplan: { store: { getState(): { design: { resources: unknown[] } } } } }).__kubeplan.store.getState().design.resources.length)).toBeGreaterThan(1);
    }
    expect(app.errors).toEqual([]);
  });
});
