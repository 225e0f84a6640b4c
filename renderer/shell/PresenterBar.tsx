/** While presenting: a small bar to leave (faint until pointed at), and the caption area lessons fill. */
import { useTranslation } from 'react-i18next';
import { useCommand } from '../commands';
import { displayName } from '../files/actions';
import { Icon } from '../panels/icons';
import { useKubeplanStore } from '../store';
import { usePresenter } from './presenter';

export function PresenterBar() {
  const { t } = useTranslation();
  const exit = useCommand('view:exitPresenter');
  const name = useKubeplanStore((s) => displayName(s.file.path, s.design));
  const caption = usePresenter((s) => s.caption);
  return (
    <>
      <div className="presenter-bar" role="toolbar" aria-label={t('presenter.bar')} data-testid="presenter-bar">
        <Icon name="present" />
        <span className="presenter-name">{name}</span>
        <button type="button" className="presenter-exit" title={t('presenter.exitHint')} aria-keyshortcuts={exit.keyShortcut} data-testid="presenter-exit" onClick={exit.run}>
          {t('presenter.exit')} <kbd>Esc</kbd>
        </button>
      </div>
      {caption !== null && (
        <div className="presenter-caption" data-testid="presenter-caption" aria-live="polite">
          {caption}
        </div>
      )}
    </>
  );
}
