/**
 * The workspace: toolbar on top, palette left, canvas centre, inspector right, YAML and Problems
 * docked below. Components stay small; the store owns the state.
 */
import { useKeyboardShortcuts } from './commands';
import { heavyWork } from './api/workerClient';
import { DesignCanvas } from './canvas';
import { usePanels } from './files/panels';
import { Dock } from './panels/Dock';
import { Inspector } from './panels/Inspector';
import { NamespaceMoveDialog } from './panels/NamespaceMoveDialog';
import { Notices } from './panels/Notices';
import { ShortcutsDialog } from './panels/ShortcutsDialog';
import { Toolbar } from './panels/Toolbar';
import { Palette } from './palette';
import { provideDesignServices } from './store';

// Validation and the YAML preview run in the worker: the UI thread only draws while the user edits.
provideDesignServices({
  validateInBackground: (objects) => heavyWork().validate(objects),
  exportYaml: (objects) => heavyWork().exportYaml(objects),
});

export function App() {
  useKeyboardShortcuts();
  const panels = usePanels();
  const columns = `${panels.palette ? '232px ' : ''}minmax(0, 1fr)${panels.inspector ? ' 312px' : ''}`;
  return (
    <div className="app" data-testid="workspace">
      <Toolbar />
      <div className="workbench" style={{ gridTemplateColumns: columns }}>
        {panels.palette && <Palette />}
        <div className="centre">
          <main className="canvas-area" data-testid="canvas">
            <DesignCanvas />
          </main>
          {panels.dock && <Dock />}
        </div>
        {panels.inspector && <Inspector />}
      </div>
      <Notices />
      <ShortcutsDialog />
      <NamespaceMoveDialog />
    </div>
  );
}
