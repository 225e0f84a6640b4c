/**
 * The lessons shipped in assets/lessons: each parses against the app's commands and examples, says
 * everything in English and Simplified Chinese, and — replayed against the simulator, doing what
 * each step asks (edit a field, add a card, connect, undo) — every step's conditions are reached.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/design/parse';
import type { DesignResource } from '../../../shared/design/types';
import { COMMANDS } from '../../../shared/ipc/commands';
import { ObjectIndex } from '../../../shared/kinds/objectIndex';
import { getKindModule } from '../../../shared/kinds/registry';
import { commandId, evaluateStep, needsSimulation, parseLesson, sortLessons, stepConditions, type Lesson, type LessonSnapshot, type SnapshotKubectl } from '../../../shared/lessons';
import { metadataNamespace, objectKey, type KubeObject } from '../../../shared/model/object';
import { connect } from '../../../shared/references/connect';
import { recordKey, startSession, trafficReport, type SessionFrame, type SimulationSession } from '../../../shared/simulation/session';
import type { FlowSpec } from '../../../shared/simulation/network/flows';
import type { ScenarioStep } from '../../../shared/simulation/types';
import { commandWords } from '../../../shared/simulation/kubectl';
import type { ClusterUser } from '../../../shared/design/types';

type SessionEvent = SessionFrame['events'][number];
import { designIndex } from '../../../renderer/store/derived';
import index from '../../../assets/examples/index.json';

const ROOT = join(import.meta.dirname, '../../../assets');
const files = readdirSync(join(ROOT, 'lessons')).filter((f) => f.endsWith('.lesson.yaml'));
const EXAMPLE_IDS = index.examples.map((e) => e.id);

function load(file: string): Lesson {
  const r = parseLesson(readFileSync(join(ROOT, 'lessons', file), 'utf8'), file, { commands: COMMANDS, examples: EXAMPLE_IDS });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  return r.lesson;
}

const lessons = sortLessons(files.map(load));

function exampleDesign(id: string) {
  const entry = index.examples.find((e) => e.id === id)!;
  const r = parseDesign(readFileSync(join(ROOT, 'examples', entry.file), 'utf8'), entry.file);
  if ('error' in r) throw new Error(r.error.message);
  return r.design;
}

function setField(o: KubeObject, path: string, value: unknown): KubeObject {
  const copy = structuredClone(o) as Record<string, unknown>;
  const segs = path.split('.');
  let v: Record<string, unknown> = copy;
  for (const s of segs.slice(0, -1)) v = (v[s] ??= {}) as Record<string, unknown>;
  v[segs.at(-1)!] = value;
  return copy as unknown as KubeObject;
}

/** A record of the simulated cluster's view (pods, nodes, quotas, claims), keyed as the session keys them. */
type ViewRecordLike = { kind: string; namespace?: string; name: string } & Record<string, unknown>;

/**
 * The classroom as the app runs it: the design, the live simulation session started from it (Run),
 * the live actions a step's commands perform on it (scale, set image, delete a pod, drain, apply
 * again…), and what a step has seen since it began (events counted up, kubectl apply's lines).
 */
class Classroom {
  resources: DesignResource[];
  private session: SimulationSession | null = null;
  private simulatedFrom: DesignResource[] | null = null;
  private readonly records = new Map<string, ViewRecordLike>();
  private readonly events = new Map<number, SessionEvent>();
  private mark = new Map<number, number>();
  private runChangedSinceMark = true;
  applied: { kind: string; namespace: string; name: string; result: string }[] = [];
  commands = new Set<string>();
  commandRuns: { id: string; args?: unknown }[] = [];
  /** Console commands since the step began, and the console's context (user). */
  kubectlRuns: SnapshotKubectl[] = [];
  context = 'admin';
  selected: DesignResource | undefined;

  constructor(resources: DesignResource[], private readonly users: ClusterUser[] = []) {
    this.resources = resources;
  }

  /** A step begins: nothing run yet, the event log as it stands. */
  beginStep(): void {
    this.mark = new Map([...this.events].map(([i, e]) => [i, e.count]));
    this.runChangedSinceMark = false;
    this.applied = [];
    this.commands = new Set();
    this.commandRuns = [];
    this.kubectlRuns = [];
  }

  private take(frames: readonly SessionFrame[]): void {
    for (const f of frames) {
      for (const k of f.removed) this.records.delete(k);
      for (const x of f.set) this.records.set(recordKey(x), x as unknown as ViewRecordLike);
      for (const e of f.events) this.events.set(e.index, e);
    }
  }

  /** Run: a new session from the design as it is now. */
  run(): void {
    // The design's flows go along and send through the running cluster, as the app's Run sends them.
    const flows = this.flows.map((f) => ({ name: f.name, from: f.from, to: f.to, rate: f.rate }));
    const { run, session } = startSession({ objects: this.resources.map((r) => r.object), cluster: { nodes: [1, 2, 3].map((i) => ({ name: `node-${i}`, cpu: '4', memory: '8Gi', pods: 110 })), users: this.users }, ...(flows.length ? { flows } : {}) });
    this.session = session;
    this.simulatedFrom = this.resources;
    this.records.clear();
    this.events.clear();
    this.runChangedSinceMark = true;
    this.take(run.sessionFrames);
  }

  get running(): boolean {
    return this.session !== null && this.simulatedFrom === this.resources;
  }

  /** A live action on the running session, as the worker runs it. */
  act(step: ScenarioStep): void {
    if (!this.session) throw new Error(`no live run for ${step.action}`);
    const r = this.session.act(step);
    if (r.error) throw new Error(`${step.action}: ${r.error}`);
    this.take(r.frames);
    if (step.action === 'applyAgain' || step.action === 'apply') this.applied.push(...r.applied.map((a) => ({ kind: a.kind, namespace: a.namespace, name: a.name, result: a.result })));
    // Re-apply: the run now shows the design as it is.
    if (step.action === 'apply') this.simulatedFrom = this.resources;
  }

  /** A line typed into the console, as the console sends it (renderer/console/run.ts). */
  kubectl(line: string): void {
    if (!this.session) throw new Error(`no live run for kubectl ${line}`);
    const argv = commandWords(line);
    const as = argv.find((a, i) => argv[i - 1] === '--as') ?? argv.find((a) => a.startsWith('--as='))?.slice(5);
    const user = as ?? this.context;
    const r = this.session.kubectl(argv, { context: this.context });
    this.take(r.frames);
    this.context = r.output.context;
    this.kubectlRuns.push({ argv, user, exitCode: r.output.exitCode, stdout: r.output.stdout, stderr: r.output.stderr });
  }

  pods(owner: DesignResource | undefined) {
    const key = owner ? objectKey(owner.object) : '';
    return [...this.records.values()].filter((r) => r.kind === 'Pod' && r.owner === key);
  }

  nodes() {
    return [...this.records.values()].filter((r) => r.kind === 'Node');
  }

  snapshot(): LessonSnapshot {
    const byId = new Map(this.resources.map((r) => [r.id, r.object]));
    const ref = (o: KubeObject) => ({ kind: o.kind, namespace: metadataNamespace(o), name: o.metadata?.name ?? '' });
    const design = { resources: this.resources, layout: { positions: {}, frames: {} } } as unknown as Parameters<typeof designIndex>[0];
    const edges = designIndex(design).edges.filter((e) => e.targetId).map((e) => ({ from: ref(byId.get(e.sourceId)!), to: ref(byId.get(e.targetId!)!) }));
    const records = [...this.records.values()];
    return {
      objects: this.resources.map((r) => ({ ...ref(r.object), object: r.object })),
      edges,
      commands: this.commands,
      commandRuns: this.commandRuns,
      applied: this.applied,
      kubectl: this.kubectlRuns,
      traffic: this.traffic(),
      simulation: this.running
        ? {
            pods: records.filter((r) => r.kind === 'Pod').map((p) => ({ namespace: p.namespace!, name: p.name, owner: p.owner as string, status: p.status as string, ...(p.reason ? { reason: p.reason as string } : {}) })),
            events: [...this.events.values()].map((e) => ({ type: e.type, reason: e.reason, namespace: e.namespace, object: e.object, message: e.message, fresh: this.runChangedSinceMark || (this.mark.get(e.index) ?? 0) < e.count })),
            objects: records.map((r) => ({ kind: r.kind, namespace: r.namespace ?? '', name: r.name, object: r })),
          }
        : null,
    };
  }

  flows: FlowSpec[] = [];
  private traffic() {
    if (this.flows.length === 0) return null;
    const report = trafficReport(this.resources.map((r) => r.object), { nodes: [1, 2, 3].map((i) => ({ name: `node-${i}`, cpu: '4', memory: '8Gi', pods: 110 })) }, this.flows);
    return report.flows.map((f) => ({ flow: f.name, verdicts: f.routes.map((r) => r.verdict) }));
  }
}

describe('the bundled lessons', () => {
  it('cover the course: every topic has a lesson, each on a shipped example', () => {
    expect(lessons.map((l) => l.id)).toEqual([
      'idempotency', 'architecture', 'workloads', 'scaling-rollout', 'self-healing', 'services-ingress', 'config-secret',
      'quota-limitrange', 'storage', 'network-policy', 'scheduling', 'hpa', 'debugging-events',
      'kubectl-basics', 'debugging-pods', 'scaling-metrics', 'developer-permissions',
    ]);
    expect(new Set(lessons.map((l) => l.example))).toContain('connected-vehicles');
  });

  it('say everything in English and Simplified Chinese (the Chinese text has Chinese in it)', () => {
    const han = /\p{Script=Han}/u;
    for (const l of lessons) {
      for (const t of [l.title, l.summary!, ...l.steps.flatMap((s) => [s.caption, ...(s.task ? [s.task] : [])])]) {
        expect(t.en.trim().length, `${l.id}: ${t.en}`).toBeGreaterThan(3);
        expect(han.test(t['zh-CN']), `${l.id}: ${t['zh-CN']}`).toBe(true);
      }
    }
  });

  for (const lesson of lessons) {
    it(`${lesson.id}: doing what each step asks reaches every step's conditions`, () => {
      const design = exampleDesign(lesson.example);
      const room = new Classroom(design.resources, design.cluster.users);
      const history: DesignResource[][] = [];
      let added = 0;
      const edit = (next: DesignResource[]) => {
        history.push(room.resources);
        room.resources = next;
      };
      const find = (ref: { kind: string; name?: string; namespace?: string }) =>
        [...room.resources].reverse().find((r) => r.object.kind === ref.kind && (!ref.name || r.object.metadata?.name === ref.name) && (!ref.namespace || metadataNamespace(r.object) === ref.namespace));
      lesson.steps.forEach((step, i) => {
        const where = `${lesson.id} step ${i + 1}`;
        room.beginStep();
        // The step's card is selected, as the app selects it (live actions act on the one selected card).
        const cards = step.highlight?.cards ?? [];
        room.selected = cards.length === 1 ? find(cards[0]!) : undefined;
        const conditions = stepConditions(step);
        // First the design edits the step asks for…
        for (const c of conditions) {
          if ('command' in c && commandId(c) === 'edit:undo') {
            room.resources = history.pop() ?? room.resources;
            room.commands.add('edit:undo');
          } else if ('card' in c) {
            const k = c.card;
            const matches = (r: DesignResource) => r.object.kind === k.kind && (!k.name || r.object.metadata?.name === k.name) && (!k.namespace || metadataNamespace(r.object) === k.namespace);
            if (k.field !== undefined && k.equals !== undefined) edit(room.resources.map((r) => (matches(r) ? { ...r, object: setField(r.object, k.field!, k.equals) } : r)));
            else if (!room.resources.some(matches)) {
              const m = getKindModule(k.kind)!;
              edit([...room.resources, { id: `added-${++added}`, object: m.create(k.name ?? `${m.baseName ?? 'new'}-${added}`, k.namespace ?? 'default') }]);
            }
          } else if ('connected' in c) {
            const result = connect(find(c.connected.from)!.object, find(c.connected.to)!.object, new ObjectIndex(room.resources.map((r) => r.object)));
            expect(result.ok, `${where}: connect`).toBe(true);
            if (result.ok) {
              const changed = new Map(result.changed.map((o) => [`${o.kind}/${metadataNamespace(o)}/${o.metadata?.name}`, o]));
              edit(room.resources.map((r) => ({ ...r, object: changed.get(`${r.object.kind}/${metadataNamespace(r.object)}/${r.object.metadata?.name}`) ?? r.object })));
            }
          }
        }
        // …then Run, when the step waits for the cluster and no run shows the design (a Re-apply step acts on the run there is)…
        const live = conditions.filter((c): c is Extract<typeof c, { command: unknown }> => 'command' in c && commandId(c).startsWith('simulate:'));
        const reapplies = live.some((c) => commandId(c) === 'simulate:reapply');
        if (needsSimulation(step) && !room.running && !reapplies) room.run();
        // …then the live actions and traffic flows, as the inspector, the Nodes and Traffic tabs send them.
        for (const c of conditions) {
          // A console command: typed as the condition writes it.
          if ('kubectl' in c) room.kubectl(c.kubectl.command);
          if (!('command' in c)) continue;
          const id = commandId(c);
          const args = (typeof c.command === 'object' ? c.command.args : undefined) ?? {};
          if (id === 'traffic:addFlow' || id === 'traffic:editFlow') {
            // Adding or editing a flow while a run is live sends it to the running cluster (renderer/traffic/liveFlows.ts).
            const name = String(args.name ?? args['flow.name'] ?? 'flow');
            const old = room.flows.find((f) => f.name === name);
            const flow = { id: old?.id ?? `f-${room.flows.length}`, name, from: String(args.from ?? args['flow.from'] ?? old?.from), to: String(args.to ?? args['flow.to'] ?? old?.to), rate: Number(args.rate ?? args['flow.rate'] ?? old?.rate ?? 10) };
            room.flows = [...room.flows.filter((f) => f !== old), flow];
            if (room.running) room.act({ action: 'startTraffic', flow: { name: flow.name, from: flow.from, to: flow.to, rate: flow.rate } });
            // The Traffic tab's edit sends the flow's id and the edited flow (renderer/commands/registry.ts).
            if (id === 'traffic:editFlow') {
              room.commands.add(id);
              room.commandRuns.push({ id, args: { id: flow.id, flow: { name: flow.name, from: flow.from, to: flow.to, rate: flow.rate } } });
              continue;
            }
          } else if (id.startsWith('simulate:')) {
            const o = room.selected?.object;
            const target = o ? { kind: o.kind, namespace: metadataNamespace(o), name: o.metadata!.name! } : undefined;
            const need = () => {
              expect(target, `${where}: ${id} acts on the selected card: highlight exactly one`).toBeDefined();
              return target!;
            };
            const firstPod = () => {
              const pods = room.pods(room.selected).filter((p) => p.status === 'Running');
              expect(pods.length, `${where}: a running pod to delete`).toBeGreaterThan(0);
              return pods[0]!;
            };
            const podOnNode = () => room.pods(room.selected).find((p) => p.node)?.node as string | undefined;
            const step: ScenarioStep | undefined =
              id === 'simulate:scale' ? { action: 'scale', ...need(), replicas: Number(args.replicas) }
              : id === 'simulate:setImage' ? { action: 'setImage', ...need(), image: String(args.image) }
              : id === 'simulate:rollback' ? { action: 'rollback', ...need() }
              : id === 'simulate:deletePod' ? { action: 'deletePod', namespace: need().namespace, name: firstPod().name }
              : id === 'simulate:setLoad' ? { action: 'setLoad', ...need(), cpu: String(args.cpu) }
              : id === 'simulate:drain' || id === 'simulate:cordon' ? { action: id === 'simulate:drain' ? 'drain' : 'cordon', node: String(args.node ?? podOnNode()) }
              : id === 'simulate:applyAgain' ? { action: 'applyAgain' }
              : id === 'simulate:reapply' ? { action: 'apply', objects: room.resources.map((r) => r.object) }
              : undefined;
            expect(step, `${where}: the replay knows ${id}`).toBeDefined();
            room.act(step!);
          }
          room.commands.add(id);
          room.commandRuns.push({ id, args });
        }
        const results = evaluateStep(step, room.snapshot());
        for (const r of results) expect(r.met, `${where}: ${JSON.stringify(r.condition)}`).toBe(true);
      });
    });
  }
});
