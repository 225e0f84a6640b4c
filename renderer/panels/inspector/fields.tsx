/**
 * Inspector inputs. Each keeps a draft while typing, shows a problem inline, and hands the value
 * on (Enter or leaving the field) only when it is valid — an invalid draft never reaches the store.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../icons';
import { firstInvalid, type Check, type Invalid } from './validators';

export function useMessage(): (i: Invalid | undefined) => string | undefined {
  const { t } = useTranslation();
  return (i) => (i ? t(i.key, i.params ?? {}) : undefined);
}

export function Section({ title, children, actions }: { title: ReactNode; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="insp-section">
      <header className="insp-section-title">
        <span>{title}</span>
        {actions}
      </header>
      <div className="insp-section-body">{children}</div>
    </section>
  );
}

export function TextField(props: { label: string; value: string; checks?: Check[]; onCommit: (v: string) => void; testId?: string; placeholder?: string; mono?: boolean; compact?: boolean; options?: string[] }) {
  const { label, value, checks = [], onCommit, testId, placeholder, mono, compact, options } = props;
  const [draft, setDraft] = useState(value);
  const id = useId();
  const listId = `${id}-options`;
  const message = useMessage();
  useEffect(() => setDraft(value), [value]);
  const invalid = firstInvalid(draft, checks);
  const commit = () => {
    if (!invalid && draft !== value) onCommit(draft);
  };
  return (
    <div className={`field${compact ? ' compact' : ''}${invalid ? ' invalid' : ''}`}>
      {!compact && <label htmlFor={id}>{label}</label>}
      <input
        id={id}
        className={mono ? 'mono' : undefined}
        value={draft}
        placeholder={placeholder ?? (compact ? label : undefined)}
        aria-label={label}
        aria-invalid={invalid ? true : undefined}
        data-testid={testId}
        list={options ? listId : undefined}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(value);
          e.stopPropagation();
        }}
      />
      {options && (
        <datalist id={listId}>
          {options.map((o) => <option key={o} value={o} />)}
        </datalist>
      )}
      {invalid && <div className="field-error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>{message(invalid)}</div>}
    </div>
  );
}

export function SelectField(props: { label: string; value: string; options: string[]; onCommit: (v: string) => void; testId?: string; compact?: boolean }) {
  const id = useId();
  return (
    <div className={`field${props.compact ? ' compact' : ''}`}>
      {!props.compact && <label htmlFor={id}>{props.label}</label>}
      <select id={id} aria-label={props.label} value={props.value} data-testid={props.testId} onChange={(e) => props.onCommit(e.target.value)}>
        {!props.options.includes(props.value) && <option value={props.value}>{props.value || '—'}</option>}
        {props.options.map((o) => (
          <option key={o} value={o}>{o}</option>
        ))}
      </select>
    </div>
  );
}

export function CheckGroup(props: { label: string; options: string[]; value: string[]; onCommit: (v: string[]) => void; testId?: string }) {
  return (
    <div className="field">
      <span className="field-label">{props.label}</span>
      <div className="check-group" data-testid={props.testId}>
        {props.options.map((o) => (
          <label key={o} className="check">
            <input
              type="checkbox"
              checked={props.value.includes(o)}
              onChange={(e) => props.onCommit(e.target.checked ? [...props.value, o] : props.value.filter((x) => x !== o))}
            />
            <span>{o}</span>
          </label>
        ))}
      </div>
    </div>
  );
}

export function IconButton({ icon, label, onClick, testId }: { icon: 'plus' | 'trash' | 'close'; label: string; onClick: () => void; testId?: string }) {
  return (
    <button type="button" className="icon-button" title={label} aria-label={label} data-testid={testId} onClick={onClick}>
      <Icon name={icon} size={14} />
    </button>
  );
}

type Row = { key: string; value: string };

/**
 * A string map (labels, selectors, quota hard limits, ConfigMap data): rows of key and value,
 * committed as a whole when every row is valid and the user leaves a field or presses Enter.
 */
export function KeyValueEditor(props: {
  label: string;
  entries: Array<[string, string]>;
  keyChecks?: Check[];
  valueChecks?: Check[];
  onCommit: (map: Record<string, string>) => void;
  testId?: string;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
  keyOptions?: string[];
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const source = JSON.stringify(props.entries);
  const [rows, setRows] = useState<Row[]>(() => props.entries.map(([key, value]) => ({ key, value })));
  useEffect(() => setRows((JSON.parse(source) as Array<[string, string]>).map(([key, value]) => ({ key, value }))), [source]);
  const keyChecks = props.keyChecks ?? [];
  const valueChecks = props.valueChecks ?? [];
  const problems = rows.map((r, i) => {
    if (r.key === '' && r.value === '') return undefined;
    if (rows.findIndex((o) => o.key === r.key) !== i) return { key: 'errors.duplicateKey', params: { value: r.key } };
    return firstInvalid(r.key, keyChecks) ?? firstInvalid(r.value, valueChecks);
  });
  const commit = (next = rows) => {
    const nextProblems = next.some((r, i) => (r.key !== '' || r.value !== '') && (next.findIndex((o) => o.key === r.key) !== i || firstInvalid(r.key, keyChecks) || firstInvalid(r.value, valueChecks)));
    if (nextProblems) return;
    const map = Object.fromEntries(next.filter((r) => r.key !== '').map((r) => [r.key, r.value]));
    if (JSON.stringify(Object.entries(map)) !== source) props.onCommit(map);
  };
  const update = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const listId = useId();
  return (
    <div className="field kv" data-testid={props.testId}>
      <div className="kv-head">
        <span className="field-label">{props.label}</span>
        <IconButton icon="plus" label={t('inspector.add')} testId={props.testId ? `${props.testId}-add` : undefined} onClick={() => setRows([...rows, { key: '', value: '' }])} />
      </div>
      {props.keyOptions && (
        <datalist id={listId}>
          {props.keyOptions.map((o) => <option key={o} value={o} />)}
        </datalist>
      )}
      {rows.map((r, i) => (
        <div key={i} className={`kv-row${problems[i] ? ' invalid' : ''}`}>
          <input
            className="mono"
            value={r.key}
            placeholder={props.keyPlaceholder ?? t('inspector.key')}
            aria-label={`${props.label} ${t('inspector.key')}`}
            list={props.keyOptions ? listId : undefined}
            spellCheck={false}
            data-testid={props.testId ? `${props.testId}-key-${i}` : undefined}
            onChange={(e) => update(i, { key: e.target.value })}
            onBlur={() => commit()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              e.stopPropagation();
            }}
          />
          <input
            className="mono"
            value={r.value}
            placeholder={props.valuePlaceholder ?? t('inspector.value')}
            aria-label={`${props.label} ${t('inspector.value')}`}
            spellCheck={false}
            data-testid={props.testId ? `${props.testId}-value-${i}` : undefined}
            onChange={(e) => update(i, { value: e.target.value })}
            onBlur={() => commit()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              e.stopPropagation();
            }}
          />
          <IconButton
            icon="close"
            label={t('inspector.remove')}
            onClick={() => {
              const next = rows.filter((_, j) => j !== i);
              setRows(next);
              commit(next);
            }}
          />
          {problems[i] && <div className="field-error" role="alert">{message(problems[i])}</div>}
        </div>
      ))}
    </div>
  );
}
