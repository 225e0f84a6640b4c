/** The right-hand panel: forms for the selected object, its YAML, or a summary of a multi-selection. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getKindModule } from '../../shared/kinds/registry';
import type { KubeObject } from '../../shared/model/object';
import { select, useKubeplanStore } from '../store';
import { EXAMPLES } from '../api/examples';
import { openExample } from '../files/actions';
import type { Language } from '../i18n';
import { inspectorForm } from '../kinds/registry';
import { LiveActions } from '../simulation/LiveActions';
import { LiveReadOnlyBar, useLiveEditing } from '../simulation/LiveReadOnly';
import { CommonFields } from './inspector/CommonFields';
import { YamlEditor } from './inspector/YamlEditor';

function KindForm({ id, object }: { id: string; object: KubeObject }) {
  const { t } = useTranslation();
  const Form = inspectorForm(object.kind);
  if (Form === null) return null;
  if (!Form) return <p className="muted pad">{t('inspector.unknownKind', { kind: object.kind })}</p>;
  return <Form id={id} object={object} />;
}

function KindBadge({ kind }: { kind: string }) {
  const color = getKindModule(kind)?.display.color ?? '#64748b';
  return (
    <span className="kind-badge" style={{ background: `${color}1f`, color }}>
      {kind}
    </span>
  );
}

function groupByKind<R extends { object: KubeObject }>(resources: readonly R[], value: (r: R) => string): Map<string, string[]> {
  const byKind = new Map<string, string[]>();
  for (const r of resources) {
    const list = byKind.get(r.object.kind);
    if (list) list.push(value(r));
    else byKind.set(r.object.kind, [value(r)]);
  }
  return byKind;
}

function MultiSummary({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const resources = useKubeplanStore((s) => s.design.resources);
  // Linear in the design: a multi-selection of hundreds in a design of thousands stays cheap.
  const idSet = new Set(ids);
  const chosen = resources.filter((r) => idSet.has(r.id));
  const byKind = groupByKind(chosen, (r) => r.object.metadata.name);
  return (
    <div className="insp-body" data-testid="inspector-multi">
      <h2 className="insp-heading">{t('inspector.multi', { count: chosen.length })}</h2>
      <section className="insp-section">
        <header className="insp-section-title"><span>{t('inspector.byKind')}</span></header>
        <ul className="summary">
          {[...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, names]) => (
            <li key={kind}>
              <KindBadge kind={kind} />
              <span className="summary-count">{names.length}</span>
              <span className="summary-names mono">{names.join(', ')}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** Nothing selected: what the design holds, by kind; a click selects every object of that kind. */
function DesignSummary() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'zh-CN' ? 'zh-CN' : 'en') as Language;
  const resources = useKubeplanStore((s) => s.design.resources);
  const byKind = groupByKind(resources, (r) => r.id);
  const namespaces = new Set(resources.filter((r) => r.object.kind !== 'Namespace' && r.object.metadata.namespace).map((r) => r.object.metadata.namespace));
  return (
    <div className="insp-body" data-testid="inspector-summary">
      <div className="insp-empty">
        <p>{t('inspector.nothing')}</p>
        <p className="muted">{t('inspector.nothingHint')}</p>
      </div>
      {resources.length === 0 && (
        <section className="insp-section" data-testid="example-starters">
          <header className="insp-section-title"><span>{t('inspector.startFromExample')}</span></header>
          {EXAMPLES.map((e) => (
            <button key={e.id} type="button" className="starter" data-testid={`starter-${e.id}`} onClick={() => void openExample(e.id)}>
              <strong>{e.title[lang]}</strong>
              <span>{e.description[lang]}</span>
            </button>
          ))}
        </section>
      )}
      {resources.length > 0 && (
        <section className="insp-section">
          <header className="insp-section-title">
            <span>{t('inspector.summaryResources', { count: resources.length })} · {t('inspector.summaryNamespaces', { count: namespaces.size })}</span>
          </header>
          <ul className="summary kinds">
            {[...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, ids]) => (
              <li key={kind}>
                <button type="button" className="summary-kind" title={t('inspector.selectKind', { kind })} onClick={() => select(ids)}>
                  <KindBadge kind={kind} />
                  <span className="summary-count">{ids.length}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export function Inspector() {
  const { t } = useTranslation();
  const selection = useKubeplanStore((s) => s.selection);
  const resource = useKubeplanStore((s) => (s.selection.length === 1 ? s.design.resources.find((r) => r.id === s.selection[0]) : undefined));
  const [tab, setTab] = useState<'form' | 'yaml'>('form');
  const simulating = useKubeplanStore((s) => s.mode === 'simulate');
  // In simulate mode the form is read-only until the user chooses to edit and re-apply.
  const locked = useLiveEditing((s) => simulating && !s.editing);
  return (
    <aside className="inspector" data-testid="inspector" aria-label={t('inspector.title')}>
      {simulating && <LiveActions />}
      {selection.length === 0 && <DesignSummary />}
      {selection.length > 1 && <MultiSummary ids={selection} />}
      {resource && (
        <>
          <div className="insp-header">
            <KindBadge kind={resource.object.kind} />
            <span className="insp-title mono" title={resource.object.metadata.name}>{resource.object.metadata.name}</span>
          </div>
          <div className="segmented" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'form'} data-testid="inspector-tab-form" onClick={() => setTab('form')}>{t('inspector.form')}</button>
            <button type="button" role="tab" aria-selected={tab === 'yaml'} data-testid="inspector-tab-yaml" onClick={() => setTab('yaml')}>{t('inspector.yaml')}</button>
          </div>
          <LiveReadOnlyBar />
          <fieldset className="insp-body insp-fieldset" key={resource.id} disabled={locked} data-testid="inspector-fields">
            {tab === 'form' ? (
              <>
                <CommonFields id={resource.id} object={resource.object} />
                <KindForm id={resource.id} object={resource.object} />
              </>
            ) : (
              <YamlEditor id={resource.id} object={resource.object} />
            )}
          </fieldset>
        </>
      )}
    </aside>
  );
}
