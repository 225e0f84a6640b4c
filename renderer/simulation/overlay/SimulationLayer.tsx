/**
 * The simulate-mode overlay: one non-listening Konva layer above the cards, drawn from the
 * simulation store's view (never from or into the design store's history). The model is rebuilt
 * when the cursor or the design moves; an animation loop redraws the layer only while a chip is
 * growing in or a Pending chip pulses. `overlayModel()` is what the HUD (./SimulationHud.tsx)
 * hit-tests and what tests read.
 */
import type Konva from 'konva';
import { useCallback, useEffect, useRef } from 'react';
import { Layer, Shape } from 'react-konva';
import { testHooksEnabled } from '../../canvas/testHooks';
import { view as canvasView } from '../../canvas/view';
import { useKubeplanStore } from '../../store';
import { sessionFrames, useSimulationStore, type SessionEvent } from '../store';
import { animating, drawOverlayModel, type DrawClock } from './draw';
import { admissionRejections, buildOverlay, EMPTY_OVERLAY, indexDesign, type DesignIndex, type OverlayModel } from './model';

let model: OverlayModel = EMPTY_OVERLAY;
const appeared = new Map<string, number>();
let designIndex: { design: unknown; index: DesignIndex } | undefined;

/** Admission rejections up to a frame, kept incrementally while the cursor moves forward. */
let rejections: { seq: number; byIndex: Map<number, SessionEvent> } = { seq: -1, byIndex: new Map() };

function rejectionsAt(seq: number): SessionEvent[] {
  const frames = sessionFrames();
  if (seq < rejections.seq || frames[0] !== rejectionFrames) {
    rejections = { seq: -1, byIndex: new Map() };
    rejectionFrames = frames[0];
  }
  for (let i = rejections.seq + 1; i <= Math.min(seq, frames.length - 1); i++) {
    for (const e of admissionRejections(frames[i]!.events)) rejections.byIndex.set(e.index, e);
  }
  rejections.seq = Math.min(seq, frames.length - 1);
  return [...rejections.byIndex.values()];
}
let rejectionFrames: unknown;

/** The overlay as last built (world coordinates). */
export function overlayModel(): OverlayModel {
  return model;
}

/** Rebuild the model for the current view; chips new since the last build start growing in. */
export function rebuildOverlay(now = performance.now()): OverlayModel {
  const sim = useSimulationStore.getState();
  const design = useKubeplanStore.getState().design;
  if (designIndex?.design !== design) designIndex = { design, index: indexDesign(design) };
  const next = sim.view ? buildOverlay(design, sim.view, rejectionsAt(sim.cursor), designIndex.index) : EMPTY_OVERLAY;
  const keys = new Set<string>();
  for (const c of next.chips) {
    if (c.type === 'more') continue;
    keys.add(c.key);
    if (!appeared.has(c.key)) appeared.set(c.key, now);
  }
  for (const k of appeared.keys()) if (!keys.has(k)) appeared.delete(k);
  model = next;
  return model;
}

/** Forget the overlay (leaving simulate mode). */
function clearOverlay(): void {
  model = EMPTY_OVERLAY;
  appeared.clear();
  rejections = { seq: -1, byIndex: new Map() };
}

export function SimulationLayer() {
  const simulating = useKubeplanStore((s) => s.mode === 'simulate');
  return simulating ? <OverlayLayer /> : null;
}

function OverlayLayer() {
  const layerRef = useRef<Konva.Layer>(null);

  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    let raf = 0;
    const loop = () => {
      raf = 0;
      layer.batchDraw();
      if (animating(model, { now: performance.now(), appeared, scale: canvasView.scale })) raf = requestAnimationFrame(loop);
    };
    const refresh = () => {
      rebuildOverlay();
      if (!raf) raf = requestAnimationFrame(loop);
    };
    refresh();
    const offSim = useSimulationStore.subscribe((s, prev) => {
      if (s.view !== prev.view) refresh();
    });
    const offDesign = useKubeplanStore.subscribe((s, prev) => {
      if (s.design !== prev.design) refresh();
    });
    const w = window as unknown as { __kubeplanSimulation?: unknown };
    if (testHooksEnabled()) w.__kubeplanSimulation = { store: useSimulationStore, overlay: overlayModel };
    return () => {
      offSim();
      offDesign();
      if (raf) cancelAnimationFrame(raf);
      clearOverlay();
      delete w.__kubeplanSimulation;
    };
  }, []);

  const draw = useCallback((context: Konva.Context) => {
    const clock: DrawClock = { now: performance.now(), appeared, scale: canvasView.scale };
    drawOverlayModel(context._context, model, clock);
  }, []);

  return (
    <Layer ref={layerRef} listening={false} name="simulation-overlay">
      <Shape sceneFunc={draw} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}
