import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDesign } from '../../../shared/design/types';
import { commandForKey, execute, handleShortcut, type KeyLike } from '../../../renderer/commands';
import { view } from '../../../renderer/canvas/view';
import { openShortcuts, closeShortcuts } from '../../../renderer/files/panels';
import { planToolbar, type MeasuredGroup } from '../../../renderer/panels/toolbarLayout';
import { exitPresenter, usePresenter } from '../../../renderer/shell/presenter';
import { nextUiZoom, setUiZoom, useUiZoom } from '../../../renderer/shell/uiZoom';
import { addResource, replaceDesign, useKubeplanStore } from '../../../renderer/store';

/** The toolbar's groups at 100% in English, as the browser measures them (px, with their gaps). */
const GROUPS: MeasuredGroup[] = [
  { id: 'file', width: 400, labels: 170 },
  { id: 'history', width: 70, labels: 0 },
  { id: 'view', width: 210, labels: 80 },
  { id: 'help', width: 40, labels: 0 },
  { id: 'examples', width: 120, labels: 62 },
  { id: 'uiZoom', width: 100, labels: 0 },
  { id: 'language', width: 120, labels: 55 },
  { id: 'presenter', width: 150, labels: 110 },
];
const total = GROUPS.reduce((s, g) => s + g.width, 0); // 1210
const OVERFLOW = 40;

describe('the toolbar at a given width', () => {
  it('shows everything with labels when it all fits', () => {
    expect(planToolbar(GROUPS, total, OVERFLOW)).toEqual({ compact: [], collapsed: [] });
  });

  it('drops labels first, presenter mode and auto layout before New, Open and Save', () => {
    expect(planToolbar(GROUPS, total - 100, OVERFLOW)).toEqual({ compact: ['presenter'], collapsed: [] });
    expect(planToolbar(GROUPS, total - 150, OVERFLOW)).toEqual({ compact: ['presenter', 'view'], collapsed: [] });
    expect(planToolbar(GROUPS, total - 400, OVERFLOW)).toEqual({ compact: ['presenter', 'view', 'examples', 'language', 'file'], collapsed: [] });
  });

  it('the brand gives up its name before any button loses its label, and never leaves the toolbar', () => {
    const withBrand: MeasuredGroup[] = [{ id: 'brand', width: 100, labels: 70 }, ...GROUPS];
    expect(planToolbar(withBrand, total + 100 - 50, OVERFLOW)).toEqual({ compact: ['brand'], collapsed: [] });
    expect(planToolbar(withBrand, 0, OVERFLOW).collapsed).not.toContain('brand');
  });

  it('then moves whole groups into the ⋯ menu, help and interface size first, the language switch and presenter mode last', () => {
    const icons = total - 477; // every group without labels: 733
    expect(planToolbar(GROUPS, icons, OVERFLOW).collapsed).toEqual([]);
    // One pixel short: help goes, and the ⋯ button needs its room, so the interface size goes too.
    expect(planToolbar(GROUPS, icons - 1, OVERFLOW).collapsed).toEqual(['help', 'uiZoom']);
    expect(planToolbar(GROUPS, 400, OVERFLOW).collapsed).toEqual(['help', 'uiZoom', 'history', 'view', 'examples']);
    expect(planToolbar(GROUPS, 150, OVERFLOW).collapsed).toEqual(['help', 'uiZoom', 'history', 'view', 'examples', 'file']);
    expect(planToolbar(GROUPS, 0, OVERFLOW).collapsed).toHaveLength(GROUPS.length);
  });

  it('a wider window brings groups back (the plan depends on the width alone)', () => {
    const narrow = planToolbar(GROUPS, 400, OVERFLOW);
    const wide = planToolbar(GROUPS, total, OVERFLOW);
    expect(narrow.collapsed.length).toBeGreaterThan(0);
    expect(wide).toEqual({ compact: [], collapsed: [] });
  });
});

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
const event = (k: KeyLike) => {
  const e = { ...k, target: null, defaultPrevented: false, preventDefault: () => (e.defaultPrevented = true) };
  return e as unknown as KeyboardEvent;
};

beforeEach(() => {
  replaceDesign(emptyDesign());
  useKubeplanStore.setState({ mode: 'design', viewport: { x: 0, y: 0, scale: 1 } });
  setUiZoom(1);
  exitPresenter();
  closeShortcuts();
  view.stage = undefined;
  view.width = 1000;
  view.height = 600;
  view.measured = true;
  view.pendingFit = false;
});

describe('the interface zoom', () => {
  it('steps through the sizes browsers offer and stops at the ends', () => {
    expect(nextUiZoom(1, 1)).toBe(1.1);
    expect(nextUiZoom(1, -1)).toBe(0.9);
    expect(nextUiZoom(2, 1)).toBe(2);
    expect(nextUiZoom(0.8, -1)).toBe(0.8);
  });

  it('Ctrl+= and Ctrl+- resize the interface, not the canvas; Ctrl+0 goes back to 100%', () => {
    expect(handleShortcut(event(key('=', { ctrlKey: true })))).toBe(true);
    expect(handleShortcut(event(key('=', { ctrlKey: true })))).toBe(true);
    expect(useUiZoom.getState().zoom).toBe(1.25);
    expect(useKubeplanStore.getState().viewport.scale).toBe(1);
    handleShortcut(event(key('-', { ctrlKey: true })));
    expect(useUiZoom.getState().zoom).toBe(1.1);
    handleShortcut(event(key('0', { ctrlKey: true })));
    expect(useUiZoom.getState().zoom).toBe(1);
  });

  it('plain + and - still zoom the canvas', () => {
    handleShortcut(event(key('=')));
    expect(useKubeplanStore.getState().viewport.scale).toBeCloseTo(1.25);
    expect(useUiZoom.getState().zoom).toBe(1);
  });

  it('cannot grow past the largest size (the command greys out)', () => {
    setUiZoom(2);
    expect(execute('view:uiZoomIn')).toBe(false);
    expect(execute('view:uiZoomOut')).toBe(true);
  });

  it('is remembered for the next start', async () => {
    const stored = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => stored.set(k, v) });
    try {
      setUiZoom(1.5);
      vi.resetModules();
      const fresh = await import('../../../renderer/shell/uiZoom');
      expect(fresh.useUiZoom.getState().zoom).toBe(1.5);
      stored.set('kubeplan.uiZoom', '7');
      vi.resetModules();
      expect((await import('../../../renderer/shell/uiZoom')).useUiZoom.getState().zoom).toBe(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('presenter mode', () => {
  it('F5 enters and fits the design to the canvas; Escape leaves and gives the view back', async () => {
    addResource('Deployment', { x: 4000, y: 4000 });
    useKubeplanStore.setState({ viewport: { x: 10, y: 20, scale: 0.5 } });
    expect(handleShortcut(event(key('F5')))).toBe(true);
    expect(usePresenter.getState().on).toBe(true);
    // The fit waits for the canvas to grow into the freed space, or two frames when it does not.
    await vi.waitFor(() => expect(useKubeplanStore.getState().viewport.scale).toBe(1));
    const v = useKubeplanStore.getState().viewport;
    expect(4000 * v.scale + v.x).toBeGreaterThan(0);
    expect(4000 * v.scale + v.x).toBeLessThan(1000);
    expect(handleShortcut(event(key('Escape')))).toBe(true);
    expect(usePresenter.getState().on).toBe(false);
    expect(useKubeplanStore.getState().viewport).toEqual({ x: 10, y: 20, scale: 0.5 });
  });

  it('Escape is left alone when not presenting, and closes an open dialog before it leaves', () => {
    const esc = event(key('Escape'));
    expect(handleShortcut(esc)).toBe(false);
    expect(esc.defaultPrevented).toBe(false);
    execute('view:presenter');
    openShortcuts();
    expect(handleShortcut(event(key('Escape')))).toBe(false);
    expect(usePresenter.getState().on).toBe(true);
    closeShortcuts();
    expect(handleShortcut(event(key('Escape')))).toBe(true);
    expect(usePresenter.getState().on).toBe(false);
  });

  it('the presenter command toggles, so the same button or F5 also leaves', () => {
    execute('view:presenter');
    expect(usePresenter.getState().on).toBe(true);
    expect(commandForKey(key('F5'))?.id).toBe('view:presenter');
    execute('view:presenter');
    expect(usePresenter.getState().on).toBe(false);
  });
});
