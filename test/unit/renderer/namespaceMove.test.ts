import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDesign } from '../../../shared/design/types';
import { execute } from '../../../renderer/commands';
import {
  addResource, cancelNamespaceMove, commitOrAskMove, confirmNamespaceMove, connect, moveChange, replaceDesign, undo,
  useKubeplanStore, useNamespaceMove,
} from '../../../renderer/store';

const state = () => useKubeplanStore.getState();
const nsOf = (id: string) => state().design.resources.find((r) => r.id === id)!.object.metadata.namespace;
const pending = () => useNamespaceMove.getState().pending;

/** A card dragged by (dx, dy) and dropped, as the select tool does it. */
function drop(ids: string[], dx: number, dy: number, settle = vi.fn()) {
  commitOrAskMove(moveChange(state().design, ids, dx, dy), settle);
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

describe('dragging a card out of its namespace frame asks first', () => {
  it('names the namespace it moves to and the references that would break, and changes nothing yet', () => {
    const before = state().design;
    drop([dep], 2000, 0);
    expect(state().design).toBe(before);
    expect(pending()?.question).toEqual({
      moved: [{ id: dep, kind: 'Deployment', name: 'web', from: team, to: 'default' }],
      breaks: [{ source: 'Service "svc"', relation: 'selects', target: 'Deployment "web"' }],
    });
  });

  it('cancel keeps the namespace and the place, and puts the card back', () => {
    const before = state().design;
    const settle = drop([dep], 2000, 0);
    cancelNamespaceMove();
    expect(state().design).toBe(before);
    expect(nsOf(dep)).toBe(team);
    expect(settle).toHaveBeenCalledExactlyOnceWith(false);
    expect(pending()).toBeUndefined();
  });

  it('confirm moves it to the new namespace in one undo step, and undo restores namespace and place', () => {
    const before = state().design;
    const settle = drop([dep], 2000, 0);
    confirmNamespaceMove();
    expect(settle).toHaveBeenCalledExactlyOnceWith(true);
    expect(nsOf(dep)).toBe('default');
    expect(state().design.layout.positions[dep]!.x).toBe(before.layout.positions[dep]!.x + 2000);
    undo();
    expect(state().design).toEqual(before);
    expect(nsOf(dep)).toBe(team);
  });

  it('a move inside the frame, or of a card whose namespace stays, commits at once without asking', () => {
    const settle = drop([dep], 10, 10);
    expect(pending()).toBeUndefined();
    expect(settle).not.toHaveBeenCalled();
    expect(nsOf(dep)).toBe(team);
  });

  it('moving both ends of a reference together breaks nothing, and still asks because the namespace changes', () => {
    drop([dep, svc], 2000, 0);
    expect(pending()?.question.breaks).toEqual([]);
    expect(pending()?.question.moved.map((m) => m.to)).toEqual(['default', 'default']);
  });

  it('a design changed while the question is open (undo from a menu) is not overwritten by a stale move', () => {
    const settle = drop([dep], 2000, 0);
    undo(); // takes back the connect
    const now = state().design;
    confirmNamespaceMove();
    expect(state().design).toBe(now);
    expect(settle).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('an arrow-key nudge across the frame\'s edge asks too, and a nudge inside the frame does not', () => {
    const frame = state().design.layout.frames[team]!;
    const edge = addResource('ConfigMap', { x: frame.x + frame.width - 3, y: frame.y + 100 })!;
    const arrow = (shiftKey: boolean) => ({ key: 'ArrowRight', ctrlKey: false, metaKey: false, shiftKey, altKey: false });
    execute('edit:nudgeRight', arrow(false));
    expect(pending()).toBeUndefined();
    expect(nsOf(edge)).toBe(team);
    execute('edit:nudgeRight', arrow(true));
    expect(pending()?.question.moved).toEqual([{ id: edge, kind: 'ConfigMap', name: expect.any(String), from: team, to: 'default' }]);
    cancelNamespaceMove();
    expect(nsOf(edge)).toBe(team);
  });
});
