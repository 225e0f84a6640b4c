/**
 * Page object for the design canvas in end-to-end tests: where a resource's card and handle are
 * on screen, and what the store holds, read through `window.__kubeplan` (installed for automation).
 */
import type { AppDriver, Point } from './harness';

export interface ResourceSummary {
  id: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface CardBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class CanvasPage {
  constructor(readonly app: AppDriver) {}

  get page() {
    return this.app.page;
  }

  /** Every resource of the design, in order. */
  resources(): Promise<ResourceSummary[]> {
    return this.page.evaluate(() => {
      const k = (window as unknown as { __kubeplan: { store: { getState(): { design: { resources: Array<{ id: string; object: { kind: string; metadata: { name: string; namespace?: string } } }> } } } } }).__kubeplan;
      return k.store.getState().design.resources.map((r) => ({ id: r.id, kind: r.object.kind, name: r.object.metadata.name, namespace: r.object.metadata.namespace }));
    });
  }

  async resource(kind: string, name?: string): Promise<ResourceSummary> {
    const all = await this.resources();
    const found = all.filter((r) => r.kind === kind && (name === undefined || r.name === name));
    if (found.length === 0) throw new Error(`no ${kind}${name ? ` named ${name}` : ''} on the canvas (have: ${all.map((r) => `${r.kind}/${r.name}`).join(', ')})`);
    return found[found.length - 1]!;
  }

  /** The object of a resource, as the store holds it. */
  object(id: string): Promise<Record<string, unknown>> {
    return this.page.evaluate((rid) => {
      const k = (window as unknown as { __kubeplan: { store: { getState(): { design: { resources: Array<{ id: string; object: Record<string, unknown> }> } } } } }).__kubeplan;
      return k.store.getState().design.resources.find((r) => r.id === rid)!.object;
    }, id);
  }

  selection(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __kubeplan: { store: { getState(): { selection: string[] } } } }).__kubeplan.store.getState().selection);
  }

  /** A card's box in canvas coordinates, from its Konva node (`resource:<id>`). */
  cardBox(id: string): Promise<CardBox> {
    return this.page.evaluate((rid) => {
      const k = (window as unknown as { __kubeplan: { stage: { findOne(s: string): { getClientRect(): CardBox } | undefined } } }).__kubeplan;
      const node = k.stage.findOne(`.resource:${rid}`);
      if (!node) throw new Error(`no card resource:${rid}`);
      return node.getClientRect();
    }, id);
  }

  /** A namespace frame's box in canvas coordinates. */
  frameBox(name: string): Promise<CardBox> {
    return this.page.evaluate((n) => {
      const k = (window as unknown as { __kubeplan: { stage: { findOne(s: string): { getClientRect(): CardBox } | undefined } } }).__kubeplan;
      const node = k.stage.findOne(`.frame:${n}`);
      if (!node) throw new Error(`no frame ${n}`);
      return node.getClientRect();
    }, name);
  }

  async cardCenter(id: string): Promise<Point> {
    const b = await this.cardBox(id);
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }

  /** The connect handle: the middle of the card's right edge. */
  async handle(id: string): Promise<Point> {
    const b = await this.cardBox(id);
    return { x: b.x + b.width, y: b.y + b.height / 2 };
  }

  /** Drag a card by its body from where it is to a canvas point. */
  async dragCard(id: string, to: Point): Promise<void> {
    const from = await this.cardCenter(id);
    await this.app.drag(from, to, false);
  }

  /** Drag from one resource's handle onto another resource's card. */
  async connect(sourceId: string, targetId: string): Promise<void> {
    await this.app.drag(await this.handle(sourceId), await this.cardCenter(targetId), false, 16);
  }

  /** The question a drag into another namespace asks; waits for it, then answers it. */
  async answerNamespaceMove(answer: 'confirm' | 'cancel'): Promise<void> {
    const dialog = this.page.locator('[data-testid="namespace-move-dialog"]');
    await dialog.waitFor({ timeout: 5000 });
    await this.page.locator(`[data-testid="namespace-move-${answer}"]`).click();
    await dialog.waitFor({ state: 'detached', timeout: 5000 });
  }
}
