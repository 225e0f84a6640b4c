/** Which side panels are shown (View → Toggle Palette / Inspector / Dock; kept for the next start) and which dialog is open. */
import { create } from 'zustand';

export type PanelName = 'palette' | 'inspector' | 'dock';
type Visible = Record<PanelName, boolean>;

const KEY = 'kubeplan.panels';

function initial(): Visible {
  try {
    return { palette: true, inspector: true, dock: true, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Visible>) };
  } catch {
    return { palette: true, inspector: true, dock: true };
  }
}

export const usePanels = create<Visible>()(initial);

export function togglePanel(name: PanelName): void {
  usePanels.setState((s) => ({ [name]: !s[name] }));
  localStorage.setItem(KEY, JSON.stringify(usePanels.getState()));
}

/** Whether the keyboard shortcuts dialog (Help → Keyboard shortcuts, `?`) is open. */
export const useShortcutsDialog = create<{ open: boolean }>()(() => ({ open: false }));
export const openShortcuts = () => useShortcutsDialog.setState({ open: true });
export const closeShortcuts = () => useShortcutsDialog.setState({ open: false });
