/**
 * The uPlot options of a metrics panel: one series over simulated time, the timeline's cursor as
 * a vertical line, and the HorizontalPodAutoscaler's decisions as dashed markers labelled with the
 * replica change (`2→6`). Pure, so the drawing hooks read the latest cursor through `state`.
 */
import type uPlot from 'uplot';
import type { HpaDecision } from '../../shared/simulation/observe';

export type MetricName = 'cpu' | 'memory' | 'rate' | 'errorRate' | 'latency';

export interface ChartState {
  cursor: number | null;
  markers: readonly HpaDecision[];
}

const MI = 1024 * 1024;

/** A value as the axis and legend show it. */
export function formatValue(metric: MetricName, v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  switch (metric) {
    case 'cpu':
      return `${Math.round(v)}m`;
    case 'memory':
      return `${Math.round(v / MI)}Mi`;
    case 'rate':
      return `${Math.round(v * 10) / 10}/s`;
    case 'errorRate':
      return `${Math.round(v * 10) / 10}%`;
    case 'latency':
      return `${Math.round(v)} ms`;
  }
}

/** `m:ss` of simulated time. */
export function formatTime(t: number): string {
  const s = Math.max(0, Math.round(t));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const COLOURS: Record<MetricName, string> = { cpu: '#2f6fdf', memory: '#7a4fd1', rate: '#15803d', errorRate: '#c2410c', latency: '#0e7490' };

export function chartOptions(metric: MetricName, label: string, width: number, height: number, state: ChartState, onPick: (t: number) => void): uPlot.Options {
  return {
    width,
    height,
    // The tab's readout says the value at the cursor; the plot keeps the height.
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 6 } },
    scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.15 : 1] } },
    axes: [
      { values: (_u, ticks) => ticks.map(formatTime), stroke: '#667085', grid: { stroke: '#eef0f4' } },
      { values: (_u, ticks) => ticks.map((v) => formatValue(metric, v)), stroke: '#667085', grid: { stroke: '#eef0f4' }, size: 64 },
    ],
    series: [
      { label: 'time', value: (_u, v) => (v === null ? '–' : formatTime(v)) },
      { label, stroke: COLOURS[metric], width: 1.5, fill: `${COLOURS[metric]}1f`, spanGaps: false, points: { show: false }, value: (_u, v) => formatValue(metric, v) },
    ],
    hooks: {
      draw: [(u) => drawOverlay(u, state)],
      ready: [
        (u) => {
          u.over.addEventListener('click', () => {
            const idx = u.cursor.idx;
            const t = idx !== null && idx !== undefined ? u.data[0][idx] : null;
            if (t !== null && t !== undefined) onPick(t);
          });
        },
      ],
    },
  };
}

/** The HPA markers and the timeline's cursor, over the plotting area. */
function drawOverlay(u: uPlot, state: ChartState): void {
  const ctx = u.ctx;
  const { top, height, left, width } = u.bbox;
  const ratio = devicePixelRatio || 1;
  ctx.save();
  ctx.font = `${11 * ratio}px system-ui, sans-serif`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  // Labels of decisions close in time step down a line each, so they never print over one another.
  let lastLabelEnd = -Infinity;
  let row = 0;
  for (const m of state.markers) {
    const x = Math.round(u.valToPos(m.time, 'x', true));
    if (x < left || x > left + width) continue;
    ctx.strokeStyle = '#d97706';
    ctx.lineWidth = 1.5 * ratio;
    ctx.setLineDash([4 * ratio, 3 * ratio]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#b45309';
    const label = `HPA ${m.from}→${m.to}`;
    const labelX = x + 4 * ratio;
    row = labelX < lastLabelEnd ? row + 1 : 0;
    lastLabelEnd = labelX + ctx.measureText(label).width + 4 * ratio;
    ctx.fillText(label, labelX, top + (2 + row * 13) * ratio);
  }
  if (state.cursor !== null) {
    const x = Math.round(u.valToPos(state.cursor, 'x', true));
    if (x >= left && x <= left + width) {
      ctx.strokeStyle = '#101828';
      ctx.lineWidth = 1.5 * ratio;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
    }
  }
  ctx.restore();
}
