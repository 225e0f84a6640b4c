/** The bottom dock: tabs YAML, Problems and Traffic (the simulation adds its tabs here later). */
import { useEffect, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { selectProblems, useKubeplanStore } from '../store';
import { Icon } from './icons';
import { ProblemsTab } from './ProblemsTab';
import { YamlTab } from './YamlTab';
import { TrafficPanel } from '../traffic/TrafficPanel';
import { useStepPanels } from '../shell/stepPanels';
import { useTrafficStore } from '../traffic/store';
import { useConsoleStore } from '../console/store';

export interface DockTab {
  id: string;
  label: ReactNode;
  render: () => ReactNode;
}

const HEIGHT_KEY = 'kubeplan.dockHeight';
const MIN_HEIGHT = 120;

function storedHeight(): number {
  const h = Number(localStorage.getItem(HEIGHT_KEY));
  return Number.isFinite(h) && h >= MIN_HEIGHT ? h : 220;
}

/** Drag the dock's top edge to resize it; the height is kept for the next start. */
function useDockHeight(): [number, (e: ReactPointerEvent) => void] {
  const [height, setHeight] = useState(storedHeight);
  const startResize = (e: ReactPointerEvent) => {
    e.preventDefault();
    const startY = e.clientY;
    const startHeight = height;
    const max = Math.round(window.innerHeight * 0.7);
    let last = startHeight;
    const move = (ev: PointerEvent) => {
      last = Math.min(max, Math.max(MIN_HEIGHT, startHeight + startY - ev.clientY));
      setHeight(last);
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      localStorage.setItem(HEIGHT_KEY, String(last));
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return [height, startResize];
}

export function Dock({ extraTabs = [] }: { extraTabs?: DockTab[] }) {
  const { t } = useTranslation();
  const problems = useKubeplanStore(selectProblems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const [active, setActive] = useState('yaml');
  const [open, setOpen] = useState(true);
  const [height, startResize] = useDockHeight();
  // The connectivity command brings the Traffic tab forward.
  const revealTraffic = useTrafficStore((s) => s.reveal);
  useEffect(() => {
    if (revealTraffic === 0) return;
    setActive('traffic');
    setOpen(true);
  }, [revealTraffic]);
  // The console's focus command (Ctrl+`) brings the Console tab forward.
  const revealConsole = useConsoleStore((s) => s.reveal);
  useEffect(() => {
    if (revealConsole === 0) return;
    setActive('console');
    setOpen(true);
  }, [revealConsole]);
  // A lesson step brings its tab forward, or folds the dock to its tab bar (shell/stepPanels.ts).
  const stepRequest = useStepPanels((s) => s.request);
  useEffect(() => {
    if (stepRequest === 0) return;
    const tab = useStepPanels.getState().dock;
    if (tab) setActive(tab);
    setOpen(tab !== null);
  }, [stepRequest]);
  const tabs: DockTab[] = [
    { id: 'yaml', label: t('dock.yaml'), render: () => <YamlTab /> },
    {
      id: 'problems',
      label: (
        <>
          {t('dock.problems')}
          {problems.length > 0 && <span className={`badge ${errors > 0 ? 'error' : 'warning'}`} data-testid="problem-count">{problems.length}</span>}
        </>
      ),
      render: () => <ProblemsTab />,
    },
    { id: 'traffic', label: t('traffic.tab'), render: () => <TrafficPanel /> },
    ...extraTabs,
  ];
  const current = tabs.find((x) => x.id === active) ?? tabs[0]!;
  return (
    <section className={`dock${open ? '' : ' closed'}`} data-testid="dock" style={open ? { height } : undefined}>
      {open && <div className="dock-resize" role="separator" aria-orientation="horizontal" data-testid="dock-resize" onPointerDown={startResize} />}
      <div className="dock-tabs" role="tablist">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={open && tab.id === current.id}
            data-testid={`tab-${tab.id}`}
            onClick={() => {
              setActive(tab.id);
              setOpen(true);
            }}
          >
            {tab.label}
          </button>
        ))}
        <span className="spacer" />
        <button type="button" className="icon-button" title={open ? t('dock.collapse') : t('dock.expand')} aria-label={open ? t('dock.collapse') : t('dock.expand')} onClick={() => setOpen(!open)}>
          <span style={{ display: 'inline-flex', transform: open ? 'none' : 'rotate(180deg)' }}><Icon name="chevron" size={14} /></span>
        </button>
      </div>
      {open && <div className="dock-body">{current.render()}</div>}
    </section>
  );
}
