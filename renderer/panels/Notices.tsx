/** Toasts and banners from file actions (errors with file and line, saves, the backup offer). */
import { useTranslation } from 'react-i18next';
import { dismiss, useNotices } from '../files/notices';
import { Icon } from './icons';

export function Notices() {
  const { t } = useTranslation();
  const notices = useNotices((s) => s.notices);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'} data-testid={`notice-${n.tone}`}>
          <Icon name={n.tone === 'error' ? 'error' : n.tone === 'success' ? 'check' : 'warning'} size={14} />
          <span className="notice-text">{n.text}</span>
          {n.action && (
            <button type="button" className="button primary small" data-testid="notice-action" onClick={n.action.run}>
              {n.action.label}
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={t('files.close')}
            onClick={() => {
              dismiss(n.id);
              n.onDismiss?.();
            }}
          >
            <Icon name="close" size={12} />
          </button>
        </div>
      ))}
    </div>
  );
}
