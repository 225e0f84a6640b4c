/**
 * The design canvas: a Konva stage filling its parent with four layers — namespace frames, edges,
 * resource cards, and a drag layer for whatever is moving. Layers do not listen; gestures.ts reads
 * pointer input from the container and hands it to the active tool (tools/), which hit-tests the
 * design's geometry.
 */
import type Konva from 'konva';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Layer, Shape, Stage } from 'react-konva';
import { SimulationHud } from '../simulation/overlay/SimulationHud';
import { SimulationLayer } from '../simulation/overlay/SimulationLayer';
import { useKubeplanStore } from '../store';
import { DETAIL_SCALE } from './drawCard';
import { cullCards } from './cardCulling';
import { drawEdges } from './drawEdges';
import { EdgeLegend } from './EdgeLegend';
import { cancelEdgeRoutes, syncEdgeRoutes } from './edgeSceneSync';
import { drawOverview } from './drawOverview';
import { drawOverlay } from './drawOverlay';
import { FramesLayer } from './FramesLayer';
import { CanvasGestures, type CanvasTooltip } from './gestures';
import { NodesLayer } from './NodesLayer';
import { installTestHooks } from './testHooks';
import { TrafficLayer } from '../traffic/TrafficLayer';
import { fitToContent, updateVisibleWorld, view } from './view';
import { isControlTarget, isTypingTarget } from './typing';
import { keyClaimed } from './keyClaims';

export function DesignCanvas() {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const framesRef = useRef<Konva.Layer>(null);
  const edgesRef = useRef<Konva.Layer>(null);
  const nodesRef = useRef<Konva.Layer>(null);
  const dragRef = useRef<Konva.Layer>(null);
  const gesturesRef = useRef<CanvasGestures | null>(null);
  const [size, setSize] = useState({ width: view.width, height: view.height });
  const [notice, setNotice] = useState<string | null>(null);
  const [tooltip, setTooltip] = useState<CanvasTooltip | undefined>(undefined);
  const empty = useKubeplanStore((s) => s.design.resources.length === 0 && Object.keys(s.design.layout.frames).length === 0);

  // Follow the parent's size; measure before paint so a fit asked for at start-up uses the real size.
  useLayoutEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const measure = () => {
      const width = Math.max(1, Math.floor(el.clientWidth));
      const height = Math.max(1, Math.floor(el.clientHeight));
      view.width = width;
      view.height = height;
      view.measured = width > 1 && height > 1;
      updateVisibleWorld(useKubeplanStore.getState().viewport);
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
      if (view.measured && view.pendingFit) {
        view.pendingFit = false;
        fitToContent();
      }
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
      view.measured = false;
    };
  }, []);

  // Wire gestures, the store and the test hooks once the stage exists.
  useEffect(() => {
    const stage = stageRef.current;
    const container = containerRef.current;
    if (!stage || !container || !framesRef.current || !edgesRef.current || !nodesRef.current || !dragRef.current) return;
    view.stage = stage;
    const layers = { stage, frames: framesRef.current, edges: edgesRef.current, nodes: nodesRef.current, drag: dragRef.current };
    const cull = () => cullCards(layers.nodes);
    layers.nodes.on('beforeDraw', cull);
    let noticeTimer: ReturnType<typeof setTimeout> | undefined;
    const gestures = new CanvasGestures(layers, container, (message) => {
      setNotice(message);
      clearTimeout(noticeTimer);
      noticeTimer = setTimeout(() => setNotice(null), 4000);
    }, setTooltip);
    gesturesRef.current = gestures;

    const applyViewport = () => {
      const v = useKubeplanStore.getState().viewport;
      gestures.dropPanShift();
      if (stage.x() !== v.x || stage.y() !== v.y || stage.scaleX() !== v.scale) {
        stage.position({ x: v.x, y: v.y });
        stage.scale({ x: v.scale, y: v.scale });
      }
      updateVisibleWorld(v);
      gestures.syncLevelOfDetail();
      stage.batchDraw();
    };
    const redrawEdges = () => {
      layers.edges.batchDraw();
      layers.drag.batchDraw();
    };
    const applyDesign = () => {
      gestures.setEdges();
      syncEdgeRoutes(gestures.edgeScene, useKubeplanStore.getState().design, redrawEdges);
      redrawEdges();
    };
    gestures.edgeScene.selected = new Set(useKubeplanStore.getState().selection);
    gestures.edgeScene.hidden = new Set(useKubeplanStore.getState().edgeView.hidden);
    applyViewport();
    applyDesign();
    const unsubscribe = useKubeplanStore.subscribe((s, prev) => {
      // What the edge layer shows changes: a pan's lingering bitmap (gestureCache.ts) is stale.
      if (gestures.gestureCache.active && (s.design !== prev.design || s.selection !== prev.selection || s.edgeView !== prev.edgeView || !gestures.gestureCache.covers(s.viewport))) {
        gestures.gestureCache.end();
        layers.edges.batchDraw();
      }
      if (s.design !== prev.design) applyDesign();
      if (s.selection !== prev.selection) {
        gestures.edgeScene.selected = new Set(s.selection);
        layers.edges.batchDraw();
        layers.drag.batchDraw();
      }
      if (s.viewport !== prev.viewport) applyViewport();
      if (s.tool !== prev.tool) gestures.chooseTool(s.tool);
      if (s.edgeView.hidden !== prev.edgeView.hidden) {
        gestures.edgeScene.hidden = new Set(s.edgeView.hidden);
        redrawEdges();
      }
    });

    container.addEventListener('pointerdown', gestures.onPointerDown);
    container.addEventListener('pointermove', gestures.onPointerMove);
    container.addEventListener('pointerup', gestures.onPointerUp);
    container.addEventListener('pointercancel', gestures.onPointerUp);
    container.addEventListener('wheel', gestures.onWheel, { passive: false });
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target)) return;
      if (e.key === ' ') {
        if (isControlTarget(e.target)) return;
        // A command bound to Space in this mode (a lesson's Next) takes it; the canvas pans otherwise.
        if (keyClaimed(e)) return;
        e.preventDefault();
        gestures.setSpace(e.type === 'keydown');
      } else if (e.key === 'Escape' && e.type === 'keydown') gestures.cancel();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKey);
    const removeHooks = installTestHooks(stage);
    return () => {
      unsubscribe();
      layers.nodes.off('beforeDraw', cull);
      cancelEdgeRoutes();
      removeHooks();
      clearTimeout(noticeTimer);
      container.removeEventListener('pointerdown', gestures.onPointerDown);
      container.removeEventListener('pointermove', gestures.onPointerMove);
      container.removeEventListener('pointerup', gestures.onPointerUp);
      container.removeEventListener('pointercancel', gestures.onPointerUp);
      container.removeEventListener('wheel', gestures.onWheel);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKey);
      if (view.stage === stage) view.stage = undefined;
      gesturesRef.current = null;
    };
  }, []);

  // Layers redraw from the gestures' scene; the sceneFuncs are stable so Konva never re-creates them.
  const drawStaticEdges = useCallback((context: Konva.Context) => {
    const g = gesturesRef.current;
    if (!g) return;
    drawEdges(context._context, g.edgeScene, 'static');
    // Zoomed far out the card layer is hidden; the cards are drawn here as batched blocks.
    if (view.scale < DETAIL_SCALE) {
      const s = useKubeplanStore.getState();
      drawOverview(context._context, s.design, g.edgeScene.selected, g.edgeScene.moving);
    }
  }, []);
  const drawDrag = useCallback((context: Konva.Context) => {
    const g = gesturesRef.current;
    if (!g) return;
    if (g.edgeScene.moving.size > 0) drawEdges(context._context, g.edgeScene, 'moving');
    drawOverlay(context._context, g.overlay, useKubeplanStore.getState().design);
  }, []);
  const namespaceLabel = useCallback((name: string) => t('canvas.namespaceFrame', { name }), [t]);

  return (
    <div
      ref={containerRef}
      className="design-canvas"
      data-testid="design-canvas"
      aria-label={t('canvas.label')}
      role="application"
      style={{ position: 'relative', width: '100%', height: '100%', overflow: 'hidden', background: '#f6f7fb', touchAction: 'none' }}
    >
      <Stage ref={stageRef} width={size.width} height={size.height} listening={false}>
        <FramesLayer layerRef={framesRef} namespaceLabel={namespaceLabel} />
        <Layer ref={edgesRef} listening={false}>
          <Shape sceneFunc={drawStaticEdges} listening={false} perfectDrawEnabled={false} />
        </Layer>
        <NodesLayer layerRef={nodesRef} />
        <SimulationLayer />
        <TrafficLayer />
        <Layer ref={dragRef} listening={false}>
          <Shape sceneFunc={drawDrag} listening={false} perfectDrawEnabled={false} />
        </Layer>
      </Stage>
      {!empty && <EdgeLegend />}
      <SimulationHud container={containerRef} />
      {empty && (
        <div className="design-canvas-empty" style={emptyStyle}>
          <strong style={{ display: 'block', fontSize: 16, marginBottom: 6 }}>{t('canvas.emptyTitle')}</strong>
          {t('canvas.emptyHint')}
        </div>
      )}
      {tooltip && (
        <div
          role="tooltip"
          data-testid={tooltip.tone === 'problem' ? 'canvas-broken-reference' : 'canvas-tooltip'}
          style={{ ...tooltipStyle, ...(tooltip.tone === 'info' ? infoTooltip : {}), left: tooltip.x + 14, top: tooltip.y + 14 }}
        >
          {tooltip.message}
        </div>
      )}
      {notice && (
        <div role="status" data-testid="canvas-notice" style={noticeStyle}>
          {t('canvas.connectFailed', { message: notice })}
        </div>
      )}
    </div>
  );
}

const emptyStyle: React.CSSProperties = {
  position: 'absolute', left: '50%', top: '42%', transform: 'translate(-50%, -50%)', maxWidth: 420,
  color: '#5f6b7a', textAlign: 'center', fontSize: 13, lineHeight: 1.5, pointerEvents: 'none',
};

const tooltipStyle: React.CSSProperties = {
  position: 'absolute', maxWidth: 340, background: '#fff', border: '1px solid #f3b8b3', borderLeft: '3px solid #d93025',
  borderRadius: 6, padding: '6px 10px', fontSize: 12, lineHeight: 1.45, color: '#3c1512', pointerEvents: 'none',
  boxShadow: '0 4px 14px rgba(0,0,0,0.12)', zIndex: 5,
};

const infoTooltip: React.CSSProperties = { border: '1px solid #c9cfdb', borderLeft: '1px solid #c9cfdb', color: '#1f2937' };

const noticeStyle: React.CSSProperties = {
  position: 'absolute', left: '50%', bottom: 16, transform: 'translateX(-50%)', background: '#fff4f3',
  border: '1px solid #f3b8b3', color: '#a3261b', borderRadius: 6, padding: '6px 12px', fontSize: 13,
  boxShadow: '0 2px 8px rgba(0,0,0,0.08)', pointerEvents: 'none',
};
