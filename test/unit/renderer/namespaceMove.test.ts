import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDesign } from '../../../shared/design/parse';
import { keyOf } from '../../../shared/kinds/objectIndex';
import { resolveReferences } from '../../../shared/references';
import { namespaceMoveQuestion } from '../../../renderer/store/namespaceMove';
import { policyHeavyDesign } from '../../fixtures/policyHeavy';
import { emptyDesign, type Design } from '../../../shared/design/types';
import { execute } from '../../../renderer/commands';
import {
  addResource, cancelNamespaceMove, commitOrAskMove, confirmNamespaceMove, connect, moveChange, replaceDesign, undo,
  useKubeplanStore, useNamespaceMove,
} from '../../../renderer/store';

const state = () => useKubeplanStore.getState();
const nsOf = (id: string) => state().design.resources.find((r) => r.id === id)!.object.metadata.namespace;
const pending = () => useNamespaceMove.getState().pending;

/** The question is prepared after the frame that shows the drop (renderer/shell/afterPaint.ts). */
const painted = () => new Promise((r) => setTimeout(r, 1));

/** A card dragged by (dx, dy) and dropped, as the select tool does it; resolves once it has asked. */
async function drop(ids: string[], dx: number, dy: number, settle = vi.fn()) {
  commitOrAskMove(moveChange(state().design, ids, dx, dy), settle);
  await painted();
  return settle;
}

let team: string;
let dep: string;
let svc: string;
beforeEach(() => {
  replaceDesign(emptyDesign());
  useNamespaceMove.setState({ pending: undefined });
  const nsId = addResource('Namespace', { x: 400, y: 300 })!;
  team = state().design.resources.find((r) => r.id === nsId)!.object.metadata.name;
  dep = addResource('Deployment', { x: 330, y: 250 })!;
  svc = addResource('Service', { x: 330, y: 350 })!;
  expect(connect(svc, dep).ok).toBe(true);
});

describe('dragging a card out of its namespace frame asks first', async () => {
  it('names the namespace it moves to and the references that would break, and changes nothing yet', async () => {
    const before = state().design;
    await drop([dep], 2000, 0);
    expect(state().design).toBe(before);
    expect(pending()?.question).toEqual({
      moved: [{ id: dep, kind: 'Deployment', name: 'web', from: team, to: 'default' }],
      breaks: [{ source: 'Service "svc"', relation: 'selects', target: 'Deployment "web"' }],
    });
  });

  it('cancel keeps the namespace and the place, and puts the card back', async () => {
    const before = state().design;
    const settle = await drop([dep], 2000, 0);
    cancelNamespaceMove();
    expect(state().design).toBe(before);
    expect(nsOf(dep)).toBe(team);
    expect(settle).toHaveBeenCalledExactlyOnceWith(false);
    expect(pending()).toBeUndefined();
  });

  it('confirm moves it to the new namespace in one undo step, and undo restores namespace and place', async () => {
    const before = state().design;
    const settle = await drop([dep], 2000, 0);
    confirmNamespaceMove();
    expect(settle).toHaveBeenCalledExactlyOnceWith(true);
    expect(nsOf(dep)).toBe('default');
    expect(state().design.layout.positions[dep]!.x).toBe(before.layout.positions[dep]!.x + 2000);
    undo();
    expect(state().design).toEqual(before);
    expect(nsOf(dep)).toBe(team);
  });

  it('a move inside the frame, or of a card whose namespace stays, commits at once without asking', async () => {
    const settle = await drop([dep], 10, 10);
    expect(pending()).toBeUndefined();
    expect(settle).not.toHaveBeenCalled();
    expect(nsOf(dep)).toBe(team);
  });

  it('moving both ends of a reference together breaks nothing, and still asks because the namespace changes', async () => {
    await drop([dep, svc], 2000, 0);
    expect(pending()?.question.breaks).toEqual([]);
    expect(pending()?.question.moved.map((m) => m.to)).toEqual(['default', 'default']);
  });

  it('a design changed while the question is open (undo from a menu) is not overwritten by a stale move', async () => {
    const settle = await drop([dep], 2000, 0);
    undo(); // takes back the connect
    const now = state().design;
    confirmNamespaceMove();
    expect(state().design).toBe(now);
    expect(settle).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('an arrow-key nudge across the frame\'s edge asks too, and a nudge inside the frame does not', async () => {
    const frame = state().design.layout.frames[team]!;
    const edge = addResource('ConfigMap', { x: frame.x + frame.width - 3, y: frame.y + 100 })!;
    const arrow = (shiftKey: boolean) => ({ key: 'ArrowRight', ctrlKey: false, metaKey: false, shiftKey, altKey: false });
    execute('edit:nudgeRight', arrow(false));
    await painted();
    expect(pending()).toBeUndefined();
    expect(nsOf(edge)).toBe(team);
    execute('edit:nudgeRight', arrow(true));
    await painted();
    expect(pending()?.question.moved).toEqual([{ id: edge, kind: 'ConfigMap', name: expect.any(String), from: team, to: 'default' }]);
    cancelNamespaceMove();
    expect(nsOf(edge)).toBe(team);
  });

  it('drops at once and asks after the frame: until then the design is untouched and nothing is pending', async () => {
    const before = state().design;
    const settle = vi.fn();
    expect(commitOrAskMove(moveChange(before, [dep], 2000, 0), settle)).toBe(true);
    expect(pending()).toBeUndefined();
    expect(state().design).toBe(before);
    await painted();
    expect(pending()?.question.moved.map((m) => m.id)).toEqual([dep]);
    expect(settle).not.toHaveBeenCalled();
  });

  it('a design changed between the drop and the question puts the cards back without asking', async () => {
    const settle = vi.fn();
    commitOrAskMove(moveChange(state().design, [dep], 2000, 0), settle);
    undo(); // takes back the connect before the question is ready
    await painted();
    expect(pending()).toBeUndefined();
    expect(settle).toHaveBeenCalledExactlyOnceWith(false);
    expect(nsOf(dep)).toBe(team);
  });
});

describe('the question resolves only the moved references ends', () => {
  /** What the question used to do: resolve the whole design after the move and compare. */
  function fullBreaks(before: Design, after: Design): string[] {
    const oldById = new Map(before.resources.map((r) => [r.id, r.object]));
    const newKey = new Map<string, string>();
    for (const r of after.resources) {
      const old = oldById.get(r.id)!;
      if (old.metadata.namespace !== r.object.metadata.namespace) newKey.set(keyOf(old), keyOf(r.object));
    }
    const remap = (k: string) => newKey.get(k) ?? k;
    const reached = new Set<string>();
    for (const ref of resolveReferences(after.resources.map((r) => r.object))) for (const t of ref.targets) reached.add(`${ref.rule}|${ref.source}|${ref.path}|${t}`);
    const byKey = new Map(before.resources.map((r) => [keyOf(r.object), r.object]));
    const describe = (k: string) => `${byKey.get(k)?.kind} "${byKey.get(k)?.metadata.name}"`;
    const out: string[] = [];
    for (const ref of resolveReferences(before.resources.map((r) => r.object))) {
      for (const t of ref.targets) {
        if ((newKey.has(ref.source) || newKey.has(t)) && !reached.has(`${ref.rule}|${remap(ref.source)}|${ref.path}|${remap(t)}`)) out.push(`${describe(ref.source)} ${ref.relation} ${describe(t)}`);
      }
    }
    return out.sort();
  }

  const designs: Array<[string, () => Design]> = [
    ...['multi-tenant', 'shop-default-deny', 'connected-vehicles', 'developer-permissions'].map((name): [string, () => Design] => [name, () => {
      const file = join(import.meta.dirname, `../../../assets/examples/${name}.kubeplan.yaml`);
      const parsed = parseDesign(readFileSync(file, 'utf8'), file);
      if ('error' in parsed) throw new Error(parsed.error.message);
      return parsed.design;
    }]),
    ['policy-heavy', policyHeavyDesign],
  ];
  it.each(designs)('%s: moving each namespaced card to another namespace gives the breaks a full resolution gives', (_, load) => {
    const before = load();
    const namespaces = before.resources.filter((r) => r.object.kind === 'Namespace').map((r) => r.object.metadata.name);
    // Up to 40 cards, spread over the design (the policy-heavy one has 3,350 objects: a few suffice).
    const all = before.resources.filter((r) => r.object.kind !== 'Namespace' && r.object.metadata.namespace);
    const step = all.length > 400 ? Math.ceil(all.length / 8) : 1;
    const cards = all.filter((_, i) => i % step === 0).slice(0, 40);
    expect(cards.length).toBeGreaterThan(3);
    let withBreaks = 0;
    for (const [i, card] of cards.entries()) {
      const to = namespaces.find((n) => n !== card.object.metadata.namespace) ?? 'default';
      const after: Design = { ...before, resources: before.resources.map((r) => (r.id === card.id || (i % 3 === 0 && r.id === cards[(i + 1) % cards.length]!.id) ? { ...r, object: { ...r.object, metadata: { ...r.object.metadata, namespace: to } } } : r)) };
      const q = namespaceMoveQuestion(before, after)!;
      const expected = fullBreaks(before, after);
      expect(q.breaks.map((b) => `${b.source} ${b.relation} ${b.target}`).sort(), `${card.object.kind} ${card.object.metadata.name} → ${to}`).toEqual(expected);
      if (expected.length) withBreaks++;
    }
    // The designs are chosen so that moves do cut references: the comparison is not vacuous.
    expect(withBreaks).toBeGreaterThan(0);
  });
});
