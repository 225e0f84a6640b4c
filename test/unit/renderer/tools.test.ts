import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyDesign, type Design } from '../../../shared/design/types';
import type { KubeObject } from '../../../shared/model/object';
import { CanvasGestures, type CanvasLayers } from '../../../renderer/canvas/gestures';
import { HANDLE } from '../../../renderer/canvas/drawCard';
import { view } from '../../../renderer/canvas/view';
import { replaceDesign, resetDesignServices, provideDesignServices, setTool, useKubeplanStore } from '../../../renderer/store';

const obj = (kind: string, name: string): KubeObject => ({ apiVersion: 'v1', kind, metadata: { name, namespace: 'default' } });

function design(): Design {
  const d = emptyDesign();
  d.resources = [
    { id: 'a', object: obj('Service', 'a') },
    { id: 'b', object: obj('Service', 'b') },
  ];
  d.layout.positions = { a: { x: 100, y: 100 }, b: { x: 500, y: 100 } };
  return d;
}

/** Just enough of Konva and the DOM for the tools: they draw nothing we check here. */
function fakeCanvas() {
  let position = { x: 0, y: 0 };
  const layer = () => ({ batchDraw() {}, visible: () => true });
  const stage = {
    x: () => position.x, y: () => position.y, scaleX: () => 1,
    position(p?: { x: number; y: number }) { if (p) position = p; return position; },
    scale() {}, batchDraw() {}, content: { style: { transform: '' } },
  };
  const layers = { stage, frames: layer(), edges: layer(), nodes: layer(), drag: layer() } as unknown as CanvasLayers;
  const captured = new Set<number>();
  const container = {
    style: { cursor: '' },
    getBoundingClientRect: () => ({ left: 0, top: 0 }),
    setPointerCapture: (id: number) => captured.add(id),
    hasPointerCapture: (id: number) => captured.has(id),
    releasePointerCapture: (id: number) => captured.delete(id),
  } as unknown as HTMLElement;
  return { layers, container, stage };
}

const pointer = (x: number, y: number, extra: Partial<PointerEvent> = {}) =>
  ({ clientX: x, clientY: y, button: 0, pointerId: 1, shiftKey: false, metaKey: false, ctrlKey: false, preventDefault() {}, ...extra }) as PointerEvent;

let gestures: CanvasGestures;
let notices: string[];
const state = () => useKubeplanStore.getState();

beforeEach(() => {
  replaceDesign(design());
  useKubeplanStore.setState({ viewport: { x: 0, y: 0, scale: 1 }, selection: [] });
  view.scale = 1;
  view.panShift = { x: 0, y: 0 };
  const { layers, container, stage } = fakeCanvas();
  view.stage = stage as unknown as typeof view.stage;
  notices = [];
  gestures = new CanvasGestures(layers, container, (m) => notices.push(m));
});

afterEach(() => {
  view.stage = undefined;
});

describe('canvas tools', () => {
  it('start with the select tool, idle', () => {
    expect(state().tool).toBe('select');
    expect(gestures.toolState).toBe('select.idle');
  });

  it('a rubber band drag on empty canvas selects the cards it touches, then the tool is idle again', () => {
    gestures.onPointerDown(pointer(50, 50));
    expect(gestures.toolState).toBe('select.brushing');
    gestures.onPointerMove(pointer(300, 300));
    expect(gestures.overlay.band).toEqual({ x: 50, y: 50, width: 250, height: 250 });
    gestures.onPointerUp(pointer(300, 300));
    expect(state().selection).toEqual(['a']);
    expect(gestures.toolState).toBe('select.idle');
    expect(gestures.overlay.band).toBeUndefined();
  });

  it('clicking a card selects it; Escape during a band leaves the selection as it was', () => {
    gestures.onPointerDown(pointer(150, 120));
    expect(gestures.toolState).toBe('select.pointing-card');
    gestures.onPointerUp(pointer(150, 120));
    expect(state().selection).toEqual(['a']);
    gestures.onPointerDown(pointer(50, 400));
    gestures.onPointerMove(pointer(900, 450));
    gestures.cancel();
    expect(gestures.toolState).toBe('select.idle');
    expect(gestures.overlay.band).toBeUndefined();
    expect(state().selection).toEqual(['a']);
  });

  it('pressing a card\'s handle hands over to the connect tool, and releasing hands back to select', () => {
    provideDesignServices({ canConnect: () => true, connect: () => ({ ok: false, message: 'a Service cannot select a Service' }) });
    try {
      gestures.onPointerDown(pointer(100 + HANDLE.x, 100 + HANDLE.y));
      expect(gestures.toolState).toBe('connect.linking');
      expect(state().tool).toBe('connect');
      expect(gestures.overlay.connect?.targets).toEqual(['b']);
      gestures.onPointerMove(pointer(550, 120));
      expect(gestures.overlay.connect?.hover).toBe('b');
      gestures.onPointerUp(pointer(550, 120));
      expect(notices).toEqual(['a Service cannot select a Service']);
      expect(gestures.toolState).toBe('select.idle');
      expect(state().tool).toBe('select');
      expect(gestures.overlay.connect).toBeUndefined();
    } finally {
      resetDesignServices();
    }
  });

  it('holding Space switches to the pan tool; a drag moves the view; releasing Space goes back to select', () => {
    gestures.setSpace(true);
    expect(state().tool).toBe('pan');
    gestures.onPointerDown(pointer(100, 100));
    expect(gestures.toolState).toBe('pan.panning');
    gestures.onPointerMove(pointer(160, 130));
    gestures.onPointerUp(pointer(160, 130));
    expect(gestures.toolState).toBe('pan.idle');
    expect(state().viewport).toMatchObject({ x: 60, y: 30 });
    gestures.setSpace(false);
    expect(gestures.toolState).toBe('select.idle');
  });

  it('a middle-button drag pans and returns to select at once; Space pressed mid-drag waits for the drag to end', () => {
    gestures.onPointerDown(pointer(100, 100, { button: 1 }));
    expect(gestures.toolState).toBe('pan.panning');
    gestures.onPointerUp(pointer(100, 100, { button: 1 }));
    expect(gestures.toolState).toBe('select.idle');
    gestures.onPointerDown(pointer(50, 50));
    gestures.setSpace(true);
    expect(gestures.toolState).toBe('select.brushing');
    gestures.onPointerUp(pointer(50, 50));
    // Space is still held: the next press pans.
    gestures.onPointerDown(pointer(50, 50));
    expect(gestures.toolState).toBe('pan.panning');
  });

  it('a tool chosen in the store takes over between gestures', () => {
    setTool('pan');
    gestures.chooseTool(state().tool);
    expect(gestures.toolState).toBe('pan.idle');
  });
});
