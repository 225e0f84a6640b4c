import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { COMMANDS, COMMAND_SPECS, commandSpec, hasModifier, menuKey, toAccelerator } from '../../../shared/ipc/commands';
import { COMMAND_REGISTRY } from '../../../renderer/commands';
import type { MenuOptions } from '../../../main/electron/menu';
import { buildMenuTemplate, commandIds } from '../../../main/electron/menu';

function build(overrides: Partial<MenuOptions> = {}) {
  const sent: string[] = [];
  const edits: string[] = [];
  const template = buildMenuTemplate({
    platform: 'linux',
    appName: 'Kubeplan',
    recent: [{ path: '/work/shop.kubeplan.yaml', name: 'shop', openedAt: '2026-11-26T10:00:00Z' }],
    examples: [{ id: 'hello-minikube', title: 'Hello Minikube', description: 'tutorial' }],
    send: (c) => sent.push(c),
    nativeEdit: (e) => edits.push(e),
    clearRecent: () => sent.push('cleared'),
    devTools: false,
    ...overrides,
  });
  return { template, sent, edits };
}

function find(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = Array.isArray(item.submenu) ? find(item.submenu, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)();

describe('the native menu', () => {
  it('has File, Edit, View and Help, and the app menu on macOS', () => {
    expect(build().template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(build({ platform: 'darwin' }).template.map((m) => m.label)).toEqual(['Kubeplan', '&File', '&Edit', '&View', '&Help']);
  });

  it.each([
    ['file:new', 'CmdOrCtrl+N'],
    ['file:open', 'CmdOrCtrl+O'],
    ['file:save', 'CmdOrCtrl+S'],
    ['file:saveAs', 'CmdOrCtrl+Shift+S'],
    ['edit:undo', 'CmdOrCtrl+Z'],
    ['edit:redo', 'CmdOrCtrl+Shift+Z'],
    ['edit:redoAlt', 'CmdOrCtrl+Y'],
    ['edit:selectAll', 'CmdOrCtrl+A'],
    ['edit:copy', 'CmdOrCtrl+C'],
    ['edit:paste', 'CmdOrCtrl+V'],
    ['edit:duplicate', 'CmdOrCtrl+D'],
    ['edit:delete', 'Delete'],
    ['view:fit', 'F'],
  ])('%s has the usual shortcut %s', (id, accelerator) => {
    expect(find(build().template, id)?.accelerator).toBe(accelerator);
  });

  it('leaves single-key shortcuts to the page so typing in a field is never hijacked', () => {
    const { template } = build();
    expect(find(template, 'edit:delete')?.registerAccelerator).toBe(false);
    expect(find(template, 'view:fit')?.registerAccelerator).toBe(false);
    expect(find(template, 'edit:undo')?.registerAccelerator).toBeUndefined();
  });

  it('View sizes the interface with Ctrl+= / Ctrl+- / Ctrl+0 and offers presenter mode on F5, left to the page', () => {
    const { template } = build();
    expect(find(template, 'view:uiZoomIn')).toMatchObject({ label: 'Larger Interface', accelerator: 'CmdOrCtrl+=' });
    expect(find(template, 'view:uiZoomInAlt')).toMatchObject({ accelerator: 'CmdOrCtrl+Plus', visible: false });
    expect(find(template, 'view:uiZoomOut')).toMatchObject({ label: 'Smaller Interface', accelerator: 'CmdOrCtrl+-' });
    expect(find(template, 'view:uiZoomReset')).toMatchObject({ accelerator: 'CmdOrCtrl+0' });
    expect(find(template, 'view:presenter')).toMatchObject({ label: 'Presenter Mode', accelerator: 'F5', registerAccelerator: false });
    // The canvas zoom keeps plain + and -, shown but left to the page.
    expect(find(template, 'view:zoomIn')).toMatchObject({ accelerator: '=', registerAccelerator: false });
  });

  it('sends only known commands', () => {
    const known = new Set<string>([...COMMANDS, 'edit:redoAlt', 'view:uiZoomInAlt', 'file:openExample', 'file:openRecent']);
    for (const id of commandIds(build().template)) expect(known, id).toContain(id);
  });

  it('Save sends file:save to the page; Undo also runs the native undo for text fields', () => {
    const { template, sent, edits } = build();
    click(find(template, 'file:save'));
    click(find(template, 'edit:undo'));
    expect(sent).toEqual(['file:save', 'edit:undo']);
    expect(edits).toEqual(['undo']);
  });

  it('Open Recent and Open Example send the path or the example id', () => {
    const { template, sent } = build();
    const recent = find(template, 'file:openRecent')!.submenu as MenuItemConstructorOptions[];
    click(recent[0]);
    click((find(template, 'file:openExample')!.submenu as MenuItemConstructorOptions[])[0]);
    click(recent.find((i) => i.label === 'Clear Recent'));
    expect(sent).toEqual(['file:openPath:/work/shop.kubeplan.yaml', 'example:hello-minikube', 'cleared']);
  });

  it('shows a disabled placeholder when there are no recent files', () => {
    const recent = find(build({ recent: [] }).template, 'file:openRecent')!.submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });

  it('offers developer tools only in unpackaged builds', () => {
    const roles = (t: MenuItemConstructorOptions[]) => JSON.stringify(t.map((m) => m.submenu));
    expect(roles(build().template)).not.toContain('toggleDevTools');
    expect(roles(build({ devTools: true }).template)).toContain('toggleDevTools');
  });

  it('has Quit in File on Windows and Linux', () => {
    const file = build().template[0].submenu as MenuItemConstructorOptions[];
    expect(file.at(-1)).toMatchObject({ role: 'quit', label: 'Quit' });
  });
});

/** Every menu item that sends a command, with the id its click sends. */
function sendingItems(): Array<{ item: MenuItemConstructorOptions; sends: string }> {
  const { template, sent } = build();
  const out: Array<{ item: MenuItemConstructorOptions; sends: string }> = [];
  const walk = (items: MenuItemConstructorOptions[]) => {
    for (const item of items) {
      if (Array.isArray(item.submenu)) walk(item.submenu);
      else if (item.click && item.id) {
        sent.length = 0;
        click(item);
        out.push({ item, sends: sent[0]! });
      }
    }
  };
  walk(template);
  return out;
}

describe('the native menu and the renderer command registry agree', () => {
  const items = sendingItems();
  const registered = new Set<string>(COMMAND_REGISTRY.map((c) => c.id));

  it('every menu item sends a command the renderer registry runs', () => {
    expect(items.length).toBeGreaterThan(20);
    for (const { item, sends } of items) expect(registered.has(sends), `${item.id} sends ${sends}`).toBe(true);
  });

  it('every menu item shows the key the command table declares, registered only when it has a modifier', () => {
    for (const { item, sends } of items) {
      const spec = commandSpec(sends)!;
      const key = menuKey(spec);
      if (item.visible === false) expect(spec.menu?.hidden?.map(toAccelerator), `${item.id}`).toContain(item.accelerator);
      else expect(item.accelerator, `${item.id}`).toBe(key && toAccelerator(key));
      expect(item.registerAccelerator === false, `${item.id}`).toBe(key !== undefined && !hasModifier(key) && item.visible !== false);
    }
  });

  it('every command the table puts in the menu is there, and no other', () => {
    const inMenu = new Set(items.map((i) => i.sends));
    for (const spec of COMMAND_SPECS) expect(inMenu.has(spec.id), spec.id).toBe('menu' in spec);
  });
});

describe('the menu in Chinese', () => {
  it('follows a Chinese system locale and keeps the shortcuts', async () => {
    const { hostStrings } = await import('../../../main/electron/strings');
    const { template } = build({ strings: hostStrings('zh-CN') });
    expect(template.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(find(template, 'file:save')).toMatchObject({ label: '保存', accelerator: 'CmdOrCtrl+S' });
    expect(find(template, 'view:uiZoomIn')).toMatchObject({ label: '放大界面', accelerator: 'CmdOrCtrl+=' });
    expect(find(template, 'view:presenter')).toMatchObject({ label: '演示模式', accelerator: 'F5' });
    expect(hostStrings('zh-TW').save).toBe('Save');
    expect(hostStrings('de-DE').save).toBe('Save');
  });

  it('File ▸ Open Lesson… sends lesson:open, which opens the file through main\'s dialog', () => {
    const { template, sent } = build();
    const file = template.find((m) => m.id === 'file' || m.label === '&File')!.submenu as MenuItemConstructorOptions[];
    const item = file.find((i) => i.id === 'lesson:open');
    expect(item?.label).toBe('Open Lesson…');
    click(item);
    expect(sent).toEqual(['lesson:open']);
  });
});
