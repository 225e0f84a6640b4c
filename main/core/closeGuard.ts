/**
 * What happens when the user closes the window: with unsaved changes, ask Save / Don't Save /
 * Cancel. "Save" asks the renderer to save (it owns the design) and closes once it reports the
 * design clean; a cancelled save keeps the window open.
 */
import type { Dialogs } from './dialogs';

export type CloseDecision = 'close' | 'keep';

export class CloseGuard {
  private dirty = false;
  private title = 'Untitled';
  private closeAfterSave = false;
  /** After a save lands, how long the page has to report itself clean before the close is dropped. */
  private cleanBy: number | undefined;

  constructor(
    private readonly dialogs: Pick<Dialogs, 'confirmUnsaved'>,
    private readonly requestSave: () => void,
    private readonly close: () => void,
    private readonly discardBackup: () => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  get isDirty(): boolean {
    return this.dirty;
  }

  get name(): string {
    return this.title;
  }

  /** The renderer reported its state; a clean state after "Save" finishes the close. */
  setDirty(dirty: boolean, title: string): void {
    this.dirty = dirty;
    this.title = title;
    if (!dirty && this.closeAfterSave) {
      const inTime = this.cleanBy === undefined || this.now() <= this.cleanBy;
      this.closeAfterSave = false;
      this.cleanBy = undefined;
      if (inTime) this.close();
    }
  }

  /**
   * A save was written. If the page edited the design meanwhile it stays dirty; a clean report
   * much later belongs to another save and must not close the window.
   */
  saveSucceeded(graceMs = 3000): void {
    if (this.closeAfterSave) this.cleanBy = this.now() + graceMs;
  }

  /** A save finished without writing (cancelled or failed): do not close behind the user's back. */
  saveAbandoned(): void {
    this.closeAfterSave = false;
    this.cleanBy = undefined;
  }

  /** Called on the window's close event; `keep` means prevent it. */
  async onCloseRequested(): Promise<CloseDecision> {
    if (!this.dirty) return 'close';
    const answer = await this.dialogs.confirmUnsaved({ name: this.title });
    if (answer === 'cancel') return 'keep';
    if (answer === 'discard') {
      await this.discardBackup();
      this.dirty = false;
      return 'close';
    }
    this.closeAfterSave = true;
    this.cleanBy = undefined;
    this.requestSave();
    return 'keep';
  }
}

/** The window title: the design's name, with the unsaved mark. */
export function windowTitle(name: string, dirty: boolean): string {
  return `${dirty ? '● ' : ''}${name || 'Untitled'} — Kubeplan`;
}
