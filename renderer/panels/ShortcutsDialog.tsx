/** Help → Keyboard shortcuts (`?`): every command with a key in the current mode, and the canvas gestures. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMAND_REGISTRY, isAvailable, keyCaps } from '../commands';
import { closeShortcuts, useShortcutsDialog } from '../files/panels';
import { useKubeplanStore } from '../store';
import { Icon } from './icons';

export function ShortcutsDialog() {
  const { t } = useTranslation();
  const open = useShortcutsDialog((s) => s.open);
  const mode = useKubeplanStore((s) => s.mode);
  useEffect(() => {
    if (!open) return;
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && closeShortcuts();
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, [open]);
  if (!open) return null;
  const rows: Array<[string, string[]]> = COMMAND_REGISTRY.filter((c) => c.keys && isAvailable(c, { mode })).map((c) => [t(c.labelKey), keyCaps(c.keys![0]!)]);
  rows.push([t('help.pan'), keyCaps('Space+Drag')], [t('help.zoomWheel'), ['Wheel']]);
  return (
    <div className="dialog-backdrop" onMouseDown={closeShortcuts}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={t('help.shortcuts')} data-testid="shortcuts-dialog" onMouseDown={(e) => e.stopPropagation()}>
        <header className="dialog-header">
          <h2>{t('help.shortcuts')}</h2>
          <button type="button" className="icon-button" aria-label={t('files.close')} onClick={closeShortcuts}>
            <Icon name="close" size={14} />
          </button>
        </header>
        <dl className="shortcuts">
          {rows.map(([label, caps]) => (
            <div key={label} className="shortcut-row">
              <dt>{label}</dt>
              <dd>{caps.map((k) => <kbd key={k}>{k}</kbd>)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
