/**
 * The YAML tab: the export of the whole design or of the selection, copyable. It is computed only
 * while the tab is shown (the dock mounts the current tab only), in the worker, and a huge export
 * shows its first lines: laying out 40,000 lines of text would block the UI thread.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewHead, watchYamlPreview, type YamlPreview, type YamlScope } from '../store';
import { Icon } from './icons';

/** Lines drawn in the preview; Copy still copies everything. */
export const MAX_PREVIEW_LINES = 2000;

export function YamlTab() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<YamlScope>('design');
  const [preview, setPreview] = useState<YamlPreview>({ text: '', count: 0, stale: true });
  const [copied, setCopied] = useState(false);
  useEffect(() => watchYamlPreview(scope, setPreview), [scope]);
  const text = preview.count === 0 && !preview.stale ? t(scope === 'selection' ? 'yaml.emptySelection' : 'yaml.empty') : preview.text;
  const view = useMemo(() => previewHead(text, MAX_PREVIEW_LINES), [text]);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };
  return (
    <div className="yaml-tab">
      <div className="dock-bar">
        <div className="segmented small" role="radiogroup">
          <button type="button" role="radio" aria-checked={scope === 'design'} data-testid="yaml-scope-design" onClick={() => setScope('design')}>{t('yaml.whole')}</button>
          <button type="button" role="radio" aria-checked={scope === 'selection'} data-testid="yaml-scope-selection" onClick={() => setScope('selection')}>{t('yaml.selection')}</button>
        </div>
        {preview.stale && preview.count > 0 && <span className="muted" data-testid="yaml-stale">{t('yaml.updating', { defaultValue: 'Updating…' })}</span>}
        {view.cut && (
          <span className="muted" data-testid="yaml-truncated">
            {t('yaml.truncated', { defaultValue: 'Showing the first {{shown}} of {{total}} lines; Copy copies all', shown: MAX_PREVIEW_LINES.toLocaleString(), total: view.lines.toLocaleString() })}
          </span>
        )}
        <button type="button" className="button ghost" data-testid="yaml-copy" onClick={copy}>
          <Icon name={copied ? 'check' : 'copy'} size={14} />
          <span>{copied ? t('yaml.copied') : t('yaml.copy')}</span>
        </button>
      </div>
      <pre className="yaml-preview mono" data-testid="yaml-preview" aria-busy={preview.stale} style={preview.stale ? { opacity: 0.6 } : undefined}>{view.shown}</pre>
    </div>
  );
}
