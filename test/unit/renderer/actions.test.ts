import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDesign } from '../../../shared/design/types';
import { actionForKey, getAction, runAction, type KeyLike } from '../../../renderer/actions';
import { handleShortcut } from '../../../renderer/actions/useKeyboardShortcuts';
import { addResource, replaceDesign, select, useKubeplanStore } from '../../../renderer/store';
import { view } from '../../../renderer/canvas/view';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
const state = () => useKubeplanStore.getState();

beforeEach(() => {
  replaceDesign(emptyDesign());
  view.stage = undefined;
  view.width = 1000;
  view.height = 600;
  view.measured = true;
  view.pendingFit = false;
});

describe('shortcuts map to actions', () => {
  it.each([
    [key('z', { ctrlKey: true }), 'undo'],
    [key('z', { metaKey: true }), 'undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [key('y', { ctrlKey: true }), 'redo'],
    [key('a', { ctrlKey: true }), 'selectAll'],
    [key('c'), 'copy'],
    [key('c', { metaKey: true }), 'copy'],
    [key('v'), 'paste'],
    [key('d'), 'duplicate'],
    [key('Delete'), 'delete'],
    [key('Backspace'), 'delete'],
    [key('ArrowLeft'), 'nudgeLeft'],
    [key('ArrowDown', { shiftKey: true }), 'nudgeDown'],
    [key('f'), 'fit'],
    [key('=', { ctrlKey: true }), 'zoomIn'],
    [key('-'), 'zoomOut'],
  ] as const)('%o runs %s', (e, name) => {
    expect(actionForKey(e)?.name).toBe(name);
  });

  it('leaves plain typing alone (no action for a letter with Alt, or for unrelated keys)', () => {
    expect(actionForKey(key('q'))).toBeUndefined();
    expect(actionForKey(key('c', { altKey: true }))).toBeUndefined();
  });

  it('ignores keystrokes aimed at inputs and textareas', () => {
    addResource('Deployment', { x: 0, y: 0 });
    const input = { tagName: 'INPUT', isContentEditable: false };
    const event = { ...key('Delete'), target: input, defaultPrevented: false, preventDefault() {} } as unknown as KeyboardEvent;
    expect(handleShortcut(event)).toBe(false);
    expect(state().design.resources).toHaveLength(1);
    const onCanvas = { ...key('Delete'), target: null, defaultPrevented: false, preventDefault() {} } as unknown as KeyboardEvent;
    expect(handleShortcut(onCanvas)).toBe(true);
    expect(state().design.resources).toHaveLength(0);
  });
});

describe('actions change the store', () => {
  it('nudges the selection by 1, or 10 with Shift', () => {
    const id = addResource('Deployment', { x: 0, y: 0 })!;
    const x0 = state().design.layout.positions[id]!.x;
    actionForKey(key('ArrowRight'))!.perform();
    actionForKey(key('ArrowRight', { shiftKey: true }))!.perform();
    expect(state().design.layout.positions[id]!.x).toBe(x0 + 11);
  });

  it('copy, paste, duplicate, delete, undo and redo run by name', () => {
    const id = addResource('Service', { x: 0, y: 0 })!;
    select([id]);
    runAction('copy');
    runAction('paste');
    runAction('duplicate');
    expect(state().design.resources.map((r) => r.object.metadata.name)).toEqual(['svc', 'svc-2', 'svc-3']);
    runAction('selectAll');
    runAction('delete');
    expect(state().design.resources).toHaveLength(0);
    runAction('undo');
    expect(state().design.resources).toHaveLength(3);
    runAction('redo');
    expect(state().design.resources).toHaveLength(0);
  });

  it('zooms around the centre and fits content into the view', () => {
    runAction('zoomIn');
    expect(state().viewport.scale).toBeCloseTo(1.25);
    // The centre of the view stays put when zooming.
    expect(state().viewport.x).toBeCloseTo(500 - 500 * 1.25);
    addResource('Deployment', { x: 5000, y: 5000 });
    runAction('fit');
    const v = state().viewport;
    expect(v.scale).toBe(1);
    expect(5000 * v.scale + v.x).toBeCloseTo(500, 0);
  });

  it('a fit asked for before the canvas has measured itself waits for the real size', () => {
    view.measured = false;
    addResource('Deployment', { x: 5000, y: 5000 });
    const before = state().viewport;
    runAction('fit');
    expect(state().viewport).toEqual(before);
    expect(view.pendingFit).toBe(true);
  });

  it('every action has a label key in the canvas strings', async () => {
    const { canvasStrings } = await import('../../../renderer/canvas/strings');
    for (const name of ['undo', 'redo', 'selectAll', 'copy', 'paste', 'duplicate', 'delete', 'fit', 'zoomIn', 'zoomOut', 'autoLayout'] as const) {
      const a = getAction(name)!;
      const k = a.labelKey.replace('canvas.actions.', '') as keyof typeof canvasStrings.en.actions;
      expect(canvasStrings.en.actions[k]).toBeTruthy();
      expect(canvasStrings.zh.actions[k]).toBeTruthy();
    }
  });
});
