/**
 * The connect tool: entered by pressing a card's handle (from the select tool). It draws a line to
 * the pointer, marks the cards the source may connect to, and on release writes the reference
 * (selector, backend, claimName…) through the shared connect rules; then it hands back to select.
 */
import type { Point } from '../../../shared/design/types';
import { canConnectKinds, connect, select } from '../../store';
import { HANDLE } from '../drawCard';
import { hitTest } from '../hitTest';
import { screenToWorld, view } from '../view';
import { release, StateTool, type ToolEnterData, type ToolHost } from './types';

type ConnectState = { name: 'idle' } | { name: 'linking'; sourceId: string; targets: Set<string>; from: Point };

export class ConnectTool extends StateTool<ConnectState> {
  readonly id = 'connect';

  constructor(host: ToolHost) {
    super(host, { name: 'idle' });
  }

  enter(e?: PointerEvent, data?: ToolEnterData): void {
    const design = this.host.design;
    const source = design.resources.find((r) => r.id === data?.sourceId);
    const p = source && design.layout.positions[source.id];
    if (!e || !source || !p) return this.host.transition('select');
    const targets = new Set(
      design.resources
        .filter((r) => r.id !== source.id && r.object.kind !== 'Namespace' && canConnectKinds(source.object.kind, r.object.kind))
        .map((r) => r.id),
    );
    const from = { x: p.x + HANDLE.x, y: p.y + HANDLE.y };
    this.current = { name: 'linking', sourceId: source.id, targets, from };
    this.host.overlay.connect = { from, to: screenToWorld(this.host.screenPoint(e)), targets: [...targets] };
    this.host.layers.drag.batchDraw();
  }

  onPointerMove(e: PointerEvent): void {
    const s = this.current;
    if (s.name !== 'linking') return;
    const world = screenToWorld(this.host.screenPoint(e));
    const hit = hitTest(this.host.design, world, view.scale);
    const hover = (hit.type === 'card' || hit.type === 'handle') && s.targets.has(hit.id) ? hit.id : undefined;
    this.host.overlay.connect = { from: s.from, to: world, targets: [...s.targets], hover };
    this.host.layers.drag.batchDraw();
  }

  onPointerUp(e: PointerEvent): void {
    const s = this.current;
    if (s.name !== 'linking') return;
    release(this.host, e);
    this.clear();
    const hit = hitTest(this.host.design, screenToWorld(this.host.screenPoint(e)), view.scale);
    if ((hit.type === 'card' || hit.type === 'handle') && hit.id !== s.sourceId) {
      const result = connect(s.sourceId, hit.id);
      if (!result.ok) this.host.notify(result.message);
      else select([s.sourceId]);
    }
    this.host.transition('select');
  }

  cancel(): void {
    this.clear();
    this.host.transition('select');
  }

  private clear(): void {
    this.toIdle();
    this.host.overlay.connect = undefined;
    this.host.layers.drag.batchDraw();
  }
}
