/**
 * A pod's logs, as `kubectl logs` prints them at the timeline's cursor: the container (the first
 * one by default, as kubectl), the previous instance (`--previous`) and timestamps
 * (`--timestamps`). The text comes from the run's session in the worker (shared/simulation/observe).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSimulationStore } from '../simulation/store';
import { closePodLogs, usePodLogs, type LogsTarget } from './logsStore';
import { observe } from './query';
import { useOwnPointer } from '../canvas/useOwnPointer';
import './observe.css';

export function PodLogsPanel() {
  const pod = usePodLogs((s) => s.pod);
  return pod ? <Panel pod={pod} /> : null;
}

function Panel({ pod }: { pod: LogsTarget }) {
  const { t } = useTranslation();
  const runId = useSimulationStore((s) => s.runId);
  const status = useSimulationStore((s) => s.status);
  // At the newest frame, the present (the steady state after the run's end); else the cursor's time.
  const time = useSimulationStore((s) => (s.following ? undefined : s.view?.time));
  const frameCount = useSimulationStore((s) => s.frameCount);
  const [containers, setContainers] = useState<string[]>([]);
  const [container, setContainer] = useState('');
  const [previous, setPrevious] = useState(false);
  const [timestamps, setTimestamps] = useState(false);
  const [out, setOut] = useState<{ text: string; error: boolean } | null>(null);
  const ref = useOwnPointer<HTMLElement>();
  const pre = useRef<HTMLPreElement>(null);

  useEffect(() => {
    if (!runId || status !== 'ready') return;
    let live = true;
    void observe(runId, { query: 'targets' }).then((r) => {
      if (!live || !r.ok) return;
      const p = [...r.value.targets.pods].reverse().find((x) => x.namespace === pod.namespace && x.name === pod.name);
      setContainers(p?.containers ?? []);
    });
    return () => {
      live = false;
    };
  }, [runId, status, frameCount, pod]);

  useEffect(() => {
    if (!runId) return;
    if (status !== 'ready') {
      setOut({ text: t('observe.logs.afterRun'), error: false });
      return;
    }
    let live = true;
    void observe(runId, { query: 'logs', options: { pod: pod.name, namespace: pod.namespace, ...(container ? { container } : {}), previous, timestamps, ...(time !== undefined ? { time } : {}) } }).then((r) => {
      if (!live) return;
      if (!r.ok) setOut({ text: r.message, error: true });
      else {
        const o = r.value.output;
        setOut({ text: `${o.stderr && o.exitCode === 0 ? o.stderr : ''}${o.stdout}${o.exitCode !== 0 ? o.stderr : ''}` || t('observe.logs.empty'), error: o.exitCode !== 0 });
      }
    });
    return () => {
      live = false;
    };
  }, [runId, status, pod, container, previous, timestamps, time, frameCount, t]);

  // Follow the end of the log, as `kubectl logs` leaves you at its last line.
  useEffect(() => {
    if (pre.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [out]);

  const command = `kubectl logs ${pod.name} -n ${pod.namespace}${container ? ` -c ${container}` : ''}${previous ? ' --previous' : ''}${timestamps ? ' --timestamps' : ''}`;
  return (
    <section ref={ref} className="pod-logs" data-testid="pod-logs" aria-label={t('observe.logs.title', { pod: `${pod.namespace}/${pod.name}` })}>
      <header>
        <strong>{t('observe.logs.title', { pod: `${pod.namespace}/${pod.name}` })}</strong>
        <button type="button" className="sim-close" aria-label={t('simulation.close')} onClick={closePodLogs}>×</button>
      </header>
      <div className="pod-logs-bar">
        {containers.length > 1 && (
          <label>
            {t('observe.logs.container')}
            <select value={container} onChange={(e) => setContainer(e.target.value)} data-testid="logs-container">
              <option value="">{t('observe.logs.defaultContainer', { name: containers[0] })}</option>
              {containers.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
        )}
        <label><input type="checkbox" checked={previous} onChange={(e) => setPrevious(e.target.checked)} data-testid="logs-previous" /> {t('observe.logs.previous')}</label>
        <label><input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} /> {t('observe.logs.timestamps')}</label>
      </div>
      <code className="pod-logs-command">$ {command}</code>
      <pre ref={pre} className={out?.error ? 'error' : undefined} data-testid="pod-logs-text">{out ? out.text : t('observe.loading')}</pre>
    </section>
  );
}
