/**
 * The timeline under the canvas in simulate mode: jump to start, step one event back, play/pause,
 * step forward, jump to end, the speed (×0.25…×8), and a scrubber over simulated time with a
 * marker per event (red for warnings, grey for the apply and each scenario step). The keys
 * (Home/End/←/→, K) are commands (sim:*), so they act only in simulate mode. Also shows the run's
 * progress while frames stream in, and its error when it fails.
 */
import { useCallback, useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandId } from '../../shared/ipc/commands';
import { useCommand } from '../commands';
import { useKubeplanStore } from '../store';
import { TONE_COLORS } from './overlay/draw';
import { endTime, seekTime, setSpeed, SPEEDS, usePlayback, type Speed } from './playback';
import { sessionFrames, useSimulationStore } from './store';
import './overlay/simulation.css';

/** `75` → `1:15`. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Transport icons, drawn (not font glyphs: ⏮ and ⏭ are missing from many system fonts). */
const GLYPHS = {
  start: 'M3 2.5v11M13 2.5v11L5 8z',
  back: 'M11.5 3v10L4 8z',
  forward: 'M4.5 3v10L12 8z',
  end: 'M13 2.5v11M3 2.5v11L11 8z',
  play: 'M4.5 2.5v11L13 8z',
  pause: 'M4.5 3h2.5v10H4.5zM9 3h2.5v10H9z',
} as const;

function Glyph({ name }: { name: keyof typeof GLYPHS }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path d={GLYPHS[name]} fill="currentColor" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
    </svg>
  );
}

function TimelineButton({ command, glyph, testId }: { command: CommandId; glyph: keyof typeof GLYPHS; testId: string }) {
  const c = useCommand(command);
  return (
    <button type="button" className="sim-tl-button" title={c.label} aria-label={c.label} aria-keyshortcuts={c.keyShortcut} disabled={!c.enabled} data-testid={testId} onClick={c.run}>
      <Glyph name={glyph} />
    </button>
  );
}

export function Timeline() {
  const simulating = useKubeplanStore((s) => s.mode === 'simulate');
  return simulating ? <TimelineBar /> : null;
}

function TimelineBar() {
  const { t } = useTranslation();
  const status = useSimulationStore((s) => s.status);
  const error = useSimulationStore((s) => s.error);
  const frameCount = useSimulationStore((s) => s.frameCount);
  const cursor = useSimulationStore((s) => s.cursor);
  const playing = usePlayback((s) => s.playing);
  const speed = usePlayback((s) => s.speed);
  const frames = sessionFrames();
  // A run that reached one of the simulator's limits ends with a 'stopped' frame saying which.
  const lastCause = frameCount > 0 ? frames[frameCount - 1]?.cause : undefined;
  const stopped = lastCause?.type === 'stopped' ? lastCause.message : undefined;
  // At the end of a run, pods still crash-looping: the run ended because their restarts only repeat (docs/simulator.md, "Crash loops").
  const view = useSimulationStore((s) => s.view);
  const looping = status === 'ready' && !stopped && cursor === frameCount - 1 ? (view?.pods.filter((p) => p.reason === 'CrashLoopBackOff') ?? []) : [];
  const time = frames[cursor]?.time ?? 0;
  const end = Math.max(endTime(), 1);
  const track = useRef<HTMLDivElement>(null);
  const markers = useRef<HTMLCanvasElement>(null);

  // Event markers, redrawn as frames arrive (one canvas, however many events).
  useEffect(() => {
    const canvas = markers.current;
    const el = track.current;
    if (!canvas || !el) return;
    const width = Math.max(1, el.clientWidth);
    const height = 10;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.scale(dpr, dpr);
    ctx.clearRect(0, 0, width, height);
    const all = sessionFrames();
    const last = Math.max(all.at(-1)?.time ?? 0, 1);
    for (const f of all) {
      const warning = f.events.some((e) => e.type === 'Warning');
      const marked = warning || f.cause.type === 'apply' || f.cause.type === 'step' || f.cause.type === 'stopped';
      if (!marked) continue;
      ctx.fillStyle = warning ? '#d93025' : '#7b8798';
      ctx.fillRect(Math.round((f.time / last) * (width - 2)), warning ? 0 : 3, 2, warning ? height : height - 3);
    }
  }, [frameCount]);

  const scrub = useCallback((e: ReactPointerEvent<HTMLDivElement>) => {
    const el = track.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    // The last few pixels are the end itself (a frame at the very end time).
    const ratio = e.clientX >= r.right - 3 ? 1 : Math.min(1, Math.max(0, (e.clientX - r.left) / Math.max(1, r.width)));
    seekTime(ratio * endTime());
  }, []);

  const progress = status === 'running' ? t('simulation.running', { count: frameCount }) : t('simulation.ready', { count: frameCount });
  const legend: Array<[string, string]> = [['Running', TONE_COLORS.Running], ['Pending', TONE_COLORS.Pending], ['Failed', TONE_COLORS.Failed], ['Succeeded', TONE_COLORS.Succeeded], ['Terminating', TONE_COLORS.Terminating]];

  return (
    <div className="sim-timeline" data-testid="timeline" role="group" aria-label={t('simulation.timeline')} data-status={status}>
      <div className="sim-tl-controls">
        <TimelineButton command="sim:toStart" glyph="start" testId="timeline-start" />
        <TimelineButton command="sim:stepBack" glyph="back" testId="timeline-back" />
        <PlayButton playing={playing} />
        <TimelineButton command="sim:stepForward" glyph="forward" testId="timeline-forward" />
        <TimelineButton command="sim:toEnd" glyph="end" testId="timeline-end" />
        <select className="sim-tl-speed" aria-label={t('simulation.speed')} title={t('simulation.speed')} data-testid="timeline-speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value) as Speed)}>
          {SPEEDS.map((s) => <option key={s} value={s}>×{s}</option>)}
        </select>
      </div>
      <div
        ref={track}
        className="sim-tl-track"
        role="slider"
        tabIndex={0}
        aria-label={t('simulation.scrubber')}
        aria-valuemin={0}
        aria-valuemax={Math.round(end)}
        aria-valuenow={Math.round(time)}
        aria-valuetext={formatClock(time)}
        data-testid="timeline-scrubber"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          scrub(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons & 1) scrub(e);
        }}
      >
        <canvas ref={markers} className="sim-tl-markers" />
        <div className="sim-tl-fill" style={{ width: `${(time / end) * 100}%` }} />
        <div className="sim-tl-head" style={{ left: `${(time / end) * 100}%` }} />
      </div>
      <span className="sim-tl-time" data-testid="timeline-time">{formatClock(time)} / {formatClock(endTime())}</span>
      <div className="sim-tl-legend" aria-hidden>
        {legend.map(([name, color]) => <span key={name}><i style={{ background: color }} />{name}</span>)}
        <span><i className="ghost" />{t('simulation.rejected')}</span>
      </div>
      <span className="sim-tl-progress" data-testid="timeline-progress">{status === 'running' && <span className="sim-spinner" aria-hidden />}{progress}</span>
      {looping.length > 0 && (
        <div className="sim-tl-note" data-testid="simulation-crash-loops">{t('simulation.crashLoops', { count: looping.length, pod: `${looping[0].namespace}/${looping[0].name}` })}</div>
      )}
      {(status === 'error' || stopped) && (
        <div className="sim-tl-error" role="alert" data-testid="simulation-error">
          {status === 'error' ? t('simulation.failed', { message: error ?? '' }) : t('simulation.stoppedAtLimit', { message: stopped })}
        </div>
      )}
    </div>
  );
}

function PlayButton({ playing }: { playing: boolean }) {
  const { t } = useTranslation();
  const c = useCommand('sim:playPause');
  return (
    <button type="button" className="sim-tl-button sim-tl-play" title={c.label} aria-label={playing ? t('simulation.pause') : t('simulation.play')} aria-keyshortcuts={c.keyShortcut} disabled={!c.enabled} data-testid="timeline-play" onClick={c.run}>
      <Glyph name={playing ? 'pause' : 'play'} />
    </button>
  );
}
