import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDesign, type Design } from '../../../shared/design/types';
import {
  addResource, clearSelection, copy, deleteResources, duplicate, moveResources, paste, redo, replaceDesign, select,
  setViewport, undo, useKubeplanStore,
} from '../../../renderer/store';

const state = () => useKubeplanStore.getState();
const ids = () => state().design.resources.map((r) => r.id);

type Step =
  | { op: 'add'; kind: string; x: number; y: number }
  | { op: 'move'; pick: number; dx: number; dy: number }
  | { op: 'delete'; pick: number }
  | { op: 'duplicate'; pick: number }
  | { op: 'copyPaste'; pick: number }
  | { op: 'select'; pick: number }
  | { op: 'viewport'; x: number }
  | { op: 'undo' }
  | { op: 'redo' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), kind: fc.constantFrom('Namespace', 'Deployment', 'Service', 'ConfigMap', 'PersistentVolume'), x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), dx: fc.integer({ min: -900, max: 900 }), dy: fc.integer({ min: -900, max: 900 }) }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('copyPaste' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('select' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('viewport' as const), x: fc.integer({ min: -500, max: 500 }) }),
  fc.constant({ op: 'undo' as const }),
  fc.constant({ op: 'redo' as const }),
);

function run(s: Step): void {
  const all = ids();
  const one = all.length ? [all[('pick' in s ? s.pick : 0) % all.length]!] : [];
  switch (s.op) {
    case 'add': addResource(s.kind, { x: s.x, y: s.y }); break;
    case 'move': moveResources(one, s.dx, s.dy); break;
    case 'delete': deleteResources(one); break;
    case 'duplicate': duplicate(one); break;
    case 'copyPaste': copy(one); paste(); break;
    case 'select': if (one.length) select(one); else clearSelection(); break;
    case 'viewport': setViewport({ x: s.x, y: 0, scale: 1 }); break;
    case 'undo': undo(); break;
    case 'redo': redo(); break;
  }
}

describe('undo history, for any sequence of edits', () => {
  it('never loses a state: undoing everything returns to the start, redoing everything returns to the end, step by step', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        replaceDesign(emptyDesign());
        useKubeplanStore.setState({ clipboard: [], pasteCount: 0 });
        for (const s of steps) run(s);
        // The states history can reach, from the oldest to the current one.
        const past = useKubeplanStore.temporal.getState().pastStates.map((p) => p.design as Design);
        const end = state().design;
        for (let i = past.length - 1; i >= 0; i--) {
          undo();
          expect(state().design).toBe(past[i]);
        }
        for (let i = 1; i < past.length; i++) {
          redo();
          expect(state().design).toBe(past[i]);
        }
        if (past.length > 0) redo();
        expect(state().design).toBe(end);
        // Every id in the selection exists: undo never leaves a dangling selection.
        const existing = new Set(ids());
        for (const id of state().selection) expect(existing.has(id)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('names stay unique per kind and namespace whatever is added, copied or moved', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        replaceDesign(emptyDesign());
        useKubeplanStore.setState({ clipboard: [], pasteCount: 0 });
        for (const s of steps) run(s);
        const keys = state().design.resources.map((r) => `${r.object.kind}/${r.object.metadata.namespace ?? ''}/${r.object.metadata.name}`);
        // Moving a card into another frame can meet a same-named object there (Kubernetes would
        // reject the second); everything the store creates itself is unique.
        const created = keys.filter((k, i) => keys.indexOf(k) !== i);
        for (const k of created) expect(steps.some((s) => s.op === 'move'), `duplicate ${k} without a move`).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
