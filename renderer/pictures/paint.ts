/**
 * Paints a picture's SVG (shared/design/picture.ts) onto a 2D canvas with the document's fonts.
 * An SVG drawn as an <img> may not use the page's fonts (and loads inlined ones after it is
 * drawn), so Chinese labels would vanish from a PNG on a machine without a CJK font; the picture
 * uses few primitives (rect, line, polygon, circle, text, translated groups, arrow markers), all
 * painted here the way the SVG says.
 */
export function paintPictureSvg(ctx: CanvasRenderingContext2D, svgText: string, scale: number): void {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') throw new Error('not an SVG picture');
  const [vx = 0, vy = 0] = (svg.getAttribute('viewBox') ?? '0 0').split(/\s+/).map(Number);
  const family = svg.getAttribute('font-family') ?? 'sans-serif';
  const markers = new Map<string, string>();
  for (const m of svg.querySelectorAll('marker')) markers.set(m.id, m.querySelector('path')?.getAttribute('fill') ?? '#000');
  ctx.save();
  ctx.scale(scale, scale);
  ctx.translate(-vx, -vy);
  const num = (el: Element, name: string, fallback = 0) => {
    const v = el.getAttribute(name);
    return v === null ? fallback : Number(v);
  };
  const paint = (el: Element) => {
    const fill = el.getAttribute('fill');
    const stroke = el.getAttribute('stroke');
    const alpha = el.hasAttribute('fill-opacity') ? num(el, 'fill-opacity', 1) : 1;
    const finish = () => {
      if (fill && fill !== 'none') {
        ctx.globalAlpha = alpha;
        ctx.fillStyle = fill;
        ctx.fill();
        ctx.globalAlpha = 1;
      }
      if (stroke && stroke !== 'none') {
        ctx.lineWidth = num(el, 'stroke-width', 1);
        ctx.strokeStyle = stroke;
        ctx.setLineDash((el.getAttribute('stroke-dasharray') ?? '').split(/[\s,]+/).filter(Boolean).map(Number));
        ctx.stroke();
        ctx.setLineDash([]);
      }
    };
    switch (el.nodeName) {
      case 'g': {
        ctx.save();
        const t = el.getAttribute('transform')?.match(/translate\(([-\d.]+)[ ,]+([-\d.]+)\)/);
        if (t) ctx.translate(Number(t[1]), Number(t[2]));
        for (const child of el.children) paint(child);
        ctx.restore();
        return;
      }
      case 'rect':
        ctx.beginPath();
        ctx.roundRect(num(el, 'x'), num(el, 'y'), num(el, 'width'), num(el, 'height'), num(el, 'rx'));
        finish();
        return;
      case 'circle':
        ctx.beginPath();
        ctx.arc(num(el, 'cx'), num(el, 'cy'), num(el, 'r'), 0, Math.PI * 2);
        finish();
        return;
      case 'polygon': {
        const pts = (el.getAttribute('points') ?? '').trim().split(/\s+/).map((p) => p.split(',').map(Number));
        ctx.beginPath();
        pts.forEach(([x = 0, y = 0], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
        ctx.closePath();
        finish();
        return;
      }
      case 'line': {
        const [x1, y1, x2, y2] = [num(el, 'x1'), num(el, 'y1'), num(el, 'x2'), num(el, 'y2')];
        ctx.beginPath();
        ctx.moveTo(x1, y1);
        ctx.lineTo(x2, y2);
        finish();
        const marker = el.getAttribute('marker-end')?.match(/url\(#([^)]+)\)/)?.[1];
        if (marker) {
          const a = Math.atan2(y2 - y1, x2 - x1);
          const s = 7 * num(el, 'stroke-width', 1);
          ctx.beginPath();
          ctx.moveTo(x2, y2);
          ctx.lineTo(x2 - s * Math.cos(a - 0.45), y2 - s * Math.sin(a - 0.45));
          ctx.lineTo(x2 - s * Math.cos(a + 0.45), y2 - s * Math.sin(a + 0.45));
          ctx.closePath();
          ctx.fillStyle = markers.get(marker) ?? stroke ?? '#000';
          ctx.fill();
        }
        return;
      }
      case 'text': {
        ctx.font = `${el.getAttribute('font-weight') ?? '400'} ${num(el, 'font-size', 12)}px ${family}`;
        ctx.fillStyle = fill ?? '#000';
        const anchor = el.getAttribute('text-anchor');
        ctx.textAlign = anchor === 'middle' ? 'center' : anchor === 'end' ? 'right' : 'left';
        ctx.textBaseline = 'alphabetic';
        ctx.fillText(el.textContent ?? '', num(el, 'x'), num(el, 'y'));
        return;
      }
      default:
        // title, defs, marker: nothing to paint
        return;
    }
  };
  for (const child of svg.children) paint(child);
  ctx.restore();
}
