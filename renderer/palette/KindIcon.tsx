/** A kind's badge as a small SVG for the palette: same shape, colour and glyph as on the canvas. */
import type { KindDisplay } from '../../shared/kinds/types';
import { glyphSize } from '../canvas/drawCard';

const S = 28;

function outline(shape: KindDisplay['shape']): React.ReactElement {
  const c = S / 2;
  const poly = (sides: number, r: number) =>
    Array.from({ length: sides }, (_, i) => {
      const a = -Math.PI / 2 + (i * 2 * Math.PI) / sides;
      return `${(c + r * Math.cos(a)).toFixed(1)},${(c + r * Math.sin(a)).toFixed(1)}`;
    }).join(' ');
  switch (shape) {
    case 'hexagon':
      return <polygon points={poly(6, 14)} />;
    case 'frame':
      return <rect x={1.5} y={3.5} width={25} height={21} rx={4} strokeDasharray="4 3" strokeWidth={2} fillOpacity={0.15} />;
    case 'circle':
      return <circle cx={c} cy={c} r={13} />;
    case 'diamond':
      return <polygon points={poly(4, 14)} />;
    case 'cylinder':
      return <path d="M2 6 A12 4.5 0 0 1 26 6 V22 A12 4.5 0 0 1 2 22 Z" />;
    case 'document':
      return <path d="M4 1 H18 L25 8 V27 H4 Z" />;
    case 'shield':
      return <path d="M14 1 L26 5 Q26 21 14 27 Q2 21 2 5 Z" />;
    case 'rounded':
    default:
      return <rect x={1} y={1} width={26} height={26} rx={7} />;
  }
}

export function KindIcon({ display }: { display: KindDisplay }) {
  const frame = display.shape === 'frame';
  return (
    <svg width={S} height={S} viewBox={`0 0 ${S} ${S}`} aria-hidden="true" style={{ flex: 'none' }}>
      <g fill={display.color} stroke={frame ? display.color : 'none'}>{outline(display.shape)}</g>
      <text
        x={S / 2}
        y={S / 2 + 0.5}
        textAnchor="middle"
        dominantBaseline="middle"
        fontSize={glyphSize(display.glyph.length, 8.5, display.shape === 'shield' || display.shape === 'diamond' ? 18 : 23)}
        fontWeight={700}
        fill={frame ? display.color : '#fff'}
        fontFamily="system-ui, sans-serif"
      >
        {display.glyph}
      </text>
    </svg>
  );
}
