import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDesign } from '../../../shared/design/types';
import { COMMAND_SPECS, MODES, menuKey, parseKey, type CommandId } from '../../../shared/ipc/commands';
import { COMMAND_REGISTRY, commandForKey, execute, handleShortcut, type KeyLike } from '../../../renderer/commands';
import { addResource, replaceDesign, select, setMode, useKubeplanStore } from '../../../renderer/store';
import { view } from '../../../renderer/canvas/view';
import { en } from '../../../renderer/i18n/en';
import { zhCN } from '../../../renderer/i18n/zh-CN';
import { canvasStrings } from '../../../renderer/canvas/strings';
import { useLessons } from '../../../renderer/lessons/store';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
const state = () => useKubeplanStore.getState();

beforeEach(() => {
  replaceDesign(emptyDesign());
  useKubeplanStore.setState({ mode: 'design', clipboard: [], pasteCount: 0 });
  view.stage = undefined;
  view.width = 1000;
  view.height = 600;
  view.measured = true;
  view.pendingFit = false;
});

describe('keys map to commands', () => {
  it.each([
    [key('z', { ctrlKey: true }), 'edit:undo'],
    [key('z', { metaKey: true }), 'edit:undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), 'edit:redo'],
    [key('y', { ctrlKey: true }), 'edit:redo'],
    [key('a', { ctrlKey: true }), 'edit:selectAll'],
    [key('c'), 'edit:copy'],
    [key('c', { metaKey: true }), 'edit:copy'],
    [key('v'), 'edit:paste'],
    [key('d'), 'edit:duplicate'],
    [key('Delete'), 'edit:delete'],
    [key('Backspace'), 'edit:delete'],
    [key('ArrowLeft'), 'edit:nudgeLeft'],
    [key('ArrowDown', { shiftKey: true }), 'edit:nudgeDown'],
    [key('f'), 'view:fit'],
    // Plain +/-/0 zoom the canvas; Ctrl+=/-/0 size the whole interface, as in browsers and VS Code.
    [key('='), 'view:zoomIn'],
    [key('+', { shiftKey: true }), 'view:zoomIn'],
    [key('-'), 'view:zoomOut'],
    [key('0'), 'view:zoomReset'],
    [key('=', { ctrlKey: true }), 'view:uiZoomIn'],
    [key('+', { ctrlKey: true, shiftKey: true }), 'view:uiZoomIn'],
    [key('-', { ctrlKey: true }), 'view:uiZoomOut'],
    [key('0', { metaKey: true }), 'view:uiZoomReset'],
    [key('F5'), 'view:presenter'],
    [key('L', { shiftKey: true }), 'view:autoLayout'],
    [key('s', { ctrlKey: true }), 'file:save'],
    [key('S', { metaKey: true, shiftKey: true }), 'file:saveAs'],
    [key('?', { shiftKey: true }), 'help:shortcuts'],
    // A non-Latin layout still finds the letter by its position.
    [key('я', { ctrlKey: true, code: 'KeyZ' }), 'edit:undo'],
  ] as const)('%o runs %s', (e, id) => {
    expect(commandForKey(e)?.id).toBe(id);
  });

  it('leaves plain typing alone (no command for a letter with Alt, or for unrelated keys)', () => {
    expect(commandForKey(key('q'))).toBeUndefined();
    expect(commandForKey(key('c', { altKey: true }))).toBeUndefined();
    // The browser keeps Ctrl+N and Ctrl+L: only the desktop menu binds them.
    expect(commandForKey(key('n', { ctrlKey: true }))).toBeUndefined();
    expect(commandForKey(key('l', { ctrlKey: true }))).toBeUndefined();
  });

  const event = (k: KeyLike, target: unknown) => ({ ...k, target, defaultPrevented: false, preventDefault() {} }) as unknown as KeyboardEvent;

  it('ignores keystrokes aimed at inputs and textareas', () => {
    addResource('Deployment', { x: 0, y: 0 });
    const input = { tagName: 'INPUT', isContentEditable: false };
    expect(handleShortcut(event(key('Delete'), input))).toBe(false);
    expect(state().design.resources).toHaveLength(1);
    expect(handleShortcut(event(key('Delete'), null))).toBe(true);
    expect(state().design.resources).toHaveLength(0);
  });

  it('in the desktop app leaves the keys the native menu registers to the menu, so one press undoes once', () => {
    addResource('Deployment', { x: 0, y: 0 });
    expect(handleShortcut(event(key('z', { ctrlKey: true }), null), true)).toBe(false);
    expect(state().design.resources).toHaveLength(1);
    expect(handleShortcut(event(key('z', { ctrlKey: true }), null), false)).toBe(true);
    expect(state().design.resources).toHaveLength(0);
  });
});

describe('commands change the store', () => {
  it('nudges the selection by 1, or 10 with Shift', () => {
    const id = addResource('Deployment', { x: 0, y: 0 })!;
    const x0 = state().design.layout.positions[id]!.x;
    execute('edit:nudgeRight', key('ArrowRight'));
    execute('edit:nudgeRight', key('ArrowRight', { shiftKey: true }));
    expect(state().design.layout.positions[id]!.x).toBe(x0 + 11);
  });

  it('copy, paste, duplicate, delete, undo and redo run by id', () => {
    const id = addResource('Service', { x: 0, y: 0 })!;
    select([id]);
    execute('edit:copy');
    execute('edit:paste');
    execute('edit:duplicate');
    expect(state().design.resources.map((r) => r.object.metadata.name)).toEqual(['svc', 'svc-2', 'svc-3']);
    execute('edit:selectAll');
    execute('edit:delete');
    expect(state().design.resources).toHaveLength(0);
    execute('edit:undo');
    expect(state().design.resources).toHaveLength(3);
    execute('edit:redo');
    expect(state().design.resources).toHaveLength(0);
  });

  it('cut is one undo step: the clipboard holds the objects and one undo brings them back', () => {
    const id = addResource('ConfigMap', { x: 0, y: 0 })!;
    select([id]);
    const steps = useKubeplanStore.temporal.getState().pastStates.length;
    expect(execute('edit:cut')).toBe(true);
    expect(state().design.resources).toHaveLength(0);
    expect(state().clipboard.map((c) => c.object.kind)).toEqual(['ConfigMap']);
    expect(useKubeplanStore.temporal.getState().pastStates.length).toBe(steps + 1);
    execute('edit:undo');
    expect(state().design.resources).toHaveLength(1);
  });

  it('a command that cannot run now does nothing (delete with nothing selected, paste with an empty clipboard)', () => {
    addResource('Service', { x: 0, y: 0 });
    select([]);
    expect(execute('edit:delete')).toBe(false);
    expect(execute('edit:paste')).toBe(false);
    expect(state().design.resources).toHaveLength(1);
  });

  it('zooms around the centre and fits content into the view', () => {
    execute('view:zoomIn');
    expect(state().viewport.scale).toBeCloseTo(1.25);
    // The centre of the view stays put when zooming.
    expect(state().viewport.x).toBeCloseTo(500 - 500 * 1.25);
    addResource('Deployment', { x: 5000, y: 5000 });
    execute('view:fit');
    const v = state().viewport;
    expect(v.scale).toBe(1);
    expect(5000 * v.scale + v.x).toBeCloseTo(500, 0);
  });

  it('a fit asked for before the canvas has measured itself waits for the real size', () => {
    view.measured = false;
    addResource('Deployment', { x: 5000, y: 5000 });
    const before = state().viewport;
    execute('view:fit');
    expect(state().viewport).toEqual(before);
    expect(view.pendingFit).toBe(true);
  });
});

describe('modes', () => {
  it('starts in design mode; simulate (Run) and lesson modes are offered', () => {
    expect(state().mode).toBe('design');
    expect(setMode('lesson')).toBe(true);
    setMode('design');
    expect(state().mode).toBe('design');
    expect(setMode('simulate')).toBe(true);
    expect(state().mode).toBe('simulate');
    setMode('design');
  });

  it('the arrow keys nudge cards in design mode and step the timeline in simulate mode', () => {
    expect(commandForKey(key('ArrowRight'))?.id).toBe('edit:nudgeRight');
    useKubeplanStore.setState({ mode: 'simulate' });
    expect(commandForKey(key('ArrowRight'))?.id).toBe('sim:stepForward');
    expect(commandForKey(key('Home'))?.id).toBe('sim:toStart');
    useKubeplanStore.setState({ mode: 'design' });
  });

  it('a design edit is not available while the simulation runs, viewing still is', () => {
    const id = addResource('Service', { x: 0, y: 0 })!;
    select([id]);
    useKubeplanStore.setState({ mode: 'simulate' });
    expect(execute('edit:delete')).toBe(false);
    // In simulate mode Delete is the live "delete a pod" (a running pod, never the design's card);
    // with no finished run to act on it is not enabled.
    expect(commandForKey(key('Delete'))?.id).toBe('simulate:deletePod');
    expect(execute('simulate:deletePod')).toBe(false);
    expect(state().design.resources).toHaveLength(1);
    expect(execute('view:zoomIn')).toBe(true);
  });
});

describe('the command table', () => {
  it('every shared command has a registered behaviour', () => {
    expect(COMMAND_REGISTRY.map((c) => c.id)).toEqual(COMMAND_SPECS.map((c) => c.id));
    for (const c of COMMAND_REGISTRY) expect(typeof c.perform, c.id).toBe('function');
  });

  /** `Mod+Shift+Z` and `Shift+Mod+Z` are the same key; letters are compared without case. */
  const normal = (k: string) => {
    const { modifiers, key: last } = parseKey(k);
    return [...[...modifiers].sort(), last.length === 1 ? last.toUpperCase() : last].join('+');
  };

  it('no key is bound to two commands that share a mode (page keys and native menu keys alike), unless keyApplies splits them', () => {
    const byId = new Map(COMMAND_REGISTRY.map((c) => [c.id, c]));
    // Two commands may share a key in a mode only when, with a lesson open and without one, never
    // both claim it (the arrows: a lesson's pages or the timeline's events).
    const splitByKeyApplies = (a: CommandId, b: CommandId) =>
      [{ id: 'scheduling', step: 1 }, null].every((active) => {
        useLessons.setState({ active });
        const claims = [a, b].filter((id) => byId.get(id)!.keyApplies?.() ?? true);
        useLessons.setState({ active: null });
        return claims.length === 1;
      });
    let shared = 0;
    for (const mode of MODES) {
      const owner = new Map<string, CommandId>();
      for (const c of COMMAND_SPECS) {
        if (!(c.modes as readonly string[]).includes(mode)) continue;
        const spec = c as (typeof COMMAND_SPECS)[number] & { keys?: readonly string[]; menu?: { hidden?: readonly string[] } };
        const keys = new Set([...(spec.keys ?? []), ...(menuKey(spec) ? [menuKey(spec)!] : []), ...(spec.menu?.hidden ?? [])].map(normal));
        for (const k of keys) {
          const other = owner.get(k);
          if (other !== undefined && splitByKeyApplies(other, c.id)) shared++;
          else expect(other, `${k} is bound to ${other} and ${c.id} in ${mode} mode`).toBeUndefined();
          owner.set(k, c.id);
        }
      }
    }
    expect(shared, 'the arrows are shared by the timeline and the lesson in simulate mode').toBe(2);
  });

  it('in simulate mode the arrows step the timeline, and page the lesson while one is open', () => {
    useKubeplanStore.setState({ mode: 'simulate' });
    expect(commandForKey(key('ArrowRight'))?.id).toBe('sim:stepForward');
    expect(commandForKey(key('ArrowLeft'))?.id).toBe('sim:stepBack');
    useLessons.setState({ active: { id: 'scheduling', step: 1 } });
    try {
      expect(commandForKey(key('ArrowRight'))?.id).toBe('lesson:nextArrow');
      expect(commandForKey(key('ArrowLeft'))?.id).toBe('lesson:previousArrow');
    } finally {
      useLessons.setState({ active: null });
    }
  });

  it('every label key has English and Simplified Chinese text', () => {
    const tables = { en: { ...en, canvas: canvasStrings.en }, zh: { ...zhCN, canvas: canvasStrings.zh } };
    const lookup = (table: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], table);
    for (const c of COMMAND_REGISTRY) {
      expect(lookup(tables.en, c.labelKey), c.labelKey).toEqual(expect.any(String));
      expect(lookup(tables.zh, c.labelKey), c.labelKey).toEqual(expect.any(String));
    }
  });
});

describe('the palette adds kinds through the command registry', () => {
  it('a click adds the kind at a free spot, selected, as one undo step', async () => {
    const { addAtCenter } = await import('../../../renderer/palette');
    const id = addAtCenter('Deployment');
    expect(state().design.resources.map((r) => [r.id, r.object.kind])).toEqual([[id, 'Deployment']]);
    expect(state().selection).toEqual([id]);
    const second = addAtCenter('Deployment');
    // Repeated adds step aside rather than stacking on the same spot.
    expect(state().design.layout.positions[second!]).not.toEqual(state().design.layout.positions[id!]);
    expect(execute('edit:undo')).toBe(true);
    expect(state().design.resources.map((r) => r.id)).toEqual([id]);
  });

  it('is a design-mode command: refused while simulating, and an unknown kind adds nothing', async () => {
    const { addAtCenter } = await import('../../../renderer/palette');
    useKubeplanStore.setState({ mode: 'simulate' });
    expect(addAtCenter('Service')).toBeUndefined();
    useKubeplanStore.setState({ mode: 'design' });
    expect(addAtCenter('NoSuchKind')).toBeUndefined();
    expect(execute('design:addResource', undefined, { kind: 'Service' })).toBe(true);
    expect(state().design.resources).toEqual([]);
  });
});
