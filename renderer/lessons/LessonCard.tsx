/**
 * The current step, over the canvas: the caption, what the learner must do (each condition ticks
 * when it holds), Back and Next. In presenter mode the caption moves to the large presenter
 * caption and this card shrinks to the step count, the task and the buttons.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { commandId, evaluateStep, needsSimulation } from '../../shared/lessons';
import { execute, useCommand } from '../commands';
import { usePresenter } from '../shell/presenter';
import { useLiveActions } from '../simulation/actions';
import { useSimulationStore } from '../simulation/store';
import { useTrafficStore } from '../traffic/store';
import { useKubeplanStore } from '../store';
import { describeCondition } from './describe';
import { buildSnapshot } from './snapshot';
import { currentStep, localized, reframeStep, useLessons } from './store';

export function LessonCard() {
  const { t } = useTranslation();
  const lessons = useLessons();
  const design = useKubeplanStore((s) => s.design);
  const simulation = useSimulationStore();
  const presenting = usePresenter((s) => s.on);
  const traffic = useTrafficStore();
  useLiveActions((s) => s.lastApply);
  const next = useCommand('lesson:next');
  const close = useCommand('lesson:close');
  const cur = currentStep(lessons);
  const card = useRef<HTMLElement>(null);
  // When the card or the canvas changes size (a longer caption, a panel the step shows), frame the step's cards again.
  const active = cur !== undefined;
  useEffect(() => {
    const el = card.current;
    if (!active || !el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => reframeStep());
    observer.observe(el);
    if (el.parentElement) observer.observe(el.parentElement);
    return () => observer.disconnect();
  }, [active]);
  if (!cur) return null;
  const { lesson, step, index } = cur;
  const conditions = evaluateStep(step, buildSnapshot(design, simulation, lessons, traffic));
  const ready = conditions.every((c) => c.met);
  const last = index === lesson.steps.length - 1;
  const task = localized(step.task);
  // Run (again) when the step waits for the cluster and no run of the current design shows it yet.
  // A step that acts on the live run (Re-apply after an edit, a Console command) keeps it: running again would start over.
  const actsLive = conditions.some((c) => ('command' in c.condition && commandId(c.condition).startsWith('simulate:')) || 'kubectl' in c.condition);
  const runnable = needsSimulation(step) && !ready && simulation.status !== 'running' && !(actsLive && simulation.status === 'ready');
  // A step that asks for a design edit while the simulation shows: go back to the design (edits are design-mode commands).
  const editable =
    // (Field edits work in the inspector while simulating; adding cards, connecting and undo are design-mode commands.)
    !ready &&
    simulation.status !== 'idle' &&
    conditions.some((c) => !c.met && (('card' in c.condition && c.condition.card.field === undefined) || 'connected' in c.condition || ('command' in c.condition && /^(edit|design):/.test(commandId(c.condition)))));
  return (
    <section ref={card} className={`lesson-card${presenting ? ' compact' : ''}`} data-testid="lesson-card" aria-label={localized(lesson.title)} data-ready={ready}>
      <header>
        <span className="lesson-card-title">{localized(lesson.title)}</span>
        <span className="lesson-card-step" data-testid="lesson-step">{t('lessons.progress', { step: index + 1, count: lesson.steps.length })}</span>
        <button type="button" className="icon-button" title={close.label} aria-label={close.label} data-testid="lesson-close" onClick={close.run}>×</button>
      </header>
      {!presenting && <p className="lesson-caption" data-testid="lesson-caption" aria-live="polite">{localized(step.caption)}</p>}
      {conditions.length > 0 && (
        <div className="lesson-task" data-testid="lesson-task">
          <span className="muted">{ready ? t('lessons.ready') : t('lessons.waiting')}</span>
          {task && <span>{task}</span>}
          {/* Once everything holds the list folds to its line (the canvas gets the room back); it stays as the tooltip. */}
          <ul hidden={ready} title={ready ? conditions.map((c) => `✓ ${describeCondition(c.condition)}`).join('\n') : undefined}>
            {conditions.map((c, i) => (
              <li key={i} data-met={c.met}>
                <span aria-hidden>{c.met ? '✓' : '○'}</span> {describeCondition(c.condition)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <footer>
        {runnable && (
          <button type="button" className="button" data-testid="lesson-run" onClick={() => void useSimulationStore.getState().runSimulation()}>
            ▶ {t('lessons.runSimulation')}
          </button>
        )}
        {editable && (
          <button type="button" className="button" data-testid="lesson-edit" onClick={() => useSimulationStore.getState().stopSimulation()}>
            ✎ {t('lessons.editDesign')}
          </button>
        )}
        <span className="spacer" />
        <button type="button" className="button" disabled={index === 0} data-testid="lesson-previous" onClick={() => void execute('lesson:previous')}>
          {t('lessons.back')}
        </button>
        <button type="button" className="button primary" disabled={!ready} aria-keyshortcuts={next.keyShortcut} data-testid="lesson-next" onClick={next.run}>
          {last ? t('lessons.finish') : t('lessons.next')} →
        </button>
      </footer>
    </section>
  );
}
