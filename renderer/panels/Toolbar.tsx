/** The toolbar: file commands, history, view, examples and language; the title with an unsaved mark. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { EXAMPLES } from '../api/examples';
import { displayName, exportManifests, importManifests, newDesign, openDesign, openExample, renameDesign, saveDesign } from '../files/actions';
import { currentLanguage, LANGUAGES, setLanguage, type Language } from '../i18n';
import { runAction } from '../actions';
import { useKubeplanStore } from '../store';
import { Icon, type IconName } from './icons';
import { Menu } from './Menu';
import { openShortcuts } from './ShortcutsDialog';

function ToolButton({ icon, label, onClick, disabled, testId, showLabel = false }: { icon: IconName; label: string; onClick: () => void; disabled?: boolean; testId: string; showLabel?: boolean }) {
  return (
    <button type="button" className={`tb-button${showLabel ? ' with-label' : ''}`} title={label} aria-label={label} disabled={disabled} data-testid={testId} onClick={onClick}>
      <Icon name={icon} />
      {showLabel && <span>{label}</span>}
    </button>
  );
}

/** The title; clicking it renames the design (the name its downloads and exports carry). */
function DesignTitle({ name, designName }: { name: string; designName: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <input
        className="tb-title-input"
        defaultValue={designName}
        autoFocus
        aria-label={t('toolbar.rename')}
        data-testid="title-input"
        onFocus={(e) => e.target.select()}
        onBlur={(e) => {
          renameDesign(e.target.value);
          setEditing(false);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') setEditing(false);
        }}
      />
    );
  }
  return (
    <button type="button" className="tb-title-name" title={t('toolbar.rename')} data-testid="title-button" onClick={() => setEditing(true)}>
      {name}
    </button>
  );
}

export function Toolbar() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language as Language) ?? currentLanguage();
  const dirty = useKubeplanStore((s) => s.file.dirty);
  const path = useKubeplanStore((s) => s.file.path);
  const design = useKubeplanStore((s) => s.design);
  const scale = useKubeplanStore((s) => s.viewport.scale);
  const canUndo = useStore(useKubeplanStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useKubeplanStore.temporal, (s) => s.futureStates.length > 0);
  const name = displayName(path, design);
  return (
    <header className="toolbar" data-testid="toolbar">
      <div className="tb-brand">
        <Icon name="logo" size={18} />
        <span>{t('app.name')}</span>
      </div>
      <div className="tb-group">
        <ToolButton icon="new" label={t('toolbar.new')} testId="tb-new" showLabel onClick={newDesign} />
        <ToolButton icon="open" label={t('toolbar.open')} testId="tb-open" showLabel onClick={() => void openDesign()} />
        <ToolButton icon="save" label={t('toolbar.save')} testId="tb-save" showLabel onClick={() => void saveDesign(false)} />
        <Menu testId="tb-save-menu" label={<Icon name="chevron" size={12} />} items={[{ id: 'save-as', label: t('toolbar.saveAs'), run: () => void saveDesign(true) }]} />
        <Menu
          testId="tb-import"
          label={<><Icon name="import" /><span>{t('toolbar.import')}</span><Icon name="chevron" size={12} /></>}
          items={[
            { id: 'files', label: t('toolbar.importFiles'), run: () => void importManifests(false) },
            { id: 'folder', label: t('toolbar.importFolder'), run: () => void importManifests(true) },
          ]}
        />
        <Menu
          testId="tb-export"
          label={<><Icon name="export" /><span>{t('toolbar.export')}</span><Icon name="chevron" size={12} /></>}
          items={[
            { id: 'file', label: t('toolbar.exportFile'), run: () => void exportManifests('file') },
            { id: 'folder', label: t('toolbar.exportFolder'), run: () => void exportManifests('folder') },
          ]}
        />
      </div>
      <div className="tb-group">
        <ToolButton icon="undo" label={t('toolbar.undo')} testId="tb-undo" disabled={!canUndo} onClick={() => runAction('undo')} />
        <ToolButton icon="redo" label={t('toolbar.redo')} testId="tb-redo" disabled={!canRedo} onClick={() => runAction('redo')} />
      </div>
      <div className="tb-group">
        <ToolButton icon="zoomOut" label={t('toolbar.zoomOut')} testId="tb-zoom-out" onClick={() => runAction('zoomOut')} />
        <button type="button" className="tb-button zoom-value" title="100%" data-testid="tb-zoom-reset" onClick={() => runAction('zoomReset')}>
          {Math.round(scale * 100)}%
        </button>
        <ToolButton icon="zoomIn" label={t('toolbar.zoomIn')} testId="tb-zoom-in" onClick={() => runAction('zoomIn')} />
        <ToolButton icon="fit" label={t('toolbar.fit')} testId="tb-fit" onClick={() => runAction('fit')} />
        <ToolButton icon="layout" label={t('toolbar.autoLayout')} testId="tb-auto-layout" showLabel onClick={() => runAction('autoLayout')} />
      </div>
      <div className="tb-title" data-testid="title" title={name}>
        <DesignTitle name={name} designName={design.name} />
        {dirty && <span className="tb-dirty" data-testid="unsaved-mark" title={t('app.unsaved')} aria-label={t('app.unsaved')} />}
      </div>
      <div className="tb-group right">
        <ToolButton icon="keyboard" label={t('help.shortcuts')} testId="tb-shortcuts" onClick={openShortcuts} />
        <Menu
          testId="tb-examples"
          align="right"
          label={<><span>{t('toolbar.examples')}</span><Icon name="chevron" size={12} /></>}
          items={EXAMPLES.map((e) => ({ id: e.id, label: e.title[lang] ?? e.title.en, hint: e.description[lang] ?? e.description.en, run: () => void openExample(e.id) }))}
        />
        <Menu
          testId="tb-language"
          align="right"
          label={<><Icon name="globe" /><span>{t(`language.${lang}`)}</span><Icon name="chevron" size={12} /></>}
          items={LANGUAGES.map((l) => ({ id: l, label: t(`language.${l}`), checked: l === lang, run: () => setLanguage(l) }))}
        />
      </div>
    </header>
  );
}
