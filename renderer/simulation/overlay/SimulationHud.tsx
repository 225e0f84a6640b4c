/**
 * The overlay's HTML half, over the canvas in simulate mode: the Pending lane (pods the scheduler
 * could not place, with the FailedScheduling message), a tooltip for the chip under the pointer
 * (a pod's phase, node, IP and reason; a ghost's admission message, verbatim), a click pins it,
 * and a click on an unschedulable pod opens the scheduler's per-node table ("why not this node").
 */
import { useEffect, useMemo, useState, type RefObject } from 'react';
import { UpstreamNote } from '../../i18n/UpstreamNote';
import { useTranslation } from 'react-i18next';
import { screenToWorld } from '../../canvas/view';
import { useKubeplanStore } from '../../store';
import { runDesign, useSimulationStore } from '../store';
import type { PodRecord } from '../../../shared/simulation/session';
import { explainPod, explainPodAt, type WhyNot } from '../whyNot';
import { crashContainer, liveActionsOf, liveRunId } from '../actions';
import { commandExecuted } from '../../commands/executed';
import { chipAt, type Chip } from './model';
import { overlayModel } from './SimulationLayer';
import { useOwnPointer } from '../../canvas/useOwnPointer';
import './simulation.css';
import { PodLogsPanel } from '../../observe/PodLogs';
import { closePodLogs, openPodLogs } from '../../observe/logsStore';

interface Tip {
  chip: Chip;
  x: number;
  y: number;
  /** The canvas's width and height, to keep the tip on it. */
  width: number;
  height: number;
  pinned: boolean;
}


export function SimulationHud({ container }: { container: RefObject<HTMLDivElement | null> }) {
  const simulating = useKubeplanStore((s) => s.mode === 'simulate');
  return simulating ? <Hud container={container} /> : null;
}

function Hud({ container }: { container: RefObject<HTMLDivElement | null> }) {
  const [tip, setTip] = useState<Tip | undefined>(undefined);
  const [why, setWhy] = useState<{ pod: PodRecord; result?: WhyNot | null } | undefined>(undefined);
  const view = useSimulationStore((s) => s.view);
  const unschedulable = useMemo(() => (view ? view.pods.filter((p) => p.node === '' && p.reason === 'Unschedulable') : []), [view]);

  const openWhy = (pod: PodRecord) => {
    setWhy({ pod });
    // Let the panel paint "computing" first: the replay runs the whole design once.
    setTimeout(() => {
      let result: WhyNot | null;
      try {
        const sim = useSimulationStore.getState();
        const design = sim.runId ? runDesign(sim.runId) : undefined;
        result = (design && sim.runId
          ? explainPodAt(design, liveActionsOf(sim.runId, sim.cursor), pod.namespace, pod.name, sim.view?.time ?? Infinity)
          : explainPod(useKubeplanStore.getState().design, pod.namespace, pod.name)) ?? null;
      } catch {
        result = null;
      }
      setWhy((w) => (w?.pod === pod ? { pod, result } : w));
    }, 30);
  };

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let down: { x: number; y: number } | undefined;
    const local = (e: PointerEvent) => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top, width: r.width, height: r.height };
    };
    const hit = (p: { x: number; y: number }) => {
      const w = screenToWorld(p);
      return chipAt(overlayModel(), w.x, w.y);
    };
    const onMove = (e: PointerEvent) => {
      if (e.buttons) return;
      const p = local(e);
      const chip = hit(p);
      setTip((old) => (old?.pinned ? old : chip ? { chip, ...p, pinned: false } : undefined));
    };
    const onDown = (e: PointerEvent) => {
      down = local(e);
    };
    const onUp = (e: PointerEvent) => {
      const p = local(e);
      if (!down || Math.hypot(p.x - down.x, p.y - down.y) > 4) return;
      down = undefined;
      const chip = hit(p);
      if (!chip) return setTip(undefined);
      setTip({ chip, ...p, pinned: true });
      if (chip.type === 'pod' && chip.pod.node === '' && chip.pod.reason === 'Unschedulable') openWhy(chip.pod);
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointerup', onUp);
    return () => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointerup', onUp);
    };
  }, [container]);

  // The tip points at a chip on screen: when the view pans or zooms, it no longer does.
  useEffect(() => useKubeplanStore.subscribe((st, prev) => {
    if (st.viewport !== prev.viewport) setTip(undefined);
  }), []);
  // Leaving simulate mode closes a pod's logs.
  useEffect(() => closePodLogs, []);
  // A pinned tip for a pod that moved on (seek) shows stale data: drop it when the view changes.
  useEffect(() => setTip((old) => (old?.pinned ? undefined : old)), [view]);

  return (
    <>
      {unschedulable.length > 0 && <PendingLane pods={unschedulable} onOpen={openWhy} />}
      {tip && <ChipTip tip={tip} onClose={() => setTip(undefined)} />}
      {why && <WhyNotPanel pod={why.pod} result={why.result} onClose={() => setWhy(undefined)} />}
      <PodLogsPanel />
    </>
  );
}

function PendingLane({ pods, onOpen }: { pods: PodRecord[]; onOpen: (pod: PodRecord) => void }) {
  const { t } = useTranslation();
  const lane = useOwnPointer<HTMLDivElement>();
  // Pods of one workload usually wait for the same reason: say each distinct FailedScheduling message once.
  const reasons = [...new Set(pods.map((p) => p.message ?? p.reason ?? ''))].filter((m) => m !== '');
  const shown = 8;
  return (
    <div ref={lane} className="sim-pending-lane" data-testid="pending-lane" title={t('simulation.pendingHint')}>
      <div className="sim-pending-row">
        <span className="sim-pending-title">{t('simulation.pending', { count: pods.length })}</span>
        {pods.slice(0, shown).map((p) => (
          <button type="button" key={`${p.namespace}/${p.name}`} className="sim-pending-pod" data-testid="pending-pod" onClick={() => onOpen(p)} title={p.message ?? p.reason}>
            <span className="sim-dot" style={{ background: '#e0a021' }} />
            <span className="sim-pending-name">{p.namespace}/{p.name}</span>
          </button>
        ))}
        {pods.length > shown && <span className="sim-pending-more">+{pods.length - shown}</span>}
      </div>
      {reasons.slice(0, 2).map((m) => <div key={m} className="sim-pending-reason" title={m}>{m}<UpstreamNote message={m} /></div>)}
    </div>
  );
}

function ChipTip({ tip, onClose }: { tip: Tip; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useOwnPointer<HTMLDivElement>();
  const c = tip.chip;
  // Beside the pointer, on whichever side has room.
  // Above the pointer in the lower part of the canvas, so the timeline under it never hides the tip.
  const flip = tip.x + 14 + 380 > tip.width;
  const above = tip.y > tip.height * 0.55;
  const style = {
    ...(flip ? { right: Math.max(4, tip.width - tip.x + 14) } : { left: tip.x + 14 }),
    ...(above ? { bottom: Math.max(4, tip.height - tip.y + 10) } : { top: tip.y + 14 }),
    pointerEvents: tip.pinned ? ('auto' as const) : ('none' as const),
  };
  return (
    <div ref={ref} className="sim-tip" role="tooltip" data-testid={c.type === 'ghost' ? 'ghost-reason' : 'pod-tip'} style={style}>
      {tip.pinned && <button type="button" className="sim-close" aria-label={t('simulation.close')} onClick={onClose}>×</button>}
      {c.type === 'pod' && (
        <>
          <strong>{t('simulation.pod', { name: `${c.pod.namespace}/${c.pod.name}` })}</strong>
          <dl>
            <dt>{t('simulation.phase')}</dt><dd>{c.pod.status}</dd>
            <dt>{t('simulation.onNode')}</dt><dd>{c.pod.node || t('simulation.unscheduled')}</dd>
            {c.pod.ip && <><dt>{t('simulation.ip')}</dt><dd>{c.pod.ip}</dd></>}
            {c.pod.reason && <><dt>{t('simulation.reason')}</dt><dd>{c.pod.reason}{c.pod.message ? `: ${c.pod.message}` : ''}</dd></>}
          </dl>
          {tip.pinned && <button type="button" className="sim-logs" data-testid="pod-logs-open" onClick={() => openPodLogs(c.pod)}>{t('observe.logs.open')}</button>}
          {tip.pinned && c.pod.phase === 'Running' && !c.pod.reason && liveRunId() !== null && <button type="button" className="sim-logs" data-testid="pod-crash" title={t('live.crashHint')} onClick={() => crashFromChip(c.pod, onClose)}>{t('live.crashContainer')}</button>}
        </>
      )}
      {c.type === 'ghost' && (
        <>
          <strong className="sim-rejected">{t('simulation.rejected')}</strong>
          <div className="sim-message">{c.message}</div>
        </>
      )}
      {c.type === 'more' && <span>{t('simulation.more', { count: c.count })}</span>}
    </div>
  );
}

/**
 * The chip's Crash container: the command simulate:crashContainer for this pod. Run here rather
 * than through `execute` (the command registry imports the canvas, which imports this overlay);
 * lessons hear it all the same.
 */
function crashFromChip(pod: PodRecord, close: () => void): void {
  close();
  void crashContainer(pod.name, pod.namespace);
  commandExecuted('simulate:crashContainer', { name: pod.name, namespace: pod.namespace });
}

function WhyNotPanel({ pod, result, onClose }: { pod: PodRecord; result: WhyNot | null | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useOwnPointer<HTMLElement>();
  return (
    <section ref={ref} className="sim-why" data-testid="why-not" aria-label={t('simulation.whyNot', { pod: `${pod.namespace}/${pod.name}` })}>
      <header>
        <strong>{t('simulation.whyNot', { pod: `${pod.namespace}/${pod.name}` })}</strong>
        <button type="button" className="sim-close" aria-label={t('simulation.close')} onClick={onClose}>×</button>
      </header>
      {pod.message && <p className="sim-message">{pod.message}</p>}
      {result === undefined && <p className="sim-muted">{t('simulation.computing')}</p>}
      {result === null && <p className="sim-muted">{t('simulation.noRecord')}</p>}
      {result && (
        <>
          {result.preFilter && <p className="sim-message">PreFilter {result.preFilter.plugin}: {result.preFilter.reason}</p>}
          {result.rows.length > 0 && (
            <table>
              <thead>
                <tr><th>{t('simulation.node')}</th><th>{t('simulation.verdict')}</th><th>{t('simulation.reasons')}</th></tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.node} className={r.feasible ? 'fits' : 'fails'}>
                    <td>{r.node}</td>
                    <td>{r.chosen ? t('simulation.chosen') : r.feasible ? t('simulation.fits') : r.failed?.plugin ?? '—'}</td>
                    <td>{r.failed?.reasons.join(', ') ?? ''}{r.failed && <UpstreamNote message={r.failed.reasons.join(', ')} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {result.notEvaluated > 0 && <p className="sim-muted">{t('simulation.notEvaluated', { count: result.notEvaluated })}</p>}
        </>
      )}
    </section>
  );
}
