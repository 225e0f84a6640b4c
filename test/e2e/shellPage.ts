/**
 * Page object for the workspace around the canvas: toolbar, inspector, dock, files. Tests read like
 * a user: click a card, type into a field, press Enter, open the Export menu.
 */
import { loadAll } from 'js-yaml';
import { CanvasPage } from './canvasPage';
import type { AppDriver } from './harness';

export class ShellPage {
  readonly canvas: CanvasPage;
  constructor(readonly app: AppDriver) {
    this.canvas = new CanvasPage(app);
  }

  get page() {
    return this.app.page;
  }

  byTestId(id: string) {
    return this.page.locator(`[data-testid="${id}"]`);
  }

  /** Click a resource's card on the canvas; returns its id. */
  async clickResource(kind: string, name?: string, modifiers: Array<'Shift'> = []): Promise<string> {
    const r = await this.canvas.resource(kind, name);
    const c = await this.canvas.cardCenter(r.id);
    await this.app.clickCanvas(c.x, c.y, modifiers);
    return r.id;
  }

  /** Replace a field's text like a user: select all, type, then Enter. */
  async typeInto(testId: string, text: string, commit: 'Enter' | 'Tab' = 'Enter'): Promise<void> {
    const input = this.byTestId(testId);
    await input.click();
    await input.press('Control+A');
    await input.pressSequentially(text, { delay: 5 });
    await input.press(commit);
  }

  async title(): Promise<string> {
    return (await this.byTestId('title').textContent()) ?? '';
  }

  /** Export → one file; returns the downloaded file's name and the objects it holds. */
  async exportOneFile(): Promise<{ name: string; text: string; objects: Array<Record<string, unknown>> }> {
    await this.byTestId('tb-export').click();
    const d = await this.app.captureDownload(() => this.byTestId('tb-export-file').click());
    return { ...d, objects: (loadAll(d.text) as Array<Record<string, unknown>>).filter(Boolean) };
  }

  async save(): Promise<{ name: string; text: string }> {
    return this.app.captureDownload(() => this.byTestId('tb-save').click());
  }

  async openFile(name: string, text: string): Promise<void> {
    await this.app.chooseFiles(() => this.byTestId('tb-open').click(), [{ name, text }]);
  }

  /** Wait until the YAML preview shows text containing `needle`. */
  async waitForYaml(needle: string): Promise<string> {
    await this.byTestId('tab-yaml').click();
    await this.page.waitForFunction((n) => document.querySelector('[data-testid="yaml-preview"]')?.textContent?.includes(n), needle, { timeout: 10_000 });
    return this.app.readYaml();
  }

  /** The design in the store, for checks the DOM cannot answer (positions, exact fields). */
  design(): Promise<{ name: string; resources: Array<{ id: string; object: Record<string, unknown> }>; layout: { positions: Record<string, { x: number; y: number }>; frames: Record<string, unknown> } }> {
    return this.page.evaluate(() => (window as unknown as { __kubeplan: { store: { getState(): { design: never } } } }).__kubeplan.store.getState().design);
  }
}
