/** Asks before a drag changes namespaces: where the cards go and which references would break. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelNamespaceMove, confirmNamespaceMove, useNamespaceMove } from '../store';
import { Icon } from './icons';

/** Each list shows this many lines and counts the rest: a drag of hundreds of cards stays readable. */
const LISTED = 12;

export function NamespaceMoveDialog() {
  const { t } = useTranslation();
  const pending = useNamespaceMove((s) => s.pending);
  useEffect(() => {
    if (!pending) return;
    const keys = (e: KeyboardEvent) => {
      if (e.key === 'Escape') cancelNamespaceMove();
      else if (e.key === 'Enter') confirmNamespaceMove();
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    // Capture phase: the dialog's keys win over the window's shortcuts while it is open.
    window.addEventListener('keydown', keys, true);
    return () => window.removeEventListener('keydown', keys, true);
  }, [pending]);
  if (!pending) return null;
  const { moved, breaks } = pending.question;
  const targets = [...new Set(moved.map((m) => m.to))];
  const title = targets.length === 1 ? t('move.title', { namespace: targets[0] }) : t('move.titleMany', { count: targets.length });
  return (
    <div className="dialog-backdrop" onMouseDown={cancelNamespaceMove}>
      <div className="dialog move-dialog" role="alertdialog" aria-modal="true" aria-label={title} data-testid="namespace-move-dialog" onMouseDown={(e) => e.stopPropagation()}>
        <header className="dialog-header">
          <h2>{title}</h2>
          <button type="button" className="icon-button" aria-label={t('move.cancel')} onClick={cancelNamespaceMove}>
            <Icon name="close" size={14} />
          </button>
        </header>
        <div className="dialog-body">
          <ul className="move-list">
            {moved.slice(0, LISTED).map((m) => (
              <li key={m.id}>{t('move.object', { kind: m.kind, name: m.name, from: m.from, to: m.to })}</li>
            ))}
            {moved.length > LISTED && <li className="move-more">{t('move.more', { count: moved.length - LISTED })}</li>}
          </ul>
          {breaks.length > 0 ? (
            <>
              <p className="move-warning">{t('move.breaks', { count: breaks.length })}</p>
              <ul className="move-list move-breaks" data-testid="namespace-move-breaks">
                {breaks.slice(0, LISTED).map((b, i) => (
                  <li key={i}>{t('move.link', { source: b.source, relation: t(`move.relation.${b.relation}`), target: b.target })}</li>
                ))}
                {breaks.length > LISTED && <li className="move-more">{t('move.more', { count: breaks.length - LISTED })}</li>}
              </ul>
            </>
          ) : (
            <p className="move-safe">{t('move.nothingBreaks')}</p>
          )}
        </div>
        <footer className="dialog-footer">
          <button type="button" className="button" data-testid="namespace-move-cancel" onClick={cancelNamespaceMove}>{t('move.cancel')}</button>
          <button type="button" className="button primary" data-testid="namespace-move-confirm" onClick={confirmNamespaceMove} autoFocus>{t('move.confirm', { count: moved.length })}</button>
        </footer>
      </div>
    </div>
  );
}
