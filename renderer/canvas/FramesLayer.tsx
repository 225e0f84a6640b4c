/**
 * Namespace frames: a tinted box with a title bar naming the namespace and a resize grip in the
 * bottom-right corner. A frame without a Namespace object (e.g. `default`) is drawn in grey.
 */
import type Konva from 'konva';
import { memo, useMemo } from 'react';
import { Layer, Shape } from 'react-konva';
import { FRAME_HEADER, useKubeplanStore } from '../store';
import { registerIn, frameNodes } from './registry';
import { FONT_FAMILY, THEME } from './theme';
import { DETAIL_SCALE } from './drawCard';
import { view } from './view';

interface FrameData {
  label: string;
  implicit: boolean;
  selected: boolean;
}

function drawFrame(context: Konva.Context, shape: Konva.Shape): void {
  const ctx = context._context;
  const w = shape.width();
  const h = shape.height();
  const f = shape.getAttr('frame') as FrameData;
  const stroke = f.selected ? THEME.selection : f.implicit ? THEME.frameImplicit : THEME.frameStroke;
  ctx.beginPath();
  ctx.roundRect(0, 0, w, h, 10);
  ctx.fillStyle = THEME.frameFill;
  ctx.fill();
  ctx.lineWidth = f.selected ? 2.5 : 1.5;
  ctx.strokeStyle = stroke;
  if (f.implicit) ctx.setLineDash([8, 6]);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.roundRect(0, 0, w, FRAME_HEADER, [10, 10, 0, 0]);
  ctx.fillStyle = THEME.frameHeader;
  ctx.fill();
  // Zoomed out, the overview writes the namespace's name large over the frame (drawOverview.ts);
  // the header's own label would only be a smudge under it.
  if (view.scale >= DETAIL_SCALE) {
    ctx.fillStyle = f.implicit ? THEME.frameImplicit : THEME.frameLabel;
    ctx.font = `600 13px ${FONT_FAMILY}`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.fillText(f.label, 12, FRAME_HEADER / 2 + 1);
  }
  // Resize grip: three short diagonal strokes.
  ctx.beginPath();
  for (const d of [5, 10, 15]) {
    ctx.moveTo(w - d, h - 3);
    ctx.lineTo(w - 3, h - d);
  }
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = stroke;
  ctx.stroke();
}

const NamespaceFrame = memo(function NamespaceFrame(props: { name: string; x: number; y: number; width: number; height: number; implicit: boolean; selected: boolean; label: string }) {
  const { name, x, y, width, height, implicit, selected, label } = props;
  const frame = useMemo<FrameData>(() => ({ label, implicit, selected }), [label, implicit, selected]);
  const ref = useMemo(() => registerIn(frameNodes, name), [name]);
  return (
    <Shape
      ref={ref}
      name={`frame:${name}`}
      x={x}
      y={y}
      width={width}
      height={height}
      frame={frame}
      sceneFunc={drawFrame}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});

export function FramesLayer({ layerRef, namespaceLabel }: { layerRef: React.Ref<Konva.Layer>; namespaceLabel: (name: string) => string }) {
  const frames = useKubeplanStore((s) => s.design.layout.frames);
  const resources = useKubeplanStore((s) => s.design.resources);
  const selection = useKubeplanStore((s) => s.selection);
  const namespaces = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of resources) if (r.object.kind === 'Namespace') m.set(r.object.metadata.name, r.id);
    return m;
  }, [resources]);
  // Larger frames first, so a frame nested in another is drawn on top of it.
  const ordered = useMemo(() => Object.entries(frames).sort(([, a], [, b]) => b.width * b.height - a.width * a.height), [frames]);
  return (
    <Layer ref={layerRef} listening={false}>
      {ordered.map(([name, box]) => {
        const id = namespaces.get(name);
        return (
          <NamespaceFrame
            key={name}
            name={name}
            {...box}
            implicit={id === undefined}
            selected={id !== undefined && selection.includes(id)}
            label={namespaceLabel(name)}
          />
        );
      })}
    </Layer>
  );
}
