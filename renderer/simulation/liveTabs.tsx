/** The dock tabs of the live view: Events and Metrics (in simulate mode) and Nodes (always: the design's cluster). */
import { useTranslation } from 'react-i18next';
import type { DockTab } from '../panels/Dock';
import { useKubeplanStore } from '../store';
import { ConsoleTab } from '../console/ConsoleTab';
import { EventsTab } from './EventsTab';
import { NodesPanel } from './NodesPanel';
import { MetricsTab } from '../observe/MetricsTab';
import './live.css';

export function useLiveDockTabs(): DockTab[] {
  const { t } = useTranslation();
  const simulating = useKubeplanStore((s) => s.mode === 'simulate');
  return [
    ...(simulating ? [{ id: 'events', label: t('live.events.tab'), render: () => <EventsTab /> }] : []),
    { id: 'nodes', label: t('live.nodes.tab'), render: () => <NodesPanel /> },
    { id: 'console', label: t('console.tab'), render: () => <ConsoleTab /> },
    ...(simulating ? [{ id: 'metrics', label: t('observe.metrics.tab'), render: () => <MetricsTab /> }] : []),
  ];
}
