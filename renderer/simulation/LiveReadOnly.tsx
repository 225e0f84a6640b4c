/**
 * The inspector in simulate mode: the selected object's form and YAML are read-only, because the
 * running cluster was made from the design as it was run. Two ways on: back to design mode (stop
 * the run), or unlock the form to edit the design and re-apply it to the running cluster
 * (`simulate:reapply`: edited objects `configured`, the rest `unchanged`; docs/live-view.md).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { execute } from '../commands/execute';
import { useKubeplanStore } from '../store';

/** True while the user has unlocked the inspector to edit the design during a run. */
export const useLiveEditing = create<{ editing: boolean }>()(() => ({ editing: false }));

export function LiveReadOnlyBar() {
  const { t } = useTranslation();
  const editing = useLiveEditing((s) => s.editing);
  const simulating = useKubeplanStore((s) => s.mode === 'simulate');
  // Every run starts read-only.
  useEffect(() => {
    if (!simulating) useLiveEditing.setState({ editing: false });
  }, [simulating]);
  if (!simulating) return null;
  return (
    <div className={`live-readonly${editing ? ' editing' : ''}`} role="note" data-testid="inspector-readonly">
      <p>{editing ? t('liveInspector.editing') : t('liveInspector.readOnly')}</p>
      <div className="live-row">
        <button type="button" className="button" onClick={() => execute('sim:stop')} data-testid="inspector-back-to-design">{t('liveInspector.backToDesign')}</button>
        {editing ? (
          <button type="button" className="button primary" title="Ctrl+Enter" onClick={() => execute('simulate:reapply')} data-testid="inspector-reapply">{t('live.reapply')}</button>
        ) : (
          <button type="button" className="button primary" onClick={() => useLiveEditing.setState({ editing: true })} data-testid="inspector-edit-reapply">{t('liveInspector.editAndReapply')}</button>
        )}
      </div>
    </div>
  );
}
