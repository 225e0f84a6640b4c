/**
 * The workspace: toolbar on top, palette left, canvas centre, inspector right, YAML and Problems
 * docked below. In presenter mode only the canvas stays, with a small bar to leave. Components
 * stay small; the store owns the state.
 */
import type { CSSProperties } from 'react';
import { useKeyboardShortcuts } from './commands';
import { heavyWork } from './api/workerClient';
import { DesignCanvas } from './canvas';
import { usePanels } from './files/panels';
import { useStepPanels } from './shell/stepPanels';
import { Dock } from './panels/Dock';
import { Inspector } from './panels/Inspector';
import { LESSON_TABS, LessonCard, installLessons } from './lessons';
import { NamespaceMoveDialog } from './panels/NamespaceMoveDialog';
import { Notices } from './panels/Notices';
import { ShortcutsDialog } from './panels/ShortcutsDialog';
import { Toolbar } from './panels/Toolbar';
import { Palette } from './palette';
import { Timeline } from './simulation/Timeline';
import { PresenterBar } from './shell/PresenterBar';
import { usePresenter } from './shell/presenter';
import { useUiZoom } from './shell/uiZoom';
import { provideDesignServices } from './store';
import './shell/shell.css';
import { useLiveDockTabs } from './simulation/liveTabs';

// Validation and the YAML preview run in the worker: the UI thread only draws while the user edits.
provideDesignServices({
  validateInBackground: (objects) => heavyWork().validate(objects),
  exportYaml: (objects) => heavyWork().exportYaml(objects),
});

installLessons();

export function App() {
  useKeyboardShortcuts();
  const liveTabs = useLiveDockTabs();
  const shown = usePanels();
  const presenting = usePresenter((s) => s.on);
  const zoom = useUiZoom((s) => s.zoom);
  // A lesson step shows the panels it points at (shell/stepPanels.ts), also over presenter mode.
  const step = useStepPanels((s) => s.shown);
  const panels = presenting ? { palette: !!step?.palette, inspector: !!step?.inspector, dock: !!step?.dock } : step ? { ...step, dock: true } : shown;
  // Panels are zoomed with CSS (shell.css); their columns grow with them, but leave the canvas room.
  const columns = `${panels.palette ? `min(${232 * zoom}px, 26vw) ` : ''}minmax(0, 1fr)${panels.inspector ? ` min(${312 * zoom}px, 34vw)` : ''}`;
  return (
    <div className={`app${presenting ? ' presenting' : ''}`} data-testid="workspace" style={{ '--ui-zoom': zoom } as CSSProperties}>
      {!presenting && <Toolbar />}
      <div className="workbench" style={{ gridTemplateColumns: columns }}>
        {panels.palette && <Palette />}
        <div className="centre">
          <main className="canvas-area" data-testid="canvas">
            <DesignCanvas />
            <LessonCard />
          </main>
          <Timeline />
          {panels.dock && <Dock extraTabs={[...liveTabs, ...LESSON_TABS]} />}
        </div>
        {panels.inspector && <Inspector />}
      </div>
      {presenting && <PresenterBar />}
      <Notices />
      <ShortcutsDialog />
      <NamespaceMoveDialog />
    </div>
  );
}
