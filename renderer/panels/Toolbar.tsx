/**
 * The toolbar: file commands, history, view, the title, then help, examples, interface size,
 * language and presenter mode. Its buttons and dropdown items run commands from the registry
 * (renderer/commands). When the window is narrow, labels go first, then whole groups move into a
 * "⋯" menu (./toolbarLayout.ts), so every action stays reachable at 1024×768.
 */
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandId } from '../../shared/ipc/commands';
import { useCommand } from '../commands';
import { displayName, renameDesign } from '../files/actions';
import { currentLanguage, type Language } from '../i18n';
import { useUiZoom } from '../shell/uiZoom';
import { useKubeplanStore } from '../store';
import { Icon, type IconName } from './icons';
import { Menu } from './Menu';
import { usePictureOptions } from '../pictures/picture';
import { commandItem, exampleItems, exportItems, importItems, languageItems, overflowItems, uiZoomItems } from './toolbarItems';
import { TOOLBAR_ORDER, type ToolbarGroupId, type ToolbarPartId } from './toolbarLayout';
import { useToolbarPlan } from './useToolbarPlan';

/** A button for a command: its label, its key for assistive technology, greyed out when the command cannot run. */
function CommandButton({ command, icon, testId, label = false, className = '', text }: { command: CommandId; icon: IconName; testId: string; label?: boolean; className?: string; text?: string }) {
  const c = useCommand(command);
  return (
    <button type="button" className={`tb-button ${className}`} title={c.label} aria-label={c.label} aria-keyshortcuts={c.keyShortcut} disabled={!c.enabled} data-testid={testId} onClick={c.run}>
      <Icon name={icon} />
      {label && <span className="tb-label">{text ?? c.label}</span>}
    </button>
  );
}

/** A dropdown's face: icon, label (unless compact) and chevron. */
function MenuFace({ icon, text, compact }: { icon: IconName; text: string; compact: boolean }) {
  return <><Icon name={icon} />{!compact && <span className="tb-label">{text}</span>}<Icon name="chevron" size={12} /></>;
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

function ZoomValue() {
  const scale = useKubeplanStore((s) => s.viewport.scale);
  const zoomReset = useCommand('view:zoomReset');
  return (
    <button type="button" className="tb-button zoom-value" title={zoomReset.label} aria-keyshortcuts={zoomReset.keyShortcut} data-testid="tb-zoom-reset" onClick={zoomReset.run}>
      {Math.round(scale * 100)}%
    </button>
  );
}

export function Toolbar() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language as Language) ?? currentLanguage();
  const dirty = useKubeplanStore((s) => s.file.dirty);
  const path = useKubeplanStore((s) => s.file.path);
  // Only the name: subscribing to the whole design would re-render the toolbar on every move.
  const designName = useKubeplanStore((s) => s.design.name);
  const uiZoom = useUiZoom((s) => s.zoom);
  const simulating = useKubeplanStore((s) => s.mode === 'simulate');
  // The Export menu's picture choices (renderer/pictures/items.ts) follow these.
  usePictureOptions();
  useKubeplanStore((s) => s.selection.length > 0);
  const bar = useRef<HTMLElement>(null);
  const { compact, collapsed } = useToolbarPlan(bar, uiZoom, lang);
  const name = displayName(path, { name: designName });
  /** Whether a group still shows its text labels. */
  const labels = (id: ToolbarPartId) => !compact.includes(id);

  const groups: Record<ToolbarGroupId, ReactNode> = {
    file: (
      <>
        <CommandButton command="file:new" icon="new" testId="tb-new" label={labels('file')} />
        <CommandButton command="file:open" icon="open" testId="tb-open" label={labels('file')} />
        <CommandButton command="file:save" icon="save" testId="tb-save" label={labels('file')} />
        <Menu testId="tb-save-menu" className="chevron-only" title={t('toolbar.saveAs')} label={<Icon name="chevron" size={12} />} items={[commandItem('save-as', t('toolbar.saveAs'), 'file:saveAs')]} />
        <Menu testId="tb-import" title={t('toolbar.import')} label={<MenuFace icon="import" text={t('toolbar.import')} compact={!labels('file')} />} items={importItems(t)} />
        <Menu testId="tb-export" title={t('toolbar.export')} label={<MenuFace icon="export" text={t('toolbar.export')} compact={!labels('file')} />} items={exportItems(t)} />
      </>
    ),
    history: (
      <>
        <CommandButton command="edit:undo" icon="undo" testId="tb-undo" />
        <CommandButton command="edit:redo" icon="redo" testId="tb-redo" />
      </>
    ),
    view: (
      <>
        <CommandButton command="view:zoomOut" icon="zoomOut" testId="tb-zoom-out" />
        <ZoomValue />
        <CommandButton command="view:zoomIn" icon="zoomIn" testId="tb-zoom-in" />
        <CommandButton command="view:fit" icon="fit" testId="tb-fit" />
        <CommandButton command="view:autoLayout" icon="layout" testId="tb-auto-layout" label={labels('view')} />
      </>
    ),
    help: <CommandButton command="help:shortcuts" icon="keyboard" testId="tb-shortcuts" />,
    examples: <Menu testId="tb-examples" align="right" title={t('toolbar.examples')} label={<MenuFace icon="book" text={t('toolbar.examples')} compact={!labels('examples')} />} items={exampleItems(lang)} />,
    uiZoom: (
      <Menu
        testId="tb-ui-zoom"
        align="right"
        title={t('toolbar.interfaceSize')}
        label={<><Icon name="textSize" /><span className="ui-zoom-value">{Math.round(uiZoom * 100)}%</span><Icon name="chevron" size={12} /></>}
        items={uiZoomItems(t)}
      />
    ),
    language: <Menu testId="language" align="right" title={t('toolbar.language')} label={<MenuFace icon="globe" text={t(`language.${lang}`)} compact={!labels('language')} />} items={languageItems(t, lang)} />,
    presenter: <CommandButton command="view:presenter" icon="present" testId="presenter" label={labels('presenter')} />,
    // Run in design mode; while simulating, Stop (back to the design) and Run again.
    simulate: simulating ? (
      <>
        <CommandButton command="sim:stop" icon="stop" testId="stop-simulation" className="sim-stop" label={labels('simulate')} text={t('simulation.stopShort')} />
        <CommandButton command="sim:run" icon="play" testId="run-simulation" />
      </>
    ) : (
      <CommandButton command="sim:run" icon="play" testId="run-simulation" className="sim-run" label={labels('simulate')} text={t('simulation.runShort')} />
    ),
  };
  const group = (id: ToolbarGroupId, className = '') =>
    !collapsed.includes(id) && (
      <div className={`tb-group ${className}`} data-group={id} key={id}>
        {groups[id]}
      </div>
    );

  return (
    <header className={`toolbar${labels('brand') ? '' : ' compact'}`} data-testid="toolbar" ref={bar}>
      <div className="tb-brand" data-group="brand" title={t('app.name')}>
        <Icon name="logo" size={18} />
        {labels('brand') && <span className="tb-label">{t('app.name')}</span>}
      </div>
      {group('file')}
      {group('history')}
      {group('view')}
      {group('simulate')}
      <div className="tb-title" data-testid="title" title={name}>
        <DesignTitle name={name} designName={designName} />
        {dirty && <span className="tb-dirty" data-testid="unsaved-mark" title={t('app.unsaved')} aria-label={t('app.unsaved')} />}
      </div>
      {group('help', 'right')}
      {group('examples', 'right')}
      {group('uiZoom', 'right')}
      {group('language', 'right')}
      {group('presenter', 'right')}
      {collapsed.length > 0 && (
        <Menu
          testId="tb-overflow"
          align="right"
          className="overflow"
          title={t('toolbar.more')}
          label={<Icon name="more" />}
          items={TOOLBAR_ORDER.filter((id) => collapsed.includes(id)).flatMap((id) => overflowItems(id, t, lang, uiZoom))}
        />
      )}
    </header>
  );
}
