/**
 * The Metrics tab (simulate mode): a Grafana-like panel over the run's simulated timeline. Pick a
 * pod, node or Service and a metric (CPU, memory; requests per second, error rate, latency); the
 * chart (uPlot) marks the HorizontalPodAutoscaler's decisions and the timeline's cursor, and a
 * click on it moves the timeline there. The numbers are those `kubectl top` reads
 * (docs/observability.md).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MetricSeries, MetricTarget } from '../../shared/simulation/observe';
import type { ObserveTargets } from '../../shared/ipc/observe';
import { sessionFrames, useSimulationStore } from '../simulation/store';
import { chartOptions, formatValue, type ChartState, type MetricName } from './chart';
import { frameAtTime, observe, provideObserveApi } from './query';
import { testHooksEnabled } from '../canvas/testHooks';
import './observe.css';

type Kind = MetricTarget['kind'];

const METRICS: Record<Kind, MetricName[]> = { pod: ['cpu', 'memory'], node: ['cpu', 'memory'], service: ['rate', 'errorRate', 'latency'] };

function keyOf(t: MetricTarget): string {
  return t.kind === 'node' ? `node/${t.name}` : `${t.kind}/${t.namespace}/${t.name}`;
}

function targetOf(key: string): MetricTarget | undefined {
  const [kind, a, b] = key.split('/');
  if (kind === 'node' && a) return { kind, name: a };
  if ((kind === 'pod' || kind === 'service') && a && b) return { kind, namespace: a, name: b };
  return undefined;
}

// End-to-end tests may answer the tab's questions themselves (an HPA run the browser cannot script).
if (typeof window !== 'undefined' && testHooksEnabled()) (window as unknown as { __kubeplanObserve?: unknown }).__kubeplanObserve = { provideObserveApi };

export function MetricsTab() {
  const { t } = useTranslation();
  const runId = useSimulationStore((s) => s.runId);
  const status = useSimulationStore((s) => s.status);
  const frameCount = useSimulationStore((s) => s.frameCount);
  const [targets, setTargets] = useState<ObserveTargets | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<Kind>('service');
  const [chosen, setChosen] = useState('');
  const [metric, setMetric] = useState<MetricName>('rate');
  const [series, setSeries] = useState<MetricSeries | null>(null);

  useEffect(() => {
    if (!runId || status !== 'ready') return;
    let live = true;
    void observe(runId, { query: 'targets' }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.message);
      setError(null);
      setTargets(r.value.targets);
    });
    return () => {
      live = false;
    };
  }, [runId, status, frameCount]);

  const options = useMemo(() => {
    if (!targets) return [];
    if (kind === 'node') return targets.nodes.map((n) => ({ key: `node/${n}`, label: n }));
    if (kind === 'service') return targets.services.map((s) => ({ key: `service/${s.namespace}/${s.name}`, label: `${s.namespace}/${s.name}` }));
    const seen = new Set<string>();
    return targets.pods
      .filter((p) => (seen.has(`${p.namespace}/${p.name}`) ? false : (seen.add(`${p.namespace}/${p.name}`), true)))
      .map((p) => ({ key: `pod/${p.namespace}/${p.name}`, label: `${p.namespace}/${p.name}${p.deleted !== undefined ? ` (${t('observe.deleted')})` : ''}` }));
  }, [targets, kind, t]);

  // The first choice of a kind: a Service that has a chart worth seeing, else the first.
  useEffect(() => {
    if (!options.length) return setChosen('');
    if (!options.some((o) => o.key === chosen)) setChosen(options[0].key);
  }, [options, chosen]);
  useEffect(() => {
    if (!METRICS[kind].includes(metric)) setMetric(METRICS[kind][0]);
  }, [kind, metric]);

  useEffect(() => {
    const target = targetOf(chosen);
    if (!runId || status !== 'ready' || !target) return setSeries(null);
    let live = true;
    void observe(runId, { query: 'series', target }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.message);
      setSeries(r.value.series);
    });
    return () => {
      live = false;
    };
  }, [runId, status, chosen, frameCount]);

  if (status !== 'ready') return <div className="metrics-tab" data-testid="metrics"><p className="metrics-empty">{status === 'running' ? t('observe.metrics.running') : t('observe.metrics.notRun')}</p></div>;
  const shown = series && keyOf(series.target) === chosen ? series : null;
  return (
    <div className="metrics-tab" data-testid="metrics">
      <div className="metrics-bar">
        <select aria-label={t('observe.metrics.kind')} value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="metrics-kind">
          <option value="service">{t('observe.metrics.service')}</option>
          <option value="pod">{t('observe.metrics.pod')}</option>
          <option value="node">{t('observe.metrics.node')}</option>
        </select>
        <select aria-label={t('observe.metrics.target')} value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="metrics-target">
          {options.map((o) => <option key={o.key} value={o.key}>{o.label}</option>)}
        </select>
        <div className="metrics-metrics" role="radiogroup" aria-label={t('observe.metrics.metric')}>
          {METRICS[kind].map((m) => (
            <button key={m} type="button" role="radio" aria-checked={metric === m} className={metric === m ? 'on' : undefined} onClick={() => setMetric(m)} data-testid={`metric-${m}`}>
              {t(`observe.metrics.${m}`)}
            </button>
          ))}
        </div>
        {shown && shown.markers.length > 0 && <span className="metrics-note">{t('observe.metrics.hpa', { count: shown.markers.length })}</span>}
      </div>
      {error && <p className="metrics-error">{error}</p>}
      {!options.length && targets && <p className="metrics-empty">{t('observe.metrics.nothing')}</p>}
      {shown && <Chart series={shown} metric={metric} label={`${options.find((o) => o.key === chosen)?.label ?? ''} · ${t(`observe.metrics.${metric}`)}`} />}
    </div>
  );
}

function Chart({ series, metric, label }: { series: MetricSeries; metric: MetricName; label: string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // At the newest frame the cluster stands in its steady state: the present is the chart's end.
  const cursorTime = useSimulationStore((s) => (s.following ? (series.times[series.times.length - 1] ?? null) : (s.view?.time ?? null)));
  const state = useRef<ChartState>({ cursor: cursorTime, markers: series.markers });
  state.current.markers = series.markers;
  const values = series.values[metric] ?? [];
  const points = values.filter((v) => v !== null).length;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const size = () => ({ width: Math.max(240, el.clientWidth), height: Math.max(90, el.clientHeight) });
    const pick = (time: number) => useSimulationStore.getState().seek(frameAtTime(sessionFrames(), time));
    const u = new uPlot(chartOptions(metric, label, size().width, size().height, state.current, pick), [series.times, values], el);
    plot.current = u;
    const observer = new ResizeObserver(() => u.setSize(size()));
    observer.observe(el);
    return () => {
      observer.disconnect();
      u.destroy();
      plot.current = null;
    };
    // values derive from series and metric
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [series, metric, label]);

  // The timeline moved: redraw the cursor line only.
  useEffect(() => {
    state.current.cursor = cursorTime;
    plot.current?.redraw(false, false);
  }, [cursorTime]);

  const atCursor = cursorTime === null ? null : values[lastIndexAtOrBefore(series.times, cursorTime)];
  return (
    <div className="metrics-chart" data-testid="metrics-chart" data-points={points}>
      <div className="metrics-readout">{t('observe.metrics.atCursor', { value: formatValue(metric, atCursor) })}</div>
      <div ref={box} className="metrics-plot" />
    </div>
  );
}

function lastIndexAtOrBefore(times: readonly number[], t: number): number {
  let i = 0;
  while (i + 1 < times.length && times[i + 1] <= t) i++;
  return i;
}
