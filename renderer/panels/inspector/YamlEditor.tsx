/**
 * The selected object as YAML, for every field the forms do not cover. Applied only when it
 * parses and is still the same kind of object; errors show the line and leave the object as it was.
 */
import { dump, load, YAMLException } from 'js-yaml';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../shared/model/object';
import { isKubeObject } from '../../api/formats';
import { updateObject } from '../../store';
import type { ObjectFormProps } from './CommonFields';
import { firstInvalid, nameCheck } from './validators';
import { useMessage } from './fields';

type Parsed = { object: KubeObject } | { error: { key: string; params?: Record<string, unknown> } };

export function parseObjectYaml(text: string, original: KubeObject): Parsed {
  let value: unknown;
  try {
    value = load(text);
  } catch (e) {
    const line = e instanceof YAMLException && e.mark ? e.mark.line + 1 : 1;
    const message = e instanceof YAMLException ? e.reason : String(e);
    return { error: { key: 'errors.yamlLine', params: { line, message } } };
  }
  if (!isKubeObject(value)) return { error: { key: 'errors.yamlShape' } };
  if (value.kind !== original.kind || value.apiVersion.split('/')[0] !== original.apiVersion.split('/')[0]) return { error: { key: 'errors.kindChange' } };
  const badName = firstInvalid(value.metadata.name, [nameCheck(value.kind)]);
  if (badName) return { error: badName };
  return { object: value };
}

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
