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
import { evaluateStep, parseLesson, sortLessons, stepConditions, type Lesson, type LessonSnapshot } from '../../../shared/lessons';
import { metadataNamespace, type KubeObject } from '../../../shared/model/object';
import { connect } from '../../../shared/references/connect';
import { simulateSession } from '../../../shared/simulation/session';
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

function exampleResources(id: string): DesignResource[] {
  const entry = index.examples.find((e) => e.id === id)!;
  const r = parseDesign(readFileSync(join(ROOT, 'examples', entry.file), 'utf8'), entry.file);
  if ('error' in r) throw new Error(r.error.message);
  return r.design.resources;
}

function setField(o: KubeObject, path: string, value: unknown): KubeObject {
  const copy = structuredClone(o) as Record<string, unknown>;
  const segs = path.split('.');
  let v: Record<string, unknown> = copy;
  for (const s of segs.slice(0, -1)) v = (v[s] ??= {}) as Record<string, unknown>;
  v[segs.at(-1)!] = value;
  return copy as unknown as KubeObject;
}

const simulated = new Map<DesignResource[], NonNullable<LessonSnapshot['simulation']>>();
function simulate(resources: DesignResource[]): NonNullable<LessonSnapshot['simulation']> {
  const cached = simulated.get(resources);
  if (cached) return cached;
  const run = simulateSession({ objects: resources.map((r) => r.object), cluster: { nodes: [1, 2, 3].map((i) => ({ name: `node-${i}`, cpu: '4', memory: '8Gi', pods: 110 })) } });
  const pods = new Map<string, { namespace: string; name: string; owner: string; status: string; reason?: string }>();
  const events = new Map<number, { type: string; reason: string; namespace: string; object: string }>();
  for (const f of run.sessionFrames) {
    for (const k of f.removed) pods.delete(k);
    for (const x of f.set) if (x.kind === 'Pod') pods.set(`${x.namespace}/${x.name}`, { namespace: x.namespace, name: x.name, owner: x.owner, status: x.status, ...(x.reason ? { reason: x.reason } : {}) });
    for (const e of f.events) events.set(e.index, e);
  }
  const out = { pods: [...pods.values()], events: [...events.values()] };
  simulated.set(resources, out);
  return out;
}

function snapshot(resources: DesignResource[], commands: Set<string>, withSimulation: boolean): LessonSnapshot {
  const byId = new Map(resources.map((r) => [r.id, r.object]));
  const ref = (o: KubeObject) => ({ kind: o.kind, namespace: metadataNamespace(o), name: o.metadata?.name ?? '' });
  const design = { resources, layout: { positions: {}, frames: {} } } as unknown as Parameters<typeof designIndex>[0];
  const edges = designIndex(design).edges.filter((e) => e.targetId).map((e) => ({ from: ref(byId.get(e.sourceId)!), to: ref(byId.get(e.targetId!)!) }));
  return { objects: resources.map((r) => ({ ...ref(r.object), object: r.object })), edges, commands, simulation: withSimulation ? simulate(resources) : null };
}

describe('the bundled lessons', () => {
  it('cover the course: every topic has a lesson, each on a shipped example', () => {
    expect(lessons.map((l) => l.id)).toEqual([
      'idempotency', 'architecture', 'workloads', 'scaling-rollout', 'self-healing', 'services-ingress', 'config-secret',
      'quota-limitrange', 'storage', 'network-policy', 'scheduling', 'hpa', 'debugging-events',
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
      let resources = exampleResources(lesson.example);
      const history: DesignResource[][] = [];
      let added = 0;
      const edit = (next: DesignResource[]) => {
        history.push(resources);
        resources = next;
      };
      lesson.steps.forEach((step, i) => {
        const commands = new Set<string>();
        for (const c of stepConditions(step)) {
          if ('command' in c) {
            if (c.command === 'edit:undo') resources = history.pop() ?? resources;
            commands.add(c.command);
          } else if ('card' in c) {
            const k = c.card;
            const matches = (r: DesignResource) => r.object.kind === k.kind && (!k.name || r.object.metadata?.name === k.name) && (!k.namespace || metadataNamespace(r.object) === k.namespace);
            if (k.field !== undefined && k.equals !== undefined) edit(resources.map((r) => (matches(r) ? { ...r, object: setField(r.object, k.field!, k.equals) } : r)));
            else if (!resources.some(matches)) {
              const m = getKindModule(k.kind)!;
              edit([...resources, { id: `added-${++added}`, object: m.create(k.name ?? `${m.baseName ?? 'new'}-${added}`, k.namespace ?? 'default') }]);
            }
          } else if ('connected' in c) {
            const find = (ref: typeof c.connected.from) => [...resources].reverse().find((r) => r.object.kind === ref.kind && (!ref.name || r.object.metadata?.name === ref.name) && (!ref.namespace || metadataNamespace(r.object) === ref.namespace))!;
            const result = connect(find(c.connected.from).object, find(c.connected.to).object, new ObjectIndex(resources.map((r) => r.object)));
            expect(result.ok, `${lesson.id} step ${i + 1}: connect`).toBe(true);
            if (result.ok) {
              const changed = new Map(result.changed.map((o) => [`${o.kind}/${metadataNamespace(o)}/${o.metadata?.name}`, o]));
              edit(resources.map((r) => ({ ...r, object: changed.get(`${r.object.kind}/${metadataNamespace(r.object)}/${r.object.metadata?.name}`) ?? r.object })));
            }
          }
        }
        const results = evaluateStep(step, snapshot(resources, commands, true));
        for (const r of results) expect(r.met, `${lesson.id} step ${i + 1}: ${JSON.stringify(r.condition)}`).toBe(true);
      });
    });
  }
});
