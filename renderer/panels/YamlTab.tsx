/** The YAML tab: the live export of the whole design or of the selection, copyable. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { heavyWork } from '../api/workerClient';
import { useKubeplanStore } from '../store';
import { Icon } from './icons';

/** Export runs in the worker, at most this often while the user edits. */
const DEBOUNCE_MS = 120;

export function YamlTab() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'design' | 'selection'>('design');
  const resources = useKubeplanStore((s) => s.design.resources);
  const selection = useKubeplanStore((s) => s.selection);
  const [text, setText] = useState('');
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    let cancelled = false;
    const chosen = scope === 'selection' ? resources.filter((r) => selection.includes(r.id)) : resources;
    const timer = setTimeout(() => {
      if (chosen.length === 0) {
        setText(scope === 'selection' ? t('yaml.emptySelection') : t('yaml.empty'));
        return;
      }
      void heavyWork()
        .exportYaml(chosen.map((r) => r.object))
        .then((yaml) => !cancelled && setText(yaml));
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [resources, selection, scope, t]);
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
        <button type="button" className="button ghost" data-testid="yaml-copy" onClick={copy}>
          <Icon name={copied ? 'check' : 'copy'} size={14} />
          <span>{copied ? t('yaml.copied') : t('yaml.copy')}</span>
        </button>
      </div>
      <pre className="yaml-preview mono" data-testid="yaml-preview">{text}</pre>
    </div>
  );
}
