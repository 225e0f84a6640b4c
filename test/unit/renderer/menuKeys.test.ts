import { describe, expect, it } from 'vitest';
import { menuOwnsKey } from '../../../renderer/commands/keys';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({ key: k, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt });

describe('keys the Electron menu handles itself', () => {
  it('include undo, redo (both habits), save and select all, on Ctrl or Cmd', () => {
    expect(menuOwnsKey(key('z', { ctrl: true }))).toBe(true);
    expect(menuOwnsKey(key('Z', { meta: true, shift: true }))).toBe(true);
    expect(menuOwnsKey(key('y', { ctrl: true }))).toBe(true);
    expect(menuOwnsKey(key('s', { ctrl: true }))).toBe(true);
    expect(menuOwnsKey(key('a', { meta: true }))).toBe(true);
  });

  it('leave plain keys and display-only shortcuts (Delete, F) to the canvas', () => {
    expect(menuOwnsKey(key('z'))).toBe(false);
    expect(menuOwnsKey(key('Delete'))).toBe(false);
    expect(menuOwnsKey(key('f'))).toBe(false);
    expect(menuOwnsKey(key('c'))).toBe(false);
    expect(menuOwnsKey(key('z', { ctrl: true, alt: true }))).toBe(false);
  });
});
