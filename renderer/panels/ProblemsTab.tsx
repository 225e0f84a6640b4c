/**
 * The Problems tab: validation grouped by severity, refreshed after a pause in editing (marked
 * while a newer run is pending); a click selects and centres the object.
 */
import { useTranslation } from 'react-i18next';
import { resourceBox, resourceIdForKey, select, selectProblems, selectProblemsStale, useKubeplanStore, type Problem } from '../store';
import { Icon } from './icons';
import { translateHint } from '../i18n/hints';
import { centerOn } from '../canvas';
import { UpstreamNote } from '../i18n/UpstreamNote';

function reveal(p: Problem): void {
  const { design } = useKubeplanStore.getState();
  const id = resourceIdForKey(design, p.objectKey);
  if (!id) return;
  select([id]);
  const pos = design.layout.positions[id];
  if (pos) centerOn(resourceBox(pos));
}

/** Rows drawn per severity; a design with thousands of problems stays responsive. */
const MAX_ROWS = 300;

export function ProblemsTab() {
  const { t, i18n } = useTranslation();
  const problems = useKubeplanStore(selectProblems);
  const stale = useKubeplanStore(selectProblemsStale);
  const groups = (['error', 'warning'] as const).map((severity) => ({ severity, items: problems.filter((p) => p.severity === severity) })).filter((g) => g.items.length > 0);
  return (
    <div className="problems" data-testid="problems" aria-busy={stale} style={stale ? { opacity: 0.6 } : undefined}>
      {stale && <p className="muted more" data-testid="problems-stale">{t('problems.updating', { defaultValue: 'Checking the design…' })}</p>}
      {problems.length === 0 && (
        <p className="problems-none">
          <Icon name="check" size={14} /> {t('problems.none')}
        </p>
      )}
      {groups.map((g) => (
        <section key={g.severity} className={`problem-group ${g.severity}`}>
          <h3>
            <Icon name={g.severity === 'error' ? 'error' : 'warning'} size={14} />
            {t(g.severity === 'error' ? 'problems.errors' : 'problems.warnings')} <span className="count">{g.items.length}</span>
          </h3>
          <ul>
            {g.items.slice(0, MAX_ROWS).map((p, i) => (
              <li key={`${p.objectKey}:${p.rule}:${p.path}:${i}`}>
                <button type="button" className="problem" data-testid="problem" data-object-key={p.objectKey} onClick={() => reveal(p)}>
                  <span className="problem-object mono">{p.kind}/{p.name}</span>
                  <span className="problem-message">{p.message}</span>
                  <UpstreamNote message={p.message} rule={p.rule} />
                  {p.hint && <span className="problem-hint">{translateHint(p.hint, i18n.language)}</span>}
                  <span className="problem-path mono">{p.namespace ? `${p.namespace} · ` : ''}{p.path}</span>
                </button>
              </li>
            ))}
          </ul>
          {g.items.length > MAX_ROWS && <p className="muted more">{t('problems.more', { count: g.items.length - MAX_ROWS })}</p>}
        </section>
      ))}
    </div>
  );
}
