/** Help → Keyboard shortcuts: every registered action with its keys, plus the file commands. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { ACTIONS } from '../actions';
import { Icon } from './icons';

export const useShortcutsDialog = create<{ open: boolean }>()(() => ({ open: false }));
export const openShortcuts = () => useShortcutsDialog.setState({ open: true });
const close = () => useShortcutsDialog.setState({ open: false });

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function keys(shortcut: string): string[] {
  const glyph: Record<string, string> = { Mod: isMac ? '⌘' : 'Ctrl', ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };
  return shortcut.split('+').map((k) => glyph[k] ?? k);
}

const FILE_SHORTCUTS: Array<[string, string]> = [
  ['toolbar.open', 'Mod+O'],
  ['toolbar.save', 'Mod+S'],
  ['toolbar.saveAs', 'Mod+Shift+S'],
  ['toolbar.import', 'Mod+I'],
  ['toolbar.export', 'Mod+E'],
];

export function ShortcutsDialog() {
  const { t } = useTranslation();
  const open = useShortcutsDialog((s) => s.open);
  useEffect(() => {
    if (!open) return;
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, [open]);
  if (!open) return null;
  const seen = new Set<string>();
  const rows: Array<[string, string]> = [...FILE_SHORTCUTS.map(([k, s]) => [t(k), s] as [string, string])];
  for (const a of ACTIONS) {
    if (!a.shortcut || seen.has(a.name)) continue;
    seen.add(a.name);
    rows.push([t(a.labelKey), a.shortcut]);
  }
  rows.push([t('help.pan'), 'Space+Drag'], [t('help.zoomWheel'), 'Wheel']);
  return (
    <div className="dialog-backdrop" onMouseDown={close}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={t('help.shortcuts')} data-testid="shortcuts-dialog" onMouseDown={(e) => e.stopPropagation()}>
        <header className="dialog-header">
          <h2>{t('help.shortcuts')}</h2>
          <button type="button" className="icon-button" aria-label={t('files.close')} onClick={close}>
            <Icon name="close" size={14} />
          </button>
        </header>
        <dl className="shortcuts">
          {rows.map(([label, shortcut]) => (
            <div key={label} className="shortcut-row">
              <dt>{label}</dt>
              <dd>{keys(shortcut).map((k) => <kbd key={k}>{k}</kbd>)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
