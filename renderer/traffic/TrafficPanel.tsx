/**
 * The Traffic tab (`data-testid="traffic"`): the design's flows with their verdicts (delivered, or
 * dropped at which hop and why), a form to add and edit them (commands, one undo step each), the
 * connectivity matrix, and the explanation of a route or a cell (docs/traffic.md).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Design, DesignFlow } from '../../shared/design/types';
import type { TrafficReport } from '../../shared/ipc/traffic';
import { execute } from '../commands';
import { useKubeplanStore } from '../store';
import { flowProblem, type FlowDraft } from './flowActions';
import { explain, focusFlow, useTrafficStore, wantTraffic } from './store';
import './liveFlows';
import './traffic.css';

type Trace = TrafficReport['flows'][number];

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod']);

/** Suggestions for the from/to fields, from the design's objects. */
function suggestions(design: Design): { from: string[]; to: string[] } {
  const from = ['external'];
  const to: string[] = [];
  for (const { object: o } of design.resources) {
    const ns = o.metadata.namespace ?? 'default';
    const spec = (o as { spec?: Record<string, unknown> }).spec ?? {};
    if (WORKLOAD_KINDS.has(o.kind)) from.push(`${ns}/${o.metadata.name}`);
    if (o.kind === 'Service') {
      for (const p of (spec.ports as { port?: number; nodePort?: number }[] | undefined) ?? []) {
        if (p.port) to.push(`${ns}/${o.metadata.name}:${p.port}`);
        if (p.nodePort) to.push(`node:${p.nodePort}`);
      }
    }
    if (o.kind === 'Ingress') {
      for (const rule of (spec.rules as { host?: string; http?: { paths?: { path?: string }[] } }[] | undefined) ?? []) {
        for (const p of rule.http?.paths ?? []) to.push(`http://${rule.host ?? 'localhost'}${p.path ?? '/'}`);
      }
    }
  }
  return { from, to: [...new Set(to)] };
}

const rate = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en-US');

function FlowForm({ initial, editing, onDone }: { initial: FlowDraft; editing?: string; onDone: () => void }) {
  const { t } = useTranslation();
  const design = useKubeplanStore((s) => s.design);
  const [draft, setDraft] = useState(initial);
  const [rateText, setRateText] = useState(String(initial.rate));
  const hints = useMemo(() => suggestions(design), [design]);
  const value: FlowDraft = { ...draft, rate: Number(rateText) };
  const problem = flowProblem(value, design, editing);
  const save = () => {
    if (problem) return;
    const done = editing ? execute('traffic:editFlow', undefined, { id: editing, flow: value }) : execute('traffic:addFlow', undefined, value);
    if (done) onDone();
  };
  const set = (k: keyof FlowDraft) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setDraft({ ...draft, [k]: e.target.value });
  return (
    <form
      className="traffic-form"
      data-testid="traffic-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label>{t('traffic.name')}<input data-testid="flow-name" value={draft.name} onChange={set('name')} autoFocus /></label>
      <label>{t('traffic.from')}<input data-testid="flow-from" value={draft.from} onChange={set('from')} list="traffic-from" placeholder={t('traffic.fromHint')} /></label>
      <label className="wide">{t('traffic.to')}<input data-testid="flow-to" value={draft.to} onChange={set('to')} list="traffic-to" placeholder={t('traffic.toHint')} /></label>
      <label className="narrow">{t('traffic.rate')}<input data-testid="flow-rate" type="number" min="0.1" step="any" value={rateText} onChange={(e) => setRateText(e.target.value)} /></label>
      <label className="narrow">{t('traffic.protocol')}
        <select data-testid="flow-protocol" value={draft.protocol ?? 'TCP'} onChange={set('protocol')}>
          <option>TCP</option><option>UDP</option><option>SCTP</option>
        </select>
      </label>
      <datalist id="traffic-from">{hints.from.map((h) => <option key={h} value={h} />)}</datalist>
      <datalist id="traffic-to">{hints.to.map((h) => <option key={h} value={h} />)}</datalist>
      <div className="traffic-form-actions">
        {problem && <span className="traffic-problem" role="alert">{t(`traffic.problem.${problem}`)}</span>}
        <button type="button" className="button small" onClick={onDone}>{t('traffic.cancel')}</button>
        <button type="submit" className="button small primary" data-testid="flow-save" disabled={problem !== undefined}>{t('traffic.save')}</button>
      </div>
    </form>
  );
}

function Verdict({ trace }: { trace: Trace | undefined }) {
  const { t } = useTranslation();
  if (!trace) return <span className="muted">…</span>;
  if (trace.error) return <span className="traffic-dropped">{trace.error}</span>;
  const dropped = trace.routes.filter((r) => r.verdict !== 'delivered');
  // Distinct reasons, with the hop; pods of one workload dropped by one policy read as one line.
  const reasons = new Map<string, { hop?: string; verdict: string; reason: string; rate: number }>();
  for (const r of dropped) {
    const key = `${r.verdict}\0${r.hop ?? ''}\0${r.reason.replace(/[a-z0-9-]+-[a-z0-9]{5}\b|[a-z0-9-]+-\d+\b/g, '')}`;
    const prev = reasons.get(key);
    if (prev) prev.rate += r.rate;
    else reasons.set(key, { hop: r.hop, verdict: r.verdict, reason: r.reason, rate: r.rate });
  }
  return (
    <div className="traffic-verdict">
      {trace.delivered > 0.05 && <span className="traffic-delivered" data-testid="flow-delivered">{t('traffic.delivered', { rate: rate(trace.delivered) })}</span>}
      {[...reasons.values()].map((r) => (
        <div key={`${r.verdict}${r.reason}`} className="traffic-dropped" data-testid="flow-dropped">
          <strong>{t('traffic.dropped', { rate: rate(r.rate) })}</strong>
          {r.hop && <> · {t('traffic.droppedAt', { hop: t(`traffic.hop.${r.hop}`) })}</>} · {t(`traffic.verdict.${r.verdict}`)}
          <div className="traffic-reason">{r.reason}</div>
        </div>
      ))}
    </div>
  );
}

function FlowRow({ flow, trace }: { flow: DesignFlow; trace: Trace | undefined }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const focus = useTrafficStore((s) => s.focus);
  if (editing) return <li><FlowForm initial={flow} editing={flow.id} onDone={() => setEditing(false)} /></li>;
  const firstDropped = trace?.routes.find((r) => r.verdict !== 'delivered') ?? trace?.routes[0];
  return (
    <li className={`traffic-flow${focus === flow.id ? ' focus' : ''}`} data-testid={`flow-${flow.name}`} onMouseEnter={() => focusFlow(flow.id)} onMouseLeave={() => focusFlow(null)}>
      <div className="traffic-flow-head">
        <strong>{flow.name}</strong>
        <span className="muted">{t('traffic.perSecond', { rate: rate(flow.rate) })}{flow.protocol && flow.protocol !== 'TCP' ? ` ${flow.protocol}` : ''}</span>
        <code>{flow.from} → {flow.to}</code>
        <span className="spacer" />
        <span className="traffic-actions">
          {firstDropped && <button type="button" className="link-button" data-testid="flow-explain" onClick={() => explain({ title: flow.name, text: firstDropped.explain })}>{t('traffic.explain')}</button>}
          <button type="button" className="link-button" data-testid="flow-edit" onClick={() => setEditing(true)}>{t('traffic.editButton')}</button>
          <button type="button" className="link-button danger" data-testid="flow-remove" onClick={() => execute('traffic:removeFlow', undefined, flow.id)}>{t('traffic.removeButton')}</button>
        </span>
      </div>
      <Verdict trace={trace} />
    </li>
  );
}

function Matrix({ report }: { report: TrafficReport }) {
  const { t } = useTranslation();
  const { peers, cells } = report.matrix;
  const byPair = useMemo(() => new Map(cells.map((c) => [`${c.src}\0${c.dst}`, c])), [cells]);
  return (
    <div className="traffic-matrix-wrap">
      <p className="muted">{t('traffic.matrixHint')}</p>
      <table className="traffic-matrix" data-testid="connectivity-matrix">
        <thead>
          <tr>
            <th className="corner">{t('traffic.source')}</th>
            {peers.map((p) => <th key={p} title={p}><span>{p}</span></th>)}
          </tr>
        </thead>
        <tbody>
          {peers.map((src) => (
            <tr key={src}>
              <th title={src}>{src}</th>
              {peers.map((dst) => {
                if (src === dst) return <td key={dst} className="self">—</td>;
                const c = byPair.get(`${src}\0${dst}`);
                return (
                  <td key={dst} className={c?.conn ? 'allowed' : 'denied'} data-testid="matrix-cell" title={`${src} → ${dst}`}>
                    <button type="button" onClick={() => c && explain({ title: `${src} → ${dst}`, text: c.explain })}>{c?.conn || t('traffic.nothingAllowed')}</button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {report.matrix.truncated ? <p className="muted">{t('traffic.matrixTruncated', { count: report.matrix.truncated })}</p> : null}
    </div>
  );
}

export function TrafficPanel() {
  const { t } = useTranslation();
  const flows = useKubeplanStore((s) => s.design.flows);
  const simulating = useKubeplanStore((s) => s.mode === 'simulate');
  const { status, report, error, explained, view } = useTrafficStore();
  const [adding, setAdding] = useState(false);
  useEffect(() => wantTraffic(), []);
  const traces = useMemo(() => new Map((report?.flows ?? []).map((f) => [f.id, f])), [report]);
  return (
    <div className="traffic" data-testid="traffic">
      <div className="traffic-bar">
        <div className="segmented small" role="tablist">
          <button type="button" role="tab" aria-selected={view === 'flows'} data-testid="traffic-view-flows" onClick={() => useTrafficStore.setState({ view: 'flows' })}>{t('traffic.flows')}</button>
          <button type="button" role="tab" aria-selected={view === 'matrix'} data-testid="traffic-view-matrix" onClick={() => useTrafficStore.setState({ view: 'matrix' })}>{t('traffic.matrix')}</button>
        </div>
        {view === 'flows' && <button type="button" className="button small" data-testid="add-flow" onClick={() => setAdding(true)} disabled={adding}>+ {t('traffic.add')}</button>}
        <span className="spacer" />
        {status === 'tracing' && <span className="muted" data-testid="traffic-tracing">{t('traffic.tracing')}</span>}
        {status === 'error' && <span className="traffic-dropped" role="alert">{t('traffic.failed', { message: error })}</span>}
        {!simulating && (flows?.length ?? 0) > 0 && <span className="muted">{t('traffic.simulateHint')}</span>}
      </div>
      <div className="traffic-body">
        <div className="traffic-main">
          {view === 'flows' ? (
            <>
              {adding && <FlowForm initial={{ name: `flow-${(flows?.length ?? 0) + 1}`, from: 'external', to: '', rate: 10 }} onDone={() => setAdding(false)} />}
              {(flows?.length ?? 0) === 0 && !adding && <p className="muted traffic-none">{t('traffic.none')}</p>}
              <ul className="traffic-flows">
                {(flows ?? []).map((f) => <FlowRow key={f.id} flow={f} trace={report ? traces.get(f.id) : undefined} />)}
              </ul>
              {report && report.waiting.length > 0 && <p className="muted">{t('traffic.waiting', { list: report.waiting.join(', ') })}</p>}
            </>
          ) : report ? (
            <Matrix report={report} />
          ) : null}
        </div>
        {explained && (
          <aside className="traffic-explain" data-testid="traffic-explain">
            <div className="traffic-explain-head">
              <strong>{explained.title}</strong>
              <span className="spacer" />
              <button type="button" className="link-button" onClick={() => explain(null)}>{t('traffic.closeExplain')}</button>
            </div>
            <pre>{explained.text}</pre>
          </aside>
        )}
      </div>
    </div>
  );
}
