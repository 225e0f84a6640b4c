/**
 * The traffic layer of the canvas, in simulate mode only: one non-listening Konva layer redrawn by
 * a requestAnimationFrame loop from a scene built once per report (particles.ts). Pointer input is
 * read from the canvas container (as gestures.ts does) and hit-tested against the scene: hovering
 * a red particle or a route shows its reason in a tooltip, a click opens its explanation in the
 * Traffic tab. No React state changes per frame or per pointer move.
 */
import type Konva from 'konva';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Layer, Shape } from 'react-konva';
import { useKubeplanStore } from '../store';
import { view } from '../canvas/view';
import { buildTrafficScene, drawTraffic, hitTraffic, type TrafficScene } from './particles';
import { useSimulationStore } from '../simulation/store';
import { explain, focusFlow, useTrafficStore } from './store';
import { followCursor } from './atCursor';

/** The running layer, for tests and benchmarks (`window.__kubeplanTraffic`). */
export const trafficLayerState = {
  scene: { routes: [], particles: 0 } as TrafficScene,
  frames: 0,
  /** Milliseconds each of the last draws took (a ring of 600). */
  drawTimes: [] as number[],
  /** Rebuild the scene with another particle budget (benchmarks). */
  budget: undefined as number | undefined,
};

export function TrafficLayer() {
  const { t } = useTranslation();
  const layerRef = useRef<Konva.Layer>(null);
  const simulate = useKubeplanStore((s) => s.mode === 'simulate');
  const labels = useRef({ external: '', controller: '' });
  labels.current = { external: t('traffic.external'), controller: t('traffic.controller') };

  const draw = useCallback((context: Konva.Context) => {
    const started = performance.now();
    drawTraffic(context._context, trafficLayerState.scene, performance.now() / 1000, view, useTrafficStore.getState().focus, labels.current);
    const times = trafficLayerState.drawTimes;
    times.push(performance.now() - started);
    if (times.length > 600) times.shift();
  }, []);

  useEffect(() => {
    const layer = layerRef.current;
    if (!simulate || !layer) return;
    const rebuild = () => {
      trafficLayerState.scene = buildTrafficScene(useKubeplanStore.getState().design, useTrafficStore.getState().report, trafficLayerState.budget);
    };
    rebuild();
    const stopFollowing = followCursor();
    const offTraffic = useTrafficStore.subscribe((s, prev) => {
      if (s.report !== prev.report) rebuild();
    });
    const offDesign = useKubeplanStore.subscribe((s, prev) => {
      if (s.design.layout !== prev.design.layout || s.design.resources !== prev.design.resources) rebuild();
    });
    let frame = 0;
    const tick = () => {
      frame = requestAnimationFrame(tick);
      if (trafficLayerState.scene.routes.length === 0 && trafficLayerState.frames > 0) return;
      trafficLayerState.frames++;
      layer.draw();
    };
    frame = requestAnimationFrame(tick);

    // Hover and click: hit-test the scene at the pointer, in world coordinates.
    const container = view.stage?.container().parentElement ?? null;
    const tip = document.createElement('div');
    tip.setAttribute('role', 'tooltip');
    tip.dataset.testid = 'traffic-tooltip';
    tip.className = 'traffic-tooltip';
    tip.style.display = 'none';
    container?.appendChild(tip);
    const hitAt = (e: PointerEvent) => {
      const stage = view.stage;
      if (!stage || !container) return undefined;
      const rect = container.getBoundingClientRect();
      const v = useKubeplanStore.getState().viewport;
      const world = { x: (e.clientX - rect.left - v.x) / v.scale, y: (e.clientY - rect.top - v.y) / v.scale };
      return { hit: hitTraffic(trafficLayerState.scene, world, performance.now() / 1000, v.scale), x: e.clientX - rect.left, y: e.clientY - rect.top };
    };
    const onMove = (e: PointerEvent) => {
      if (e.buttons !== 0) return;
      const found = hitAt(e);
      if (!found?.hit) {
        tip.style.display = 'none';
        return;
      }
      const r = found.hit.route;
      // A denial names the policies in its reason; below it, each of their rules and why it did not allow this.
      tip.replaceChildren(`${r.flowName}: ${r.reason}`);
      if (r.rules?.length) {
        const list = document.createElement('ul');
        list.className = 'traffic-tooltip-rules';
        list.dataset.testid = 'traffic-tooltip-rules';
        for (const line of r.rules) list.appendChild(Object.assign(document.createElement('li'), { textContent: line }));
        tip.appendChild(list);
      }
      tip.classList.toggle('dropped', !r.delivered);
      tip.style.left = `${found.x + 14}px`;
      tip.style.top = `${found.y + 14}px`;
      tip.style.display = 'block';
    };
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0) return;
      const found = hitAt(e);
      if (!found?.hit) return;
      // A click on a particle is about the traffic, not the card under it: the canvas tools do not see it.
      if (found.hit.particle) e.stopPropagation();
      const r = found.hit.route;
      focusFlow(r.flow);
      explain({ title: r.flowName, text: r.explain });
    };
    const onLeave = () => {
      tip.style.display = 'none';
    };
    container?.addEventListener('pointermove', onMove);
    container?.addEventListener('pointerdown', onDown, true);
    container?.addEventListener('pointerleave', onLeave);
    return () => {
      cancelAnimationFrame(frame);
      stopFollowing();
      offTraffic();
      offDesign();
      container?.removeEventListener('pointermove', onMove);
      container?.removeEventListener('pointerdown', onDown, true);
      container?.removeEventListener('pointerleave', onLeave);
      tip.remove();
      trafficLayerState.scene = { routes: [], particles: 0 };
      layer.batchDraw();
    };
  }, [simulate]);

  useEffect(() => {
    const w = window as unknown as { __kubeplanTraffic?: unknown };
    if (import.meta.env.DEV || navigator.webdriver === true) w.__kubeplanTraffic = { layer: trafficLayerState, store: useTrafficStore, simulation: useSimulationStore };
  }, []);

  return (
    <Layer ref={layerRef} listening={false} visible={simulate}>
      <Shape sceneFunc={draw} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}
