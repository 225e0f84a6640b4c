/**
 * The inspector's live actions in simulate mode: for the selected workload Scale, Set image,
 * Rollback and Delete pod; for the whole design Apply again and Re-apply. Each button runs its
 * command (shared/ipc/commands.ts), so the keys (] [ Delete Ctrl+Enter) do the same.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../shared/model/object';
import { execute } from '../commands/execute';
import { useKubeplanStore } from '../store';
import { IMAGE_KINDS, liveReplicas, liveRunId, podsOf, ROLLOUT_KINDS, SCALABLE_KINDS, useLiveActions } from './actions';
import { useSimulationStore } from './store';

function firstImage(o: KubeObject): string {
  const spec = o.spec as { template?: { spec?: { containers?: { image?: string }[] } }; jobTemplate?: { spec?: { template?: { spec?: { containers?: { image?: string }[] } } } } } | undefined;
  const containers = spec?.template?.spec?.containers ?? spec?.jobTemplate?.spec?.template?.spec?.containers ?? [];
  return containers[0]?.image ?? '';
}

function WorkloadActions({ object, disabled }: { object: KubeObject; disabled: boolean }) {
  const { t } = useTranslation();
  useSimulationStore((s) => s.cursor); // the pod count follows the timeline
  const scaled = useLiveActions((s) => s.replicas);
  const current = liveReplicas(object);
  const [replicas, setReplicas] = useState(String(current));
  const [image, setImage] = useState(firstImage(object));
  const [load, setLoad] = useState('');
  useEffect(() => setReplicas(String(current)), [current, scaled]);
  const pods = podsOf(object);
  const running = pods.filter((p) => p.phase === 'Running').length;
  // During a rollout the old and new ReplicaSets' pods side by side.
  const controllers = new Map<string, number>();
  for (const p of pods) if (p.controller) controllers.set(p.controller, (controllers.get(p.controller) ?? 0) + 1);
  return (
    <>
      <p className="muted" data-testid="live-pods">{t('live.pods', { count: pods.length })} · {t('labels.running', { count: running })}</p>
      {controllers.size > 1 && (
        <ul className="live-controllers mono" data-testid="live-controllers">
          {[...controllers].map(([rs, n]) => <li key={rs}>{rs}: {n}</li>)}
        </ul>
      )}
      {SCALABLE_KINDS.has(object.kind) && (
        <div className="live-row">
          <label htmlFor="live-replicas">{t('live.replicas')}</label>
          <button type="button" className="button small" disabled={disabled} title={`${t('live.scaleDown')} ([)`} onClick={() => execute('simulate:scaleDown')} data-testid="live-scale-down">−</button>
          <input id="live-replicas" type="number" min={0} value={replicas} onChange={(e) => setReplicas(e.target.value)} data-testid="live-replicas" />
          <button type="button" className="button small" disabled={disabled} title={`${t('live.scaleUp')} (])`} onClick={() => execute('simulate:scaleUp')} data-testid="live-scale-up">+</button>
          <button type="button" className="button" disabled={disabled} onClick={() => execute('simulate:scale', undefined, { replicas: Number(replicas) })} data-testid="live-scale">{t('live.scale')}</button>
        </div>
      )}
      {IMAGE_KINDS.has(object.kind) && (
        <div className="live-row">
          <label htmlFor="live-image">{t('live.image')}</label>
          <input id="live-image" className="mono" value={image} onChange={(e) => setImage(e.target.value)} data-testid="live-image" />
          <button type="button" className="button" disabled={disabled || !image.trim()} onClick={() => execute('simulate:setImage', undefined, { image })} data-testid="live-set-image">{t('live.setImage')}</button>
        </div>
      )}
      <div className="live-row">
        {ROLLOUT_KINDS.has(object.kind) && <button type="button" className="button" disabled={disabled} onClick={() => execute('simulate:rollback')} data-testid="live-rollback">{t('live.rollback')}</button>}
        <button type="button" className="button" disabled={disabled || pods.length === 0} title={`${t('live.deletePod')} (Delete)`} onClick={() => execute('simulate:deletePod')} data-testid="live-delete-pod">{t('live.deletePod')}</button>
        <button type="button" className="button" disabled={disabled || !pods.some((p) => p.phase === 'Running' && !p.reason)} title={t('live.crashHint')} onClick={() => execute('simulate:crashContainer')} data-testid="live-crash-container">{t('live.crashContainer')}</button>
      </div>
      {SCALABLE_KINDS.has(object.kind) && (
        <div className="live-row" title={t('lessonSteps.loadHint')}>
          <label htmlFor="live-load">{t('lessonSteps.load')}</label>
          <input id="live-load" className="mono" placeholder="1500m" value={load} onChange={(e) => setLoad(e.target.value)} data-testid="live-load" />
          <button type="button" className="button" disabled={disabled || !/^\d+m?$/.test(load.trim())} onClick={() => execute('simulate:setLoad', undefined, { cpu: load.trim() })} data-testid="live-set-load">{t('lessonSteps.setLoad')}</button>
        </div>
      )}
    </>
  );
}

export function LiveActions() {
  const { t } = useTranslation();
  const object = useKubeplanStore((s) => (s.selection.length === 1 ? s.design.resources.find((r) => r.id === s.selection[0])?.object : undefined));
  const status = useSimulationStore((s) => s.status);
  useSimulationStore((s) => s.frameCount);
  const busy = useLiveActions((s) => s.busy);
  const disabled = busy || status !== 'ready' || liveRunId() === null;
  const workload = object && (SCALABLE_KINDS.has(object.kind) || IMAGE_KINDS.has(object.kind) || object.kind === 'Pod');
  return (
    <section className="insp-section live-actions" data-testid="live-actions">
      <header className="insp-section-title">
        <span>{t('live.title')}</span>
        {busy && <span className="muted">{t('live.busy')}</span>}
      </header>
      <p className="muted">{status === 'ready' ? t('live.hint') : t('live.notReady')}</p>
      {workload && <WorkloadActions key={object.metadata.name} object={object} disabled={disabled} />}
      <div className="live-row">
        <button type="button" className="button" disabled={disabled} title="Ctrl+Shift+Enter" onClick={() => execute('simulate:applyAgain')} data-testid="live-apply-again">{t('live.applyAgain')}</button>
        <button type="button" className="button primary" disabled={disabled} title="Ctrl+Enter" onClick={() => execute('simulate:reapply')} data-testid="live-reapply">{t('live.reapply')}</button>
      </div>
    </section>
  );
}
