/**
 * The workspace: toolbar on top, palette left, canvas centre, inspector right, YAML and Problems
 * docked below. Components stay small; the store owns the state.
 */
import { useKeyboardShortcuts } from './actions';
import { DesignCanvas } from './canvas';
import { Dock } from './panels/Dock';
import { Inspector } from './panels/Inspector';
import { Notices } from './panels/Notices';
import { Toolbar } from './panels/Toolbar';
import { Palette } from './palette';

export function App() {
  useKeyboardShortcuts();
  return (
    <div className="app" data-testid="workspace">
      <Toolbar />
      <div className="workbench">
        <Palette />
        <div className="centre">
          <main className="canvas-area" data-testid="canvas">
            <DesignCanvas />
          </main>
          <Dock />
        </div>
        <Inspector />
      </div>
      <Notices />
    </div>
  );
}
