/** The bottom dock: tabs YAML and Problems (the simulation adds its tabs here later). */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { selectProblems, useKubeplanStore } from '../store';
import { Icon } from './icons';
import { ProblemsTab } from './ProblemsTab';
import { YamlTab } from './YamlTab';

export interface DockTab {
  id: string;
  label: ReactNode;
  render: () => ReactNode;
}

export function Dock({ extraTabs = [] }: { extraTabs?: DockTab[] }) {
  const { t } = useTranslation();
  const problems = useKubeplanStore(selectProblems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const [active, setActive] = useState('yaml');
  const [open, setOpen] = useState(true);
  const tabs: DockTab[] = [
    { id: 'yaml', label: t('dock.yaml'), render: () => <YamlTab /> },
    {
      id: 'problems',
      label: (
        <>
          {t('dock.problems')}
          {problems.length > 0 && <span className={`badge ${errors > 0 ? 'error' : 'warning'}`} data-testid="problem-count">{problems.length}</span>}
        </>
      ),
      render: () => <ProblemsTab />,
    },
    ...extraTabs,
  ];
  const current = tabs.find((x) => x.id === active) ?? tabs[0]!;
  return (
    <section className={`dock${open ? '' : ' closed'}`} data-testid="dock">
      <div className="dock-tabs" role="tablist">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={open && tab.id === current.id}
            data-testid={`tab-${tab.id}`}
            onClick={() => {
              setActive(tab.id);
              setOpen(true);
            }}
          >
            {tab.label}
          </button>
        ))}
        <span className="spacer" />
        <button type="button" className="icon-button" title={open ? t('dock.collapse') : t('dock.expand')} aria-label={open ? t('dock.collapse') : t('dock.expand')} onClick={() => setOpen(!open)}>
          <span style={{ display: 'inline-flex', transform: open ? 'none' : 'rotate(180deg)' }}><Icon name="chevron" size={14} /></span>
        </button>
      </div>
      {open && <div className="dock-body">{current.render()}</div>}
    </section>
  );
}
