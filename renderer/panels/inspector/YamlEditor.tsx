/**
 * The selected object as YAML, for every field the forms do not cover. Applied only when it
 * parses and is still the same kind of object; errors show the line and leave the object as it was.
 */
import { dump } from 'js-yaml';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateObject } from '../../store';
import type { ObjectFormProps } from './CommonFields';
import { parseObjectYaml } from './objectYaml';
import { useMessage } from './fields';

export function YamlEditor({ id, object }: ObjectFormProps) {
  const { t } = useTranslation();
  const message = useMessage();
  const text = useMemo(() => dump(object, { lineWidth: -1, noRefs: true }), [object]);
  const [draft, setDraft] = useState(text);
  useEffect(() => setDraft(text), [text]);
  const parsed = useMemo(() => (draft === text ? undefined : parseObjectYaml(draft, object)), [draft, text, object]);
  const error = parsed && 'error' in parsed ? parsed.error : undefined;
  const apply = () => {
    if (parsed && 'object' in parsed) updateObject(id, parsed.object);
  };
  return (
    <div className="yaml-editor">
      <textarea
        className="mono"
        value={draft}
        spellCheck={false}
        aria-label={t('inspector.yaml')}
        data-testid="inspector-yaml"
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) apply();
          e.stopPropagation();
        }}
      />
      {error ? <div className="field-error" role="alert" data-testid="inspector-yaml-error">{message(error)}</div> : <p className="muted small">{t('inspector.yamlHint')}</p>}
      <div className="row end">
        <button type="button" className="button" disabled={draft === text} onClick={() => setDraft(text)}>
          {t('inspector.revert')}
        </button>
        <button type="button" className="button primary" disabled={!parsed || !!error} data-testid="inspector-yaml-apply" onClick={apply}>
          {t('inspector.apply')}
        </button>
      </div>
    </div>
  );
}
