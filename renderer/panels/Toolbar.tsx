/**
 * The toolbar: file commands, history, view, examples and language; the title with an unsaved mark.
 * Its buttons and dropdown items run commands from the registry (renderer/commands).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandId } from '../../shared/ipc/commands';
import { EXAMPLES } from '../api/examples';
import { execute, useCommand } from '../commands';
import { displayName, openExample, renameDesign } from '../files/actions';
import { currentLanguage, LANGUAGES, setLanguage, type Language } from '../i18n';
import { useKubeplanStore } from '../store';
import { Icon, type IconName } from './icons';
import { Menu } from './Menu';

/** A button for a command: its label, its key for assistive technology, greyed out when the command cannot run. */
function CommandButton({ command, icon, testId, showLabel = false }: { command: CommandId; icon: IconName; testId: string; showLabel?: boolean }) {
  const c = useCommand(command);
  return (
    <button type="button" className={`tb-button${showLabel ? ' with-label' : ''}`} title={c.label} aria-label={c.label} aria-keyshortcuts={c.keyShortcut} disabled={!c.enabled} data-testid={testId} onClick={c.run}>
      <Icon name={icon} />
      {showLabel && <span>{c.label}</span>}
    </button>
  );
}

/** A dropdown item that runs a command, worded for its menu. */
const commandItem = (id: string, label: string, command: CommandId) => ({ id, label, run: () => void execute(command) });

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
  const zoomReset = useCommand('view:zoomReset');
  const name = displayName(path, design);
  return (
    <header className="toolbar" data-testid="toolbar">
      <div className="tb-brand">
        <Icon name="logo" size={18} />
        <span>{t('app.name')}</span>
      </div>
      <div className="tb-group">
        <CommandButton command="file:new" icon="new" testId="tb-new" showLabel />
        <CommandButton command="file:open" icon="open" testId="tb-open" showLabel />
        <CommandButton command="file:save" icon="save" testId="tb-save" showLabel />
        <Menu testId="tb-save-menu" label={<Icon name="chevron" size={12} />} items={[commandItem('save-as', t('toolbar.saveAs'), 'file:saveAs')]} />
        <Menu
          testId="tb-import"
          label={<><Icon name="import" /><span>{t('toolbar.import')}</span><Icon name="chevron" size={12} /></>}
          items={[
            commandItem('files', t('toolbar.importFiles'), 'file:import'),
            commandItem('folder', t('toolbar.importFolder'), 'file:importFolder'),
          ]}
        />
        <Menu
          testId="tb-export"
          label={<><Icon name="export" /><span>{t('toolbar.export')}</span><Icon name="chevron" size={12} /></>}
          items={[
            commandItem('file', t('toolbar.exportFile'), 'file:export'),
            commandItem('folder', t('toolbar.exportFolder'), 'file:exportFolder'),
          ]}
        />
      </div>
      <div className="tb-group">
        <CommandButton command="edit:undo" icon="undo" testId="tb-undo" />
        <CommandButton command="edit:redo" icon="redo" testId="tb-redo" />
      </div>
      <div className="tb-group">
        <CommandButton command="view:zoomOut" icon="zoomOut" testId="tb-zoom-out" />
        <button type="button" className="tb-button zoom-value" title="100%" aria-keyshortcuts={zoomReset.keyShortcut} data-testid="tb-zoom-reset" onClick={zoomReset.run}>
          {Math.round(scale * 100)}%
        </button>
        <CommandButton command="view:zoomIn" icon="zoomIn" testId="tb-zoom-in" />
        <CommandButton command="view:fit" icon="fit" testId="tb-fit" />
        <CommandButton command="view:autoLayout" icon="layout" testId="tb-auto-layout" showLabel />
      </div>
      <div className="tb-title" data-testid="title" title={name}>
        <DesignTitle name={name} designName={design.name} />
        {dirty && <span className="tb-dirty" data-testid="unsaved-mark" title={t('app.unsaved')} aria-label={t('app.unsaved')} />}
      </div>
      <div className="tb-group right">
        <CommandButton command="help:shortcuts" icon="keyboard" testId="tb-shortcuts" />
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
