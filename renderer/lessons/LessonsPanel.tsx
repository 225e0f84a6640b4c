/** The Lessons tab: every lesson with its progress; Start / Continue / Start again, and Open lesson…. */
import { useTranslation } from 'react-i18next';
import { EXAMPLES } from '../api/examples';
import { useCommand } from '../commands';
import { allLessons, localized, startLesson, useLessons } from './store';

export function LessonsPanel() {
  const { t, i18n } = useTranslation();
  const { opened, progress, active } = useLessons();
  const open = useCommand('lesson:open');
  const lessons = allLessons(opened);
  const exampleTitle = (id: string) => {
    const e = EXAMPLES.find((x) => x.id === id);
    return e ? (i18n.language === 'zh-CN' ? e.title['zh-CN'] : e.title.en) : id;
  };
  return (
    <div className="lessons" data-testid="lessons">
      <div className="lessons-head">
        <span className="muted">{t('lessons.title')} · {lessons.length}</span>
        <button type="button" className="button" data-testid="lesson-open" onClick={open.run}>{open.label}</button>
      </div>
      <ol className="lessons-list">
        {lessons.map((l, i) => {
          const p = progress[l.id];
          const current = active?.id === l.id;
          const state = p?.done ? 'done' : p ? 'started' : 'new';
          return (
            <li key={l.id} data-lesson={l.id} data-state={state} className={current ? 'current' : undefined}>
              <span className="lesson-number">{p?.done ? '✓' : i + 1}</span>
              <div className="lesson-text">
                <strong>{localized(l.title)}</strong>
                {l.summary && <span className="muted">{localized(l.summary)}</span>}
                <span className="lesson-meta muted">
                  {t('lessons.opensExample', { example: exampleTitle(l.example) })} ·{' '}
                  {p?.done ? t('lessons.done') : p ? t('lessons.reached', { reached: p.reached + 1, count: l.steps.length }) : t('lessons.steps', { count: l.steps.length })}
                </span>
              </div>
              <button type="button" className={`button${state === 'new' ? ' primary' : ''}`} data-testid={`lesson-start-${l.id}`} onClick={() => void startLesson(l.id, state === 'started' ? p!.reached : 0)}>
                {state === 'done' ? t('lessons.restart') : state === 'started' ? t('lessons.resume') : t('lessons.start')}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
