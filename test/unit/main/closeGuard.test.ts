import { describe, expect, it, vi } from 'vitest';
import { CloseGuard, windowTitle } from '../../../main/core/closeGuard';

function guard(answer: 'save' | 'discard' | 'cancel', clock = { now: 0 }) {
  const calls: string[] = [];
  const dialogs = { confirmUnsaved: vi.fn(async () => answer) };
  const g = new CloseGuard(
    dialogs,
    () => calls.push('save requested'),
    () => calls.push('closed'),
    async () => void calls.push('backup discarded'),
    () => clock.now,
  );
  return { g, calls, dialogs };
}

describe('closing with unsaved changes', () => {
  it('closes at once when everything is saved', async () => {
    const { g, dialogs } = guard('cancel');
    g.setDirty(false, 'shop');
    expect(await g.onCloseRequested()).toBe('close');
    expect(dialogs.confirmUnsaved).not.toHaveBeenCalled();
  });

  it('Cancel keeps the window and the changes', async () => {
    const { g, calls, dialogs } = guard('cancel');
    g.setDirty(true, 'shop');
    expect(await g.onCloseRequested()).toBe('keep');
    expect(dialogs.confirmUnsaved).toHaveBeenCalledWith({ name: 'shop' });
    expect(calls).toEqual([]);
    expect(g.isDirty).toBe(true);
  });

  it("Don't Save closes and discards the backup", async () => {
    const { g, calls } = guard('discard');
    g.setDirty(true, 'shop');
    expect(await g.onCloseRequested()).toBe('close');
    expect(calls).toEqual(['backup discarded']);
  });

  it('Save asks the page to save and closes once it reports the design clean', async () => {
    const { g, calls } = guard('save');
    g.setDirty(true, 'shop');
    expect(await g.onCloseRequested()).toBe('keep');
    expect(calls).toEqual(['save requested']);
    g.setDirty(false, 'shop');
    expect(calls).toEqual(['save requested', 'closed']);
  });

  it('a cancelled save keeps the window open, even if the design becomes clean later', async () => {
    const { g, calls } = guard('save');
    g.setDirty(true, 'shop');
    await g.onCloseRequested();
    g.saveAbandoned();
    g.setDirty(false, 'shop');
    expect(calls).toEqual(['save requested']);
  });
});

describe('a save that leaves the design dirty', () => {
  it('does not close the window when a much later save makes it clean', async () => {
    const clock = { now: 0 };
    const { g, calls } = guard('save', clock);
    g.setDirty(true, 'shop');
    await g.onCloseRequested();
    g.saveSucceeded(3000);
    // The user edited while the save ran: still dirty. Ten seconds later another save.
    clock.now = 10_000;
    g.setDirty(false, 'shop');
    expect(calls).toEqual(['save requested']);
  });

  it('closes when the page reports clean right after the save', async () => {
    const clock = { now: 0 };
    const { g, calls } = guard('save', clock);
    g.setDirty(true, 'shop');
    await g.onCloseRequested();
    g.saveSucceeded(3000);
    clock.now = 200;
    g.setDirty(false, 'shop');
    expect(calls).toEqual(['save requested', 'closed']);
  });
});

describe('window title', () => {
  it('shows the file name and an unsaved mark', () => {
    expect(windowTitle('shop', true)).toBe('● shop — Kubeplan');
    expect(windowTitle('shop', false)).toBe('shop — Kubeplan');
    expect(windowTitle('', false)).toBe('Untitled — Kubeplan');
  });
});
